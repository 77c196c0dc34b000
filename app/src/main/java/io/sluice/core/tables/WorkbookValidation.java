package io.sluice.core.tables;

import io.sluice.core.Progress;
import io.sluice.core.Severity;
import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TableShape;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ReferenceOrder;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One validation of a workbook with a version-2 profile against the target: opens each sheet the profile reads,
 * compiles every table part over its sheet ({@link PartCheck}), then streams the sheets, parents' sheets first, in
 * chunks of source rows: each row is expanded into the target rows of every part its sheet feeds, every rule of
 * every table runs on them, and the references between the tables are checked ({@link ReferenceCheck}). The source
 * row is the unit of decision: an error in any target row it makes marks the whole source row, and an import leaves
 * it out with every target row it makes. Memory holds a chunk, one bit per source row and 12 bytes per parent key.
 */
public final class WorkbookValidation implements AutoCloseable {

    /** Source rows read and checked together. */
    static final int CHUNK = 500;

    /**
     * Hears each chunk of source rows once every finding on it is out (an export writes its rows then). Called on
     * the validating thread.
     */
    public interface ChunkListener {

        /**
         * @param sheet  the chunk's sheet, as the file names it
         * @param rows   the chunk's source rows, in sheet order
         * @param made   the target rows each part reading that sheet made of them, by the part's table as the
         *               profile names it, parents first
         * @param errors the sheet's source rows with an error finding: final for this chunk's rows
         */
        void checked(String sheet, List<SourceRow> rows, Map<String, List<TargetRow>> made, BitSet errors);
    }

    /**
     * One sheet the profile reads, as the file has it.
     *
     * @param sheet     the sheet's name (the file name for CSV)
     * @param format    the file's format (CSV, XLSX, XLS)
     * @param headerRow its 1-based header row
     * @param columns   its headers, in file order
     * @param tables    the tables it feeds, as the profile names them, parents first
     */
    public record SheetLayout(String sheet, String format, long headerRow, List<String> columns,
                              List<String> tables) {
    }

    /** The parts that read one sheet, in the order parents first, with the opened sheet. */
    private record SheetGroup(SourceTable source, List<PartCheck> parts) {
    }

    private final Profile profile;
    private final List<SheetGroup> groups;
    private final List<PartCheck> parts;
    private final ReferenceCheck references;
    /** Each part's table as introspected when the validation was prepared, by table as the profile names it. */
    private final Map<String, TableShape> shapes;
    private final Map<String, BitSet> rejected = new HashMap<>();
    private LeftOutRows leftOutByCaller;
    private boolean referencesOnly;
    private boolean ran;

    private WorkbookValidation(Profile profile, List<SheetGroup> groups, List<PartCheck> parts,
                               ReferenceCheck references, Map<String, TableShape> shapes) {
        this.profile = profile;
        this.groups = groups;
        this.parts = parts;
        this.references = references;
        this.shapes = shapes;
    }

    /**
     * Opens the sheets and prepares every part's rules; fails with one sentence when the profile does not fit the
     * workbook or the target, or when its tables reference each other in a cycle.
     *
     * @param optionsOf how the sheet of a part is read (its sheet and header row, with the steward's choices)
     */
    public static WorkbookValidation prepare(Path file, Function<TableMapping, SourceOptions> optionsOf,
                                             Profile profile, TargetDatabase db) {
        return prepare(optionsOf, part -> Sources.open(file, optionsOf.apply(part)), profile, db);
    }

    /**
     * As {@link #prepare(Path, Function, Profile, TargetDatabase)} over sheets read from elsewhere (a workbook
     * review's rows with the steward's edits): {@code sheetOf} names the sheet a part reads, parts naming the same
     * sheet share it, and {@code open} opens a sheet by that name once.
     */
    public static WorkbookValidation prepareOver(Function<TableMapping, String> sheetOf,
                                                 Function<String, SourceTable> open, Profile profile,
                                                 TargetDatabase db) {
        return prepare(sheetOf, part -> open.apply(sheetOf.apply(part)), profile, db);
    }

    private static <K> WorkbookValidation prepare(Function<TableMapping, K> keyOf,
                                                  Function<TableMapping, SourceTable> open, Profile profile,
                                                  TargetDatabase db) {
        if (!profile.mapsSeveralTables()) {
            throw new IllegalArgumentException("Profile '" + profile.name() + "' maps onto one table");
        }
        List<TableMapping> ordered = parentsFirst(profile);
        Function<String, TableInfo> tables = db.tablesIntrospectedOnce();
        Map<K, SheetGroup> bySheet = new LinkedHashMap<>();
        List<PartCheck> parts = new ArrayList<>();
        Map<K, Set<String>> readBySheet = new HashMap<>();
        ordered.forEach(part -> readBySheet.computeIfAbsent(keyOf.apply(part), k -> new LinkedHashSet<>())
                .addAll(UnmappedColumns.read(part)));
        try {
            for (TableMapping part : ordered) {
                K key = keyOf.apply(part);
                SheetGroup group = bySheet.get(key);
                if (group == null) {
                    group = new SheetGroup(open.apply(part), new ArrayList<>());
                    bySheet.put(key, group);
                    // every column the sheet's parts need and the sheet lacks, named at once, not the first part's
                    Mapper.requireSources(readBySheet.get(key), group.source().columns(), "Profile '"
                            + (profile.name() == null ? "unnamed" : profile.name()) + "'", "sheet "
                            + group.source().sheet());
                }
                PartCheck check = PartCheck.compile(profile, part, group.source(), tables, db);
                group.parts().add(check);
                parts.add(check);
            }
        } catch (RuntimeException e) {
            bySheet.values().forEach(g -> g.source().close());
            throw e;
        }
        List<SheetGroup> groups = List.copyOf(bySheet.values());
        WorkbookValidation[] self = new WorkbookValidation[1];
        ReferenceCheck references = new ReferenceCheck(db, parts, tables, (sheet, row) -> self[0].leftOut(sheet,
                row));
        Map<String, TableShape> shapes = new LinkedHashMap<>();
        ordered.forEach(part -> shapes.put(part.table(), TableShape.of(tables.apply(part.table()))));
        self[0] = new WorkbookValidation(profile, groups, List.copyOf(parts), references, Map.copyOf(shapes));
        return self[0];
    }

    /**
     * Why a parent row is left out of an import (so that a reference to it is a finding), or null when it is not:
     * it has an error finding in this pass, or the caller leaves it out (a row the steward rejected).
     */
    private String leftOut(String sheet, long row) {
        if (row > Integer.MAX_VALUE) {
            return null;
        }
        BitSet errors = rejected.get(sheet);
        if (errors != null && errors.get((int) row)) {
            return "has errors";
        }
        return leftOutByCaller == null ? null : leftOutByCaller.why(sheet, row);
    }

    /**
     * Leaves these rows out as parents, besides the rows found in error: a reference to a parent made only by such a
     * row is a finding, with the reason the callback gives (e.g. "was rejected"). To be called before {@link #run}.
     */
    public WorkbookValidation leavingOut(LeftOutRows rows) {
        this.leftOutByCaller = rows;
        return this;
    }

    /**
     * Checks only the references between the tables, not the tables' own rules: for re-checking a workbook
     * review's reference findings after a change, with the rows in error given by {@link #leavingOut}. To be called
     * before {@link #run}.
     */
    public WorkbookValidation referencesOnly() {
        this.referencesOnly = true;
        return this;
    }

    /** Why a row of a sheet is left out of an import, or null when it is not. */
    @FunctionalInterface
    public interface LeftOutRows {
        /** The reason in a few words that finish "which ... and is left out" (e.g. "was rejected"), or null. */
        String why(String sheet, long row);
    }

    /** Told each chunk of source rows once all its findings have been handed on. */
    @FunctionalInterface
    public interface SheetChunks {
        void checked(String sheet, List<SourceRow> rows);
    }

    /** The profile's parts with every parent before the parts referencing it; a cycle is refused in one sentence. */
    public static List<TableMapping> parentsFirst(Profile profile) {
        ReferenceOrder order = ReferenceOrder.of(profile.tables());
        if (!order.cycle().isEmpty()) {
            throw SluiceException.input("Profile '" + profile.name() + "' has tables that reference each other in a"
                    + " cycle (" + String.join(" -> ", order.cycle()) + "), so no table can be written first;"
                    + " remove one of those references.");
        }
        return order.parentsFirst();
    }


    /**
     * Validates every sheet, handing each finding to {@code findings} on the calling thread; a cancel through
     * {@code progress} ends it with a {@link CancellationException}. Runs once.
     */
    public TablesSummary run(Consumer<TableFinding> findings, Progress progress) {
        return run(findings, (ChunkListener) null, progress);
    }

    /**
     * As {@link #run(Consumer, Progress)}, telling {@code chunks} (may be null) of each chunk of source rows once its
     * findings have all been handed to {@code findings}, so that a caller can store the rows with their findings.
     */
    public TablesSummary run(Consumer<TableFinding> findings, SheetChunks chunks, Progress progress) {
        return run(findings, chunks == null ? null
                : (ChunkListener) (sheet, rows, made, errors) -> chunks.checked(sheet, List.copyOf(rows)), progress);
    }

    /**
     * As {@link #run(Consumer, Progress)}, telling {@code chunks} (may be null) of each chunk once its findings are
     * out, with the target rows each part made of it (the list of rows is reused for the next chunk: copy what is
     * kept).
     */
    public TablesSummary run(Consumer<TableFinding> findings, ChunkListener chunks, Progress progress) {
        if (ran) {
            throw new IllegalStateException("A workbook validation runs once");
        }
        ran = true;
        Progress listener = progress == null ? Progress.NONE : progress;
        List<TablesSummary.SheetTally> sheets = new ArrayList<>();
        long done = 0;
        for (SheetGroup group : groups) {
            String sheet = group.source().sheet();
            BitSet errors = rejected.computeIfAbsent(sheet, s -> new BitSet());
            long[] counts = new long[3]; // rows, target rows, findings
            List<SourceRow> chunk = new ArrayList<>(CHUNK);
            while (true) {
                chunk.clear();
                SourceRow row;
                while (chunk.size() < CHUNK && (row = group.source().next()) != null) {
                    chunk.add(row);
                }
                if (chunk.isEmpty()) {
                    break;
                }
                if (listener.isCancelled()) {
                    throw new CancellationException("The validation of " + group.source().file().getFileName()
                            + " was cancelled.");
                }
                check(group, chunk, errors, counts, findings, chunks);
                done += chunk.size();
                listener.rowsDone(done);
            }
            sheets.add(new TablesSummary.SheetTally(sheet, counts[0], errors.cardinality(), counts[1], counts[2]));
        }
        List<TablesSummary.TableTally> tables = parts.stream().map(p -> new TablesSummary.TableTally(p.table(),
                p.sheet(), p.targetRows, p.importable, p.errors, p.warnings)).toList();
        return new TablesSummary(tables, sheets);
    }

    private void check(SheetGroup group, List<SourceRow> chunk, BitSet errors, long[] counts,
                       Consumer<TableFinding> findings, ChunkListener chunks) {
        String sheet = group.source().sheet();
        Map<PartCheck, List<TargetRow>> made = new LinkedHashMap<>();
        for (PartCheck part : group.parts()) {
            List<TargetRow> rows = new ArrayList<>();
            for (SourceRow row : chunk) {
                rows.addAll(part.expansion().expand(row));
            }
            made.put(part, rows);
            part.targetRows += rows.size();
            counts[1] += rows.size();
        }
        for (Map.Entry<PartCheck, List<TargetRow>> e : made.entrySet()) {
            if (referencesOnly) {
                break;
            }
            PartCheck part = e.getKey();
            List<MappedRow> mapped = e.getValue().stream().map(TargetRow::values).toList();
            part.rules().check(mapped, f -> emit(part, sheet, f, errors, counts, findings));
        }
        made.forEach(references::record);
        for (Map.Entry<PartCheck, List<TargetRow>> e : made.entrySet()) {
            PartCheck part = e.getKey();
            references.check(part, e.getValue(), f -> emit(part, sheet, f, errors, counts, findings));
        }
        for (Map.Entry<PartCheck, List<TargetRow>> e : made.entrySet()) {
            for (TargetRow row : e.getValue()) {
                if (row.sourceRow() > Integer.MAX_VALUE || !errors.get((int) row.sourceRow())) {
                    e.getKey().importable++;
                }
            }
        }
        counts[0] += chunk.size();
        if (chunks != null) {
            Map<String, List<TargetRow>> byTable = new LinkedHashMap<>();
            made.forEach((part, rows) -> byTable.put(part.part().table(), rows));
            chunks.checked(sheet, chunk, byTable, errors);
        }
    }

    private static void emit(PartCheck part, String sheet, Finding finding, BitSet errors, long[] counts,
                             Consumer<TableFinding> findings) {
        if (finding.severity() == Severity.ERROR) {
            part.errors++;
            if (finding.row() <= Integer.MAX_VALUE) {
                errors.set((int) finding.row());
            }
        } else {
            part.warnings++;
        }
        counts[2]++;
        findings.accept(new TableFinding(part.table(), sheet, finding));
    }

    /** The source rows of that sheet with an error finding in any table (after {@link #run}). */
    public BitSet rejectedRows(String sheet) {
        BitSet rows = rejected.get(sheet);
        return rows == null ? new BitSet() : (BitSet) rows.clone();
    }

    /** The sheet each part reads, as the file names it, by the part's table (profile spelling). */
    public Map<String, String> sheets() {
        Map<String, String> sheets = new LinkedHashMap<>();
        parts.forEach(p -> sheets.put(p.part().table(), p.sheet()));
        return sheets;
    }

    /** The sheets the profile reads, in the order they are validated (parents' sheets first). */
    public List<SheetLayout> layout() {
        List<SheetLayout> layout = new ArrayList<>();
        for (SheetGroup g : groups) {
            SourceTable source = g.source();
            layout.add(new SheetLayout(source.sheet(), source.format().name(), source.headerRow(), source.columns(),
                    g.parts().stream().map(p -> p.part().table()).toList()));
        }
        return layout;
    }

    /**
     * Each sheet's columns that none of the parts reading it maps, and those Sluice added when it sent the rows back,
     * in the order the sheets are validated.
     */
    public List<UnmappedColumns> unmapped() {
        List<UnmappedColumns> unmapped = new ArrayList<>();
        for (SheetGroup g : groups) {
            unmapped.add(UnmappedColumns.of(g.source().sheet(), g.parts().stream().map(PartCheck::part).toList(),
                    g.source().columns()));
        }
        return unmapped;
    }

    /** The target columns of a part (its table as the profile names it), in table order, as its rows hold them. */
    public List<ColumnInfo> targetColumns(String table) {
        return parts.stream().filter(p -> p.part().table().equals(table)).findFirst().orElseThrow()
                .expansion().targetColumns();
    }

    public Profile profile() {
        return profile;
    }

    /**
     * The shapes of the target tables as this validation judges the rows against them, by table as the profile
     * names it: what a review records, so that an import can tell when they changed since.
     */
    public Map<String, TableShape> shapes() {
        return shapes;
    }

    /** The sheets read, in the order they are validated (parents' sheets first), each opened once. */
    public List<SourceTable> sources() {
        return groups.stream().map(SheetGroup::source).toList();
    }

    /** The target tables a sheet feeds (profile spelling), in the order parents first. */
    public List<String> tablesOf(String sheet) {
        return parts.stream().filter(p -> p.sheet().equals(sheet)).map(p -> p.part().table()).toList();
    }

    /** The ids of the rules judging a row against the whole workbook (repeats within the file) on a sheet's rows. */
    public java.util.Set<String> uniquenessRules(String sheet) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        parts.stream().filter(p -> p.sheet().equals(sheet)).forEach(p -> ids.addAll(p.rules().uniquenessRules()));
        return ids;
    }

    @Override
    public void close() {
        groups.forEach(g -> g.source().close());
    }
}
