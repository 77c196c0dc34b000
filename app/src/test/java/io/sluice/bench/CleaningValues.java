package io.sluice.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Values for the cleaning benchmark: distinct made-up German and English names and codes, and misspellings of them
 * (a letter dropped, doubled, changed or swapped, other case, an umlaut written out, words reordered).
 */
final class CleaningValues {

    private static final String[] SYLLABLES = {"ka", "ber", "man", "schu", "mid", "ler", "hof", "wag", "ner", "bau",
        "er", "tan", "lin", "dor", "fel", "gru", "stein", "feld", "berg", "haus", "ko", "vic", "mül", "son", "ford",
        "ham", "ley", "wood", "brook", "ton", "mei", "kra", "us", "lo", "ri", "sa", "ne", "wer", "ling", "ta", "röß"};
    private static final String[] KINDS = {"GmbH", "AG", "KG", "Ltd", "Bau", "Handel", "Logistik", "& Sohn"};
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

    private final Random random;

    CleaningValues(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} distinct names: one to three made-up words, sometimes with a company form or a number. */
    List<String> distinctNames(int count) {
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < count) {
            StringBuilder name = new StringBuilder(word());
            int extra = random.nextInt(10);
            if (extra < 4) {
                name.append(' ').append(word());
            } else if (extra < 6) {
                name.append(' ').append(KINDS[random.nextInt(KINDS.length)]);
            } else if (extra == 6) {
                name.append(' ').append(1 + random.nextInt(99));
            }
            names.add(name.toString());
        }
        return new ArrayList<>(names);
    }

    /** {@code count} distinct codes such as SUP-004711. */
    List<String> distinctCodes(int count) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            codes.add(String.format(Locale.ROOT, "%s-%06d", word().substring(0, 2).toUpperCase(Locale.ROOT),
                    random.nextInt(1_000_000)));
        }
        return new ArrayList<>(codes);
    }

    /** One misspelling of {@code value}. */
    String misspelt(String value) {
        int at = random.nextInt(Math.max(1, value.length() - 1));
        char letter = LETTERS.charAt(random.nextInt(LETTERS.length()));
        return switch (random.nextInt(7)) {
            case 0 -> value.substring(0, at) + value.substring(at + 1);
            case 1 -> value.substring(0, at) + letter + value.substring(at);
            case 2 -> value.substring(0, at) + letter + value.substring(at + 1);
            case 3 -> value.length() < 2 ? value + letter
                    : value.substring(0, at) + value.charAt(at + 1) + value.charAt(at) + value.substring(at + 2);
            case 4 -> value.toLowerCase(Locale.ROOT);
            case 5 -> value.replace("ü", "ue").replace("ö", "oe").replace("ß", "ss") + (value.contains("ü")
                    || value.contains("ö") ? "" : " ");
            default -> value.contains(" ") ? value.substring(value.indexOf(' ') + 1) + ", "
                    + value.substring(0, value.indexOf(' ')) : value.toUpperCase(Locale.ROOT);
        };
    }

    Random random() {
        return random;
    }

    private String word() {
        StringBuilder w = new StringBuilder();
        int syllables = 2 + random.nextInt(3);
        for (int i = 0; i < syllables; i++) {
            w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        w.setCharAt(0, Character.toUpperCase(w.charAt(0)));
        return w.toString();
    }
}
