/**
 * Sluice's own tables in the target database: import batches, row provenance, before-images and the decision audit,
 * created by Flyway and mapped with Hibernate. {@link io.sluice.core.bookkeeping.BookkeepingSchema} migrates them,
 * {@link io.sluice.core.bookkeeping.Bookkeeping} reads and records batches,
 * {@link io.sluice.core.bookkeeping.ProvenanceWriter} writes provenance in bulk on a commit's own connection;
 * {@link io.sluice.core.bookkeeping.ImportBatch} and {@link io.sluice.core.bookkeeping.RowProvenance} are the records.
 * It depends on {@code io.sluice.core} and {@code core.database}.
 */
package io.sluice.core.bookkeeping;
