package io.sluice.core.rules;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.target.CheckConstraint;
import io.sluice.core.target.DatabaseCheckEvaluator;
import io.sluice.core.target.TableInfo;
import io.sluice.core.target.TargetDatabase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * CHECK constraints too complex to restate in Sluice (e.g. {@code cement_kg + COALESCE(fly_ash_kg, 0) <= 1200}),
 * evaluated by the target database itself over the chunk's values, read-only.
 */
final class DatabaseCheckRule implements ChunkRule {

    private final DatabaseCheckEvaluator evaluator;
    private final Map<String, String> expressions = new HashMap<>();

    DatabaseCheckRule(TargetDatabase db, TableInfo table, List<CheckConstraint> checks) {
        this.evaluator = new DatabaseCheckEvaluator(db, table, checks);
        for (CheckConstraint check : checks) {
            expressions.put(check.name(), check.expression());
        }
    }

    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        List<Map<String, Object>> rows = new ArrayList<>(chunk.size());
        for (MappedRow row : chunk) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < row.targets().size(); i++) {
                // A value that failed conversion is unknown to the database: the type rule reports it.
                values.put(row.targets().get(i), row.get(i).error() == null ? row.get(i).value() : null);
            }
            rows.add(values);
        }
        List<List<String>> violations = evaluator.evaluate(rows);
        for (int i = 0; i < chunk.size(); i++) {
            for (String constraint : violations.get(i)) {
                findings.accept(Findings.onRow(chunk.get(i), "check:" + constraint, Severity.ERROR,
                        "The row breaks the table's rule " + constraint + ": " + expressions.get(constraint) + ".",
                        null));
            }
        }
    }
}
