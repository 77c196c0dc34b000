package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.MappedValue;
import io.sluice.core.database.CheckConstraint;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.DatabaseCheckEvaluator;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CHECK constraints too complex to restate in Sluice (e.g. {@code cement_kg + COALESCE(fly_ash_kg, 0) <= 1200}),
 * evaluated by the target database itself over the chunk's values, read-only.
 */
final class DatabaseCheckRule implements ChunkRule {

    private final DatabaseCheckEvaluator evaluator;
    private final Map<String, String> expressions = new HashMap<>();
    private final RuleReach reach;

    DatabaseCheckRule(TargetDatabase db, TableInfo table, List<CheckConstraint> checks) {
        this.evaluator = new DatabaseCheckEvaluator(db, table, checks);
        Set<String> ids = new HashSet<>();
        Set<String> read = new HashSet<>();
        for (CheckConstraint check : checks) {
            expressions.put(check.name(), check.expression());
            ids.add("check:" + check.name());
            // every column whose name occurs in the expression, even inside a longer word: more than it reads, never
            // less (an unmapped column holds its default whatever a fix does)
            String expression = check.expression().toLowerCase(Locale.ROOT);
            for (ColumnInfo column : table.columns()) {
                String name = column.name().toLowerCase(Locale.ROOT);
                if (expression.contains(name)) {
                    read.add(name);
                }
            }
        }
        this.reach = new RuleReach(ids, read);
    }

    @Override
    public RuleReach reach() {
        return reach;
    }

    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        List<Map<String, Object>> rows = new ArrayList<>(chunk.size());
        for (MappedRow row : chunk) {
            rows.add(new RowValues(row));
        }
        List<List<String>> violations = evaluator.evaluate(rows);
        for (int i = 0; i < chunk.size(); i++) {
            List<String> broken = violations.get(i);
            if (!broken.isEmpty()) {
                report(chunk.get(i), broken, findings);
            }
        }
    }

    // Out of the loop above, so that the compiler does not build these rare sentences into the per-chunk method.
    private void report(MappedRow row, List<String> broken, Consumer<Finding> findings) {
        for (String constraint : broken) {
            findings.accept(Findings.onRow(row, "check:" + constraint, Severity.ERROR,
                    "The row breaks the table's rule " + constraint + ": " + expressions.get(constraint) + ".",
                    null));
        }
    }

    /**
     * A row's typed values by target column, read through without copying. A value that failed conversion is
     * unknown to the database (null): the type rule reports it.
     */
    private static final class RowValues extends AbstractMap<String, Object> {
        private final MappedRow row;

        RowValues(MappedRow row) {
            this.row = row;
        }

        @Override
        public Object get(Object key) {
            MappedValue v = key instanceof String name ? row.get(name) : null;
            return v == null || v.error() != null ? null : v.value();
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && row.get(name) != null;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            for (String target : row.targets()) {
                entries.add(new SimpleImmutableEntry<>(target, get(target)));
            }
            return entries;
        }
    }
}
