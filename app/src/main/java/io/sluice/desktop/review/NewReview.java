package io.sluice.desktop.review;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceTable;
import io.sluice.core.target.TargetDatabase;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.workspace.Review;
import io.sluice.core.workspace.ReviewStager;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.TaskContext;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Validates the source with the confirmed profile into a new review file, as {@code sluice validate --review} does.
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

    /** Source options chosen in the source step, else those the profile records. */
    static SourceOptions options(SourceOptions chosen, Profile profile) {
        if (chosen != null) {
            return chosen;
        }
        SourceSettings s = profile.source();
        if (s == null) {
            return SourceOptions.DEFAULTS;
        }
        Character delimiter = s.delimiter() == null || s.delimiter().isEmpty() ? null
                : s.delimiter().equals("\\t") ? '\t' : s.delimiter().charAt(0);
        return new SourceOptions(s.sheet(), s.headerRow(), false,
                s.encoding() == null ? null : Charset.forName(s.encoding()), delimiter);
    }

    /** Validates {@code source} into {@code file}; returns the file. Runs in the background. */
    static Path validate(Path source, SourceOptions options, Profile profile, TargetChoice target, Path file,
                         TaskContext context) {
        context.message("Reading " + source.getFileName());
        boolean done = false;
        try (TargetDatabase db = target.open();
             ValidationJob job = ValidationJob.prepare(source, options, profile, db)) {
            SourceTable table = job.table();
            try (Review review = Review.create(file, ReviewStager.info(job, db), table.columns());
                 ReviewStager stager = new ReviewStager(review)) {
                ValidationSummary summary = job.run(stager, context);
                stager.finish(table.issues(), summary);
            }
            done = true;
            return file;
        } finally {
            if (!done) {
                deleteQuietly(file);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (java.io.IOException e) {
            // Best effort: a stray partial file is harmless, the user is told about the failure itself.
        }
    }
}
