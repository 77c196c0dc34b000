package io.sluice.core.commit;

/** What a related-tables batch did (or, in a dry run, would do) to one table: rows inserted, updated and skipped. */
public record TableCounts(String table, long inserted, long updated, long skipped) {
}
