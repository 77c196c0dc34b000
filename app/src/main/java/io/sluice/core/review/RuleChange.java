package io.sluice.core.review;

import io.sluice.core.rules.Finding;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A rule applied to or removed from a review, as one undoable step: the findings of {@code replacedRules} are
 * replaced by what {@code run} reports, and the review records {@code profileJson} and {@code basis} from then on.
 *
 * @param ruleId        the rule applied or removed, for the history and the audit
 * @param description   the step in words for an "Undo ..." menu item ("Apply rule 'cement-cap'")
 * @param replacedRules the rule ids whose findings the step replaces: the rule's own, and any rule of the target
 *                      the change switches on or off (a profile {@code unique} rule on the key replaces the
 *                      derived duplicate-key rule)
 * @param profileJson   the review's profile after the step
 * @param basis         what the scores are counted with after the step
 * @param run           reports the new findings of {@code replacedRules} over every row; may be cancelled
 */
public record RuleChange(String ruleId, String description, Set<String> replacedRules, String profileJson,
                         QualityBasis basis, Run run) {

    public RuleChange {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(description, "description");
        replacedRules = Set.copyOf(replacedRules);
        Objects.requireNonNull(profileJson, "profileJson");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(run, "run");
    }

    /** Runs the changed rules over every row, handing each finding to the sink in row order. */
    @FunctionalInterface
    public interface Run {
        void findings(Consumer<Finding> sink);
    }

    /**
     * What a rule step did.
     *
     * @param command            its place in the review's undo history
     * @param findings           findings of the rule now
     * @param flaggedRows        rows with a finding of the rule now
     * @param rowsNowInError     rows that were not in error before the step and are now
     * @param rowsNoLongerInError rows that were in error before the step and are not now
     */
    public record Step(long command, long findings, long flaggedRows, long rowsNowInError,
                       long rowsNoLongerInError) {
    }

    static String json(Set<String> rules) {
        return ReviewQuality.toJson(List.copyOf(rules));
    }
}
