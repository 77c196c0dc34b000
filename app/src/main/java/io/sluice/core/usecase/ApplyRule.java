package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.QualityBasis;
import io.sluice.core.review.RuleChange;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.validate.ValidationJob;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies one new or changed rule to an open review, or removes one, without validating the review again: only that
 * rule runs, over every row as the steward sees it (edits and fixes included); its findings are replaced, each row's
 * status follows from its findings, every decision, edit and other finding stays, and the review records its
 * profile with the rule, so a full validation later agrees. Each step is one step of the review's undo history
 * (decision 0019): undo puts the findings and the profile of before back exactly. A cancel through {@code progress}
 * leaves the review as it was.
 */
public final class ApplyRule {

    /**
     * What the step did.
     *
     * @param ruleId              the id the rule's findings carry
     * @param findings            findings of the rule now (0 after a removal)
     * @param flaggedRows         rows with a finding of the rule now
     * @param rowsNowInError      rows in error now that were not before (see {@link OpenReview#changedByLastRule()})
     * @param rowsNoLongerInError rows in error before that are not now
     */
    public record Outcome(String ruleId, long findings, long flaggedRows, long rowsNowInError,
                          long rowsNoLongerInError) {

        /** Rows whose status the step changed. */
        public long rowsChanged() {
            return rowsNowInError + rowsNoLongerInError;
        }
    }

    private ApplyRule() {
    }

    /**
     * Adds the rule to the review's profile, or replaces the profile's rule of the same id (ignoring case), and
     * replaces its findings. Refused in one sentence when the review has no profile or was never validated to the
     * end, the rule is broken (an unknown column, a bad expression, a lookup table the target lacks, a comparison
     * that can never be computed on the table's columns), or its id is that of a rule derived from the target.
     */
    public static Outcome apply(OpenReview review, RuleSpec rule, Progress progress) {
        return apply(review, rule, null, progress);
    }

    /**
     * As {@link #apply(OpenReview, RuleSpec, Progress)}, the rule taking the place of the profile's rule
     * {@code formerId} too (ignoring case; null for none), the id the rule had before the steward renamed it: that
     * rule and its findings go in the same step, so no finding is left under an id the profile no longer has.
     */
    public static Outcome apply(OpenReview review, RuleSpec rule, String formerId, Progress progress) {
        Objects.requireNonNull(rule, "rule");
        Profile before = requireValidated(review, "applying a rule to it");
        String id = RuleSet.idOf(rule);
        List<RuleSpec> rules = new ArrayList<>();
        String replaced = null;
        for (RuleSpec r : before.rules()) {
            String had = RuleSet.idOf(r);
            if (!had.equalsIgnoreCase(id) && (formerId == null || !had.equalsIgnoreCase(formerId))) {
                rules.add(r);
            } else if (replaced == null) {
                rules.add(rule);
                replaced = had;
            }
        }
        if (replaced == null) {
            rules.add(rule);
        }
        Profile after = before.withRules(rules);
        ProfileProblem problem = ProfileValidator.firstProblem(after);
        if (problem != null) {
            throw SluiceException.input("The rule cannot run: " + problem.message() + ".");
        }
        Step step = new Step(review, before, after);
        RuleKindCheck.refuse(rule, step.table);
        if (step.derivedIds.stream().anyMatch(d -> d.equalsIgnoreCase(id))) {
            throw SluiceException.input("'" + id + "' is the id of a rule derived from the target table; give the"
                    + " new rule another id.");
        }
        return step.run(id, changeOf(replaced, id), progress);
    }

    /**
     * Removes the profile's rule with this id (ignoring case) and its findings. Refused in one sentence for a rule
     * derived from the target, which changes only with the table, and for an id the profile does not have.
     */
    public static Outcome remove(OpenReview review, String ruleId, Progress progress) {
        Objects.requireNonNull(ruleId, "ruleId");
        Profile before = requireValidated(review, "removing a rule from it");
        List<RuleSpec> rules = new ArrayList<>();
        String id = null;
        for (RuleSpec r : before.rules()) {
            if (RuleSet.idOf(r).equalsIgnoreCase(ruleId)) {
                id = RuleSet.idOf(r);
            } else {
                rules.add(r);
            }
        }
        if (id == null) {
            Step probe = new Step(review, before, before);
            if (probe.derivedIds.stream().anyMatch(d -> d.equalsIgnoreCase(ruleId))) {
                throw SluiceException.input("The rule '" + ruleId + "' is derived from the target table and"
                        + " cannot be removed; it changes only with the table.");
            }
            throw SluiceException.input("The profile of " + review.file().getFileName() + " has no rule '"
                    + ruleId + "' (" + (before.rules().isEmpty() ? "it has no rules of its own" : "its rules: "
                    + String.join(", ", before.rules().stream().map(RuleSet::idOf).toList())) + ").");
        }
        return new Step(review, before, before.withRules(rules)).run(id, "Remove rule '" + id + "'", progress);
    }

    /** The undo history's words for the step: "Apply rule 'b'", "Change rule 'b'", "Change rule 'a' into 'b'". */
    static String changeOf(String replaced, String id) {
        if (replaced == null) {
            return "Apply rule '" + id + "'";
        }
        return replaced.equalsIgnoreCase(id) ? "Change rule '" + id + "'"
                : "Change rule '" + replaced + "' into '" + id + "'";
    }

    private static Profile requireValidated(OpenReview review, String what) {
        Profile profile = review.profile().orElseThrow(() -> SluiceException.input(review.file().getFileName()
                + " records no mapping profile yet; validate it with a profile before " + what + "."));
        if (!review.isValidated()) {
            throw SluiceException.input(review.file().getFileName() + " has not been validated to the end; validate"
                    + " it again before " + what + ".");
        }
        return profile;
    }

    /** One change of the profile's rules, with the rules before and after built against the target. */
    private static final class Step {
        private final OpenReview review;
        private final Profile after;
        private final TargetDatabase db;
        private final TableInfo table;
        private final List<ColumnInfo> mapped;
        private final RuleSet rulesAfter;
        private final Set<String> derivedIds = new HashSet<>();
        private final Set<String> idsBefore = new HashSet<>();
        private final Set<String> idsAfter = new HashSet<>();

        Step(OpenReview review, Profile before, Profile after) {
            this.review = review;
            this.after = after;
            this.db = review.target();
            this.table = db.table(after.table());
            this.mapped = Mapper.compile(after, review.columns(), table).targetColumns();
            RuleSet rulesBefore = RuleSet.build(before, table, mapped, db);
            this.rulesAfter = RuleSet.build(after, table, mapped, db);
            for (RuleInfo info : rulesBefore.described()) {
                idsBefore.add(info.id());
                if (!info.editable()) {
                    derivedIds.add(info.id());
                }
            }
            rulesAfter.described().forEach(info -> idsAfter.add(info.id()));
        }

        Outcome run(String id, String description, Progress progress) {
            // The rule's own findings, and those of any rule the change switches on or off (a profile unique rule
            // on the key takes over from the derived duplicate-key rule).
            Set<String> replaced = new TreeSet<>(Set.of(id));
            idsBefore.stream().filter(r -> !idsAfter.contains(r)).forEach(replaced::add);
            idsAfter.stream().filter(r -> !idsBefore.contains(r)).forEach(replaced::add);
            Set<String> profileIds = new HashSet<>();
            after.rules().forEach(r -> profileIds.add(RuleSet.idOf(r)));
            boolean profileRulesOnly = profileIds.containsAll(replaced.stream().filter(idsAfter::contains).toList());
            Set<String> toRun = new TreeSet<>(replaced);
            toRun.retainAll(idsAfter);
            RuleChange change = new RuleChange(id, description, replaced, ProfileIO.toJson(after),
                    QualityBasis.of(mapped.size(), rulesAfter.uniquenessRules()), sink -> {
                if (toRun.isEmpty()) {
                    return;
                }
                try (ReviewRows rows = new ReviewRows(review.file());
                     ValidationJob job = profileRulesOnly ? ValidationJob.over(rows, after, db, toRun)
                             : ValidationJob.over(rows, after, db)) {
                    // only the findings are kept, so the rows need only the columns the rules run read
                    job.sourceColumnsRead().ifPresent(rows::readOnly);
                    job.run(result -> result.findings().forEach(sink), progress);
                }
            });
            RuleChange.Step step = review.session().applyRule(change);
            return new Outcome(id, step.findings(), step.flaggedRows(), step.rowsNowInError(),
                    step.rowsNoLongerInError());
        }
    }
}
