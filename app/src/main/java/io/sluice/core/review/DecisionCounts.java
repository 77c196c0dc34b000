package io.sluice.core.review;

/** How many rows of a review are still pending, approved and rejected. */
public record DecisionCounts(long pending, long approved, long rejected) {
}
