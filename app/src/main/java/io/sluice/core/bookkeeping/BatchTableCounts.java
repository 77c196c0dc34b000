package io.sluice.core.bookkeeping;

/**
 * One table of an import batch into several related tables, in the order it was written (parents first): its source
 * sheet, mode and what the batch did to its rows.
 */
public record BatchTableCounts(String table, String sheet, ImportMode mode, long approved, long inserted,
                               long updated, long skipped) {
}
