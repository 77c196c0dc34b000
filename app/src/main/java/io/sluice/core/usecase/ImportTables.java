package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.SluiceException;
import io.sluice.core.commit.BatchAddition;
import io.sluice.core.commit.NothingToImportException;
import io.sluice.core.commit.Reference;
import io.sluice.core.commit.RelatedBatchRequest;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.core.commit.RelatedCommitter;
import io.sluice.core.commit.TableCounts;
import io.sluice.core.commit.TableRows;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.Sources;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.tables.WorkbookValidation;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.core.validate.QualityGates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Imports a workbook into several related tables with a version-2 profile, or answers what that would do (dry run).
 * The import reads the workbook once: each chunk of source rows is validated across all its tables under the import's
 * mode, and its rows without an error in any table are written at once with every target row they make, parents'
 * tables first, by {@link RelatedCommitter} as one batch in one transaction, references resolved to the parents' keys
 * (decision 0035); the validation runs a chunk ahead of the writes on a thread of its own (decision 0050). The
 * whole workbook's measures (gates, counts) are known at its end: a failed blocking gate or a
 * workbook without a row to import then rolls everything back, and nothing is committed or recorded.
 */
public final class ImportTables {

    private final TargetDatabase db;
    private final Path file;
    private final SourceOptions chosen;
    private final Profile profile;
    private final Profile underMode;
    private final Consumer<TableFinding> findings;
    private final Progress validationProgress;
    /** The batch as it starts: its tables, without rows (the pass hands them in) and without measures. */
    private final RelatedBatchRequest started;
    private final Map<String, TableRows> tablesByPart;
    private final List<UnmappedColumns> unmapped;
    /** The last pass's measures; null until the workbook was read. */
    private TablesSummary summary;
    private List<GateResult> gates;

    private ImportTables(TargetDatabase db, Path file, SourceOptions chosen, Profile profile, Profile underMode,
                         Consumer<TableFinding> findings, Progress validationProgress, RelatedBatchRequest started,
                         Map<String, TableRows> tablesByPart, List<UnmappedColumns> unmapped) {
        this.unmapped = unmapped;
        this.db = db;
        this.file = file;
        this.chosen = chosen;
        this.profile = profile;
        this.underMode = underMode;
        this.findings = findings == null ? f -> { } : findings;
        this.validationProgress = validationProgress;
        this.started = started;
        this.tablesByPart = tablesByPart;
    }

    /**
     * Prepares the import of the workbook under the import's mode (given, or each table's own): fails at once, in
     * one sentence, when the profile does not fit the workbook or the target. The workbook is validated as the import
     * or dry run reads it; asked for its {@link #summary} or {@link #gates} before either, it is validated for them
     * alone (reporting to {@code progress}, which can cancel).
     *
     * @param findings receives every finding of every pass over the workbook (may be null)
     */
    public static ImportTables fromFile(TargetDatabase db, Path file, SourceOptions chosen, Profile profile,
                                       ImportRows.ImportSettings settings, Consumer<TableFinding> findings,
                                       Progress progress) {
        ValidateTables.refuseScoreGates(profile);
        Profile underMode = settings.mode() == null ? profile : withMode(profile, settings.mode());
        Function<String, TableInfo> tables = db.tablesIntrospectedOnce();
        List<TableMapping> ordered = WorkbookValidation.parentsFirst(underMode);
        Map<String, String> sheets;
        List<UnmappedColumns> unmapped;
        // the fit of the profile to the workbook and the target, checked before anything is read or written
        try (WorkbookValidation fit = WorkbookValidation.prepare(file,
                part -> ValidateTables.optionsOf(chosen, underMode, part), underMode, db)) {
            sheets = fit.sheets();
            unmapped = fit.unmapped();
        }
        List<TableRows> rows = new ArrayList<>();
        Map<String, TableRows> byPart = new LinkedHashMap<>();
        for (TableMapping part : ordered) {
            ImportMode mode = ImportMode.parse(part.commitMode(), "profile '" + profile.name() + "', table "
                    + part.table());
            TableInfo table = tables.apply(part.table());
            Set<String> targets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            targets.addAll(part.targetColumns());
            List<ColumnInfo> columns = table.columns().stream().filter(c -> targets.contains(c.name())).toList();
            TableRows t = new TableRows(table, columns, sheets.get(part.table()), mode, part.naturalKey(),
                    references(underMode, part), List.of());
            rows.add(t);
            byPart.put(part.table(), t);
        }
        // the batch names the profile as the steward gave it, so a repeat with another --mode is still a repeat
        RelatedBatchRequest started = new RelatedBatchRequest(file.getFileName().toString(), Sources.sha256(file),
                profile.name(), ProfileIO.sha256(profile), null, 0, 0, 0, settings.allowDuplicate(),
                settings.steward(), List.of(), rows);
        return new ImportTables(db, file, chosen, profile, underMode, findings, progress, started, byPart, unmapped);
    }

    /** The parts' declared references as the commit resolves them: the parent's natural key (or the named key). */
    static List<Reference> references(Profile profile, TableMapping part) {
        List<Reference> references = new ArrayList<>();
        for (TableReference r : part.references()) {
            TableMapping parent = profile.tables().stream().filter(t -> t.table().equalsIgnoreCase(r.table()))
                    .findFirst().orElseThrow();
            List<String> key = r.key().isEmpty() ? parent.naturalKey() : r.key();
            references.add(new Reference(List.of(r.column()), parent.table(), key));
        }
        return references;
    }

    /** The profile with every table's mode replaced by the one chosen for this import. */
    static Profile withMode(Profile profile, ImportMode mode) {
        List<TableMapping> parts = profile.tables().stream().map(t -> new TableMapping(t.table(), t.source(),
                t.columns(), t.unpivot(), t.references(), t.naturalKey(), mode.code(), t.rules(), t.legacyId()))
                .toList();
        return Profile.ofTables(profile.name(), profile.nullMarkers(), parts, profile.gates());
    }


    /** Each sheet's columns the profile does not map, and those Sluice added when it sent rows back. */
    public List<UnmappedColumns> unmapped() {
        return unmapped;
    }

    /**
     * Counts per table and per sheet of the last import or dry run; asked before either, the workbook is validated
     * for them alone.
     */
    public TablesSummary summary() {
        measure();
        return summary;
    }

    /**
     * The profile's gates as measured (rejected rows: the source rows with errors), by the last import or dry run;
     * asked before either, the workbook is validated for them alone. Stored with the batch.
     */
    public List<GateResult> gates() {
        measure();
        return gates;
    }

    /** Whether a failed blocking gate refuses this import (measured as {@link #gates} is). */
    public boolean blocked() {
        return QualityGates.blocks(gates());
    }

    /** The mode each table is written with, by table as the target names it, in the profile's parents-first order. */
    public Map<String, String> modes() {
        Map<String, String> modes = new LinkedHashMap<>();
        started.tables().forEach(t -> modes.put(t.table().name(), t.mode().code()));
        return modes;
    }

    /**
     * What the import would do per table, parents first: the same pass as {@link #commit}, rolled back, so the counts
     * are the import's. Refuses as the import does; leaves the target as it was.
     */
    public List<TableCounts> dryRun(Progress progress) {
        refuseDuplicateAfterGates();
        WorkbookPass pass = pass(progress);
        return unwrapFileFailure(pass, () -> new RelatedCommitter(db).plan(started, pass, cancelOnly(progress)));
    }

    /**
     * Reads the workbook once, writing each chunk's rows without errors as it is validated, as one batch in one
     * transaction; on any refusal, failure or cancel nothing is written.
     */
    public RelatedCommitResult commit(Progress progress) {
        refuseDuplicateAfterGates();
        BatchAddition measures = (connection, batchId) -> BatchAddition.relatedMeasures(measuredRequest())
                .write(connection, batchId);
        WorkbookPass pass = pass(progress);
        return unwrapFileFailure(pass, () -> new RelatedCommitter(db).commit(started, pass, cancelOnly(progress),
                measures));
    }

    /**
     * A workbook that cannot be read further is answered as itself (an input failure, exit 2), not as the target
     * failure the commit wraps it in; the failed batch the commit recorded for it stays.
     */
    private static <T> T unwrapFileFailure(WorkbookPass pass, Supplier<T> work) {
        try {
            return work.get();
        } catch (SluiceException e) {
            SluiceException failure = pass.readFailure();
            if (failure != null && e != failure && e.getCause() == failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** The pass of an import or dry run; its end measures the workbook and refuses as {@link #refuse} does. */
    private WorkbookPass pass(Progress progress) {
        return new WorkbookPass(db, file, part -> ValidateTables.optionsOf(chosen, underMode, part), underMode,
                tablesByPart, findings, either(progress), s -> {
                    measured(s);
                    refuse();
                });
    }

    /**
     * A repeated import is named first, as before the workbook was read for it; but a blocking gate still wins, so
     * the workbook is validated alone then, as it always was.
     */
    private void refuseDuplicateAfterGates() {
        try {
            new RelatedCommitter(db).refuseDuplicate(started);
        } catch (SluiceException duplicate) {
            if (duplicate.kind() == SluiceException.Kind.TARGET) {
                throw duplicate;
            }
            validateAlone();
            refuse();
            throw duplicate;
        }
    }

    private void measure() {
        if (summary == null) {
            validateAlone();
        }
    }

    private void validateAlone() {
        try (WorkbookValidation validation = WorkbookValidation.prepare(file,
                part -> ValidateTables.optionsOf(chosen, underMode, part), underMode, db)) {
            measured(validation.run(findings, validationProgress));
        }
    }

    private void measured(TablesSummary s) {
        summary = s;
        gates = ValidateTables.gates(profile, s);
    }

    /** The batch's request with the whole workbook's measures, for the batch record at the end. */
    private RelatedBatchRequest measuredRequest() {
        return new RelatedBatchRequest(started.sourceFile(), started.sourceSha256(), started.profileName(),
                started.profileSha256(), null, summary.rows(), summary.rowsWithErrors(),
                started.allowDuplicateImport(), started.steward(), gates, started.tables());
    }

    /** Progress that cancels with the caller's and the one given at {@link #fromFile}, and reports to the caller's. */
    private Progress either(Progress progress) {
        return new Progress() {
            @Override
            public void rowsDone(long rows) {
                if (progress != null) {
                    progress.rowsDone(rows);
                }
            }

            @Override
            public boolean isCancelled() {
                return progress != null && progress.isCancelled()
                        || validationProgress != null && validationProgress.isCancelled();
            }
        };
    }

    /** The commit's own progress: the pass reports the rows read; the commit only listens for a cancel. */
    private Progress cancelOnly(Progress progress) {
        Progress either = either(progress);
        return new Progress() {
            @Override
            public boolean isCancelled() {
                return either.isCancelled();
            }
        };
    }

    private void refuse() {
        if (QualityGates.blocks(gates)) {
            throw new GatesBlockedException(gates.stream().filter(g -> g.status() == GateStatus.BLOCKED).toList());
        }
        if (summary.rows() == summary.rowsWithErrors()) {
            throw new NothingToImportException(summary.rows() == 0
                    ? started.sourceFile() + " has no data rows in the sheets profile '" + profile.name()
                    + "' reads; nothing was imported."
                    : "No row of " + started.sourceFile() + " can be imported: all " + summary.rows() + " source"
                    + " rows have error findings; nothing was imported.");
        }
    }
}
