package io.sluice.core.cleaning;

import java.util.List;
import java.util.Optional;

/**
 * One distinct bad value of one column and the valid values closest to it.
 *
 * @param column     the source column header
 * @param rule       the rule that found it (e.g. {@code fk}, {@code check:ck_unit}, {@code allowed:unit})
 * @param known      where the valid values come from, e.g. "supplier.code" or "a list of 4 values"
 * @param value      the bad value as the cells hold it
 * @param rows       rows holding it
 * @param candidates up to three valid values, best first; empty when none is close
 */
public record Correction(String column, String rule, String known, String value, long rows,
                         List<Candidate> candidates) {

    public Correction {
        candidates = List.copyOf(candidates);
    }

    /**
     * The replacement accepting the best candidate when it scores {@code minScore} or more and no other candidate
     * scores as high (a tie is left to the steward).
     */
    public Optional<Replacement> accepted(int minScore) {
        if (candidates.isEmpty() || candidates.get(0).score() < minScore) {
            return Optional.empty();
        }
        if (candidates.size() > 1 && candidates.get(1).score() == candidates.get(0).score()) {
            return Optional.empty();
        }
        return Optional.of(new Replacement(column, value, candidates.get(0).value(), rows));
    }
}
