package io.sluice.core.usecase;

import io.sluice.core.commit.CommitResult;

/** A committed import: the batch and its counts, and how many review audit entries it keeps (0 for a file). */
public record ImportResult(CommitResult batch, long auditEntries) {
}
