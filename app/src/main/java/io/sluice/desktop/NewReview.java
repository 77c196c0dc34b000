package io.sluice.desktop;

import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.ReaderOptions;
import io.sluice.core.usecase.ValidateFile;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Validates the source with the confirmed profile into a new review file, as {@code sluice validate --review} does,
 * a workbook review for a profile onto several tables.
 * A cancelled or failed validation leaves no half-staged review behind.
 */
final class NewReview {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private NewReview() {
    }

    /** {@code <directory>/<source-stem>-<yyyyMMdd-HHmmss>.sluice}. */
    static Path fileFor(Path source, Path directory, LocalDateTime now) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return directory.resolve(stem + "-" + STAMP.format(now) + ".sluice");
    }

    /** Source options chosen in the source step, any not chosen taken from the profile. */
    static SourceOptions options(SourceOptions chosen, Profile profile) {
        return ReaderOptions.of(chosen, profile.source());
    }

    /**
     * Validates {@code source} into {@code file}; returns the file. A profile onto several tables makes a workbook
     * review there: one review per sheet it reads, with the findings of every table made from that sheet. Runs in
     * the background.
     */
    static Path validate(Path source, SourceOptions options, Profile profile, TargetChoice target, Path file,
                         TaskContext context) {
        context.message("Reading " + source.getFileName());
        try (TargetDatabase db = target.open()) {
            if (profile.mapsSeveralTables()) {
                // each table names its sheet and header row; what the Source step chose was for one sheet
                SourceOptions reading = new SourceOptions(null, null, false, options.encoding(), options.delimiter());
                return ValidateWorkbookReview.stage(source, reading, profile, profile.name(), file, db, null,
                        context).review();
            }
            return ValidateFile.run(new ValidateFile.Request(source, options, profile, null, file, false), db,
                    null, context).review();
        }
    }
}
