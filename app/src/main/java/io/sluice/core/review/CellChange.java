package io.sluice.core.review;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One fix or edit, still in effect, that changed a cell: which step of the undo history it is, what it did, who made
 * it and when.
 *
 * @param command     the step's id in the review's undo history
 * @param fix         the kind of value fix ("replace", "trim", ...), or null for a single-cell edit
 * @param description what the step did, in the steward's words ("Replace 'NRD' by 'NORD' in 'Supplier'")
 * @param steward     who made it
 * @param at          when
 */
public record CellChange(long command, String fix, String description, String steward, Instant at) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** Whether a value fix made it, rather than an edit of the one cell. */
    public boolean isFix() {
        return fix != null;
    }

    /** Short, for a CSV cell: "fix #3" or "edit". */
    public String label() {
        return isFix() ? "fix #" + command : "edit";
    }

    /** In words, for a cell comment: "fix #3, replace: Replace 'NRD' by 'NORD', by alice on 2026-12-06". */
    public String phrase() {
        return (isFix() ? "fix #" + command + ", " + fix + ": " + description : "edited")
                + ", by " + steward + " on " + DAY.format(at);
    }
}
