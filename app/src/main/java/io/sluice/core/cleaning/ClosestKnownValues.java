package io.sluice.core.cleaning;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, for each of a set of bad values, the closest valid values among any number of them offered one at a time,
 * so that a parent table of a million keys is streamed past once and never held. Only the bad values are indexed
 * (by normal form, fingerprint, beginnings and {@link DeletionKeys}), so a valid value is compared only with the bad
 * values it could be close to: the same once case, accents and spaces are ignored; the same words; within two edits
 * (one for values of three characters or fewer); or one the beginning of the other. Each bad value keeps its best
 * {@link #KEPT} candidates scoring {@link #LOWEST_SCORE} or more. A deletion key shared by thousands of bad values
 * (codes that differ only in their last digits) is not searched: the other keys of a close pair find it.
 */
public final class ClosestKnownValues {

    /** Candidates kept per bad value. */
    public static final int KEPT = 3;
    /** A candidate scoring less is not worth a steward's look ("L" for "xl" scores 0). */
    public static final int LOWEST_SCORE = 50;
    private static final int EDITS = 2;
    private static final int SHORT = 3;
    private static final int SHORTEST_PREFIX = 3;
    /** A deletion key shared by more bad values than this is too common to narrow anything down: skipped. */
    private static final int LONGEST_RUN = 2_048;

    private final List<String> bad;
    private final String[] normal;
    private final Map<String, int[]> byNormal = new HashMap<>();
    private final Map<String, int[]> byFingerprint = new HashMap<>();
    private final Map<String, int[]> byBeginning = new HashMap<>();
    private final DeletionIndex deletions;
    private final Candidate[][] best;
    private final int[] seen;
    private int stamp;
    private String offeredNormal;
    private final DamerauLevenshteinDistance withinEdits = new DamerauLevenshteinDistance(EDITS);
    private final LetterCounts letters = new LetterCounts();

    /** An index over these bad values (distinct texts); offer valid values with {@link #offer}. */
    public ClosestKnownValues(List<String> badValues) {
        if (badValues.size() >= DeletionKeys.MAX_VALUES) {
            throw new IllegalArgumentException("At most " + (DeletionKeys.MAX_VALUES - 1) + " bad values at once.");
        }
        this.bad = List.copyOf(badValues);
        this.normal = new String[bad.size()];
        this.best = new Candidate[bad.size()][];
        this.seen = new int[bad.size()];
        long[] keys = new long[Math.max(16, bad.size() * 8)];
        int size = 0;
        for (int id = 0; id < bad.size(); id++) {
            String value = bad.get(id);
            String n = TextKeys.normal(value);
            normal[id] = n;
            add(byNormal, n, id);
            add(byFingerprint, TextKeys.fingerprint(value), id);
            for (int end = firstBeginning(n.length()); end < n.length(); end++) {
                add(byBeginning, n.substring(0, end), id);
            }
            for (long hash : DeletionKeys.hashes(n, EDITS)) {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, keys.length * 2);
                }
                keys[size++] = DeletionKeys.key(hash, id);
            }
        }
        this.deletions = new DeletionIndex(keys, size);
    }

    /** Compares one valid value with the bad values it could be close to. */
    public void offer(String valid) {
        if (valid == null || valid.isEmpty()) {
            return;
        }
        stamp++;
        String n = TextKeys.normal(valid);
        offeredNormal = n;
        visit(byNormal.get(n), valid);
        visit(byFingerprint.get(TextKeys.fingerprintOfNormal(n)), valid);
        visit(byBeginning.get(n), valid);
        for (int end = firstBeginning(n.length()); end < n.length(); end++) {
            visit(byNormal.get(n.substring(0, end)), valid);
        }
        for (long hash : DeletionKeys.hashes(n, EDITS)) {
            int from = deletions.from(hash);
            if (from < 0) {
                continue;
            }
            int to = deletions.to(hash);
            if (to - from > LONGEST_RUN) {
                continue;
            }
            for (int at = from; at < to; at++) {
                int id = deletions.idAt(at);
                if (seen[id] == stamp) {
                    continue;
                }
                if (withinEdits(normal[id], n)) {
                    consider(id, valid);
                } else {
                    seen[id] = stamp; // too far: the pair's other shared keys need not ask again
                }
            }
        }
    }

    /** The best candidates of bad value {@code index} (as given to the constructor), best first. */
    public List<Candidate> candidates(int index) {
        Candidate[] kept = best[index];
        return kept == null ? List.of() : List.of(kept);
    }

    /** The bad values, in the order given. */
    public List<String> values() {
        return bad;
    }

    private boolean withinEdits(String a, String b) {
        int allowed = Math.min(a.length(), b.length()) <= SHORT ? 1 : EDITS;
        if (Math.abs(a.length() - b.length()) > allowed || !letters.mayBeWithin(a, b, allowed)) {
            return false;
        }
        int distance = withinEdits.apply(a, b);
        return distance >= 0 && distance <= allowed;
    }

    private void visit(int[] ids, String valid) {
        if (ids != null) {
            for (int id : ids) {
                if (seen[id] != stamp) {
                    consider(id, valid);
                }
            }
        }
    }

    private void consider(int id, String valid) {
        seen[id] = stamp;
        String value = bad.get(id);
        if (value.equals(valid)) {
            return;
        }
        Candidate[] kept = best[id];
        if (kept != null) {
            for (Candidate c : kept) {
                if (c.value().equals(valid)) {
                    return;
                }
            }
        }
        // the score alone first: the reason is worded only for a value that makes the best three
        int score = ValueSimilarity.score(value, normal[id], valid, offeredNormal);
        if (score < LOWEST_SCORE || kept != null && kept.length == KEPT
                && !better(score, valid, kept[KEPT - 1].score(), kept[KEPT - 1].value())) {
            return;
        }
        best[id] = insert(kept, ValueSimilarity.of(value, valid));
    }

    /** Keeps the best {@link #KEPT}: higher score first, then by text. */
    private static Candidate[] insert(Candidate[] kept, Candidate candidate) {
        List<Candidate> list = kept == null ? new ArrayList<>(KEPT + 1) : new ArrayList<>(Arrays.asList(kept));
        int at = 0;
        while (at < list.size() && !better(candidate, list.get(at))) {
            at++;
        }
        if (at >= KEPT) {
            return kept;
        }
        list.add(at, candidate);
        if (list.size() > KEPT) {
            list.remove(KEPT);
        }
        return list.toArray(new Candidate[0]);
    }

    private static boolean better(Candidate a, Candidate b) {
        return better(a.score(), a.value(), b.score(), b.value());
    }

    private static boolean better(int score, String value, int otherScore, String otherValue) {
        return score != otherScore ? score > otherScore : value.compareTo(otherValue) < 0;
    }

    /** Beginnings shorter than three letters or half the value say too little to offer a value for. */
    private static int firstBeginning(int length) {
        return Math.max(SHORTEST_PREFIX, (length + 1) / 2);
    }

    private static void add(Map<String, int[]> index, String key, int id) {
        if (key.isEmpty()) {
            return;
        }
        int[] ids = index.get(key);
        if (ids == null) {
            index.put(key, new int[] {id});
        } else if (ids[ids.length - 1] != id) {
            int[] grown = Arrays.copyOf(ids, ids.length + 1);
            grown[ids.length] = id;
            index.put(key, grown);
        }
    }
}
