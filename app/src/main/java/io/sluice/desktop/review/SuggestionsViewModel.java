package io.sluice.desktop.review;

import io.sluice.core.cleaning.Candidate;
import io.sluice.core.cleaning.Correction;
import io.sluice.core.cleaning.Replacement;
import io.sluice.core.usecase.SuggestCorrections;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fix suggestions of the open review: each distinct bad value of a column whose right value lies in a known set
 * (a foreign key's parents, an allowed list), with its rows and up to three closest valid values. Accepting one
 * replaces the value in all its rows as one undoable step; "accept every suggestion scoring N or more" first shows
 * what it would change. Worked out in the background while the panel is shown, again after every change. On a
 * workbook review they are the sheet's shown, from every table it feeds, and accepting them goes through the
 * workbook's changes, which check the references of every sheet again.
 */
public final class SuggestionsViewModel {

    /** The score "accept every suggestion" starts from: close misspellings, not guesses. */
    public static final int DEFAULT_MIN_SCORE = 85;

    private final ReviewViewModel review;
    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ValueFixesViewModel fixes;
    private final Latest requests = new Latest();
    private final ObservableList<Correction> corrections = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private SuggestCorrections.Outcome outcome;
    /** The workbook review's sheet the suggestions are of; null for the review of one sheet. */
    private String outcomeSheet;
    private boolean shown;
    private boolean stale = true;

    public SuggestionsViewModel(ReviewViewModel review, Workbench workbench, TaskRunner tasks,
                                DialogService dialogs, ValueFixesViewModel fixes) {
        this.review = review;
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.fixes = fixes;
        review.counts().versionProperty().addListener((obs, o, n) -> {
            stale = true;
            if (shown) {
                load();
            }
        });
    }

    /** Whether the panel is on screen; nothing is worked out while it is not. */
    public void setShown(boolean isShown) {
        shown = isShown;
        if (shown && stale) {
            load();
        }
    }

    private void load() {
        ReviewAccess current = review.access();
        Latest.Request request = requests.next();
        stale = false;
        if (current == null) {
            outcome = null;
            corrections.clear();
            status.set("");
            return;
        }
        TargetChoice target = workbench.targetProperty().get();
        String sheet = review.sheetShown();
        status.set("Looking for suggestions…");
        request.track(tasks.run("Looking for fix suggestions", ctx -> current.suggestions(sheet, target::open),
                request.then(found -> {
                    outcome = found;
                    outcomeSheet = sheet;
                    corrections.setAll(found.corrections());
                    long rows = found.corrections().stream().mapToLong(Correction::rows).sum();
                    status.set((found.corrections().isEmpty() ? "No bad value has a known right value to suggest."
                            : String.format("%,d bad value%s in %,d rows have suggestions.",
                            found.corrections().size(), found.corrections().size() == 1 ? "" : "s", rows))
                            + fromHeaders(found.fromHeaders()));
                }), request.<Throwable>then(error -> {
                    outcome = null;
                    corrections.clear();
                    status.set("No suggestions: " + ErrorText.sentence(error));
                })));
    }

    /** " The reference findings of 'Fly Ash (kg/m3)' name ..." for the columns no cell fix mends, or "". */
    static String fromHeaders(List<String> columns) {
        if (columns.isEmpty()) {
            return "";
        }
        return " The reference findings of " + String.join(", ", columns.stream().map(c -> "'" + c + "'").toList())
                + " name their parent by the column's header, which no fix of a cell mends: fix the parent's row"
                + " in its sheet, or the profile's value map.";
    }

    /** Replaces one bad value by this candidate in all its rows, as one undoable step. */
    public void accept(Correction correction, Candidate candidate) {
        if (correction != null && candidate != null && ofTheSheetShown()) {
            fixes.replace(outcomeSheet, correction.column(), Map.of(correction.value(), candidate.value()));
        }
    }

    /**
     * Whether the suggestions are of the sheet on screen; if not (another sheet was chosen and its suggestions are
     * not in yet), says that nothing changed, rather than changing a sheet the steward no longer sees.
     */
    private boolean ofTheSheetShown() {
        String shown = review.sheetShown();
        if (outcome != null && !Objects.equals(outcomeSheet, shown)) {
            review.actions().said("Nothing changed: these suggestions are of sheet " + outcomeSheet + ", and sheet "
                    + shown + " is shown now; its suggestions follow in a moment.");
            return false;
        }
        return true;
    }

    /**
     * Shows what accepting every suggestion scoring {@code minScore} or more would change and, once the steward
     * agrees, makes those replacements: one undoable step per column.
     */
    public void acceptAll(int minScore) {
        if (!ofTheSheetShown()) {
            return;
        }
        String sheet = outcomeSheet;
        List<Replacement> plan = outcome == null ? List.of() : outcome.plan(minScore);
        if (plan.isEmpty()) {
            review.actions().said("No suggestion scores " + minScore + " or more without a tie.");
            return;
        }
        Map<String, Map<String, String>> byColumn = new LinkedHashMap<>();
        plan.forEach(r -> byColumn.computeIfAbsent(r.column(), c -> new LinkedHashMap<>())
                .put(r.oldValue(), r.newValue()));
        long rows = plan.stream().mapToLong(Replacement::rows).sum();
        if (dialogs.confirm(String.format("Accept %d suggestion%s scoring %d or more? %,d row%s change.",
                plan.size(), plan.size() == 1 ? "" : "s", minScore, rows, rows == 1 ? "" : "s"),
                planText(plan, byColumn.size()), "Accept")) {
            byColumn.forEach((column, pairs) -> fixes.replace(sheet, column, pairs));
        } else {
            review.actions().said("Nothing changed.");
        }
    }

    /** One replacement a line, then how Undo takes them back. */
    static String planText(List<Replacement> plan, int columns) {
        StringBuilder text = new StringBuilder();
        plan.stream().limit(12).forEach(r -> text.append(String.format("%s: '%s' → '%s' (%,d row%s)%n", r.column(),
                r.oldValue(), r.newValue(), r.rows(), r.rows() == 1 ? "" : "s")));
        if (plan.size() > 12) {
            text.append(String.format("… and %,d more.%n", plan.size() - 12));
        }
        return text.append(columns == 1 ? "\nUndo takes it back as one step."
                : "\nUndo takes it back one column at a time (" + columns + " steps).").toString();
    }

    /** "Supplier: 'NRD' in 15 rows (fk)" for the list. */
    public static String describe(Correction c) {
        return String.format("%s: '%s' in %,d row%s", c.column(), c.value(), c.rows(), c.rows() == 1 ? "" : "s");
    }

    /** "NORD  92, one letter missing" for a candidate. */
    public static String describe(Candidate c) {
        return c.value() + "  ·  " + c.score() + ", " + c.reason();
    }

    /** The suggestions, one per distinct bad value of a column, in column order, most rows first. */
    public ObservableList<Correction> corrections() {
        return corrections;
    }

    /** What was found, what is being looked for, or why there are no suggestions. */
    public ObservableValue<String> statusProperty() {
        return status;
    }
}
