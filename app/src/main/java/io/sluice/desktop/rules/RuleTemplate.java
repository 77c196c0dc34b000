package io.sluice.desktop.rules;

/** The templates of the "Add rule" menu: common rules the steward fills in with a few answers. */
public enum RuleTemplate {
    RATIO("Ratio of two columns within bounds…", "ratio"),
    SUM("Sum of columns within bounds…", "sum"),
    DATE_NOT_IN_FUTURE("Date not in the future…", "date-not-in-future"),
    OUTLIER("Value outside k standard deviations…", "outlier");

    private final String label;
    private final String idStem;

    RuleTemplate(String label, String idStem) {
        this.label = label;
        this.idStem = idStem;
    }

    /** What the menu says. */
    public String label() {
        return label;
    }

    /** How the ids of the rules it writes start. */
    String idStem() {
        return idStem;
    }
}
