package io.sluice.core.mapping;

import java.util.List;

/**
 * How much a source header resembles a target column name, 0 to 1: a word-overlap (Dice) score where a word counts
 * fully when equal, less when one abbreviates the other ("agg"/"aggregate") or is a near miss, and a unit in brackets
 * may stand for a target word ("Cement (kg/m3)" → cement_kg). Names are also compared after synonyms, slightly
 * discounted.
 */
final class NameMatcher {

    /** How the best score came about. */
    record Score(double value, boolean viaSynonyms) {
    }

    private static final double SYNONYM_DISCOUNT = 0.95;
    private static final double UNIT_WEIGHT = 0.8;

    private final Synonyms synonyms;

    NameMatcher(Synonyms synonyms) {
        this.synonyms = synonyms;
    }

    Score score(ColumnName source, ColumnName target) {
        double direct = dice(source.words(), source.units(), target.words());
        double translated = SYNONYM_DISCOUNT * dice(synonyms.canonical(source.words()),
                synonyms.canonical(source.units()), synonyms.canonical(target.words()));
        return translated > direct ? new Score(translated, true) : new Score(direct, false);
    }

    private static double dice(List<String> words, List<String> units, List<String> target) {
        if (words.isEmpty() || target.isEmpty()) {
            return 0;
        }
        if (words.equals(target)) {
            // Whole-name equality is strong even when made of single letters ("w c ratio").
            return 1;
        }
        double matchedTarget = 0;
        for (String t : target) {
            double best = 0;
            for (String w : words) {
                best = Math.max(best, similarity(w, t));
            }
            for (String u : units) {
                best = Math.max(best, UNIT_WEIGHT * similarity(u, t));
            }
            matchedTarget += best;
        }
        double matchedSource = 0;
        for (String w : words) {
            double best = 0;
            for (String t : target) {
                best = Math.max(best, similarity(w, t));
            }
            matchedSource += best;
        }
        return Math.min(1, (matchedTarget + matchedSource) / (words.size() + target.size()));
    }

    /** 1 for equal words, 0.8 for an abbreviation, 0.7 for a one-letter slip in a long word, else 0. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            // A single letter ("w" in "w/c") is weak evidence on its own.
            return a.length() == 1 ? 0.6 : 1;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (shorter.length() >= 3 && longer.startsWith(shorter)) {
            return 0.8;
        }
        if (shorter.length() >= 5 && longer.length() - shorter.length() <= 1 && editDistanceAtMostOne(a, b)) {
            return 0.7;
        }
        return 0;
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (a.length() > b.length()) {
            return editDistanceAtMostOne(b, a);
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        return a.substring(i).equals(b.substring(i + 1));
    }
}
