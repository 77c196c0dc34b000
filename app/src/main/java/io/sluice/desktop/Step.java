package io.sluice.desktop;

/** The steward's path through an import, in order; the left-hand navigation shows one button each. */
public enum Step {
    SOURCE("Source", "File, sheet and header row"),
    MAPPING("Mapping", "Columns onto the target table"),
    RULES("Rules", "Checks in force, and your own"),
    REVIEW("Review", "Findings, approve and reject"),
    COMMIT("Commit", "Approved rows in one batch"),
    HISTORY("History", "Batches, provenance, rollback");

    private final String title;
    private final String hint;

    Step(String title, String hint) {
        this.title = title;
        this.hint = hint;
    }

    public String title() {
        return title;
    }

    public String hint() {
        return hint;
    }
}
