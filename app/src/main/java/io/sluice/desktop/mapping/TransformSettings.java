package io.sluice.desktop.mapping;

import io.sluice.core.profile.TransformSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column's transforms as the transform dialog edits them: trim, letter case, null markers, number format, date
 * patterns and a default. Transforms the dialog has no field for (replace, split, collapse-spaces) are kept as they
 * are, between the text clean-up and the conversions.
 *
 * @param trim          strip surrounding spaces
 * @param letterCase    "upper", "lower", "title" or null to leave the case alone
 * @param nullMarkers   texts meaning "no value" in this column, e.g. N/A
 * @param decimalComma  numbers use a comma as decimal separator (and a dot or space for thousands)
 * @param numberLocale  a language tag such as de-CH whose number format applies; overrides decimalComma
 * @param datePatterns  java.time patterns tried in order, e.g. dd.MM.yyyy
 * @param defaultValue  the value used when the cell is empty; null for none
 * @param others        transforms kept unchanged
 */
public record TransformSettings(boolean trim, String letterCase, List<String> nullMarkers, boolean decimalComma,
                                String numberLocale, List<String> datePatterns, String defaultValue,
                                List<TransformSpec> others) {

    /** The letter-case choices, null meaning "as is". */
    public static final List<String> CASES = Arrays.asList(null, "upper", "lower", "title");

    public TransformSettings {
        nullMarkers = clean(nullMarkers);
        datePatterns = clean(datePatterns);
        others = others == null ? List.of() : List.copyOf(others);
        numberLocale = blank(numberLocale) ? null : numberLocale.strip();
        letterCase = blank(letterCase) ? null : letterCase;
    }

    /** Reads a transform list; the last of each kind wins. */
    public static TransformSettings of(List<TransformSpec> specs) {
        boolean trim = false;
        String letterCase = null;
        List<String> markers = List.of();
        boolean comma = false;
        String locale = null;
        List<String> patterns = List.of();
        String fallback = null;
        List<TransformSpec> others = new ArrayList<>();
        for (TransformSpec t : specs == null ? List.<TransformSpec>of() : specs) {
            switch (t.op() == null ? "" : t.op()) {
                case "trim" -> trim = true;
                case "upper", "lower", "title" -> letterCase = t.op();
                case "null-if" -> markers = t.values() == null ? List.of() : t.values();
                case "number" -> {
                    locale = t.locale();
                    comma = ",".equals(t.decimal());
                }
                case "date" -> patterns = t.patterns() == null ? List.of() : t.patterns();
                case "default" -> fallback = t.value();
                default -> others.add(t);
            }
        }
        return new TransformSettings(trim, letterCase, markers, comma, locale, patterns, fallback, others);
    }

    /** The transform list in the order that makes sense: clean the text, then recognise blanks, then convert. */
    public List<TransformSpec> toSpecs() {
        List<TransformSpec> specs = new ArrayList<>();
        if (trim) {
            specs.add(TransformSpec.of("trim"));
        }
        specs.addAll(others);
        if (letterCase != null) {
            specs.add(TransformSpec.of(letterCase));
        }
        if (!nullMarkers.isEmpty()) {
            specs.add(new TransformSpec("null-if", null, null, null, nullMarkers, null, null, null, null, null, null,
                    null));
        }
        if (numberLocale != null) {
            specs.add(new TransformSpec("number", null, null, null, null, numberLocale, null, null, null, null, null,
                    null));
        } else if (decimalComma) {
            specs.add(new TransformSpec("number", null, null, null, null, null, ",", ".", null, null, null, null));
        }
        if (!datePatterns.isEmpty()) {
            specs.add(new TransformSpec("date", null, null, null, null, null, null, null, datePatterns, null, null,
                    null));
        }
        if (defaultValue != null && !defaultValue.isEmpty()) {
            specs.add(new TransformSpec("default", null, null, null, null, null, null, null, null, defaultValue,
                    null, null));
        }
        return List.copyOf(specs);
    }

    /** A short label for the grid, e.g. "trim, upper, date dd.MM.yyyy". */
    public static String describe(List<TransformSpec> specs) {
        List<String> parts = new ArrayList<>();
        for (TransformSpec t : specs) {
            String op = t.op() == null ? "?" : t.op();
            parts.add(switch (op) {
                case "null-if" -> "empty if " + String.join("/", t.values() == null ? List.of() : t.values());
                case "number" -> t.locale() != null ? "number " + t.locale()
                        : ",".equals(t.decimal()) ? "decimal comma" : "number";
                case "date" -> "date " + String.join(" | ", t.patterns() == null ? List.of() : t.patterns());
                case "default" -> "default '" + t.value() + "'";
                default -> op;
            });
        }
        return String.join(", ", parts);
    }

    /** Splits a field at each {@code separator} into its trimmed, non-blank parts. */
    public static List<String> split(String text, char separator) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(Pattern.quote(String.valueOf(separator))))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String caseLabel(String letterCase) {
        return letterCase == null ? "as is" : letterCase.substring(0, 1).toUpperCase(Locale.ROOT)
                + letterCase.substring(1) + " case";
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
