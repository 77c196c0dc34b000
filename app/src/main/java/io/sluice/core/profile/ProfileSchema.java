package io.sluice.core.profile;

import java.util.List;

/** The words a profile may use: transform ops, rule types and commit modes, in the order documented in the README. */
public final class ProfileSchema {

    /** Transform ops of {@link TransformSpec#op()}. */
    public static final List<String> TRANSFORM_OPS = List.of("trim", "upper", "lower", "title", "collapse-spaces",
            "replace", "null-if", "number", "date", "default", "split", "map");

    /** Rule types of {@link RuleSpec#type()}. */
    public static final List<String> RULE_TYPES = List.of("range", "pattern", "allowed", "unique", "lookup",
            "required", "expression");

    /** Commit modes of {@link Profile#commitMode()}. */
    public static final List<String> COMMIT_MODES = List.of("insert", "upsert", "skip-existing");

    private ProfileSchema() {
    }
}
