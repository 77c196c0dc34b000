package io.sluice.desktop.rules;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.ColumnStats;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.usecase.ApplyRule;
import io.sluice.core.usecase.ColumnStatistics;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.ValidateReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.usecase.WorkbookRules;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskRunner;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One profile rule run over, or taken out of, the open review in the background, each as one undoable step of the
 * review; the outcome is told in one sentence, and the Review step is made to open the review afresh.
 */
final class RuleOnReview {

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final Consumer<String> tell;

    RuleOnReview(Workbench workbench, TaskRunner tasks, Consumer<String> tell) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.tell = tell;
    }

    /**
     * Runs {@code rule} alone over the review: its findings replaced, each row's status following them. On a
     * workbook review ({@code place} not null) it runs over the rows of the sheet feeding the table, as one undoable
     * step of that sheet, and the references of every sheet are checked again after it. The review's rule
     * {@code formerId} (the id the rule had before it was renamed; null for none) and its findings go in the same step;
     * {@code applied} runs once the review has the rule.
     */
    void apply(Path review, RuleSpec rule, String id, String formerId, RuleTables.Place place, Runnable applied) {
        TargetChoice target = workbench.targetProperty().get();
        tasks.save("Applying rule " + id + " to " + review.getFileName(), new Change("rule " + id + " applied to "
                + review.getFileName(), "rule " + id + " is not applied and " + review.getFileName() + " keeps the"
                + " findings it had"), ctx -> {
            if (ValidateWorkbookReview.isWorkbookReview(review)) {
                try (OpenWorkbookReview workbook = OpenWorkbookReview.open(review, target::open)) {
                    RuleTables.Place on = placeIn(workbook, place);
                    return WorkbookRules.apply(workbook, on.sheet(), on.table(), rule, formerId, ctx);
                }
            }
            try (OpenReview open = OpenReview.open(review, target::open)) {
                return ApplyRule.apply(open, rule, formerId, ctx);
            }
        }, outcome -> {
            applied.run();
            tell.accept(applied(outcome));
            reopen(review);
        }, ErrorText.into(tell::accept));
    }

    /**
     * Takes a deleted rule's findings out of the review, under its id or, when the review knows it by the id it had
     * before it was renamed, under {@code formerId}; a review validated without the rule holds none.
     */
    void takeOut(Path review, String id, String formerId, RuleTables.Place place) {
        TargetChoice target = workbench.targetProperty().get();
        List<String> ids = formerId == null ? List.of(id) : List.of(id, formerId);
        tasks.save("Taking rule " + id + "'s findings out of " + review.getFileName(), new Change("rule " + id
                + "'s findings taken out of " + review.getFileName(), review.getFileName() + " keeps rule " + id
                + "'s findings"), ctx -> {
            if (ValidateWorkbookReview.isWorkbookReview(review)) {
                try (OpenWorkbookReview workbook = OpenWorkbookReview.open(review, target::open)) {
                    RuleTables.Place on = placeIn(workbook, place);
                    String known = knownOf(ids, workbook.profile().tables().stream()
                            .filter(t -> t.table().equalsIgnoreCase(on.table()))
                            .flatMap(t -> t.rules().stream()).toList());
                    return known == null ? null : WorkbookRules.remove(workbook, on.sheet(), on.table(), known, ctx);
                }
            }
            Profile recorded = ValidateReview.recordedProfile(review);
            String known = recorded == null ? null : knownOf(ids, recorded.rules());
            if (known == null) {
                return null;
            }
            try (OpenReview open = OpenReview.open(review, target::open)) {
                return ApplyRule.remove(open, known, ctx);
            }
        }, outcome -> {
            if (outcome == null) {
                tell.accept("Rule " + id + " deleted; " + review.getFileName() + " was validated without it, so it"
                        + " held none of its findings.");
                return;
            }
            tell.accept(removed(id, outcome));
            reopen(review);
        }, ErrorText.into(tell::accept));
    }

    /**
     * Where a rule goes on a workbook review: the table chosen and the sheet feeding it; refused in one sentence
     * when the workbench's profile maps onto one table (the review was made with another profile).
     */
    static RuleTables.Place placeIn(OpenWorkbookReview workbook, RuleTables.Place place) {
        if (place == null) {
            throw SluiceException.input(workbook.file().getFileName() + " is the review of a workbook onto several"
                    + " tables, and the profile in the Rules step maps onto one; open the review's profile to"
                    + " write its tables' rules.");
        }
        String sheet = place.sheet() != null ? place.sheet() : workbook.sheets().stream()
                .filter(s -> workbook.tablesOf(s).stream().anyMatch(t -> t.equalsIgnoreCase(place.table())))
                .findFirst().orElse(null);
        if (sheet == null) {
            throw SluiceException.input("No sheet of " + workbook.file().getFileName() + " feeds table "
                    + place.table() + "; validate the review again with this profile.");
        }
        return new RuleTables.Place(sheet, place.table());
    }

    /**
     * A column's statistics in the review; in a workbook review, in the sheet feeding the table of {@code place}
     * (its rows as they are now).
     */
    static ColumnStats statistics(Path review, RuleTables.Place place, ColumnStatistics.Request request,
                                  Progress progress) {
        if (!ValidateWorkbookReview.isWorkbookReview(review)) {
            return ColumnStatistics.of(review, request, progress);
        }
        try (OpenWorkbookReview workbook = OpenWorkbookReview.open(review, null)) {
            return ColumnStatistics.of(workbook.sheet(placeIn(workbook, place).sheet()), request, progress);
        }
    }

    /** The first of {@code ids} a rule of {@code rules} has (ignoring case), or null. */
    private static String knownOf(List<String> ids, List<RuleSpec> rules) {
        return ids.stream().filter(i -> rules.stream().anyMatch(r -> RuleSet.idOf(r).equalsIgnoreCase(i)))
                .findFirst().orElse(null);
    }

    private void reopen(Path review) {
        // the Review step holds the review open: through null, so that it opens it afresh
        workbench.reviewProperty().set(null);
        workbench.reviewProperty().set(review);
    }

    /** "Rule wc-ratio applied: 3 rows now in error, 1 no longer; …" */
    static String applied(ApplyRule.Outcome outcome) {
        return String.format(Locale.ROOT, "Rule %s applied: %,d %s now in error, %,d no longer. In Review, the status"
                + " filter \"Changed by the last rule\" shows them; Edit, Undo there takes the step back.",
                outcome.ruleId(), outcome.rowsNowInError(), outcome.rowsNowInError() == 1 ? "row" : "rows",
                outcome.rowsNoLongerInError());
    }

    /**
     * "Rule cement-cap deleted and its findings taken out of the review: 4 rows changed status (4 no longer …", the
     * findings' id named too when the review knew the rule by the id it had before it was renamed.
     */
    static String removed(String id, ApplyRule.Outcome outcome) {
        long changed = outcome.rowsChanged();
        String findings = outcome.ruleId().equalsIgnoreCase(id) ? "its findings"
                : "its findings (under its earlier id " + outcome.ruleId() + ")";
        return String.format(Locale.ROOT, "Rule %s deleted and %s taken out of the review: %,d %s changed"
                + " status (%,d no longer in error). In Review, Edit, Undo puts them back.", id, findings,
                changed, changed == 1 ? "row" : "rows", outcome.rowsNoLongerInError());
    }
}
