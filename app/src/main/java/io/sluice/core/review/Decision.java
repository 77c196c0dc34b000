package io.sluice.core.review;

import java.time.Instant;

/**
 * The steward's decision on one row.
 *
 * @param row     source row number
 * @param status  approved or rejected
 * @param reason  why (always given for a rejection), or null
 * @param steward the operating-system user who decided
 * @param at      when
 */
public record Decision(long row, DecisionStatus status, String reason, String steward, Instant at) {
}
