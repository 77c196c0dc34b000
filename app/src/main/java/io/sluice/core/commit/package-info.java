/**
 * Writing approved rows into the target as one import batch, and undoing a batch.
 * {@link io.sluice.core.commit.Committer} plans (dry run) and commits a batch in one transaction with provenance and
 * before- images, then checks it; {@link io.sluice.core.commit.RelatedCommitter} does the same for several related
 * tables in foreign-key order under one batch; {@link io.sluice.core.commit.Rollback} undoes either;
 * {@link io.sluice.core.commit.CommitRequest}, {@link io.sluice.core.commit.CommitPlan} and
 * {@link io.sluice.core.commit.CommitResult} are the values in and out. It depends on {@code io.sluice.core},
 * {@code core.bookkeeping}, {@code core.mapping}, {@code core.rules}, {@code core.source}, {@code core.validate},
 * {@code core.profile} and {@code core.database}.
 */
package io.sluice.core.commit;
