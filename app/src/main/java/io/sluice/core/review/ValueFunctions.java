package io.sluice.core.review;

import org.sqlite.Function;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL functions the column statistics group by, registered on a review's connection: {@code sluice_shape(text)} (a
 * value's shape: letters as A, digits as 9, other characters kept), {@code sluice_number(text, stored)} (the value as
 * a number, or NULL) and {@code sluice_date(text, stored)} (the value as an ISO date, or NULL). {@code stored} is the
 * raw cell's typed value as {@link CellCodec} keeps it, so a workbook's number and date cells count by their value.
 */
final class ValueFunctions {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern DOTTED_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})");

    private ValueFunctions() {
    }

    static void register(Connection connection) throws SQLException {
        Function.create(connection, "sluice_shape", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                result(text == null ? null : shape(text));
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "sluice_number", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                Double number = number(value_text(0), value_text(1));
                if (number == null) {
                    result();
                } else {
                    result(number);
                }
            }
        }, 2, Function.FLAG_DETERMINISTIC);
        Function.create(connection, "sluice_date", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                LocalDate date = date(value_text(0), value_text(1));
                result(date == null ? null : date.toString());
            }
        }, 2, Function.FLAG_DETERMINISTIC);
    }

    static void unregister(Connection connection) throws SQLException {
        Function.destroy(connection, "sluice_shape", 1);
        Function.destroy(connection, "sluice_number", 2);
        Function.destroy(connection, "sluice_date", 2);
    }

    /** Letters become A, digits 9, every other character stays, e.g. "ABC-123456" becomes "AAA-999999". */
    static String shape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                b.append('A');
            } else if (Character.isDigit(c)) {
                b.append('9');
            } else {
                b.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return b.toString();
    }

    static Double number(String text, String stored) {
        char kind = stored == null ? 0 : stored.charAt(0);
        if (kind == 'N') {
            return Double.valueOf(stored.substring(1));
        }
        if (kind == 'D' || kind == 'S') {
            return null;
        }
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return NUMBER.matcher(s).matches() ? Double.valueOf(s) : null;
    }

    static LocalDate date(String text, String stored) {
        char kind = stored == null ? 0 : stored.charAt(0);
        if (kind == 'D' || kind == 'S') {
            return LocalDate.parse(stored.substring(1, 11));
        }
        if (kind == 'N') {
            return null;
        }
        if (text == null) {
            return null;
        }
        String s = text.strip();
        Matcher iso = ISO_DATE.matcher(s);
        if (iso.matches()) {
            return date(iso.group(1), iso.group(2), iso.group(3));
        }
        Matcher dotted = DOTTED_DATE.matcher(s);
        return dotted.matches() ? date(dotted.group(3), dotted.group(2), dotted.group(1)) : null;
    }

    private static LocalDate date(String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
