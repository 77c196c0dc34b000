package io.sluice.core.commit;

import java.time.Duration;
import java.util.List;

/**
 * A related-tables import: its batch id (0 for a dry run, which writes nothing), the counts per table in the order
 * the tables were written (parents first), and how long it took.
 */
public record RelatedCommitResult(long batchId, List<TableCounts> tables, Duration took) {

    public RelatedCommitResult {
        tables = List.copyOf(tables);
    }

    /** Rows inserted over all tables. */
    public long inserted() {
        return tables.stream().mapToLong(TableCounts::inserted).sum();
    }

    /** Rows updated over all tables. */
    public long updated() {
        return tables.stream().mapToLong(TableCounts::updated).sum();
    }

    /** Rows skipped over all tables. */
    public long skipped() {
        return tables.stream().mapToLong(TableCounts::skipped).sum();
    }
}
