package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Imports a workbook into several related tables with a version-2 profile, or answers what that would do (dry run):
 * the workbook is validated across all its tables under the import's mode, every source row without an error in any
 * table is kept with all the target rows it makes, and they are written by {@link RelatedCommitter} as one batch in
 * one transaction, parents first, references resolved to the parents' keys. A failed blocking gate refuses before
 * anything is written.
 */
public final class ImportTables {

    private final TargetDatabase db;
    private final Profile profile;
    private final TablesSummary summary;
    private final List<GateResult> gates;
    private final RelatedBatchRequest request;

    private ImportTables(TargetDatabase db, Profile profile, TablesSummary summary, List<GateResult> gates,
                         RelatedBatchRequest request) {
        this.db = db;
        this.profile = profile;
        this.summary = summary;
        this.gates = gates;
        this.request = request;
    }

    /**
     * Validates the workbook under the import's mode (given, or each table's own) and chooses every source row
     * without errors in any table. Long: reports the source rows validated to {@code progress}, which can cancel.
     *
     * @param findings receives every finding (may be null)
     */
    public static ImportTables fromFile(TargetDatabase db, Path file, SourceOptions chosen, Profile profile,
                                       ImportRows.ImportSettings settings, Consumer<TableFinding> findings,
                                       Progress progress) {
        ValidateTables.refuseScoreGates(profile);
        Profile underMode = settings.mode() == null ? profile : withMode(profile, settings.mode());
        Function<String, TableInfo> tables = db.tablesIntrospectedOnce();
        List<TableMapping> ordered = WorkbookValidation.parentsFirst(underMode);
        TablesSummary summary;
        Map<String, String> sheets;
        Map<String, java.util.BitSet> rejected = new TreeMap<>();
        try (WorkbookValidation validation = WorkbookValidation.prepare(file,
                part -> ValidateTables.optionsOf(chosen, underMode, part), underMode, db)) {
            summary = validation.run(findings == null ? f -> { } : findings, progress);
            sheets = validation.sheets();
            for (String sheet : sheets.values()) {
                rejected.put(sheet, validation.rejectedRows(sheet));
            }
        }
        List<TableRows> rows = new ArrayList<>();
        for (TableMapping part : ordered) {
            ImportMode mode = ImportMode.parse(part.commitMode(), "profile '" + profile.name() + "', table "
                    + part.table());
            TableInfo table = tables.apply(part.table());
            Set<String> targets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            targets.addAll(part.targetColumns());
            List<ColumnInfo> columns = table.columns().stream().filter(c -> targets.contains(c.name())).toList();
            String sheet = sheets.get(part.table());
            rows.add(new TableRows(table, columns, sheet, mode, part.naturalKey(), references(underMode, part),
                    new WorkbookRows(file, ValidateTables.optionsOf(chosen, underMode, part), underMode, part,
                            tables, rejected.get(sheet))));
        }
        List<GateResult> gates = ValidateTables.gates(profile, summary);
        // the batch names the profile as the steward gave it, so a repeat with another --mode is still a repeat
        RelatedBatchRequest request = new RelatedBatchRequest(file.getFileName().toString(), Sources.sha256(file),
                profile.name(), ProfileIO.sha256(profile), null, summary.rows(), summary.rowsWithErrors(),
                settings.allowDuplicate(), settings.steward(), gates, rows);
        return new ImportTables(db, profile, summary, gates, request);
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


    /** Counts per table and per sheet of the validation the rows were chosen by. */
    public TablesSummary summary() {
        return summary;
    }

    /** The profile's gates as measured (rejected rows: the source rows with errors); stored with the batch. */
    public List<GateResult> gates() {
        return gates;
    }

    /** Whether a failed blocking gate refuses this import. */
    public boolean blocked() {
        return QualityGates.blocks(gates);
    }

    /** The mode each table is written with, by table as the target names it, in the profile's parents-first order. */
    public Map<String, String> modes() {
        Map<String, String> modes = new java.util.LinkedHashMap<>();
        request.tables().forEach(t -> modes.put(t.table().name(), t.mode().code()));
        return modes;
    }

    /** What the import would do per table, parents first; writes nothing. Refuses as {@link #commit} does. */
    public List<TableCounts> dryRun(Progress progress) {
        refuseNothing();
        return new RelatedCommitter(db).plan(request, progress);
    }

    /** Writes the chosen rows as one batch in one transaction; on any refusal, failure or cancel nothing is written. */
    public RelatedCommitResult commit(Progress progress) {
        refuseNothing();
        return new RelatedCommitter(db).commit(request, progress);
    }

    private void refuseNothing() {
        if (blocked()) {
            throw new GatesBlockedException(gates.stream().filter(g -> g.status() == GateStatus.BLOCKED).toList());
        }
        if (summary.rows() == summary.rowsWithErrors()) {
            throw new NothingToImportException(summary.rows() == 0
                    ? request.sourceFile() + " has no data rows in the sheets profile '" + profile.name()
                    + "' reads; nothing was imported."
                    : "No row of " + request.sourceFile() + " can be imported: all " + summary.rows() + " source"
                    + " rows have error findings; nothing was imported.");
        }
    }
}
