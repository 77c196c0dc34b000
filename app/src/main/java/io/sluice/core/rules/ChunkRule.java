package io.sluice.core.rules;

import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.function.Consumer;

/**
 * A check that looks at rows in chunks, because it asks the target database (foreign keys, lookups, keys already in
 * the table, database-side CHECKs) or remembers earlier rows (uniqueness within the file). Chunks arrive in source
 * order.
 */
public interface ChunkRule {

    /** Reports this rule's findings for a chunk of mapped rows. */
    void check(List<MappedRow> chunk, Consumer<Finding> findings);

    /** The ids of its findings and the target columns that decide them, for re-checking rows after a fix. */
    RuleReach reach();
}
