package io.sluice.core.mapping;

import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import io.sluice.core.source.CellType;
import io.sluice.core.target.ColumnInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How well sampled cells of a source column fit a target column's type, and which transform would make text values
 * fit (a date pattern, a decimal comma).
 *
 * @param ratio       share of non-blank samples that fit, 0 to 1; 0.5 when there was nothing to judge
 * @param description plain words, e.g. "200/200 sampled values are numbers"
 * @param transform   a suggested transform, or null
 */
record SampleCheck(double ratio, String description, TransformSpec transform) {

    /** Texts that mean "no value" in most files; they are not held against a column. */
    private static final Set<String> NO_VALUE = Set.of("-", "--", "n/a", "na", "n.a.", "null", "none", "#n/a", "?");

    /** Date layouts tried on text samples, most common first; on a tie the earlier one wins (so dd/MM over MM/dd). */
    static final List<String> DATE_PATTERNS = List.of("yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy", "dd/MM/yyyy",
            "d/M/yyyy", "MM/dd/yyyy", "M/d/yyyy", "dd-MM-yyyy", "yyyy/MM/dd", "dd.MM.yy", "d.M.yy", "dd/MM/yy",
            "M/d/yy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm", "dd/MM/yyyy HH:mm",
            "d-MMM-yyyy", "d MMM yyyy");

    private static final List<DateParser> DATE_PARSERS = DATE_PATTERNS.stream()
            .map(p -> new DateParser(List.of(p), Locale.ENGLISH)).toList();
    private static final TypeConverter YES_NO = new TypeConverter(TypeConverter.Kind.BOOLEAN);
    private static final NumberParser DECIMAL_COMMA = NumberParser.withSeparators(',', '.');

    static SampleCheck of(List<Cell> samples, ColumnInfo column) {
        List<Cell> values = new ArrayList<>();
        for (Cell c : samples) {
            if (c != null && !c.isBlank() && !NO_VALUE.contains(c.text().strip().toLowerCase(Locale.ROOT))) {
                values.add(c);
            }
        }
        if (values.isEmpty()) {
            return new SampleCheck(0.5, "no sampled values to compare", null);
        }
        return switch (TypeConverter.kindOf(column)) {
            case DECIMAL -> numbers(values, false);
            case INTEGER -> numbers(values, true);
            case DATE, TIMESTAMP -> dates(values);
            case BOOLEAN -> booleans(values);
            default -> texts(values, column.length());
        };
    }

    private static SampleCheck numbers(List<Cell> values, boolean whole) {
        int plain = 0;
        int comma = 0;
        int commaOnly = 0;
        for (Cell c : values) {
            BigDecimal typed = c.type() == CellType.NUMBER ? (BigDecimal) c.value() : null;
            boolean text = c.type() == CellType.TEXT;
            BigDecimal p = typed != null ? typed : text ? NumberParser.PLAIN.parse(c.text()) : null;
            BigDecimal d = typed != null ? typed : text ? DECIMAL_COMMA.parse(c.text()) : null;
            plain += fits(p, whole) ? 1 : 0;
            comma += fits(d, whole) ? 1 : 0;
            commaOnly += p == null && d != null && c.text().indexOf(',') >= 0 ? 1 : 0;
        }
        String kind = whole ? "whole numbers" : "numbers";
        if (commaOnly > 0 && comma >= plain) {
            TransformSpec t = new TransformSpec("number", null, null, null, null, null, ",", ".", null, null, null,
                    null);
            return new SampleCheck((double) comma / values.size(), comma + "/" + values.size() + " sampled values are "
                    + kind + " with a decimal comma", t);
        }
        return new SampleCheck((double) plain / values.size(),
                plain + "/" + values.size() + " sampled values are " + kind, null);
    }

    private static boolean fits(BigDecimal d, boolean whole) {
        return d != null && (!whole || d.stripTrailingZeros().scale() <= 0);
    }

    private static SampleCheck dates(List<Cell> values) {
        int typed = 0;
        List<String> texts = new ArrayList<>();
        for (Cell c : values) {
            if (c.type() == CellType.DATE || c.type() == CellType.DATETIME) {
                typed++;
            } else {
                texts.add(c.text());
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
        int fit = typed + bestCount;
        String text = fit + "/" + values.size() + " sampled values are dates";
        if (bestPattern == null) {
            return new SampleCheck((double) fit / values.size(), text, null);
        }
        TransformSpec t = new TransformSpec("date", null, null, null, null, null, null, null, List.of(bestPattern),
                null, null, null);
        return new SampleCheck((double) fit / values.size(), text + " (text dates read as " + bestPattern + ")", t);
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
                + " sampled values are yes/no values", null);
    }

    private static SampleCheck texts(List<Cell> values, Integer length) {
        if (length == null || length <= 0) {
            return new SampleCheck(1, values.size() + " sampled values are text", null);
        }
        int fit = 0;
        for (Cell c : values) {
            fit += c.text().length() <= length ? 1 : 0;
        }
        return new SampleCheck((double) fit / values.size(), fit + "/" + values.size()
                + " sampled values fit in " + length + " characters", null);
    }
}
