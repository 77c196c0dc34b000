package io.sluice.core.mapping;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word runs that mean the same ("zement" = "cement", "w/c" = "w c ratio"), read from a small resource file so the
 * table can grow without code changes. Rewrites a name's words into canonical words, longest run first.
 */
final class Synonyms {

    private static final String RESOURCE = "synonyms.txt";

    private final Map<String, List<String>> canonical;
    private final int longest;

    private Synonyms(Map<String, List<String>> canonical) {
        this.canonical = Map.copyOf(canonical);
        int max = 1;
        for (String key : canonical.keySet()) {
            max = Math.max(max, key.split(" ").length);
        }
        this.longest = max;
    }

    /** The built-in table. */
    static Synonyms builtIn() {
        try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Resource " + RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses "canonical = alt, alt" lines; '#' starts a comment. */
    static Synonyms parse(List<String> lines) {
        Map<String, List<String>> map = new HashMap<>();
        for (String line : lines) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (l.isEmpty() || l.startsWith("#") || eq < 0) {
                continue;
            }
            List<String> target = ColumnName.words(l.substring(0, eq));
            map.put(String.join(" ", target), target);
            for (String alt : l.substring(eq + 1).split(",")) {
                List<String> words = ColumnName.words(alt);
                if (!words.isEmpty()) {
                    map.put(String.join(" ", words), target);
                }
            }
        }
        return new Synonyms(map);
    }

    /** The words with every known run replaced by its canonical words (longest run wins). */
    List<String> canonical(List<String> words) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int taken = 0;
            for (int len = Math.min(longest, words.size() - i); len > 0 && taken == 0; len--) {
                List<String> replacement = canonical.get(String.join(" ", words.subList(i, i + len)));
                if (replacement != null) {
                    out.addAll(replacement);
                    taken = len;
                }
            }
            if (taken == 0) {
                out.add(words.get(i));
                taken = 1;
            }
            i += taken;
        }
        return out;
    }
}
