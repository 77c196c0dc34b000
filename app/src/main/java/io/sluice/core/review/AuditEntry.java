package io.sluice.core.review;

import java.time.Instant;

/**
 * One line of a review's append-only audit log. A bulk decision writes one entry per row it changed. A value fix (and
 * its undo and redo) writes one entry naming the fix, its kind, column and cell count in {@code reason}, and one entry
 * per distinct old → new pair with its count; those entries have no row.
 *
 * @param id       increasing position in the log
 * @param at       when
 * @param steward  the operating-system user who acted
 * @param action   approve, reject, clear, edit, undo or redo
 * @param row      the source row concerned; null for a value fix's entries
 * @param column   0-based source column index for an edit (or the undo/redo of one), else null
 * @param oldValue the decision status before (null: pending), or for an edit the text the cell showed before
 * @param newValue the decision status after (null: pending), or for an edit the text the cell shows after
 * @param reason   the reason of a rejection, else null
 */
public record AuditEntry(long id, Instant at, String steward, AuditAction action, Long row, Integer column,
                         String oldValue, String newValue, String reason) {
}
