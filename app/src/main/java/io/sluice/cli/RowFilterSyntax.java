package io.sluice.cli;

import io.sluice.core.review.RowFilter;
import io.sluice.core.usecase.OpenReview;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The row filters of {@code decide} and {@code fix} as typed on the command line: valid | errors | pending | all |
 * rule:ID | column:HEADER | rows:2,5,9 | value:HEADER=TEXT | blank:HEADER | shape:HEADER=AAA-999 |
 * between:HEADER=LOW..HIGH | dates:HEADER=FIRST..LAST, combined with +. A header or a value in double quotes keeps
 * its spaces, a + or an = ({@code ""} inside stands for one quote).
 */
final class RowFilterSyntax {

    /** For the commands' help: the filters on findings, decisions and rows. */
    static final String SYNTAX = "valid | errors | pending | all | rule:ID | column:HEADER | rows:2,5,9";

    /** For the commands' help: the filters on a column's value. */
    static final String VALUE_SYNTAX = "On a column's value as it reads now: value:HEADER=TEXT (exactly TEXT) |"
            + " blank:HEADER | shape:HEADER=AAA-999 (letters as A, digits as 9) | between:HEADER=LOW..HIGH (LOW <="
            + " number < HIGH; leave out an end for no bound) | dates:HEADER=FIRST..LAST (ISO dates, both included).";

    /** For the commands' help: combining and quoting. */
    static final String COMBINING = "Combine filters with +, as in pending+valid. Put a header or a value in double"
            + " quotes to keep spaces at its ends, a + or an =, as in value:Supplier=\" NRD\".";

    private static final String KINDS = "valid, errors, pending, all, rule:ID, column:HEADER, rows:2,5,9,"
            + " value:HEADER=TEXT, blank:HEADER, shape:HEADER=AAA-999, between:HEADER=LOW..HIGH or"
            + " dates:HEADER=FIRST..LAST";

    private RowFilterSyntax() {
    }

    /** The filter {@code text} names; an unknown filter, column, rule or row is a usage error of one sentence. */
    static RowFilter parse(OpenReview review, String text) {
        RowFilter filter = null;
        for (String part : parts(text)) {
            RowFilter one = one(review, part.trim());
            filter = filter == null ? one : filter.and(one);
        }
        return filter;
    }

    /** Splits at each + outside double quotes; a quote left open is a usage error. */
    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '+' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw new UsageException("The filter '" + text + "' opens a double quote it does not close.");
        }
        parts.add(part.toString());
        return parts;
    }

    private static RowFilter one(OpenReview review, String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        if (lower.startsWith("rule:")) {
            return review.rule(part.substring(5).trim());
        }
        if (lower.startsWith("column:")) {
            return review.column(unquote(part.substring(7).trim()));
        }
        if (lower.startsWith("rows:")) {
            List<Long> rows = new ArrayList<>();
            for (String n : part.substring(5).split(",")) {
                rows.add(parseRow(n.trim()));
            }
            return review.rows(rows);
        }
        if (lower.startsWith("blank:")) {
            return review.blank(unquote(part.substring(6).trim()));
        }
        if (lower.startsWith("value:")) {
            String[] pair = headerAndText(part, "value", "value:Supplier=NRD");
            return review.value(pair[0], pair[1]);
        }
        if (lower.startsWith("shape:")) {
            String[] pair = headerAndText(part, "shape", "shape:Mix Code=99999-A");
            return review.shape(pair[0], pair[1]);
        }
        if (lower.startsWith("between:")) {
            String[] pair = headerAndText(part, "between", "between:Cement (kg/m3)=300..400");
            String[] range = range(pair[1], "between", "between:Cement (kg/m3)=300..400");
            return review.numbers(pair[0], number(range[0]), number(range[1]), false);
        }
        if (lower.startsWith("dates:")) {
            String[] pair = headerAndText(part, "dates", "dates:Cast Date=2020-04-01..2020-04-30");
            String[] range = range(pair[1], "dates", "dates:Cast Date=2020-04-01..2020-04-30");
            if (range[0] == null || range[1] == null) {
                throw new UsageException("dates:HEADER=FIRST..LAST needs both dates, e.g."
                        + " dates:Cast Date=2020-04-01..2020-04-30.");
            }
            return review.dates(pair[0], date(range[0]), date(range[1]));
        }
        if ((lower.equals("valid") || lower.equals("errors")) && !review.isValidated()) {
            throw new UsageException(review.file().getFileName() + " has not been validated to the end, so no row is"
                    + " known to be " + (lower.equals("valid") ? "valid" : "in error") + "; run 'sluice validate"
                    + " --review " + review.file() + " --profile PROFILE.json' first.");
        }
        return switch (lower) {
            case "valid" -> RowFilter.valid();
            case "errors" -> RowFilter.withErrors();
            case "pending" -> RowFilter.pending();
            case "all" -> RowFilter.all();
            default -> throw new UsageException("Unknown filter '" + part + "'; use " + KINDS + ".");
        };
    }

    /**
     * The header and the text of {@code kind:HEADER=TEXT}: the header up to the first = outside quotes, each side
     * unquoted; an unquoted text keeps no spaces at its ends.
     */
    private static String[] headerAndText(String part, String kind, String example) {
        String rest = part.substring(kind.length() + 1);
        boolean quoted = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '=' && !quoted) {
                String header = unquote(rest.substring(0, i).trim());
                if (header.isEmpty()) {
                    break;
                }
                return new String[] {header, unquote(rest.substring(i + 1).trim())};
            }
        }
        throw new UsageException("The filter '" + part + "' needs a column, an = and what to look for, as in "
                + example + ".");
    }

    /** Both ends of {@code LOW..HIGH}, null for an end left out. */
    private static String[] range(String text, String kind, String example) {
        int dots = text.indexOf("..");
        if (dots < 0 || text.indexOf("..", dots + 2) >= 0 || text.strip().equals("..")) {
            throw new UsageException("'" + text + "' is not a range: " + kind + " takes two ends around '..', e.g. "
                    + example + ".");
        }
        String low = text.substring(0, dots).strip();
        String high = text.substring(dots + 2).strip();
        return new String[] {low.isEmpty() ? null : low, high.isEmpty() ? null : high};
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && !text.matches(".*[a-zA-Z&&[^eE]].*")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below, in the same words as for a number too big to be one
        }
        throw new UsageException("'" + text + "' is not a number (write a point for the decimals, e.g. 12.5).");
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("'" + text + "' is not a date: write it as YYYY-MM-DD, e.g. 2020-04-30.");
        }
    }

    /** The filter {@code kind:HEADER=TEXT} (or {@code kind:HEADER} for a null text), quoted where it must be. */
    static String written(String kind, String header, String text) {
        return kind + ":" + quoteIfNeeded(header, true) + (text == null ? "" : "=" + quoteIfNeeded(text, false));
    }

    private static String quoteIfNeeded(String text, boolean header) {
        boolean plain = !text.isEmpty() && text.strip().equals(text) && text.indexOf('+') < 0
                && text.indexOf('"') < 0 && !(header && text.indexOf('=') >= 0);
        return plain ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** {@code "text"} without its quotes, {@code ""} inside becoming one quote; any other text as it is. */
    private static String unquote(String text) {
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return text;
    }

    /**
     * " No row matches the filter (rows where ...)." after an action that changed no row of a filter matching
     * none, else "": it tells a filter that selects nothing from rows that needed no change.
     */
    static String noRow(OpenReview review, RowFilter filter, long changed) {
        return changed == 0 && review.count(filter) == 0 ? " No row matches the filter (" + filter.description()
                + ")." : "";
    }

    static long parseRow(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("'" + text + "' is not a row number.");
        }
    }
}
