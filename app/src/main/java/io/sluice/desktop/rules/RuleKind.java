package io.sluice.desktop.rules;

import io.sluice.core.profile.RuleSpec;

import java.util.Locale;

/** The forms of the rule builder, one per kind of profile rule; a conditional required rule has a form of its own. */
public enum RuleKind {
    REQUIRED("required", "Required"),
    REQUIRED_WHEN("required", "Required when…"),
    RANGE("range", "Range"),
    PATTERN("pattern", "Pattern"),
    ALLOWED("allowed", "Allowed values"),
    UNIQUE("unique", "Unique in file"),
    LOOKUP("lookup", "Lookup in the target"),
    EXPRESSION("expression", "Cross-field expression");

    private final String type;
    private final String label;

    RuleKind(String type, String label) {
        this.type = type;
        this.label = label;
    }

    /** The {@code type} the profile writes. */
    public String type() {
        return type;
    }

    /** What the add menu and the form's type picker say. */
    public String label() {
        return label;
    }

    /** Whether the rule is about one column the steward picks. */
    public boolean oneColumn() {
        return this != UNIQUE && this != EXPRESSION;
    }

    /** The form for a rule of the profile; null for a type the builder has no form for. */
    public static RuleKind of(RuleSpec spec) {
        String type = spec.type() == null ? "" : spec.type().toLowerCase(Locale.ROOT);
        if (type.equals("required")) {
            return spec.when() == null || spec.when().isBlank() ? REQUIRED : REQUIRED_WHEN;
        }
        for (RuleKind kind : values()) {
            if (kind.type.equals(type)) {
                return kind;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return label;
    }
}
