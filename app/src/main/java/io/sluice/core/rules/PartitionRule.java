package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.database.DatabaseCheckEvaluator;
import io.sluice.core.database.PartitionBounds;
import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.function.Consumer;

/**
 * A row of a PostgreSQL partitioned table must fit one of its partitions, or the import refuses the whole batch
 * ("no partition of relation ... found for row") without naming it. The database evaluates the partitions' own
 * constraints over each chunk's values, read-only, as it does for a CHECK Sluice cannot restate (decision 0080).
 */
final class PartitionRule implements ChunkRule {

    static final String ID = "partition";

    private final String table;
    private final PartitionBounds bounds;
    private final DatabaseCheckEvaluator evaluator;
    private final RuleReach reach;

    PartitionRule(String table, PartitionBounds bounds, DatabaseCheckEvaluator evaluator, List<String> reads) {
        this.table = table;
        this.bounds = bounds;
        this.evaluator = evaluator;
        this.reach = RuleReach.of(ID, reads);
    }

    @Override
    public RuleReach reach() {
        return reach;
    }

    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        List<List<String>> violated = evaluator.evaluate(DatabaseCheckRule.values(chunk));
        for (int i = 0; i < chunk.size(); i++) {
            if (!violated.get(i).isEmpty()) {
                findings.accept(Findings.onRow(chunk.get(i), ID, Severity.ERROR, "The row fits no partition of "
                        + table + ", partitioned by " + bounds.key() + ": the import would refuse it; correct its"
                        + " key, or add a partition that takes it.", null));
            }
        }
    }
}
