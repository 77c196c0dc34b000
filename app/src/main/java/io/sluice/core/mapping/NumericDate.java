package io.sluice.core.mapping;

import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;

/**
 * A fast path for all-numeric date patterns such as dd.MM.yyyy, d/M/yy or yyyy-MM-dd: java.time's formatter costs
 * microseconds per cell, which adds up to seconds on a million rows. Same results as the strict formatter for these
 * patterns; other patterns (month names, times) are left to it.
 */
final class NumericDate {

    private enum Field { DAY, MONTH, YEAR, YEAR2 }

    /** One pattern element: a field of min..max digits, or a literal character. */
    private record Part(Field field, int min, int max, char literal) {
    }

    private final Part[] parts;

    private NumericDate(Part[] parts) {
        this.parts = parts;
    }

    /** The fast parser for a pattern, or null when the pattern is not a plain numeric date. */
    static NumericDate compile(String pattern) {
        List<Part> parts = new ArrayList<>();
        boolean day = false;
        boolean month = false;
        boolean year = false;
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int run = 1;
            while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
                run++;
            }
            if (c == 'd' && run <= 2 && !day) {
                parts.add(new Part(Field.DAY, run, 2, (char) 0));
                day = true;
            } else if (c == 'M' && run <= 2 && !month) {
                parts.add(new Part(Field.MONTH, run, 2, (char) 0));
                month = true;
            } else if ((c == 'y' || c == 'u') && (run == 2 || run == 4) && !year) {
                parts.add(run == 4 ? new Part(Field.YEAR, 4, 4, (char) 0) : new Part(Field.YEAR2, 2, 2, (char) 0));
                year = true;
            } else if (c == '.' || c == '/' || c == '-' || c == ' ' || c == ',') {
                for (int k = 0; k < run; k++) {
                    parts.add(new Part(null, 0, 0, c));
                }
            } else {
                return null;
            }
            i += run;
        }
        return day && month && year ? new NumericDate(parts.toArray(new Part[0])) : null;
    }

    /** The date, or null when the text does not have this shape or names a day that does not exist. */
    LocalDate parse(String s) {
        int pos = 0;
        int d = 0;
        int m = 0;
        int y = 0;
        int n = s.length();
        for (Part p : parts) {
            if (p.field == null) {
                if (pos >= n || s.charAt(pos) != p.literal) {
                    return null;
                }
                pos++;
                continue;
            }
            int value = 0;
            int digits = 0;
            while (digits < p.max && pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                value = value * 10 + (s.charAt(pos) - '0');
                pos++;
                digits++;
            }
            if (digits < p.min) {
                return null;
            }
            switch (p.field) {
                case DAY -> d = value;
                case MONTH -> m = value;
                case YEAR -> y = value;
                case YEAR2 -> y = 2000 + value;
            }
        }
        if (pos != n || m < 1 || m > 12 || d < 1 || d > Month.of(m).length(Year.isLeap(y)) || y < 1) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }
}
