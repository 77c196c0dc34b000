package io.sluice.core.cleaning;

import io.sluice.core.SluiceException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How values are found to mean the same thing; the first three are key collisions, the last compares values. */
public enum ClusterMethod {
    /** The same words once case, accents, punctuation and word order are ignored. */
    FINGERPRINT("fingerprint"),
    /** The same letter pairs once case, accents, punctuation and spaces are ignored. */
    NGRAM("ngram"),
    /** The same Double Metaphone code for every word: names that sound alike. */
    PHONETIC("phonetic"),
    /** Within a number of edits of each other (Damerau-Levenshtein), case and accents ignored. */
    KNN("knn");

    private final String word;

    ClusterMethod(String word) {
        this.word = word;
    }

    /** The name a person types: fingerprint, ngram, phonetic, knn. */
    public String word() {
        return word;
    }

    /** The method named {@code text} (any case); anything else is an input error listing the methods. */
    public static ClusterMethod parse(String text) {
        for (ClusterMethod m : values()) {
            if (m.word.equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw SluiceException.input("There is no clustering method '" + text + "'; use " + Arrays.stream(values())
                .map(ClusterMethod::word).collect(Collectors.joining(", ")).replaceAll(", (\\w+)$", " or $1")
                + ".");
    }

    @Override
    public String toString() {
        return word.toLowerCase(Locale.ROOT);
    }
}
