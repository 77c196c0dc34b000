package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedColumn;
import io.sluice.core.mapping.MappedRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** A value must be one of a fixed list: a profile {@code allowed} rule or a CHECK ... IN (...). */
final class AllowedValuesRule implements RowRule {

    private final String id;
    private final String target;
    /** Found once per mapper: the rule reads it on every row. */
    private final MappedColumn column;
    private final Set<String> texts = new HashSet<>();
    private final Set<String> numbers = new HashSet<>();
    /** The allowed whole numbers that fit a long, so that an integer column's Long is found without its text. */
    private final Set<Long> wholeNumbers = new HashSet<>();
    private final List<String> display;
    private final boolean ignoreCase;
    private final Severity severity;
    private final String message;
    /** For a CHECK ... IN on a NUMERIC column: the column's scale, to which the database rounds first; or null. */
    private final Integer storedScale;
    /** For a CHECK on a CHAR(n) column: how the database compares its padded text with the list; or null. */
    private final CharColumn charColumn;

    /**
     * A CHAR(n) column as a CHECK sees it. PostgreSQL compares bpchar ignoring trailing spaces on both sides; H2 pads
     * the value to n and compares it with an IN list of two or more values space for space (a single value it
     * compares as with =, ignoring trailing spaces).
     *
     * @param length        n
     * @param spaceForSpace whether the padded value must equal a listed value exactly
     * @param database      the database's name, for the message
     */
    record CharColumn(int length, boolean spaceForSpace, String database) {
        String stored(String value) {
            String kept = value.stripTrailing();
            return spaceForSpace && kept.length() < length ? kept + " ".repeat(length - kept.length()) : kept;
        }

        String listed(String value) {
            return spaceForSpace ? value : value.stripTrailing();
        }
    }

    AllowedValuesRule(String id, String target, List<String> values, Severity severity, String message) {
        this(id, target, values, false, severity, message);
    }

    /** A CHECK ... IN that judges a number as a column of that scale stores it: 1.45 into NUMERIC(4,1) as 1.5. */
    AllowedValuesRule(String id, String target, List<String> values, Severity severity, Integer storedScale) {
        this(id, target, values, false, severity, null, storedScale, null);
    }

    /** A CHECK ... IN on a CHAR(n) column, judged on the text as the column holds and the database compares it. */
    AllowedValuesRule(String id, String target, List<String> values, Severity severity, CharColumn charColumn) {
        this(id, target, values, false, severity, null, null, charColumn);
    }

    /** @param ignoreCase whether "nord" passes for NORD (compared in lower case, locale-independent) */
    AllowedValuesRule(String id, String target, List<String> values, boolean ignoreCase, Severity severity,
                      String message) {
        this(id, target, values, ignoreCase, severity, message, null, null);
    }

    private AllowedValuesRule(String id, String target, List<String> values, boolean ignoreCase, Severity severity,
                              String message, Integer storedScale, CharColumn charColumn) {
        this.storedScale = storedScale;
        this.charColumn = charColumn;
        this.id = id;
        this.target = target;
        this.column = new MappedColumn(target);
        this.display = List.copyOf(values);
        this.ignoreCase = ignoreCase;
        for (String v : values) {
            texts.add(folded(charColumn == null ? v : charColumn.listed(v)));
            String number = number(v);
            if (number != null) {
                numbers.add(number);
                Long whole = whole(number);
                if (whole != null) {
                    wholeNumbers.add(whole);
                }
            }
        }
        this.severity = severity;
        this.message = message;
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(id, List.of(target));
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        Object value = row.value(column);
        if (value == null || isAllowed(stored(value))) {
            return;
        }
        report(row, value, findings);
    }

    // Apart from check(), so that the compiler does not build this rare sentence into the per-row method.
    private void report(MappedRow row, Object value, Consumer<Finding> findings) {
        String shown = display.size() <= 12 ? String.join(", ", display)
                : String.join(", ", display.subList(0, 12)) + ", ... (" + display.size() + " values)";
        String held = charColumn != null && charColumn.spaceForSpace() && value instanceof String s
                ? charColumn.stored(s) : null;
        String how = held == null || held.equals(s(value)) ? "" : " (a CHAR(" + charColumn.length()
                + ") column holds it as '" + held + "', which " + charColumn.database()
                + " compares with the list space for space)";
        findings.accept(Findings.onCell(row, target, id, severity, Findings.message(message,
                Findings.label(row, target) + " '" + KeyText.of(value) + "' is not one of the allowed values: "
                + shown + how + ".")));
    }

    private static String s(Object value) {
        return value instanceof String s ? s : null;
    }

    private Object stored(Object value) {
        if (charColumn != null && value instanceof String s) {
            return charColumn.stored(s);
        }
        return storedScale != null && value instanceof BigDecimal d && d.scale() > storedScale
                ? d.setScale(storedScale, RoundingMode.HALF_UP) : value;
    }

    /** Numbers compare by value (7 = 7.0, in a text column too); everything else by its text. */
    private boolean isAllowed(Object value) {
        if (value instanceof String s) {
            if (texts.contains(folded(s))) {
                return true;
            }
            String number = numbers.isEmpty() ? null : number(s);
            return number != null && numbers.contains(number);
        }
        if (value instanceof Long l) {
            // KeyText of a Long is its decimal digits, which match a canonical number exactly when it is this whole
            return wholeNumbers.contains(l);
        }
        return numbers.contains(KeyText.of(value));
    }

    /** The canonical number text as a long when it is a whole number that fits one, else null. */
    private static Long whole(String canonical) {
        try {
            return canonical.indexOf('.') < 0 ? Long.valueOf(canonical) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String folded(String text) {
        return ignoreCase ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** The canonical number a text spells, or null when it is not a number. */
    private static String number(String text) {
        String t = text.trim();
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.charAt(0) == '-' || t.charAt(0) == '+'
                || t.charAt(0) == '.')) {
            return null;
        }
        try {
            return KeyText.of(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
