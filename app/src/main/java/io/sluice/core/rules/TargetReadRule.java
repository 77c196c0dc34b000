package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.SluiceException;
import io.sluice.core.database.ArrayLiteral;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.ServerReadEvaluator;
import io.sluice.core.database.ServerReadTypes;
import io.sluice.core.database.ServerReadTypes.Family;
import io.sluice.core.database.ServerReadTypes.Judged;
import io.sluice.core.mapping.MappedRow;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intervals, bytea and arrays must be read by the target as their column's type (decision 0080): the target itself
 * judges each distinct text of a chunk, as the import will hand it the same text, so that "valid" means the import
 * takes it. A refused value gets one sentence saying what the column expects, with the target's reason; an array's
 * names the element the target refuses.
 */
final class TargetReadRule implements ChunkRule {

    static final String ID = ConversionRule.ID;

    /** A character type with a length: an explicit cast cuts an over-long element, so lengths are counted here. */
    private static final Pattern CHARACTER_WITH_LENGTH = Pattern.compile("character( varying)?\\((\\d+)\\)",
            Pattern.CASE_INSENSITIVE);

    /** What a value of an H2 interval looks like, by its qualifier. */
    private static final Map<String, String> H2_INTERVAL_EXAMPLES = Map.ofEntries(
            Map.entry("YEAR", "2"), Map.entry("MONTH", "3"), Map.entry("DAY", "5"), Map.entry("HOUR", "4"),
            Map.entry("MINUTE", "30"), Map.entry("SECOND", "10.5"), Map.entry("YEAR TO MONTH", "1-2"),
            Map.entry("DAY TO HOUR", "1 02"), Map.entry("DAY TO MINUTE", "1 02:30"),
            Map.entry("DAY TO SECOND", "1 02:30:00"), Map.entry("HOUR TO MINUTE", "02:30"),
            Map.entry("HOUR TO SECOND", "02:30:00"), Map.entry("MINUTE TO SECOND", "30:00"));

    private final ServerReadEvaluator evaluator;
    private final Dialect dialect;
    /** The judged columns by their mapped target name. */
    private final Map<String, Judged> columns;
    private final RuleReach reach;

    TargetReadRule(ServerReadEvaluator evaluator, Dialect dialect, Map<String, Judged> columns) {
        this.evaluator = evaluator;
        this.dialect = dialect;
        this.columns = new LinkedHashMap<>(columns);
        this.reach = RuleReach.of(ID, columns.keySet());
    }

    /** What the rule checks, for the rules' description. */
    static String description(Judged judged) {
        return switch (judged.family()) {
            case INTERVAL -> "an interval the database reads as " + judged.type();
            case BYTEA -> "bytea text the database reads (\\x and hex digits, or the escape form)";
            case ARRAY -> "an array literal the database reads as " + judged.type() + ", each element checked";
        };
    }

    @Override
    public RuleReach reach() {
        return reach;
    }

    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        Map<String, Map<String, String>> refused = new HashMap<>();
        for (Map.Entry<String, Judged> e : columns.entrySet()) {
            refused.put(e.getKey(), refusals(chunk, e.getKey(), e.getValue()));
        }
        for (MappedRow row : chunk) {
            for (String target : columns.keySet()) {
                String text = textOf(row, target);
                String message = text == null ? null : refused.get(target).get(text);
                if (message != null) {
                    findings.accept(Findings.onCell(row, target, ID, Severity.ERROR, message));
                }
            }
        }
    }

    /** The value the import would hand the target, or null when there is none (empty, or already a type error). */
    private static Object valueOf(MappedRow row, String target) {
        int i = row.indexOf(target);
        return i < 0 || row.error(i) != null ? null : row.value(i);
    }

    /** The value's text: an H2 array's is its literal. */
    private static String textOf(MappedRow row, String target) {
        Object value = valueOf(row, target);
        return value == null ? null : value.toString();
    }

    /** The sentence for each distinct refused text of the column in this chunk. */
    private Map<String, String> refusals(List<MappedRow> chunk, String target, Judged judged) {
        Map<String, Object> distinct = new LinkedHashMap<>();
        for (MappedRow row : chunk) {
            Object value = valueOf(row, target);
            if (value != null) {
                distinct.putIfAbsent(value.toString(), value);
            }
        }
        Map<String, String> messages = new HashMap<>();
        try {
            List<String> texts = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (Map.Entry<String, Object> e : distinct.entrySet()) {
                // a cast cuts an H2 array to its cardinality, where the import refuses it
                if (judged.cardinality() != null && e.getValue() instanceof ArrayLiteral a
                        && a.elements().length > judged.cardinality()) {
                    messages.put(e.getKey(), quote(e.getKey()) + " has " + a.elements().length + " elements; "
                            + target + " (" + judged.type() + ") holds at most " + judged.cardinality() + ".");
                } else {
                    texts.add(e.getKey());
                    values.add(e.getValue());
                }
            }
            List<String> reasons = values.isEmpty() ? List.of() : evaluator.refusals(judged.reader(), values);
            for (int i = 0; i < texts.size(); i++) {
                String message = reasons.get(i) != null ? message(target, judged, values.get(i), reasons.get(i))
                        : elementLength(target, judged, values.get(i));
                if (message != null) {
                    messages.put(texts.get(i), message);
                }
            }
            return messages;
        } catch (SQLException e) {
            throw SluiceException.target("Could not ask the target database whether it reads the values of "
                    + target + " as " + judged.type() + ": " + e.getMessage(), e);
        }
    }

    private String message(String target, Judged judged, Object value, String reason) throws SQLException {
        String text = value.toString();
        return switch (judged.family()) {
            case INTERVAL -> dialect == Dialect.POSTGRESQL
                    ? quote(text) + " is not an interval PostgreSQL reads for " + target + " (" + judged.type()
                    + "): write one such as 1 day 02:00:00, P1DT2H, 2 hours or 1-2 for a year and two months ("
                    + reason + ")."
                    : quote(text) + " is not a value of " + target + " (" + judged.type() + ") as H2 reads it: "
                    + "write its fields alone, such as " + h2Example(judged.type()) + " (" + reason + ").";
            case BYTEA -> quote(text) + " is not bytea text PostgreSQL reads for " + target + ": write \\x and "
                    + "pairs of hex digits, such as \\x0a1b, or the escape form with each backslash written \\\\ ("
                    + reason + ").";
            case ARRAY -> arrayMessage(target, judged, value, reason);
        };
    }

    /** Names the element the target refuses, or says what an array literal looks like when its form is wrong. */
    private String arrayMessage(String target, Judged judged, Object value, String reason) throws SQLException {
        String text = value.toString();
        List<?> elements = elements(value);
        if (elements != null && judged.elementType() != null) {
            List<Object> present = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                if (elements.get(i) != null) {
                    present.add(elements.get(i));
                    positions.add(i + 1);
                }
            }
            List<String> reasons = evaluator.refusals("CAST(? AS " + judged.elementType() + ")", present);
            for (int i = 0; i < present.size(); i++) {
                if (reasons.get(i) != null) {
                    return quote(text) + " has element " + positions.get(i) + ", " + quote(elementText(
                            present.get(i))) + ", which is not " + judged.elementType() + " as " + engine()
                            + " reads it for " + target + " (" + reasons.get(i) + ").";
                }
            }
        }
        return quote(text) + " is not an array " + engine() + " reads for " + target + " (" + judged.type()
                + "): write the elements in braces, such as {1,2,3} or {{1,2},{3,4}}, an element holding a comma, "
                + "brace, quote or space in double quotes, and NULL for none (" + reason + ").";
    }

    /**
     * An array's elements, flattened in order on PostgreSQL (read as {@code text[]} by the server, whatever their
     * type), the top level's on H2; null when PostgreSQL refuses the literal's form.
     */
    private List<?> elements(Object value) throws SQLException {
        if (value instanceof ArrayLiteral a) {
            return Arrays.asList(a.elements());
        }
        return evaluator.elements(value.toString()).texts();
    }

    private static String elementText(Object element) {
        return element instanceof Object[] nested ? Arrays.deepToString(nested) : element.toString();
    }

    private String engine() {
        return dialect == Dialect.POSTGRESQL ? "PostgreSQL" : "H2";
    }

    /**
     * An element longer than its character type's length, which a cast cuts where the import refuses it: PostgreSQL
     * refuses it unless what is over is spaces, which it cuts, as H2 does for CHARACTER but not CHARACTER VARYING.
     */
    private String elementLength(String target, Judged judged, Object value) throws SQLException {
        Matcher withLength = judged.elementType() == null ? null
                : CHARACTER_WITH_LENGTH.matcher(judged.elementType());
        if (withLength == null || !withLength.matches()) {
            return null;
        }
        int max = Integer.parseInt(withLength.group(2));
        boolean spacesCut = dialect == Dialect.POSTGRESQL || withLength.group(1) == null;
        List<?> elements = elements(value);
        for (int i = 0; elements != null && i < elements.size(); i++) {
            Object e = elements.get(i);
            // H2 converts a nested array given for a character element to its own text of it
            String element = e instanceof Object[] nested ? evaluator.text(nested) : (String) e;
            if (element == null || element.codePointCount(0, element.length()) <= max) {
                continue;
            }
            String over = element.substring(element.offsetByCodePoints(0, max));
            if (!spacesCut || over.chars().anyMatch(c -> c != ' ')) {
                return quote(value.toString()) + " has element " + (i + 1) + ", " + quote(element) + ", which is "
                        + element.codePointCount(0, element.length()) + " characters long; " + target + " ("
                        + judged.type() + ") holds at most " + max + " in each element.";
            }
        }
        return null;
    }

    private static String h2Example(String type) {
        String qualifier = type.replaceAll("\\(\\d+(?:, \\d+)?\\)", "").replaceFirst("^INTERVAL ", "");
        return H2_INTERVAL_EXAMPLES.getOrDefault(qualifier, "5");
    }

    private static String quote(String text) {
        return "'" + text + "'";
    }
}
