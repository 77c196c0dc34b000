package io.sluice.core.profile;

import io.sluice.core.Severity;

import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks that a profile is complete and consistent before it is used: known format and version, a table, each mapping
 * with exactly one of source/sources/constant, known transform ops and rule types with their required parameters,
 * quality gates with a known metric, unit and action and a threshold that can be met; a version-2 profile's tables
 * are checked by {@link TablesProfileValidator}.
 * Whether the columns exist is checked later against the file and the table (see the mapping package).
 */
public final class ProfileValidator {

    private ProfileValidator() {
    }

    /** The first problem found, or null when the profile is usable. */
    public static ProfileProblem firstProblem(Profile p) {
        if (!Profile.FORMAT.equals(p.format())) {
            return new ProfileProblem("/format", "format must be '" + Profile.FORMAT + "', not '" + p.format() + "'");
        }
        if (p.version() == Profile.TABLES_VERSION) {
            return TablesProfileValidator.firstProblem(p);
        }
        if (p.version() != Profile.CURRENT_VERSION) {
            return new ProfileProblem("/version", "profile version " + p.version()
                    + " is not supported (this Sluice reads versions " + Profile.CURRENT_VERSION + " and "
                    + Profile.TABLES_VERSION + ")");
        }
        if (!p.tables().isEmpty()) {
            return new ProfileProblem("/tables", "\"tables\" belongs to a version-" + Profile.TABLES_VERSION
                    + " profile, but this one is version " + Profile.CURRENT_VERSION);
        }
        if (blank(p.table())) {
            return new ProfileProblem("", "the profile names no target table");
        }
        if (!ProfileSchema.COMMIT_MODES.contains(p.commitMode())) {
            return new ProfileProblem("/commitMode", "unknown commit mode '" + p.commitMode() + "' (known: "
                    + String.join(", ", ProfileSchema.COMMIT_MODES) + ")");
        }
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < p.columns().size(); i++) {
            ProfileProblem problem = checkMapping(p.columns().get(i), "/columns/" + i, targets);
            if (problem != null) {
                return problem;
            }
        }
        for (int i = 0; i < p.rules().size(); i++) {
            ProfileProblem problem = checkRule(p.rules().get(i), "/rules/" + i);
            if (problem != null) {
                return problem;
            }
        }
        ProfileProblem gate = checkGates(p);
        if (gate != null) {
            return gate;
        }
        for (int i = 0; i < p.naturalKey().size(); i++) {
            if (blank(p.naturalKey().get(i))) {
                return new ProfileProblem("/naturalKey/" + i, "the natural key lists a blank column name");
            }
        }
        return null;
    }

    static ProfileProblem checkGates(Profile p) {
        for (int i = 0; i < p.gates().size(); i++) {
            String problem = checkGate(p.gates().get(i));
            if (problem != null) {
                return new ProfileProblem("/gates/" + i, "gate " + (i + 1) + ": " + problem);
            }
        }
        return null;
    }

    static ProfileProblem checkMapping(ColumnMapping m, String at, Set<String> targets) {
        if (blank(m.target())) {
            return new ProfileProblem(at, "a column mapping has no target column");
        }
        String what = "column " + m.target();
        if (!targets.add(m.target().toLowerCase(Locale.ROOT))) {
            return new ProfileProblem(at, what + " is mapped twice");
        }
        int given = (m.source() != null ? 1 : 0) + (m.sources().isEmpty() ? 0 : 1) + (m.constant() != null ? 1 : 0);
        if (given != 1) {
            return new ProfileProblem(at, what + " must have exactly one of source, sources or constant, but has "
                    + (given == 0 ? "none" : given));
        }
        if (m.source() != null && m.source().isBlank()) {
            return new ProfileProblem(at, what + " has a blank source column");
        }
        for (String s : m.sources()) {
            if (blank(s)) {
                return new ProfileProblem(at, what + " lists a blank source column");
            }
        }
        for (int i = 0; i < m.transforms().size(); i++) {
            String problem = checkTransform(m.transforms().get(i));
            if (problem != null) {
                return new ProfileProblem(at + "/transforms/" + i, what + ": " + problem);
            }
        }
        return null;
    }

    static String checkTransform(TransformSpec t) {
        String op = t.op();
        if (op == null || !ProfileSchema.TRANSFORM_OPS.contains(op)) {
            return (op == null ? "a transform has no op" : "unknown transform op '" + op + "'") + " (known: "
                    + String.join(", ", ProfileSchema.TRANSFORM_OPS) + ")";
        }
        return switch (op) {
            case "replace" -> checkReplace(t);
            case "null-if" -> t.values() == null || t.values().isEmpty() ? "null-if needs values" : null;
            case "number" -> checkNumber(t);
            case "date" -> checkDate(t);
            case "default" -> t.value() == null ? "default needs a value" : null;
            case "split" -> t.separator() == null || t.separator().isEmpty() ? "split needs a separator" : null;
            case "map" -> checkMap(t);
            default -> null;
        };
    }

    private static String checkReplace(TransformSpec t) {
        if (t.from() == null || t.from().isEmpty()) {
            return "replace needs a non-empty 'from'";
        }
        if (Boolean.TRUE.equals(t.regex())) {
            try {
                Pattern.compile(t.from());
            } catch (PatternSyntaxException e) {
                return "replace has an invalid regular expression '" + t.from() + "' (" + e.getDescription() + ")";
            }
        }
        return null;
    }

    private static String checkMap(TransformSpec t) {
        if (t.map() == null || t.map().isEmpty()) {
            return "map needs a table of values, e.g. \"map\": {\"NRD\": \"NORD\"}";
        }
        for (Map.Entry<String, String> entry : t.map().entrySet()) {
            if (entry.getValue() == null) {
                return "map gives no new value for '" + entry.getKey() + "' (write \"\" for no value)";
            }
        }
        return null;
    }

    private static String checkNumber(TransformSpec t) {
        if (t.locale() != null) {
            try {
                new Locale.Builder().setLanguageTag(t.locale());
            } catch (IllformedLocaleException e) {
                return "number has an invalid locale '" + t.locale() + "' (use a tag like de-DE)";
            }
            return null;
        }
        if (t.decimal() == null || t.decimal().length() != 1) {
            return "number needs a locale (like de-DE) or a one-character decimal separator";
        }
        if (t.grouping() != null && (t.grouping().length() != 1 || t.grouping().equals(t.decimal()))) {
            return "number needs a one-character grouping separator different from the decimal separator";
        }
        return null;
    }

    private static String checkDate(TransformSpec t) {
        if (t.patterns() == null || t.patterns().isEmpty()) {
            return "date needs at least one pattern (like dd.MM.yyyy)";
        }
        for (String pattern : t.patterns()) {
            try {
                DateTimeFormatter.ofPattern(pattern);
            } catch (IllegalArgumentException e) {
                return "date has an invalid pattern '" + pattern + "' (" + e.getMessage() + ")";
            }
        }
        return null;
    }

    static ProfileProblem checkRule(RuleSpec r, String at) {
        if (r.type() == null || !ProfileSchema.RULE_TYPES.contains(r.type())) {
            return new ProfileProblem(at, (r.type() == null ? "a rule has no type" : "unknown rule type '" + r.type()
                    + "'") + " (known: " + String.join(", ", ProfileSchema.RULE_TYPES) + ")");
        }
        String what = (r.id() == null ? r.type() : r.id()) + " rule";
        try {
            Severity.parse(r.severity());
        } catch (IllegalArgumentException e) {
            return new ProfileProblem(at, what + ": severity must be error or warning, not '" + r.severity() + "'");
        }
        String missing = switch (r.type()) {
            case "range" -> blank(r.column()) ? "column" : r.min() == null && r.max() == null ? "min or max" : null;
            case "pattern" -> blank(r.column()) ? "column" : blank(r.pattern()) ? "pattern" : null;
            case "allowed" -> blank(r.column()) ? "column" : r.values().isEmpty() ? "values" : null;
            case "unique" -> blank(r.column()) && r.columns().isEmpty() ? "column or columns" : null;
            case "lookup" -> blank(r.column()) ? "column" : blank(r.table()) ? "table" : blank(r.key()) ? "key" : null;
            case "required" -> blank(r.column()) ? "column" : null;
            default -> blank(r.expression()) ? "expression" : null;
        };
        if (missing != null) {
            return new ProfileProblem(at, what + " needs " + missing);
        }
        String misplaced = misplacedOption(r);
        if (misplaced != null) {
            return new ProfileProblem(at, what + ": '" + misplaced + "' does not apply to "
                    + ("aeiou".indexOf(r.type().charAt(0)) >= 0 ? "an " : "a ") + r.type()
                    + " rule (it takes " + String.join(", ", ProfileSchema.ruleOptions(r.type())) + ")");
        }
        if (r.minExclusive() != null && r.min() == null) {
            return new ProfileProblem(at, what + " sets minExclusive but has no min");
        }
        if (r.maxExclusive() != null && r.max() == null) {
            return new ProfileProblem(at, what + " sets maxExclusive but has no max");
        }
        if (r.min() != null && r.max() != null) {
            int c = r.min().compareTo(r.max());
            if (c > 0 || (c == 0 && (r.excludesMin() || r.excludesMax()))) {
                return new ProfileProblem(at, what + " has min " + r.min().toPlainString()
                        + (c > 0 ? " above max " : " equal to max ") + r.max().toPlainString()
                        + (c > 0 ? "" : " with a bound excluded") + ", so no value could pass");
            }
        }
        if ("pattern".equals(r.type())) {
            try {
                Pattern.compile(r.pattern());
            } catch (PatternSyntaxException e) {
                return new ProfileProblem(at, what + " has an invalid regular expression '" + r.pattern() + "' ("
                        + e.getDescription() + ")");
            }
        }
        return null;
    }

    /** The first option the rule sets that its type does not use, or null. */
    private static String misplacedOption(RuleSpec r) {
        List<String> allowed = ProfileSchema.ruleOptions(r.type());
        Map<String, Boolean> given = new LinkedHashMap<>();
        given.put("column", r.column() != null);
        given.put("columns", !r.columns().isEmpty());
        given.put("min", r.min() != null);
        given.put("max", r.max() != null);
        given.put("minExclusive", r.minExclusive() != null);
        given.put("maxExclusive", r.maxExclusive() != null);
        given.put("pattern", r.pattern() != null);
        given.put("values", !r.values().isEmpty());
        given.put("ignoreCase", r.ignoreCase() != null);
        given.put("table", r.table() != null);
        given.put("key", r.key() != null);
        given.put("when", r.when() != null);
        given.put("expression", r.expression() != null);
        for (Map.Entry<String, Boolean> option : given.entrySet()) {
            if (option.getValue() && !allowed.contains(option.getKey())) {
                return option.getKey();
            }
        }
        return null;
    }

    private static String checkGate(GateSpec g) {
        if (g.metric() == null || !ProfileSchema.GATE_METRICS.contains(g.metric())) {
            return (g.metric() == null ? "a gate has no metric" : "unknown metric '" + g.metric() + "'") + " (known: "
                    + String.join(", ", ProfileSchema.GATE_METRICS) + ")";
        }
        if (g.min() == null && g.max() == null) {
            return g.metric() + " needs min or max";
        }
        if (g.min() != null && g.max() != null && g.min().compareTo(g.max()) > 0) {
            return g.metric() + " has min " + g.min().toPlainString() + " above max " + g.max().toPlainString()
                    + ", so it could never pass";
        }
        if (g.unit() != null && !ProfileSchema.GATE_UNITS.contains(g.unit())) {
            return g.metric() + " has unknown unit '" + g.unit() + "' (known: "
                    + String.join(", ", ProfileSchema.GATE_UNITS) + ")";
        }
        if ("count".equals(g.unit()) && !g.metric().endsWith("Rows")) {
            return g.metric() + " is a score in percent; only errorRows and rejectedRows can be counted";
        }
        if (g.action() == null || !ProfileSchema.GATE_ACTIONS.contains(g.action())) {
            return g.metric() + (g.action() == null ? " has no action" : " has unknown action '" + g.action() + "'")
                    + " (known: " + String.join(", ", ProfileSchema.GATE_ACTIONS) + ")";
        }
        return null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
