package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.Suggester;
import io.sluice.core.mapping.Suggestion;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SheetInfo;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposes a profile that maps a workbook onto several tables (version 2): for each table, the sheet whose columns
 * match it best and the mapping {@link Suggester} proposes from that sheet, the table's natural key (a UNIQUE key
 * whose columns are all mapped, else the primary key) and a reference for each mapped foreign key onto another of the
 * tables. Unpivots are left to the steward, who writes them into the profile.
 */
public final class SuggestTables {

    private static final int SAMPLE_ROWS = 200;

    /** Added to a sheet's score when its name names the table: more than any column match is worth. */
    private static final int SHEET_NAMED_AFTER_TABLE = 1_000_000;

    /** The mapping proposed for one table: the sheet chosen and the suggestion made from it. */
    public record TableSuggestion(String table, String sheet, long headerRow, Suggestion suggestion) {
    }

    /** The profile proposed and, per table in the order asked, what it was made from. */
    public record Outcome(Profile profile, List<TableSuggestion> tables) {
    }

    private SuggestTables() {
    }

    /**
     * Suggests a mapping per table; with {@code chosen.sheet()} every table is matched against that sheet only.
     *
     * @param tables the target tables, at least two
     */
    public static Outcome run(Path file, SourceOptions chosen, List<String> tables, String name, TargetDatabase db) {
        SourceOptions options = chosen == null ? SourceOptions.DEFAULTS : chosen;
        SourceInspection inspection = Sources.inspect(file, options);
        List<String> sheets = new ArrayList<>();
        if (options.sheet() != null || inspection.format() == SourceFormat.CSV) {
            sheets.add(options.sheet());
        } else {
            inspection.sheets().stream().filter(s -> !s.hidden()).map(SheetInfo::name).forEach(sheets::add);
        }
        List<TableInfo> infos = new ArrayList<>();
        for (String table : tables) {
            TableInfo info = db.table(table);
            if (infos.stream().anyMatch(t -> t.qualifiedName().equalsIgnoreCase(info.qualifiedName()))) {
                throw SluiceException.input("Table " + info.name() + " is named twice; name each table once.");
            }
            infos.add(info);
        }
        List<TableSuggestion> suggestions = new ArrayList<>();
        for (TableInfo info : infos) {
            TableSuggestion best = null;
            int bestScore = -1;
            for (String sheet : sheets) {
                try (SourceTable source = Sources.open(file, options.withSheet(sheet))) {
                    if (source.headerRow() <= 0) {
                        continue;
                    }
                    List<List<Cell>> samples = new ArrayList<>();
                    SourceRow row;
                    while (samples.size() < SAMPLE_ROWS && (row = source.next()) != null) {
                        samples.add(row.cells());
                    }
                    Suggestion suggestion = withoutGenerated(new Suggester().analyse(source.columns(), samples,
                            info), info);
                    int score = suggestion.mappings().stream()
                            .mapToInt(m -> m.confidence() == null ? 0 : m.confidence()).sum();
                    if (!suggestion.mappings().isEmpty() && namesTable(source.sheet(), info.name())) {
                        score += SHEET_NAMED_AFTER_TABLE;
                    }
                    if (score > bestScore) {
                        bestScore = score;
                        best = new TableSuggestion(info.reference(), inspection.format() == SourceFormat.CSV ? null
                                : source.sheet(), source.headerRow(), suggestion);
                    }
                }
            }
            if (best != null && best.suggestion().mappings().isEmpty()) {
                best = parentsSheet(info, infos, suggestions, best);
            }
            if (best == null) {
                throw SluiceException.input(file.getFileName() + " has no sheet with a header row to match against"
                        + " table " + info.name() + "; name it with --header-row N, or write the profile by hand.");
            }
            suggestions.add(best);
        }
        List<TableMapping> parts = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            parts.add(part(infos.get(i), suggestions.get(i), infos));
        }
        return new Outcome(Profile.ofTables(name, null, parts, null), List.copyOf(suggestions));
    }

    /**
     * Whether a sheet is named after the table, ignoring case, spaces, underscores and a plural ending ("Materials"
     * for {@code material}, "Strength tests" for {@code strength_test}): a steward's own label for what a sheet
     * holds outweighs column names that happen to match another table ("Name" in a Suppliers sheet).
     */
    static boolean namesTable(String sheet, String table) {
        if (sheet == null || table == null) {
            return false;
        }
        return singular(sheet).equals(singular(table));
    }

    private static String singular(String name) {
        String plain = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (plain.endsWith("ies") && plain.length() > 3) {
            return plain.substring(0, plain.length() - 3) + "y";
        }
        if (plain.matches(".*(x|z|ch|sh|ss)es")) {
            return plain.substring(0, plain.length() - 2);
        }
        if (plain.endsWith("s") && !plain.endsWith("ss") && plain.length() > 1) {
            return plain.substring(0, plain.length() - 1);
        }
        return plain;
    }

    /** A suggestion without mappings onto generated columns (an identity): the database fills those. */
    private static Suggestion withoutGenerated(Suggestion suggestion, TableInfo table) {
        List<ColumnMapping> kept = suggestion.mappings().stream().filter(m -> table.column(m.target())
                .map(c -> !c.generated()).orElse(true)).toList();
        return new Suggestion(kept, suggestion.unmapped(), suggestion.missingRequired());
    }

    /**
     * For a table no sheet's columns resemble (a child fed by an unpivot, say): the sheet of the first table it
     * references among those already suggested, with each such reference column mapped from the column that feeds
     * the parent's natural key there.
     */
    private static TableSuggestion parentsSheet(TableInfo table, List<TableInfo> all,
                                                List<TableSuggestion> done, TableSuggestion fallback) {
        TableSuggestion sheet = null;
        List<ColumnMapping> mappings = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            for (int i = 0; i < done.size(); i++) {
                TableSuggestion parent = done.get(i);
                TableInfo parentInfo = all.get(i);
                if (fk.columns().size() != 1 || !fk.pointsAt(parentInfo)
                        || sheet != null && !java.util.Objects.equals(sheet.sheet(), parent.sheet())) {
                    continue;
                }
                sheet = sheet == null ? parent : sheet;
                List<String> key = naturalKey(parentInfo, null);
                parent.suggestion().mappings().stream()
                        .filter(m -> key.size() == 1 && m.target().equalsIgnoreCase(key.get(0))).findFirst()
                        .ifPresent(m -> mappings.add(new ColumnMapping(table.column(fk.columns().get(0))
                                .map(ColumnInfo::name).orElse(fk.columns().get(0)), m.source(), null, null, null,
                                m.transforms(), m.confidence(), "holds the " + parentInfo.name() + " it belongs to,"
                                + " named by " + key.get(0))));
            }
        }
        if (sheet == null) {
            return fallback;
        }
        Set<String> mapped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        mappings.forEach(m -> mapped.add(m.target()));
        List<ColumnInfo> missing = table.columns().stream().filter(c -> !c.optional() && !mapped.contains(c.name()))
                .toList();
        return new TableSuggestion(table.reference(), sheet.sheet(), sheet.headerRow(),
                new Suggestion(mappings, List.of(), missing));
    }

    private static TableMapping part(TableInfo table, TableSuggestion suggestion, List<TableInfo> all) {
        Set<String> mapped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        suggestion.suggestion().mappings().forEach(m -> mapped.add(m.target()));
        List<TableReference> references = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            TableInfo parent = all.stream().filter(t -> t != table && fk.pointsAt(t)).findFirst().orElse(null);
            if (parent != null && fk.columns().size() == 1 && mapped.contains(fk.columns().get(0))) {
                if (!naturalKey(parent, null).equals(fk.refColumns())) {
                    references.add(new TableReference(fk.columns().get(0), parent.reference(), null));
                }
            }
        }
        List<ColumnMapping> mappings = suggestion.suggestion().mappings();
        SourceSettings source = suggestion.sheet() == null ? null
                : new SourceSettings(suggestion.sheet(), (int) suggestion.headerRow(), null, null);
        return new TableMapping(table.reference(), source, mappings, null, references, naturalKey(table, mapped),
                "insert", null, null);
    }

    /**
     * The columns naming a row of the table: its first UNIQUE key of columns that are mapped (all of them, or when
     * {@code mapped} is null, none generated), else its primary key.
     */
    private static List<String> naturalKey(TableInfo table, Set<String> mapped) {
        for (List<String> key : table.uniqueKeys()) {
            boolean usable = key.stream().allMatch(c -> mapped == null
                    ? table.column(c).map(col -> !col.generated()).orElse(false) : mapped.contains(c));
            if (usable) {
                return key;
            }
        }
        return table.primaryKey().stream().map(c -> table.column(c).map(ColumnInfo::name).orElse(c)).toList();
    }
}
