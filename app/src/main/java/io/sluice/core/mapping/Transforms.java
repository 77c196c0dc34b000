package io.sluice.core.mapping;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.TransformSpec;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiles the transforms of a profile once (regexes, formatters, separators) into steps cheap enough per cell. */
final class Transforms {

    private Transforms() {
    }

    /**
     * @param where names the mapping in messages, e.g. "Profile 'mix', column cement_kg"
     */
    static Transform compile(TransformSpec spec, String where) {
        String op = spec.op() == null ? "" : spec.op();
        return switch (op) {
            case "trim" -> w -> w.setText(w.text.strip());
            case "upper" -> w -> w.setText(w.text.toUpperCase(Locale.ROOT));
            case "lower" -> w -> w.setText(w.text.toLowerCase(Locale.ROOT));
            case "title" -> w -> w.setText(TextCleanup.titleCase(w.text));
            case "collapse-spaces" -> w -> w.setText(TextCleanup.collapseSpaces(w.text));
            case "replace" -> replace(spec, where);
            case "null-if" -> nullIf(spec.values());
            case "number" -> number(spec, where);
            case "date" -> date(spec, where);
            case "default" -> defaultValue(spec, where);
            case "split" -> split(spec, where);
            case "map" -> map(spec, where);
            default -> throw SluiceException.input(where + ": unknown transform op '" + op + "'.");
        };
    }

    /** A step turning texts equal to one of the markers (after trim, ignoring case) into "no value". */
    static Transform nullIf(List<String> markers) {
        return new NullIf(trimmed(markers));
    }

    /*
     * The steps that run for every cell and do more than one call are classes of their own, not lambdas: of a
     * lambda, the JIT compiler compiled both the generated class's apply(), with the body built in, and the body's
     * own synthetic method, each whole (the date step, 15-21 KB, twice in four of seven cold validations recorded).
     */

    private static final class NullIf implements Transform {

        private final String[] markers;

        NullIf(String[] markers) {
            this.markers = markers;
        }

        @Override
        public void apply(Working w) {
            if (w.typed == null && isMarker(w.text, markers)) {
                w.setNull();
            }
        }
    }

    static String[] trimmed(List<String> markers) {
        String[] m = new String[markers == null ? 0 : markers.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = markers.get(i).strip();
        }
        return m;
    }

    static boolean isMarker(String text, String[] markers) {
        if (markers.length == 0 || text.isEmpty()) {
            return false;
        }
        String s = text.strip();
        for (String marker : markers) {
            if (marker.equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }

    private static Transform replace(TransformSpec spec, String where) {
        String from = spec.from();
        String to = spec.to() == null ? "" : spec.to();
        if (from == null || from.isEmpty()) {
            throw SluiceException.input(where + ": replace needs a non-empty 'from'.");
        }
        if (!Boolean.TRUE.equals(spec.regex())) {
            return w -> w.setText(w.text.replace(from, to));
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(from);
        } catch (PatternSyntaxException e) {
            throw SluiceException.input(where + ": invalid regular expression '" + from + "'.", e);
        }
        return w -> {
            Matcher matcher = pattern.matcher(w.text);
            if (matcher.find()) {
                w.setText(matcher.replaceAll(to));
            }
        };
    }

    private static Transform map(TransformSpec spec, String where) {
        Map<String, String> table = spec.map();
        if (table == null || table.isEmpty()) {
            throw SluiceException.input(where + ": map needs a table of values.");
        }
        return w -> {
            String to = table.get(w.text);
            if (to != null) {
                w.setText(to);
            }
        };
    }

    private static Transform number(TransformSpec spec, String where) {
        NumberParser parser;
        if (spec.locale() != null) {
            parser = NumberParser.forLocale(TransformLocales.forNumbers(spec.locale(), where));
        } else if (spec.decimal() != null && spec.decimal().length() == 1) {
            char grouping = spec.grouping() == null || spec.grouping().isEmpty() ? 0 : spec.grouping().charAt(0);
            parser = NumberParser.withSeparators(spec.decimal().charAt(0), grouping);
        } else {
            throw SluiceException.input(where + ": number needs a locale (like de-DE) or a decimal separator.");
        }
        return new NumberStep(parser, " is not a number like " + parser.example() + ".");
    }

    private static final class NumberStep implements Transform {

        private final NumberParser parser;
        private final String expected;

        NumberStep(NumberParser parser, String expected) {
            this.parser = parser;
            this.expected = expected;
        }

        @Override
        public void apply(Working w) {
            // The file's own number is exact; its displayed text may be rounded or formatted.
            if (w.typed instanceof BigDecimal || w.isEmpty()) {
                return;
            }
            BigDecimal d = w.typed == null ? parser.parse(w.text) : null;
            if (d == null) {
                w.fail(TypeConverter.quote(w.text) + expected);
            } else {
                w.typed = d;
                w.parsed = true;
            }
        }
    }

    private static Transform date(TransformSpec spec, String where) {
        if (spec.patterns() == null || spec.patterns().isEmpty()) {
            throw SluiceException.input(where + ": date needs at least one pattern.");
        }
        Locale locale = spec.locale() == null ? Locale.ENGLISH : TransformLocales.forDates(spec.locale(), where);
        DateParser parser;
        try {
            parser = new DateParser(spec.patterns(), locale);
        } catch (IllegalArgumentException e) {
            throw SluiceException.input(where + ": invalid date pattern (" + e.getMessage() + ").", e);
        }
        return new DateStep(parser, " is not a date like " + String.join(" or ", spec.patterns()) + ".");
    }

    private static final class DateStep implements Transform {

        private final DateParser parser;
        private final String expected;

        DateStep(DateParser parser, String expected) {
            this.parser = parser;
            this.expected = expected;
        }

        @Override
        public void apply(Working w) {
            // An Excel date cell already holds the date; its text follows the author's display format.
            if (w.typed instanceof LocalDate || w.typed instanceof LocalDateTime || w.isEmpty()) {
                return;
            }
            Temporal t = parser.parse(w.text);
            if (t == null) {
                w.fail(TypeConverter.quote(w.text) + expected);
            } else {
                w.typed = t;
                w.parsed = true;
            }
        }
    }

    private static Transform defaultValue(TransformSpec spec, String where) {
        if (spec.value() == null) {
            throw SluiceException.input(where + ": default needs a value.");
        }
        String value = spec.value();
        return w -> {
            if (w.isEmpty()) {
                w.setText(value);
            }
        };
    }

    private static Transform split(TransformSpec spec, String where) {
        String separator = spec.separator();
        if (separator == null || separator.isEmpty()) {
            throw SluiceException.input(where + ": split needs a separator.");
        }
        int index = spec.index() == null ? 0 : spec.index();
        return w -> w.setText(part(w.text, separator, index));
    }

    /** The index-th part (negative counts from the end), "" when there is no such part. */
    static String part(String text, String separator, int index) {
        int count = 1;
        for (int at = text.indexOf(separator); at >= 0; at = text.indexOf(separator, at + separator.length())) {
            count++;
        }
        int wanted = index < 0 ? count + index : index;
        if (wanted < 0 || wanted >= count) {
            return "";
        }
        int start = 0;
        for (int i = 0; i < wanted; i++) {
            start = text.indexOf(separator, start) + separator.length();
        }
        int end = text.indexOf(separator, start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
