package io.sluice.core.rules;

import io.sluice.core.profile.RuleSpec;

/** One line in plain words for a rule written in a profile, e.g. "between 0.25 and 0.8", "one of NORD, ALPC". */
final class RuleDescriptions {

    private static final int SHOWN_VALUES = 8;

    private RuleDescriptions() {
    }

    static String of(RuleSpec spec, String type) {
        return switch (type) {
            case "range" -> "a number " + ProfileRowRules.bounds(spec).requirement();
            case "pattern" -> "matches the regular expression " + spec.pattern();
            case "allowed" -> "one of " + values(spec) + (spec.ignoresCase() ? " (ignoring case)" : "");
            case "unique" -> "unique within the file";
            case "lookup" -> "exists in " + spec.table() + " (" + spec.key() + ")";
            case "required" -> "must have a value" + (spec.when() == null ? "" : " when " + spec.when());
            case "expression" -> spec.min() == null && spec.max() == null ? spec.expression() + " holds"
                    : spec.expression() + " " + ProfileRowRules.bounds(spec).requirement();
            default -> type;
        };
    }

    private static String values(RuleSpec spec) {
        int shown = Math.min(SHOWN_VALUES, spec.values().size());
        String list = String.join(", ", spec.values().subList(0, shown));
        return spec.values().size() > shown ? list + " and " + (spec.values().size() - shown) + " more" : list;
    }
}
