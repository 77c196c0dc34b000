package io.sluice.core.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column name split into comparable words: accents stripped, ß → ss, camelCase/snake_case/punctuation split, lower
 * case; anything in brackets (usually a unit, "Cement (kg/m3)") kept apart as unit words.
 *
 * @param words the name's words
 * @param units words found in brackets
 */
record ColumnName(List<String> words, List<String> units) {

    private static final Pattern BRACKETS = Pattern.compile("[(\\[{]([^)\\]}]*)[)\\]}]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CAMEL = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    static ColumnName of(String name) {
        StringBuilder units = new StringBuilder();
        Matcher m = BRACKETS.matcher(name);
        while (m.find()) {
            units.append(' ').append(m.group(1));
        }
        return new ColumnName(words(m.replaceAll(" ")), words(units.toString()));
    }

    /** The words of a text, normalised. */
    static List<String> words(String text) {
        String s = text.replace("ß", "ss").replace("ẞ", "SS");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        s = CAMEL.matcher(s).replaceAll(" ").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(s)) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
