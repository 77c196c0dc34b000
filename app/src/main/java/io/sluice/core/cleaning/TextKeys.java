package io.sluice.core.cleaning;

import org.apache.commons.codec.language.DoubleMetaphone;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The keys values are compared and clustered by: a normal form (case, accents and spaces ignored), OpenRefine's
 * fingerprint and n-gram fingerprint, and a phonetic key of each word (Double Metaphone, decision 0016).
 */
public final class TextKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DIGITS = Pattern.compile("\\D+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Letters that Unicode does not decompose into a base letter and a mark. */
    private static final String[][] FOLDS = {{"ß", "ss"}, {"ẞ", "SS"}, {"æ", "ae"}, {"Æ", "AE"}, {"œ", "oe"},
            {"Œ", "OE"}, {"ø", "o"}, {"Ø", "O"}, {"ł", "l"}, {"Ł", "L"}, {"đ", "d"}, {"Đ", "D"}, {"ı", "i"}};
    private static final int PHONETIC_LENGTH = 8;

    private TextKeys() {
    }

    /** Without accents: "Müller" becomes "Muller", "Straße" "Strasse"; case and spaces are kept. */
    public static String withoutAccents(String text) {
        if (isAscii(text)) {
            return text;
        }
        String folded = text;
        for (String[] fold : FOLDS) {
            if (folded.contains(fold[0])) {
                folded = folded.replace(fold[0], fold[1]);
            }
        }
        return MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFKD)).replaceAll("");
    }

    /** German umlauts and sharp s written out as two letters: "Müller" becomes "Mueller", "Straße" "Strasse". */
    public static String umlautsWrittenOut(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'ä' -> out.append("ae");
                case 'ö' -> out.append("oe");
                case 'ü' -> out.append("ue");
                case 'Ä' -> out.append("Ae");
                case 'Ö' -> out.append("Oe");
                case 'Ü' -> out.append("Ue");
                case 'ß' -> out.append("ss");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Lower case, without accents, spaces trimmed and runs of spaces made one: "  Café  Nord" is "cafe nord". */
    public static String normal(String text) {
        String lower = withoutAccents(text).toLowerCase(Locale.ROOT).strip();
        if (!hasSpacesToCollapse(lower)) {
            return lower;
        }
        StringBuilder out = new StringBuilder(lower.length());
        boolean afterSpace = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
                afterSpace = false;
            } else if (!afterSpace) {
                out.append(' ');
                afterSpace = true;
            }
        }
        return out.toString();
    }

    /** Whether a stripped text holds a space other than single plain ones. */
    private static boolean hasSpacesToCollapse(String stripped) {
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(stripped.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * OpenRefine's fingerprint: the normal form split into words at anything but letters and digits, the distinct
     * words sorted and joined by one space. "Müller, Hans" and "hans  MULLER" share "hans muller".
     */
    public static String fingerprint(String text) {
        return fingerprintOfNormal(normal(text));
    }

    /** The fingerprint of a text already in its {@link #normal} form. */
    static String fingerprintOfNormal(String normal) {
        boolean plain = true;
        for (int i = 0; i < normal.length() && plain; i++) {
            plain = Character.isLetterOrDigit(normal.charAt(i));
        }
        if (plain) {
            return normal;
        }
        TreeSet<String> words = new TreeSet<>(Arrays.asList(NOT_WORD.split(normal)));
        words.remove("");
        return String.join(" ", words);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /**
     * OpenRefine's n-gram fingerprint: the normal form without anything but letters and digits, its distinct
     * {@code n}-letter pieces sorted and joined. "Krämer-Schulz" and "Kraemer Schulz" differ; "Schulz GmbH" and
     * "GmbH Schulz" nearly share one.
     */
    public static String ngramFingerprint(String text, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("An n-gram has at least one letter, not " + n + ".");
        }
        String letters = NOT_WORD.matcher(normal(text)).replaceAll("");
        if (letters.length() <= n) {
            return letters;
        }
        TreeSet<String> grams = new TreeSet<>();
        for (int i = 0; i + n <= letters.length(); i++) {
            grams.add(letters.substring(i, i + n));
        }
        return String.join("", grams);
    }

    /**
     * The phonetic key: each word's primary Double Metaphone code (after accents are taken off), the distinct codes
     * sorted and joined, so "Müller", "Mueller" and "Muller" share "MLR", and "Hans Meier" and "Meyer, Hans" share
     * "HNS MR". A word's digits follow its code, so "Meier 2" and "Meier 3", "A1" and "A2" stay apart.
     */
    public static String phonetic(String text) {
        DoubleMetaphone metaphone = new DoubleMetaphone();
        metaphone.setMaxCodeLen(PHONETIC_LENGTH);
        TreeSet<String> codes = new TreeSet<>();
        for (String word : NOT_WORD.split(normal(text))) {
            if (word.isEmpty()) {
                continue;
            }
            String code = metaphone.doubleMetaphone(word);
            String digits = DIGITS.matcher(word).replaceAll("");
            codes.add((code == null ? "" : code) + digits);
        }
        return String.join(" ", codes);
    }
}
