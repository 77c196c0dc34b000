package io.sluice.core.review;

import java.util.Locale;

/** What the steward decided about a row; a row without a decision is pending. */
public enum DecisionStatus {
    APPROVED, REJECTED;

    /** The word stored in the review file ("approved", "rejected"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DecisionStatus parse(String label) {
        return label == null ? null : valueOf(label.toUpperCase(Locale.ROOT));
    }
}
