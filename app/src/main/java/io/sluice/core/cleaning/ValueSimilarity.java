package io.sluice.core.cleaning;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDetailedDistance;
import org.apache.commons.text.similarity.LevenshteinResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How close a bad value is to a valid one, as a score 0-100 and a reason in words. Values the same once case,
 * accents and spaces are ignored score 99; with an umlaut written out ("Muenchen", "München") 98; the same words in
 * another order or with other punctuation 96; anything else the Jaro-Winkler similarity of the normal forms (at
 * most 98), which favours a shared beginning: "NRD" and "NORD" score 92.
 */
public final class ValueSimilarity {

    /** Score of values that differ only in case, accents or spaces. */
    public static final int SAME_NORMAL_FORM = 99;
    /** Score of values that differ in an umlaut written out: "Muenchen" for "München". */
    public static final int UMLAUT_WRITTEN_OUT = 98;
    /** Score of values with the same words in another order or other punctuation. */
    public static final int SAME_WORDS = 96;
    private static final int MOST_FOR_EDITS = 98;
    private static final int SHORTEST_PREFIX = 3;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDetailedDistance DETAILED = new LevenshteinDetailedDistance();
    private static final DamerauLevenshteinDistance DAMERAU = new DamerauLevenshteinDistance();

    private ValueSimilarity() {
    }

    /** Scores {@code valid} as a replacement for {@code bad}. */
    public static Candidate of(String bad, String valid) {
        String a = TextKeys.normal(bad);
        String b = TextKeys.normal(valid);
        int score = score(bad, a, valid, b);
        return new Candidate(valid, score, reason(bad, a, valid, b, score));
    }

    /** The score alone, from the values and their normal forms: cheaper, for ranking many candidates. */
    static int score(String bad, String badNormal, String valid, String validNormal) {
        if (bad.equals(valid)) {
            return 100;
        }
        if (badNormal.equals(validNormal)) {
            return SAME_NORMAL_FORM;
        }
        if (sameWithUmlautsWrittenOut(bad, valid)) {
            return UMLAUT_WRITTEN_OUT;
        }
        if (!badNormal.isEmpty() && TextKeys.fingerprintOfNormal(badNormal)
                .equals(TextKeys.fingerprintOfNormal(validNormal))) {
            return SAME_WORDS;
        }
        int score = (int) Math.floor(JARO_WINKLER.apply(badNormal, validNormal) * 100 + 1e-9);
        return Math.min(MOST_FOR_EDITS, score);
    }

    private static String reason(String bad, String a, String valid, String b, int score) {
        return switch (score) {
            case 100 -> "the same";
            case SAME_NORMAL_FORM -> "the same but for " + normalised(bad, valid);
            default -> {
                if (score == UMLAUT_WRITTEN_OUT && sameWithUmlautsWrittenOut(bad, valid)) {
                    yield "the same but for an umlaut written out";
                }
                if (score == SAME_WORDS && !a.isEmpty()
                        && TextKeys.fingerprintOfNormal(a).equals(TextKeys.fingerprintOfNormal(b))) {
                    yield !words(a).equals(words(b)) ? "the same words in another order"
                            : "the same words with other punctuation";
                }
                yield edits(a, b);
            }
        };
    }

    private static boolean sameWithUmlautsWrittenOut(String bad, String valid) {
        if (!hasUmlaut(bad) && !hasUmlaut(valid)) {
            return false;
        }
        return TextKeys.normal(TextKeys.umlautsWrittenOut(bad))
                .equals(TextKeys.normal(TextKeys.umlautsWrittenOut(valid)));
    }

    private static boolean hasUmlaut(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ("äöüÄÖÜß".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** What tells two values with the same normal form apart: "case", "accents and spaces", ... */
    private static String normalised(String bad, String valid) {
        String plainBad = TextKeys.withoutAccents(bad);
        String plainValid = TextKeys.withoutAccents(valid);
        List<String> what = new ArrayList<>();
        if (!lower(collapse(bad)).equals(lower(collapse(valid)))) {
            what.add("accents");
        }
        if (!collapse(plainBad).equals(collapse(plainValid))) {
            what.add("case");
        }
        if (!lower(plainBad).equals(lower(plainValid))) {
            what.add("spaces");
        }
        return joined(what.isEmpty() ? List.of("the way characters are written") : what);
    }

    /** The edits that turn the bad normal form into the valid one, in words. */
    private static String edits(String a, String b) {
        int prefix = commonPrefix(a, b);
        if (prefix == a.length() && prefix >= SHORTEST_PREFIX) {
            return "cut short: the first " + prefix + " characters match";
        }
        if (prefix == b.length() && prefix >= SHORTEST_PREFIX) {
            int extra = a.length() - prefix;
            return (extra == 1 ? "one " + kind(a.charAt(prefix)) : extra + " characters") + " too many at the end";
        }
        int damerau = DAMERAU.apply(a, b);
        LevenshteinResults detail = DETAILED.apply(a, b);
        if (damerau == 1 && detail.getDistance() == 2 && a.length() == b.length()) {
            return "two " + kind(a.charAt(prefix)) + "s swapped";
        }
        if (detail.getDistance() == 1) {
            if (detail.getInsertCount() == 1) {
                return "one " + kind(b.charAt(prefix)) + " missing";
            }
            if (detail.getDeleteCount() == 1) {
                return "one " + kind(a.charAt(prefix)) + " too many";
            }
            char was = a.charAt(prefix);
            char is = b.charAt(prefix);
            return "one " + (kind(was).equals(kind(is)) ? kind(was) : "character") + " different";
        }
        String distance = "an edit distance of " + damerau;
        return prefix >= SHORTEST_PREFIX ? distance + ", the first " + prefix + " characters shared" : distance;
    }

    private static String kind(char c) {
        return Character.isDigit(c) ? "digit" : Character.isLetter(c) ? "letter" : "character";
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static List<String> words(String normal) {
        List<String> words = new ArrayList<>();
        for (String w : normal.split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    private static String collapse(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String plural(int n, String noun) {
        return n == 1 ? noun : noun + "s";
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
