package io.sluice.core.mapping;

import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import io.sluice.core.source.CellType;
import io.sluice.core.database.ColumnInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How well sampled cells of a source column fit a target column's type, and which transforms would make text values
 * fit: the markers the file uses for "no value" in a number, date or yes/no column, a date pattern, a decimal comma.
 *
 * @param ratio       share of non-blank samples that fit, 0 to 1; 0.5 when there was nothing to judge
 * @param description plain words, e.g. "200/200 sampled values are numbers"
 * @param transforms  suggested transforms in the order they are to run; empty when none is needed
 */
record SampleCheck(double ratio, String description, List<TransformSpec> transforms) {

    /** Texts that mean "no value" in most files, compared ignoring case; they are not held against a column. */
    private static final Set<String> NO_VALUE = Set.of("-", "--", "---", "\u2013", "\u2014", "n/a", "na", "n.a.",
            "n. a.", "k.a.", "k. a.", "k.a", "keine angabe", "null", "nil", "none", "#n/a", "?", "??", "n.v.");

    /** Date layouts tried on text samples, most common first; on a tie the earlier one wins (so dd/MM over MM/dd). */
    static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy",
            "d/M/yyyy", "MM/dd/yyyy", "M/d/yyyy", "dd-MM-yyyy", "yyyy/MM/dd", "dd.MM.yy", "d.M.yy", "dd/MM/yy",
            "M/d/yy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm", "dd/MM/yyyy HH:mm",
            "d-MMM-yyyy", "d MMM yyyy");

    private static final List<DateParser> DATE_PARSERS = DATE_PATTERNS.stream()
            .map(p -> new DateParser(List.of(p), Locale.ENGLISH)).toList();
    private static final TypeConverter YES_NO = new TypeConverter(TypeConverter.Kind.BOOLEAN);
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}._/-]+");
    private static final NumberParser DECIMAL_COMMA = NumberParser.withSeparators(',', '.');
    /** Reads "1,234" as a thousand and more: text it reads proves no decimal comma. */
    private static final NumberParser THOUSANDS_COMMA = NumberParser.withSeparators('.', ',');

    SampleCheck {
        transforms = List.copyOf(transforms);
    }

    static SampleCheck of(List<Cell> samples, ColumnInfo column) {
        List<Cell> values = new ArrayList<>();
        Map<String, Integer> markers = new LinkedHashMap<>();
        for (Cell c : samples) {
            if (c == null || c.isBlank()) {
                continue;
            }
            String text = c.text().strip();
            boolean textual = c.type() == CellType.TEXT || c.type() == CellType.ERROR;
            if (textual && NO_VALUE.contains(text.toLowerCase(Locale.ROOT))) {
                markers.merge(text, 1, Integer::sum);
            } else {
                values.add(c);
            }
        }
        SampleCheck check = values.isEmpty() ? new SampleCheck(0.5, "no sampled values to compare", List.of())
                : switch (TypeConverter.kindOf(column)) {
                    case DECIMAL -> numbers(values, false);
                    case INTEGER -> numbers(values, true);
                    case DATE, TIMESTAMP, TIMESTAMP_TZ ->
                            dates(values, new TypeConverter(TypeConverter.kindOf(column)));
                    case BOOLEAN -> booleans(values);
                    default -> texts(values, column.length());
                };
        TypeConverter.Kind kind = TypeConverter.kindOf(column);
        boolean typed = kind != TypeConverter.Kind.TEXT && kind != TypeConverter.Kind.TIME;
        return typed && !markers.isEmpty() ? check.withNullMarkers(markers) : check;
    }

    /**
     * Runs a {@code null-if} first, so that the file's "no value" texts do not reach the type conversion as errors;
     * a text column keeps them, since there a dash or a question mark may be what the author meant.
     */
    private SampleCheck withNullMarkers(Map<String, Integer> markers) {
        List<String> described = new ArrayList<>();
        markers.forEach((marker, count) -> described.add("'" + marker + "' (" + count + (count == 1 ? " cell)"
                : " cells)")));
        String verb = markers.size() == 1 ? " reads" : " read";
        List<TransformSpec> all = new ArrayList<>();
        all.add(new TransformSpec("null-if", null, null, null, List.copyOf(markers.keySet()), null, null, null, null,
                null, null, null));
        all.addAll(transforms);
        return new SampleCheck(ratio, description + "; " + joined(described) + verb + " as no value", all);
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /**
     * A number the file stores as a number is read exactly whatever its displayed text shows (a locale may display
     * a comma), so only text cells decide whether a decimal comma transform is needed.
     */
    private static SampleCheck numbers(List<Cell> values, boolean whole) {
        int typed = 0;
        int plain = 0;
        int comma = 0;
        int commaOnly = 0;
        for (Cell c : values) {
            if (c.type() == CellType.NUMBER) {
                typed += fits((BigDecimal) c.value(), whole) ? 1 : 0;
            } else if (c.type() == CellType.TEXT) {
                BigDecimal p = NumberParser.PLAIN.parse(c.text());
                BigDecimal d = DECIMAL_COMMA.parse(c.text());
                plain += fits(p, whole) ? 1 : 0;
                comma += fits(d, whole) ? 1 : 0;
                boolean onlyDecimalComma = p == null && d != null && c.text().indexOf(',') >= 0
                        && !thousands(c.text());
                commaOnly += onlyDecimalComma ? 1 : 0;
            }
        }
        String kind = whole ? "whole numbers" : "numbers";
        if (commaOnly > 0 && comma >= plain) {
            TransformSpec t = new TransformSpec("number", null, null, null, null, null, ",", ".", null, null, null,
                    null);
            int fit = typed + comma;
            String counted = fit + "/" + values.size() + " sampled values are " + kind;
            String text = typed == 0 ? counted + " with a decimal comma"
                    : counted + " (" + comma + " written as text with a decimal comma)";
            return new SampleCheck((double) fit / values.size(), text, List.of(t));
        }
        int fit = typed + plain;
        return new SampleCheck((double) fit / values.size(), fit + "/" + values.size() + " sampled values are " + kind,
                List.of());
    }

    /** "1,234" may be a thousand and more; "0,580" and "12,5" cannot be. */
    private static boolean thousands(String text) {
        String digits = text.strip();
        digits = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        return !digits.startsWith("0") && THOUSANDS_COMMA.parse(text) != null;
    }

    private static boolean fits(BigDecimal d, boolean whole) {
        return d != null && (!whole || d.stripTrailingZeros().scale() <= 0);
    }

    private static SampleCheck dates(List<Cell> values, TypeConverter plain) {
        int typed = 0;
        int readPlainly = 0;
        List<String> texts = new ArrayList<>();
        for (Cell c : values) {
            if (c.type() == CellType.DATE || c.type() == CellType.DATETIME) {
                typed++;
            } else {
                texts.add(c.text());
                readPlainly += plain.convert(new Working(c.text(), null)) != null ? 1 : 0;
            }
        }
        int bestCount = 0;
        String bestPattern = null;
        for (int i = 0; i < DATE_PARSERS.size(); i++) {
            int count = 0;
            for (String t : texts) {
                count += DATE_PARSERS.get(i).parse(t) != null ? 1 : 0;
            }
            if (count > bestCount) {
                bestCount = count;
                bestPattern = DATE_PATTERNS.get(i);
            }
        }
        if (readPlainly > bestCount) {
            // ISO dates mixed with ISO dates and times: the column reads them all without a pattern, one pattern
            // would refuse the others
            bestCount = readPlainly;
            bestPattern = null;
        }
        int fit = typed + bestCount;
        String text = fit + "/" + values.size() + " sampled values are dates";
        if (bestPattern == null) {
            return new SampleCheck((double) fit / values.size(), text, List.of());
        }
        TransformSpec t = new TransformSpec("date", null, null, null, null, null, null, null, List.of(bestPattern),
                null, null, null);
        return new SampleCheck((double) fit / values.size(), text + " (text dates read as " + bestPattern + ")",
                List.of(t));
    }

    private static SampleCheck booleans(List<Cell> values) {
        int fit = 0;
        for (Cell c : values) {
            Working w = new Working(c.text(), c.type() == CellType.BOOLEAN || c.type() == CellType.NUMBER
                    ? c.value() : null);
            if (YES_NO.convert(w) != null) {
                fit++;
            }
        }
        return new SampleCheck((double) fit / values.size(), fit + "/" + values.size()
                + " sampled values are yes/no values", List.of());
    }

    private static SampleCheck texts(List<Cell> values, Integer length) {
        String described;
        double ratio;
        if (length == null || length <= 0) {
            described = values.size() + " sampled values are text";
            ratio = 1;
        } else {
            int fit = 0;
            for (Cell c : values) {
                fit += c.text().strip().length() <= length ? 1 : 0;
            }
            described = fit + "/" + values.size() + " sampled values fit in " + length + " characters";
            ratio = (double) fit / values.size();
        }
        return codes(values, ratio, described);
    }

    /**
     * Codes (one word of letters, digits and . _ / -) that mostly come in upper case: the odd lower-case or
     * space-padded one is the same code written carelessly, and would miss its parent key or its duplicate.
     */
    private static SampleCheck codes(List<Cell> values, double ratio, String described) {
        int padded = 0;
        int withLetters = 0;
        int upper = 0;
        boolean allCodes = true;
        for (Cell c : values) {
            String text = c.text();
            String stripped = text.strip();
            padded += stripped.length() != text.length() ? 1 : 0;
            allCodes &= CODE.matcher(stripped).matches();
            if (stripped.chars().anyMatch(Character::isLetter)) {
                withLetters++;
                upper += stripped.equals(stripped.toUpperCase(Locale.ROOT)) ? 1 : 0;
            }
        }
        List<TransformSpec> transforms = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (padded > 0) {
            transforms.add(TransformSpec.of("trim"));
            why.add(padded + (padded == 1 ? " has spaces around it" : " have spaces around them") + " (trim)");
        }
        int other = withLetters - upper;
        if (allCodes && other > 0 && withLetters >= 5 && upper >= 0.8 * withLetters) {
            transforms.add(TransformSpec.of("upper"));
            why.add(other + (other == 1 ? " is" : " are") + " not in upper case like the other " + upper + " (upper)");
        }
        return new SampleCheck(ratio, why.isEmpty() ? described : described + "; " + String.join(" and ", why),
                transforms);
    }
}
