package io.sluice.desktop.mapping;

import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.Suggestion;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.source.SheetInfo;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.Sources;
import io.sluice.core.tables.TableExpansion;
import io.sluice.core.tables.TargetRow;
import io.sluice.core.usecase.SuggestTables;
import io.sluice.core.usecase.TargetTables;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The background work of the mapping onto several tables: reading the first rows of the workbook's sheets and the
 * target's tables for a profile, suggesting a profile for tables the steward picked ({@link SuggestTables}), and
 * expanding the first source rows of one table into the rows they make. Each call opens and closes its own
 * connection and files.
 */
final class TablesSources {

    /** How many source rows a table's preview expands. */
    static final int PREVIEW_SOURCE_ROWS = 5;

    /**
     * What the screen is built from.
     *
     * @param profile     the version-2 profile shown
     * @param sheets      the workbook's visible sheets, in workbook order
     * @param samples     the first rows of each sheet read, by sheet name ("" for a CSV file)
     * @param tables      the target's tables of every schema, as a profile names them
     * @param infos       the target table of each table the profile names, by lower-case name; absent when missing
     * @param suggestions per table, the suggestion it was made from when the profile was just suggested
     */
    record Opened(Profile profile, List<String> sheets, Map<String, SourceSample> samples, List<String> tables,
                  Map<String, TableInfo> infos, Map<String, Suggestion> suggestions) {
    }

    private TablesSources() {
    }

    /** Reads what a profile onto several tables needs from the workbook and the target. */
    static Opened open(Path file, SourceOptions chosen, Profile profile, TargetChoice target, TaskContext ctx) {
        return open(file, chosen, profile, Map.of(), target, ctx);
    }

    /** Suggests a profile onto the tables the steward picked, sheet by sheet, and reads what it needs. */
    static Opened suggest(Path file, SourceOptions chosen, List<String> tables, String name, TargetChoice target,
                          TaskContext ctx) {
        if (tables.size() < 2) {
            throw SluiceException.input("Pick at least two tables to map the workbook onto; for one table, use the"
                    + " mapping onto one table.");
        }
        ctx.message("Suggesting a mapping per table from the sheets of " + file.getFileName());
        SuggestTables.Outcome outcome;
        try (TargetDatabase db = target.open()) {
            outcome = SuggestTables.run(file, readerOptions(chosen), tables, name, db);
        }
        Map<String, Suggestion> suggestions = new LinkedHashMap<>();
        outcome.tables().forEach(t -> suggestions.put(key(t.table()), t.suggestion()));
        return open(file, chosen, outcome.profile(), suggestions, target, ctx);
    }

    private static Opened open(Path file, SourceOptions chosen, Profile profile, Map<String, Suggestion> suggestions,
                               TargetChoice target, TaskContext ctx) {
        SourceOptions options = readerOptions(chosen);
        SourceInspection inspection = Sources.inspect(file, options, ctx);
        List<String> sheets = inspection.sheets().stream().filter(s -> !s.hidden()).map(SheetInfo::name).toList();
        Map<String, SourceSample> samples = new LinkedHashMap<>();
        Map<String, Integer> headerRows = new LinkedHashMap<>();
        for (TableMapping part : profile.tables()) {
            String sheet = part.sheet() == null ? "" : part.sheet();
            headerRows.putIfAbsent(sheet, part.source() == null ? null : part.source().headerRow());
        }
        boolean csv = inspection.sheets().isEmpty();
        List<String> toRead = new ArrayList<>(csv ? List.of("") : sheets);
        headerRows.keySet().stream().filter(s -> !toRead.contains(s) && inspection.sheets().stream()
                .anyMatch(i -> i.name().equals(s))).forEach(toRead::add);
        for (String sheet : toRead) {
            SourceOptions sheetOptions = (sheet.isEmpty() ? options : options.withSheet(sheet))
                    .withHeaderRow(headerRows.get(sheet));
            samples.put(sheet, SourceSample.read(file, sheetOptions, ctx));
        }
        ctx.message("Reading the tables of " + target.name());
        try (TargetDatabase db = target.open()) {
            List<String> names = TargetTables.names(db);
            Map<String, TableInfo> infos = new TreeMap<>();
            for (TableMapping part : profile.tables()) {
                if (names.stream().anyMatch(n -> n.equalsIgnoreCase(part.table()))) {
                    infos.put(key(part.table()), db.table(part.table()));
                }
            }
            return new Opened(profile, csv ? List.of() : sheets, samples, names, infos, suggestions);
        }
    }

    /**
     * Each sheet's columns that the profile's parts reading it do not map, and those Sluice added when it sent the rows
     * back, one sentence each, in the profile's order of sheets.
     */
    static List<String> unmapped(Opened opened) {
        Map<String, List<TableMapping>> bySheet = new LinkedHashMap<>();
        for (TableMapping part : opened.profile().tables()) {
            bySheet.computeIfAbsent(part.sheet() == null ? "" : part.sheet(), s -> new ArrayList<>()).add(part);
        }
        List<String> sentences = new ArrayList<>();
        bySheet.forEach((sheet, parts) -> {
            SourceSample sample = opened.samples().get(sheet);
            if (sample != null) {
                sentences.addAll(UnmappedColumns.of(sheet.isEmpty() ? null : sheet, parts, sample.columns())
                        .sentences());
            }
        });
        return sentences;
    }

    /** Reads the table of that name for a table added to the mapping; null when the target has none. */
    static TableInfo table(String name, TargetChoice target) {
        try (TargetDatabase db = target.open()) {
            return TargetTables.names(db).stream().anyMatch(n -> n.equalsIgnoreCase(name)) ? db.table(name) : null;
        }
    }

    /** Reads another sheet's first rows, its header row found as the Source step finds it. */
    static SourceSample sheet(Path file, SourceOptions chosen, String sheet, TaskContext ctx) {
        return SourceSample.read(file, readerOptions(chosen).withSheet(sheet), ctx);
    }

    /**
     * The rows of {@code part} the first source rows of its sheet make, compiled with the part and the parts it
     * references (their own references left out), so another table's unfinished mapping does not hide this one's.
     */
    static MappingPreview preview(Profile profile, TableMapping part, SourceSample sample, Integer headerRow,
                                  Map<String, TableInfo> infos) {
        List<TableMapping> parts = new ArrayList<>();
        for (TableMapping other : profile.tables()) {
            boolean parent = part.references().stream().anyMatch(r -> other.table().equalsIgnoreCase(r.table()));
            if (parent && other != part) {
                parts.add(new TableMapping(other.table(), other.source(), other.columns(), other.unpivot(),
                        List.of(), other.naturalKey(), other.commitMode(), other.rules(), other.legacyId()));
            }
        }
        parts.add(part);
        Profile local = Profile.ofTables(profile.name(), profile.nullMarkers(), parts, List.of());
        String sheet = part.sheet();
        long header = headerRow == null ? 1 : headerRow;
        TableExpansion expansion = TableExpansion.compile(local, part, sheet, header, sample.columns(),
                name -> infos.get(key(name)));
        List<MappingPreview.Row> rows = new ArrayList<>();
        List<String> columns = List.of();
        for (SourceRow row : sample.rows().subList(0, Math.min(PREVIEW_SOURCE_ROWS, sample.rows().size()))) {
            for (TargetRow made : expansion.expand(row)) {
                if (columns.isEmpty()) {
                    columns = made.values().targets();
                }
                rows.add(new MappingPreview.Row(made.sourceRow(), made.values().values()));
            }
        }
        if (columns.isEmpty()) {
            TableInfo info = infos.get(key(part.table()));
            columns = info == null ? List.of() : part.targetColumns().stream().map(c -> info.column(c)
                    .map(ColumnInfo::name).orElse(c)).toList();
        }
        return new MappingPreview(columns, rows);
    }

    /** A reference's parent natural-key column, as the profile would resolve it. */
    static String parentKey(Profile profile, TableReference reference) {
        if (!reference.key().isEmpty()) {
            return reference.key().get(0);
        }
        return profile.tables().stream().filter(t -> t.table().equalsIgnoreCase(reference.table())).findFirst()
                .map(t -> t.naturalKey().isEmpty() ? "" : String.join(", ", t.naturalKey())).orElse("");
    }

    /** The reader options of the whole workbook: encoding and delimiter as chosen, each table naming its sheet. */
    private static SourceOptions readerOptions(SourceOptions chosen) {
        SourceOptions given = chosen == null ? SourceOptions.DEFAULTS : chosen;
        return new SourceOptions(null, null, false, given.encoding(), given.delimiter());
    }

    static String key(String table) {
        return table == null ? "" : table.toLowerCase(Locale.ROOT);
    }
}
