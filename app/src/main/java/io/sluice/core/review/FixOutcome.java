package io.sluice.core.review;

/**
 * A value fix once made: how many cells it changed, and what it did in words (the undo menu's text). A fix that
 * changed no cell is not recorded: {@code cells} is 0 and there is no new undo step.
 *
 * @param cells       cells whose value changed
 * @param description what the fix did, e.g. "Replace 'NORD' by 'Nord' in 'Supplier'"
 */
public record FixOutcome(long cells, String description) {

    /** Whether the fix changed anything and so became an undo step. */
    public boolean recorded() {
        return cells > 0;
    }
}
