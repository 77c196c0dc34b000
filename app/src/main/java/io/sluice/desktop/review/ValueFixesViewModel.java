package io.sluice.desktop.review;

import io.sluice.core.SluiceException;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.review.FixPreview;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.usecase.FixValues;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.DialogService.Field;
import io.sluice.desktop.task.TaskRunner;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Value fixes on one column of the open review, as the column header's menu offers them: replace a value, find and
 * replace, set a value in the rows the filter shows, trim, collapse spaces, change case. Each asks what to do, shows
 * what it would change (how many cells, a few before → after) and only then applies it, in the background, as one
 * step the review's Undo takes back. The value suggestions and clusters apply their replacements through here too.
 */
public final class ValueFixesViewModel {

    /** The fixes the column menu lists, in its order. */
    public enum Kind {
        REPLACE("Replace value…"), FIND_REPLACE("Find and replace…"), SET("Set value for filtered rows…"),
        TRIM("Trim spaces"), COLLAPSE("Collapse spaces"), CHANGE_CASE("Change case…");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The menu item's text. */
        public String label() {
            return label;
        }
    }

    static final List<String> MATCH = List.of("Literal text", "Regular expression");
    static final List<String> WHERE = List.of("Anywhere in the cell", "The whole cell");
    static final List<String> CASES = List.of("UPPER CASE", "lower case", "Title Case");

    private final ReviewViewModel review;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BiConsumer<String, Throwable> showError;

    public ValueFixesViewModel(ReviewViewModel review, TaskRunner tasks, DialogService dialogs,
                               BiConsumer<String, Throwable> showError) {
        this.review = review;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.showError = showError;
    }

    /**
     * Asks for the fix of this kind on {@code column} ({@code value}: the selected cell's, offered where a value is
     * asked for, may be null), previews it, and applies it once the steward agrees.
     */
    public void fix(Kind kind, String column, String value) {
        if (review.access() == null || column == null) {
            return;
        }
        Optional<ValueFix> fix;
        try {
            fix = ask(kind, column, value == null ? "" : value);
        } catch (SluiceException e) {
            showError.accept("Cannot fix the values of '" + column + "'", e);
            return;
        }
        if (fix.isEmpty()) {
            review.actions().said("Nothing changed.");
            return;
        }
        RowFilter rows = kind == Kind.SET ? review.currentFilter() : RowFilter.all();
        previewThenApply(new FixValues.Request(column, rows, fix.get()));
    }

    private Optional<ValueFix> ask(Kind kind, String column, String value) {
        String in = " in '" + column + "'";
        return switch (kind) {
            case REPLACE -> dialogs.askForm("Replace a value" + in, "Cells holding exactly this value get the new"
                    + " one, in every row.", List.of(Field.text("Replace", value), Field.text("With", "")))
                    .map(a -> ValueFix.Replace.of(a.get(0), a.get(1)));
            case FIND_REPLACE -> dialogs.askForm("Find and replace" + in, "A regular expression's groups are $1,"
                    + " $2… in the replacement.", List.of(Field.text("Find", value), Field.text("Replace with", ""),
                    Field.choice("Match", MATCH), Field.choice("Where", WHERE)))
                    .map(a -> new ValueFix.FindReplace(a.get(0), a.get(1), MATCH.get(1).equals(a.get(2)),
                            WHERE.get(1).equals(a.get(3))));
            case SET -> dialogs.askForm(review.countedProperty().getValue()
                            ? String.format("Set a value%s for the %,d rows shown", in,
                            review.shownProperty().getValue().longValue())
                            : "Set a value" + in + " for the rows shown (still being counted)",
                    "Every row the filter shows (" + review.currentFilter().description() + ") gets this value.",
                    List.of(Field.text("Value", value))).map(a -> new ValueFix.SetValue(a.get(0)));
            case TRIM -> Optional.of(new ValueFix.Trim());
            case COLLAPSE -> Optional.of(new ValueFix.CollapseSpaces());
            case CHANGE_CASE -> dialogs.askForm("Change case" + in, "", List.of(Field.choice("Case", CASES)))
                    .map(a -> new ValueFix.ChangeCase(ValueFix.TextCase.values()[Math.max(0,
                            CASES.indexOf(a.get(0)))]));
        };
    }

    /**
     * Replaces whole values of a column (old → new) in every row, as one undoable step; the caller has shown what
     * it changes (a suggestion, a cluster).
     */
    void replace(String column, Map<String, String> replacements) {
        replace(review.sheetShown(), column, replacements);
    }

    /** As {@link #replace(String, Map)}, on {@code sheet} of a workbook review, the one the replacements are of. */
    void replace(String sheet, String column, Map<String, String> replacements) {
        ReviewAccess current = review.access();
        if (current != null && !replacements.isEmpty()) {
            apply(current, sheet, new FixValues.Request(column, RowFilter.all(), new ValueFix.Replace(replacements)));
        }
    }

    private void previewThenApply(FixValues.Request request) {
        ReviewAccess current = review.access();
        if (current == null) {
            return;
        }
        String what = request.fix().describe();
        String sheet = review.sheetShown();
        tasks.run("Working out what '" + what + "' changes", ctx -> current.use(sheet,
                opened -> FixValues.preview(opened, request, FixValues.EXAMPLES, ctx)), preview -> {
                    if (current != review.access()) {
                        return;
                    }
                    if (!Objects.equals(sheet, review.sheetShown())) {
                        // the preview may be of the sheet chosen since: the question would not be true
                        review.actions().said("Nothing changed: '" + what + "' was asked on sheet " + sheet
                                + ", and sheet " + review.sheetShown() + " was chosen before it was worked out.");
                        return;
                    }
                    if (preview.cells() == 0) {
                        review.actions().said(changesNothing(request));
                    } else if (dialogs.confirm(question(request, preview), examples(preview), "Apply")) {
                        apply(current, sheet, request);
                    } else {
                        review.actions().said("Nothing changed.");
                    }
                }, error -> showError.accept("Cannot fix the values of '" + request.column() + "'", error));
    }

    private record Applied(FixOutcome outcome, Optional<String> notice, ReviewAccess.Totals totals) {
    }

    /** Applies the fix on {@code sheet} of a workbook review, the one shown when the steward asked for it. */
    private void apply(ReviewAccess current, String sheet, FixValues.Request request) {
        tasks.save(request.fix().describe(), "the fix of '" + request.column() + "' (" + request.fix().describe()
                + ")", ctx -> {
            FixOutcome outcome = current.fix(sheet, request, ctx);
            return new Applied(outcome, current.act(sheet, ReviewChanges::notice), current.totals());
        }, applied -> {
            if (current == review.access()) {
                review.actions().said(applied.outcome().recorded() ? ReviewActions.withNotice(String.format(
                        "%s: %,d cell%s changed.", applied.outcome().description(), applied.outcome().cells(),
                        applied.outcome().cells() == 1 ? "" : "s"), applied.notice()) : changesNothing(request));
                review.changed(applied.totals(), true);
            }
        }, error -> showError.accept("Cannot fix the values of '" + request.column() + "'", error));
    }

    /** One sentence for a fix that would change no cell. */
    static String changesNothing(FixValues.Request request) {
        String what = request.fix().describe();
        return what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " changes no cell of '"
                + request.column() + "'" + (request.filter().description().isEmpty() ? ""
                : " in " + request.filter().description()) + ".";
    }

    /** "Change 3 cells of 'Supplier'? (Trim the values)" */
    static String question(FixValues.Request request, FixPreview preview) {
        return String.format("%s: change %,d cell%s of '%s'?", request.fix().describe(), preview.cells(),
                preview.cells() == 1 ? "" : "s", request.column());
    }

    /** The first changes, one a line: "Row 4: 'NRD' → 'NORD'". */
    static String examples(FixPreview preview) {
        StringBuilder text = new StringBuilder();
        preview.examples().forEach(e -> text.append("Row ").append(e.row()).append(": '").append(e.before())
                .append("' → '").append(e.after()).append("'\n"));
        if (preview.cells() > preview.examples().size()) {
            text.append(String.format("… and %,d more.%n", preview.cells() - preview.examples().size()));
        }
        return text.append("\nUndo takes it back as one step.").toString();
    }
}
