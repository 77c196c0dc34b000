package io.sluice.desktop.rules;

import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.usecase.RulePreview;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.ValidateReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.usecase.WorkbookRules;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.Debounce;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the rule being edited would flag in the open review, kept up to date as the steward types: once the typing
 * pauses, the first {@value #SAMPLE_ROWS} rows at once, then every row in the background, which a newer edit
 * cancels. Without a review it says in one sentence how to get one.
 */
public final class RuleHitPreview {

    /** Rows of the quick first answer. */
    public static final int SAMPLE_ROWS = 1_000;
    /** Examples kept for the list under the count. */
    public static final int EXAMPLES = 8;
    static final String NEEDS_REVIEW = "The hit preview needs a review: choose Validate and review in the Mapping"
            + " step (or Validate now in Review), then come back to Rules.";

    private final TaskRunner tasks;
    private final Debounce<Request> typing;
    private final Latest latest = new Latest();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ObservableList<RulePreview.Example> examples = FXCollections.observableArrayList();
    private long rowsInReview;

    /** What to preview: the rule, on which review, against which target; on a workbook review, where. */
    record Request(RuleSpec rule, Path review, TargetChoice target, RuleTables.Place place) {
    }

    /** {@code delay} waits for the typing to pause: the JavaFX timer on screen, a hand-fired one in tests. */
    public RuleHitPreview(TaskRunner tasks, Debounce.Delay delay) {
        this.tasks = tasks;
        this.typing = new Debounce<>(Duration.millis(300), delay, this::start);
    }

    /** The rule changed: previews it once the typing pauses; null (a rule with a problem) clears the preview. */
    public void offer(RuleSpec rule, Path review, TargetChoice target) {
        offer(rule, review, target, null);
    }

    /**
     * As {@link #offer(RuleSpec, Path, TargetChoice)}; on a workbook review the rule is tried on the rows of the
     * sheet feeding the table of {@code place}.
     */
    void offer(RuleSpec rule, Path review, TargetChoice target, RuleTables.Place place) {
        latest.supersede();
        running.set(false);
        examples.clear();
        if (rule == null) {
            typing.cancel();
            summary.set("");
            return;
        }
        if (review == null) {
            typing.cancel();
            summary.set(NEEDS_REVIEW);
            return;
        }
        summary.set("Trying the rule…");
        typing.offer(new Request(rule, review, target, place));
    }

    /** Stops what runs and forgets the preview, e.g. when no rule is edited any more. */
    public void clear() {
        offer(null, null, null);
    }

    private void start(Request request) {
        Latest.Request current = latest.next();
        running.set(true);
        if (ValidateWorkbookReview.isWorkbookReview(request.review())) {
            onSheet(request, current);
            return;
        }
        current.track(tasks.quiet("Trying the rule on the first rows", ctx -> {
            try (TargetDatabase db = request.target().open()) {
                return RulePreview.sample(previewRequest(request), db, SAMPLE_ROWS);
            }
        }, current.then(outcome -> {
            show(outcome);
            if (outcome.sample()) {
                full(request, current);
            } else {
                running.set(false);
            }
        }), current.<Throwable>then(this::failed)));
    }

    private void full(Request request, Latest.Request current) {
        summary.set(summary.get() + " Checking all " + String.format(Locale.ROOT, "%,d", rowsInReview) + " rows…");
        current.track(tasks.run("Trying rule " + RuleSet.idOf(request.rule()) + " on every row", ctx -> {
            try (TargetDatabase db = request.target().open()) {
                return RulePreview.full(previewRequest(request), db, ctx);
            }
        }, current.then(outcome -> {
            show(outcome);
            running.set(false);
        }), current.<Throwable>then(this::failed)));
    }

    /** On a workbook review: every row of the sheet feeding the table at once, in the background. */
    private void onSheet(Request request, Latest.Request current) {
        current.track(tasks.run("Trying rule " + RuleSet.idOf(request.rule()) + " on a sheet", ctx -> {
            try (OpenWorkbookReview workbook = OpenWorkbookReview.open(request.review(), request.target()::open)) {
                RuleTables.Place on = RuleOnReview.placeIn(workbook, request.place());
                RuleSpec rule = freeOf(request.rule(), workbook.profile().tables().stream()
                        .filter(t -> t.table().equalsIgnoreCase(on.table())).findFirst()
                        .map(TableMapping::rules).orElse(List.of()));
                return WorkbookRules.preview(workbook, on.sheet(), on.table(), rule, EXAMPLES, ctx);
            }
        }, current.then(outcome -> {
            show(outcome);
            running.set(false);
        }), current.<Throwable>then(this::failed)));
    }

    private void show(RulePreview.Outcome outcome) {
        rowsInReview = outcome.rowsInReview();
        summary.set(sentence(outcome));
        examples.setAll(outcome.examples());
    }

    private void failed(Throwable error) {
        running.set(false);
        summary.set(ErrorText.sentence(error));
    }

    /** "Would flag 12 of 1,030 rows." or, on a sample, "Would flag 3 of the first 1,000 of 5,000 rows." */
    static String sentence(RulePreview.Outcome outcome) {
        String flagged = String.format(Locale.ROOT, "%,d", outcome.flaggedRows());
        if (outcome.sample()) {
            return String.format(Locale.ROOT, "Would flag %s of the first %,d of %,d rows.", flagged,
                    outcome.rowsChecked(), outcome.rowsInReview());
        }
        return String.format(Locale.ROOT, "Would flag %s of %,d rows.", flagged, outcome.rowsInReview());
    }

    /**
     * The rule as the preview tries it: the review's recorded profile may hold a rule of the same id already (the
     * one being changed, or one removed since); the preview then runs the rule under an id of its own, since it
     * counts the findings by their rule id.
     */
    static RulePreview.Request previewRequest(Request request) {
        Profile recorded = ValidateReview.recordedProfile(request.review());
        RuleSpec rule = recorded == null ? request.rule() : freeOf(request.rule(), recorded.rules());
        return new RulePreview.Request(request.review(), rule, EXAMPLES);
    }

    /** The rule under an id none of {@code recorded} has, so that its findings are counted apart. */
    private static RuleSpec freeOf(RuleSpec rule, List<RuleSpec> recorded) {
        Set<String> taken = recorded.stream().map(r -> RuleSet.idOf(r).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        String id = RuleSet.idOf(rule);
        String free = id;
        for (int n = 2; taken.contains(free.toLowerCase(Locale.ROOT)); n++) {
            free = id + "-preview" + (n == 2 ? "" : "-" + n);
        }
        return free.equals(id) ? rule : rule.withId(free);
    }

    /** "Would flag N of M rows.", the sentence being worked on, a failure, or "" with no rule. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while a preview runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The first rows flagged. */
    public ObservableList<RulePreview.Example> examples() {
        return examples;
    }
}
