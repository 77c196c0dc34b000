package io.sluice.core.usecase;

import io.sluice.core.cleaning.KnownValueRules;
import io.sluice.core.cleaning.KnownValues;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.review.ColumnValues;
import io.sluice.core.review.Review;
import io.sluice.core.tables.TableFinding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The known sets behind the findings of one sheet of a workbook review, by the rule and the {@code table.column}
 * target its findings carry: each table's own known-value rules (foreign keys to tables outside the workbook, CHECK
 * {@code IN} lists, allowed and lookup rules), and for a reference to another table of the workbook, the parent's
 * key in the target together with the keys the parent's sheet brings now (rows rejected there left out).
 */
final class WorkbookKnownValues {

    private final Map<String, KnownValueRules> rulesByTable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Read when a finding first asks: a parent sheet's values are read only for a reference that has findings. */
    private final Map<String, Supplier<Optional<KnownValues>>> referencesByTarget =
            new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<String>> unpivotedByTable = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private WorkbookKnownValues() {
    }

    /** The known sets of the tables {@code sheet} feeds. */
    static WorkbookKnownValues of(OpenWorkbookReview workbook, String sheet, TargetDatabase db) {
        WorkbookKnownValues known = new WorkbookKnownValues();
        Profile profile = workbook.profile();
        for (String name : workbook.tablesOf(sheet)) {
            TableMapping part = part(profile, name);
            TableInfo table = db.table(part.table());
            KnownValueRules rules = KnownValueRules.of(part.rules(), table, db);
            known.rulesByTable.put(part.table(), rules);
            known.rulesByTable.put(table.name(), rules);
            List<String> unpivoted = part.unpivot() == null ? List.of() : part.unpivot().columns();
            known.unpivotedByTable.put(part.table(), unpivoted);
            known.unpivotedByTable.put(table.name(), unpivoted);
            for (TableReference reference : part.references()) {
                Supplier<Optional<KnownValues>> values = memo(() -> referenceValues(workbook, sheet, profile,
                        reference, db));
                known.referencesByTarget.put(part.table() + "." + reference.column(), values);
                known.referencesByTarget.put(table.name() + "." + reference.column(), values);
            }
        }
        return known;
    }

    /**
     * Whether a finding of {@code rule} on {@code target} names a value made from source column {@code column}'s
     * header (a reference through an unpivot), which no fix of a cell mends.
     */
    boolean madeFromHeader(String rule, String target, String column, String value) {
        if (!TableFinding.REFERENCE_RULE.equals(rule) || target == null || target.indexOf('.') < 0) {
            return false;
        }
        String table = target.substring(0, target.indexOf('.'));
        return unpivotedByTable.getOrDefault(table, List.of()).contains(column) && column.equals(value);
    }

    /** The known set behind a finding of {@code rule} on {@code target} ({@code table.column}), if it has one. */
    Optional<KnownValues> forFinding(String rule, String target) {
        if (target == null || target.indexOf('.') < 0) {
            return Optional.empty();
        }
        int dot = target.indexOf('.');
        String table = target.substring(0, dot);
        if (TableFinding.REFERENCE_RULE.equals(rule)) {
            Supplier<Optional<KnownValues>> values = referencesByTarget.get(target);
            return values == null ? Optional.empty() : values.get();
        }
        KnownValueRules rules = rulesByTable.get(table);
        return rules == null ? Optional.empty() : rules.forFinding(rule, target.substring(dot + 1));
    }

    private static TableMapping part(Profile profile, String table) {
        return profile.tables().stream().filter(t -> t.table().equalsIgnoreCase(table)).findFirst().orElseThrow();
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        Object[] held = {null};
        return () -> {
            if (held[0] == null) {
                held[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T value = (T) held[0];
            return value;
        };
    }

    /**
     * The parent's one-column key in the target, with the values its sheet's column for that key holds now; none
     * for a parent fed by the child's own sheet, whose row is the child's own (a cell fix there mends nothing).
     */
    private static Optional<KnownValues> referenceValues(OpenWorkbookReview workbook, String childSheet,
                                                         Profile profile, TableReference reference,
                                                         TargetDatabase db) {
        TableMapping parent = part(profile, reference.table());
        List<String> key = reference.key().isEmpty() ? parent.naturalKey() : reference.key();
        if (key.size() != 1) {
            return Optional.empty();
        }
        TableInfo parentTable = db.table(parent.table());
        Optional<String> keyColumn = parentTable.column(key.get(0)).map(c -> c.name());
        if (keyColumn.isEmpty()) {
            return Optional.empty();
        }
        List<String> sheetValues = new ArrayList<>();
        String from = null;
        for (String sheet : workbook.sheets()) {
            if (workbook.tablesOf(sheet).stream().noneMatch(t -> t.equalsIgnoreCase(parent.table()))) {
                continue;
            }
            if (sheet.equals(childSheet)) {
                return Optional.empty();
            }
            Review review = workbook.sheet(sheet).review();
            for (ColumnMapping m : parent.columns()) {
                if (m.source() != null && m.target().equalsIgnoreCase(key.get(0))
                        && review.columns().contains(m.source())) {
                    from = "sheet " + sheet;
                    ColumnValues.forEachValue(review, review.columns().indexOf(m.source()), true, (v, rows) -> {
                        if (!v.isBlank()) {
                            sheetValues.add(v.strip());
                        }
                    });
                }
            }
        }
        return Optional.of(from == null
                ? KnownValues.column(parentTable.schema(), parentTable.name(), keyColumn.get())
                : KnownValues.columnAnd(parentTable.schema(), parentTable.name(), keyColumn.get(), sheetValues,
                from));
    }
}
