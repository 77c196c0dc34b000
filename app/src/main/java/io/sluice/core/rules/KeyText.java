package io.sluice.core.rules;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;

/**
 * Canonical text of key values, so that equal keys compare equal whatever Java type or scale they come in
 * (BigDecimal 7.0 and Integer 7 from the database are the same key). Validation compares keys with it and the commit
 * records provenance keys with it, so both agree on what "the same key" is.
 */
public final class KeyText {

    private static final char SEPARATOR = '\u0001';

    private KeyText() {
    }

    /** The canonical text of one key value; "" for null. */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return of(d);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Long.toString(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return of(new BigDecimal(n.toString()));
        }
        if (value instanceof Date d) {
            return d.toLocalDate().toString();
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        return value.toString();
    }

    /**
     * The decimal without trailing zeros, in plain notation: what {@code stripTrailingZeros().toPlainString()} gives,
     * worked out on the plain text, as this runs for every key of every row and stripping builds a BigDecimal per
     * zero removed.
     */
    private static String of(BigDecimal d) {
        if (d.signum() == 0) {
            return "0";
        }
        String plain = d.toPlainString();
        if (d.scale() <= 0) {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        if (plain.charAt(end - 1) == '.') {
            end--;
        }
        return end == plain.length() ? plain : plain.substring(0, end);
    }

    static String of(List<?> values) {
        if (values.size() == 1) {
            return of(values.get(0));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(of(values.get(i)));
        }
        return sb.toString();
    }

    /** Key values for a message: "A-12" or "(A-12, 2021-03-04)". */
    static String display(List<?> values) {
        if (values.size() == 1) {
            return of(values.get(0));
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(of(values.get(i)));
        }
        return sb.append(')').toString();
    }
}
