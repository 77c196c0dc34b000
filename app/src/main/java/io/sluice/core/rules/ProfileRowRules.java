package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.SluiceException;
import io.sluice.core.profile.RuleSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds a profile's row rules ({@code range}, {@code pattern}, {@code allowed}, {@code required}, {@code expression})
 * from the rule spec and the names of the mapped target columns alone, with no table and no database, so that each
 * rule can be built and tried on its own. {@link RuleSet} builds a run's profile rules through it.
 */
public final class ProfileRowRules {

    private final String profileName;
    private final Map<String, String> mappedByLowerName = new LinkedHashMap<>();

    /**
     * @param profileName   the profile's name, for messages
     * @param mappedColumns the target columns the profile maps, in table order; a rule may only name these
     */
    public ProfileRowRules(String profileName, List<String> mappedColumns) {
        this.profileName = profileName;
        for (String name : mappedColumns) {
            mappedByLowerName.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    /**
     * The rule a spec describes.
     *
     * @throws SluiceException          (input) naming the rule and the profile when the spec cannot work: an invalid
     *                                  severity, a column the profile does not map, no pattern or an invalid one, no
     *                                  allowed values, no expression or an invalid one, an unknown type
     * @throws IllegalArgumentException for a {@code unique} or {@code lookup} spec, which only {@link RuleSet} builds
     */
    public RowRule build(RuleSpec spec) {
        String id = id(spec);
        String where = where(spec);
        Severity severity = severity(spec);
        return switch (type(spec)) {
            case "range" -> new RangeRule(id, column(spec), spec.min(), !spec.excludesMin(), spec.max(),
                    !spec.excludesMax(), severity, spec.message());
            case "pattern" -> new PatternRule(id, column(spec), pattern(spec, where), severity, spec.message());
            case "allowed" -> {
                if (spec.values().isEmpty()) {
                    throw SluiceException.input("The " + where + " lists no allowed values.");
                }
                yield new AllowedValuesRule(id, column(spec), spec.values(), spec.ignoresCase(), severity,
                        spec.message());
            }
            case "required" -> new RequiredRule(id, column(spec), severity,
                    spec.when() == null ? null : RuleExpression.compile(spec.when(), where, mappedByLowerName),
                    spec.message());
            case "expression" -> {
                if (spec.expression() == null) {
                    throw SluiceException.input("The " + where + " has no 'expression'.");
                }
                yield new ExpressionRule(id, RuleExpression.compile(spec.expression(), where, mappedByLowerName),
                        bounds(spec), severity, spec.message());
            }
            case "unique", "lookup" -> throw new IllegalArgumentException("The " + where + " is a '" + spec.type()
                    + "' rule, which needs earlier rows or the database: RuleSet builds it.");
            default -> throw SluiceException.input("The " + where + " has unknown type '" + spec.type()
                    + "'; use range, pattern, allowed, unique, lookup, required or expression.");
        };
    }

    /**
     * Why the spec's expression (or a {@code required} rule's {@code when}) can never be computed, whatever the row,
     * as the end of a sentence: "its expression compares cast_date (a date) with "2021-01-01" (a text) at position
     * 11, which can never be computed; write cast_date &gt; DATE("2021-01-01") to compare it with that day"; null
     * when nothing is known to fail. The rule itself still builds: a profile that holds it keeps it, and each row it
     * reads gets its finding (decision 0093).
     *
     * @param kinds the target columns' kinds by lower-case name, as {@link ExpressionKinds#ofColumns} gives them
     */
    public static String kindProblem(RuleSpec spec, Map<String, ExpressionKinds.Kind> kinds) {
        String type = type(spec);
        String part = type.equals("expression") ? "expression" : type.equals("required") ? "condition" : null;
        String source = part == null ? null : part.equals("expression") ? spec.expression() : spec.when();
        ExpressionKinds.Mismatch mismatch = ExpressionKinds.firstMismatch(source, kinds);
        return mismatch == null ? null : "its " + part + " compares " + mismatch.operands() + " at position "
                + mismatch.position() + ", which can never be computed; " + mismatch.advice();
    }

    /** A spec's min and max with whether each is inclusive. */
    static Bounds bounds(RuleSpec spec) {
        return new Bounds(spec.min(), !spec.excludesMin(), spec.max(), !spec.excludesMax());
    }

    /** The mapped target columns the row rule {@link #build} makes of the spec reads: an expression's inputs. */
    List<String> columnsOf(RuleSpec spec) {
        if (type(spec).equals("expression") && spec.expression() != null) {
            return RuleExpression.compile(spec.expression(), where(spec), mappedByLowerName).targets();
        }
        return List.of(column(spec));
    }

    /** The spec's type in lower case; empty when it has none. */
    static String type(RuleSpec spec) {
        return spec.type() == null ? "" : spec.type().toLowerCase(Locale.ROOT);
    }

    /** The id findings carry: the spec's own, else "type:column", else the type. */
    String id(RuleSpec spec) {
        String type = type(spec);
        return spec.id() != null ? spec.id() : spec.column() != null ? type + ":" + spec.column() : type;
    }

    /** "rule 'wc-ratio' of profile 'concrete'", for messages. */
    String where(RuleSpec spec) {
        return "rule '" + id(spec) + "' of profile '" + profileName + "'";
    }

    Severity severity(RuleSpec spec) {
        try {
            return Severity.parse(spec.severity());
        } catch (IllegalArgumentException e) {
            throw SluiceException.input("The " + where(spec) + " has an invalid severity: " + e.getMessage());
        }
    }

    /** The mapped target column the spec's {@code column} names, as the table spells it. */
    String column(RuleSpec spec) {
        if (spec.column() == null) {
            throw SluiceException.input("The " + where(spec) + " names no 'column'.");
        }
        String name = mappedByLowerName.get(spec.column().toLowerCase(Locale.ROOT));
        if (name == null) {
            throw SluiceException.input("The " + where(spec) + " is about '" + spec.column()
                    + "', which the profile does not map (mapped: " + String.join(", ",
                    mappedByLowerName.values()) + ").");
        }
        return name;
    }

    /** The mapped target columns the spec's {@code columns} name, or its one {@code column}. */
    List<String> columns(RuleSpec spec) {
        if (spec.columns().isEmpty()) {
            return List.of(column(spec));
        }
        List<String> names = new ArrayList<>();
        for (String c : spec.columns()) {
            String name = mappedByLowerName.get(c.toLowerCase(Locale.ROOT));
            if (name == null) {
                throw SluiceException.input("The " + where(spec) + " is about '" + c
                        + "', which the profile does not map.");
            }
            names.add(name);
        }
        return names;
    }

    private static Pattern pattern(RuleSpec spec, String where) {
        if (spec.pattern() == null) {
            throw SluiceException.input("The " + where + " has no 'pattern'.");
        }
        try {
            return Pattern.compile(spec.pattern());
        } catch (PatternSyntaxException e) {
            throw SluiceException.input("The pattern of " + where + " is not a valid regular expression: "
                    + e.getDescription() + ".");
        }
    }
}
