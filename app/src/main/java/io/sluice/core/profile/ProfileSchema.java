package io.sluice.core.profile;

import java.util.List;

/** The words a profile may use (transform ops, rule types, commit modes, gates), in the README's order. */
public final class ProfileSchema {

    /** Transform ops of {@link TransformSpec#op()}. */
    public static final List<String> TRANSFORM_OPS = List.of("trim", "upper", "lower", "title", "collapse-spaces",
            "replace", "null-if", "number", "date", "default", "split", "map");

    /** Rule types of {@link RuleSpec#type()}. */
    public static final List<String> RULE_TYPES = List.of("range", "pattern", "allowed", "unique", "lookup",
            "required", "expression");

    /**
     * The parameters each rule type takes, besides {@code id}, {@code type}, {@code severity} and {@code message},
     * which every rule has; a profile setting any other is refused.
     */
    public static List<String> ruleOptions(String type) {
        return switch (type) {
            case "range" -> List.of("column", "min", "max", "minExclusive", "maxExclusive");
            case "pattern" -> List.of("column", "pattern");
            case "allowed" -> List.of("column", "values", "ignoreCase");
            case "unique" -> List.of("column", "columns");
            case "lookup" -> List.of("column", "table", "key");
            case "required" -> List.of("column", "when");
            case "expression" -> List.of("expression", "min", "max", "minExclusive", "maxExclusive");
            default -> List.of();
        };
    }

    /** Commit modes of {@link Profile#commitMode()}. */
    public static final List<String> COMMIT_MODES = List.of("insert", "upsert", "skip-existing");

    /** Metrics of {@link GateSpec#metric()}: the four scores (percent), then two row counts. */
    public static final List<String> GATE_METRICS = List.of("completeness", "validity", "uniqueness", "overall",
            "errorRows", "rejectedRows");

    /** Units of {@link GateSpec#unit()}; only the row-count metrics may be counted. */
    public static final List<String> GATE_UNITS = List.of("count", "percent");

    /** Actions of {@link GateSpec#action()}. */
    public static final List<String> GATE_ACTIONS = List.of("warn", "block");

    private ProfileSchema() {
    }
}
