package io.sluice.core.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses date text with java.time patterns tried in order, strictly (31.02.2024 is not a date). Returns null instead
 * of throwing for text that does not fit: the mapper runs it on every cell of large files.
 */
final class DateParser {

    private static final Pattern TIME_LETTERS = Pattern.compile("[HhKkmsSnNaAB]");

    private final List<String> patterns;
    private final DateTimeFormatter[] formatters;
    /** Per pattern, the numeric fast path or null. */
    private final NumericDate[] fast;
    /** Per pattern, whether it has a time of day (decides LocalDateTime over LocalDate). */
    private final boolean[] withTime;

    DateParser(List<String> patterns, Locale locale) {
        this.patterns = List.copyOf(patterns);
        this.formatters = new DateTimeFormatter[patterns.size()];
        this.fast = new NumericDate[patterns.size()];
        this.withTime = new boolean[patterns.size()];
        for (int i = 0; i < formatters.length; i++) {
            fast[i] = NumericDate.compile(patterns.get(i));
            withTime[i] = TIME_LETTERS.matcher(patterns.get(i).replaceAll("'[^']*'", "")).find();
            // ERA defaults to CE so that strict resolving accepts the familiar yyyy instead of uuuu.
            formatters[i] = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(patterns.get(i))
                    .parseDefaulting(ChronoField.ERA, 1).toFormatter(locale).withResolverStyle(ResolverStyle.STRICT);
        }
    }

    List<String> patterns() {
        return patterns;
    }

    /** A LocalDate, or a LocalDateTime when the pattern has a time of day; null when no pattern fits. */
    Temporal parse(String raw) {
        String s = raw.strip();
        for (int i = 0; i < formatters.length; i++) {
            if (fast[i] != null) {
                LocalDate date = fast[i].parse(s);
                if (date != null) {
                    return date;
                }
                continue;
            }
            DateTimeFormatter f = formatters[i];
            ParsePosition pos = new ParsePosition(0);
            // The unresolved pass fails cheaply without an exception; only a text of the right shape is resolved.
            if (f.parseUnresolved(s, pos) == null || pos.getIndex() != s.length()) {
                continue;
            }
            try {
                return withTime[i] ? f.parse(s, LocalDateTime::from) : f.parse(s, LocalDate::from);
            } catch (DateTimeParseException e) {
                // right shape, impossible date such as 31.02.2024: try the next pattern
            }
        }
        return null;
    }
}
