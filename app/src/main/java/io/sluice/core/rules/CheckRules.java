package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.database.CheckConstraint;
import io.sluice.core.database.CheckParser;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.SimpleCheck;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the target's CHECK constraints into rules: simple ones ({@code x >= 0}, {@code BETWEEN}, {@code IN}) become
 * range and allowed-values rules checked in Sluice; comparisons of sums of numeric columns are restated per chunk
 * ({@link DatabaseCheckRule}); the rest are checked by the database itself. A simple CHECK on a column the profile
 * does not map goes to that per-chunk rule too, which sees the column as NULL, as the database is shown it.
 */
final class CheckRules {

    private CheckRules() {
    }

    static void derive(TableInfo table, Map<String, String> mappedByLowerName, TargetDatabase db,
                       List<RowRule> rowRules, List<ChunkRule> chunkRules, List<RuleInfo> described) {
        List<CheckConstraint> byDatabase = new ArrayList<>();
        for (CheckConstraint check : table.checks()) {
            Optional<List<SimpleCheck>> simple = CheckParser.parse(check);
            if (simple.isEmpty() || !allMapped(simple.get(), mappedByLowerName)) {
                byDatabase.add(check);
                String how = DatabaseCheckRule.restates(check, table) ? "" : " (checked by the database)";
                described.add(new RuleInfo("check:" + check.name(), "check", checkedColumns(check, mappedByLowerName),
                        Severity.ERROR, "CHECK " + oneLine(check) + how, RuleInfo.Origin.TARGET, -1));
                continue;
            }
            List<String> columns = new ArrayList<>();
            for (SimpleCheck s : simple.get()) {
                String target = mappedByLowerName.get(s.column().toLowerCase(Locale.ROOT));
                String id = "check:" + check.name();
                columns.add(target);
                if (!s.allowed().isEmpty()) {
                    AllowedValuesRule.CharColumn padded = charColumn(table, target, db, s.allowed().size());
                    rowRules.add(padded != null
                            ? new AllowedValuesRule(id, target, s.allowed(), Severity.ERROR, padded)
                            : new AllowedValuesRule(id, target, s.allowed(), Severity.ERROR,
                            storedScale(table, target)));
                } else {
                    rowRules.add(new RangeRule(id, target, s.min(), s.minInclusive(), s.max(), s.maxInclusive(),
                            Severity.ERROR, null, storedScale(table, target)));
                }
            }
            described.add(new RuleInfo("check:" + check.name(), "check", columns.stream().distinct().toList(),
                    Severity.ERROR, "CHECK " + oneLine(check), RuleInfo.Origin.TARGET, -1));
        }
        if (!byDatabase.isEmpty()) {
            chunkRules.add(new DatabaseCheckRule(db, table, byDatabase, mappedByLowerName));
        }
    }

    /** How the database compares a CHAR(n) column's padded text with a list of that many values, or null. */
    private static AllowedValuesRule.CharColumn charColumn(TableInfo table, String column, TargetDatabase db,
                                                           int listed) {
        return table.column(column)
                .filter(c -> (c.type() == JDBCType.CHAR || c.type() == JDBCType.NCHAR) && c.length() != null)
                .map(c -> db.dialect() == Dialect.H2
                        ? new AllowedValuesRule.CharColumn(c.length(), listed > 1, "H2")
                        : new AllowedValuesRule.CharColumn(c.length(), false, "PostgreSQL"))
                .orElse(null);
    }

    /** The scale a NUMERIC column rounds its values to before the database checks them, or null. */
    private static Integer storedScale(TableInfo table, String column) {
        return table.column(column)
                .filter(c -> c.type() == JDBCType.NUMERIC || c.type() == JDBCType.DECIMAL)
                .map(ColumnInfo::scale)
                .orElse(null);
    }

    private static String oneLine(CheckConstraint check) {
        return check.expression().replace("\\n", " ").replaceAll("\\s+", " ").strip();
    }

    /** The mapped columns a CHECK's expression names, as far as a word match tells. */
    private static List<String> checkedColumns(CheckConstraint check, Map<String, String> mappedByLowerName) {
        List<String> columns = new ArrayList<>();
        for (String word : check.expression().toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            String name = mappedByLowerName.get(word);
            if (name != null && !columns.contains(name)) {
                columns.add(name);
            }
        }
        return columns;
    }

    private static boolean allMapped(List<SimpleCheck> checks, Map<String, String> mappedByLowerName) {
        return checks.stream().allMatch(c -> mappedByLowerName.containsKey(c.column().toLowerCase(Locale.ROOT)));
    }
}
