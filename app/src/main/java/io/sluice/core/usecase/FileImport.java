package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.commit.CommitRequest;
import io.sluice.core.commit.ImportRequests;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.Sources;
import io.sluice.core.validate.FileOpening;
import io.sluice.core.validate.GateMeasures;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.QualityGates;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The direct import of a file ({@code import FILE --approve valid}): each import or dry run validates the file as it
 * goes ({@link FileValidRows}), on a second connection to the target ({@link TargetDatabase#openAlongside}), so the
 * rules that read the target see it as committed while the import's own transaction writes. Holds what every pass
 * shares: the file, the profile under the import's mode, the target table and the file's SHA-256. The file is opened
 * and hashed on a thread of its own while the second connection opens ({@link FileOpening}), and the first pass reads
 * the file so opened: its encoding is decided once, and the hash is ready when the import's batch records it.
 */
final class FileImport implements AutoCloseable {

    private final Path file;
    private final SourceOptions options;
    private final Profile profile;
    private final Profile underMode;
    private final ImportMode mode;
    private final ImportRows.ImportSettings settings;
    private final TargetDatabase reader;
    private final TableInfo table;
    private final List<ColumnInfo> targetColumns;
    private final List<String> sourceColumns;
    private final String sheet;
    /** The file opened ahead, until the first pass takes it (or the import is closed without a pass). */
    private FileOpening opened;
    /** The validation of the pass under way, which hashes the file beside it; and the hash, once known. */
    private ValidationJob hashing;
    private String sha256;

    /**
     * Checks that the profile fits the file and the table (fails at once, in one sentence, when it does not); every
     * pass then builds the rules afresh, so it validates the table as it is then, and every pass but the first opens
     * the file afresh (the first reads the file opened here, unless the file changed since).
     */
    FileImport(TargetDatabase db, Path file, SourceOptions options, Profile profile,
               ImportRows.ImportSettings settings) {
        this.file = file;
        this.options = options;
        this.profile = profile;
        this.mode = settings.modeOr(profile);
        this.underMode = profile.withCommitMode(mode.code());
        this.settings = settings;
        FileOpening opening = FileOpening.start(file, options);
        try {
            // a target that cannot be reached is reported before a file that cannot be read, as before
            this.reader = db.openAlongside();
        } catch (RuntimeException e) {
            opening.close();
            throw e;
        }
        try {
            // a job over the opened sheet that reads no row: it checks the fit, and the first pass reads the rows
            ValidationJob fit = ValidationJob.over(opening.table(), underMode, reader);
            this.table = fit.targetTable();
            this.targetColumns = fit.targetColumns();
            this.sourceColumns = fit.table().columns();
            this.sheet = fit.table().sheet();
            this.opened = opening;
        } catch (RuntimeException e) {
            opening.close();
            reader.close();
            throw e;
        }
    }

    Profile profile() {
        return profile;
    }

    /** The file's columns the profile does not map, and those Sluice added when it sent rows back. */
    UnmappedColumns unmapped() {
        return UnmappedColumns.of(profile, sourceColumns);
    }

    ImportMode mode() {
        return mode;
    }

    TableInfo table() {
        return table;
    }

    List<ColumnInfo> targetColumns() {
        return targetColumns;
    }

    /** The validation for the next pass, over the file as it is now; it hashes the file as it reads. */
    private ValidationJob nextJob() {
        FileOpening first = opened;
        opened = null;
        ValidationJob job;
        if (first != null && first.fileUnchanged()) {
            job = ValidationJob.prepare(first, underMode, reader);
        } else {
            // a pass reads the file as it is when the pass begins: one rewritten since it was opened is opened again
            if (first != null) {
                first.close();
            }
            job = ValidationJob.prepare(file, options, underMode, reader);
        }
        hashing = job;
        sha256 = null;
        return job;
    }

    /** A pass whose valid rows go to an import or dry run; {@code atEnd} gets the file's summary, may refuse. */
    FileValidRows rows(Progress cancel, Consumer<ValidationSummary> atEnd) {
        ValidationJob job = nextJob();
        return new FileValidRows(job, ImportRequests.legacyIdColumn(profile, sourceColumns), cancel, atEnd);
    }

    /** A pass that only validates (the measures asked for before any import or dry run). */
    ValidationSummary validate(Progress progress) {
        try (ValidationJob job = nextJob()) {
            return job.run(r -> { }, progress);
        }
    }

    /** The profile's gates as measured on the file's summary (rejected rows: the rows with errors). */
    List<GateResult> gates(ValidationSummary summary) {
        return QualityGates.evaluate(profile.gates(), GateMeasures.ofFile(summary));
    }

    /**
     * The request of an import of this file: {@code summary} null for the start of a pass, whose measures
     * (rows, scores, gates) are known only at its end.
     */
    CommitRequest request(ValidationSummary summary, List<GateResult> gates) {
        // the batch names the profile as the steward gave it, so a repeat with another --mode is still a repeat
        return new CommitRequest(file.getFileName().toString(), sha256(), sheet, profile.name(),
                ProfileIO.sha256(profile), mode, ImportRequests.naturalKey(profile, table), profile.legacyId(),
                summary == null ? QualityScores.NONE : ImportRequests.scores(summary),
                summary == null ? 0 : summary.rows(), summary == null ? 0 : summary.withErrors(),
                settings.allowDuplicate(), settings.steward(), gates);
    }

    private String sha256() {
        if (sha256 == null) {
            sha256 = hashing != null ? hashing.sha256() : Sources.sha256(file);
        }
        return sha256;
    }

    /** Why nothing of the file can be imported, as the steward reads it. */
    String nothingToImport(ValidationSummary summary) {
        return summary.rows() == 0
                ? file.getFileName() + " has no data rows; nothing was imported."
                : "No row of " + file.getFileName() + " can be imported: " + (summary.rows() == 1 ? "its only row has"
                : "all " + summary.rows() + " rows have") + " error findings under mode " + mode.code()
                + "; nothing was imported.";
    }

    @Override
    public void close() {
        try {
            if (opened != null) {
                opened.close();
            }
        } finally {
            reader.close();
        }
    }
}
