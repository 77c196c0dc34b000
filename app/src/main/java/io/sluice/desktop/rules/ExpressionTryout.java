package io.sluice.desktop.rules;

import io.sluice.core.profile.Profile;
import io.sluice.core.usecase.CheckExpression;
import io.sluice.core.usecase.OpenReview;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

import java.nio.file.Path;

/**
 * Trying the expression of the {@link RuleForm} (a cross-field expression, or a typed condition) on one row of the
 * open review, as an editor shows a value beside the text, and the functions expressions may call.
 */
public final class ExpressionTryout {

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final RuleForm form;
    private final StringProperty rowToTry = new SimpleStringProperty("2");
    private final ReadOnlyStringWrapper rowValue = new ReadOnlyStringWrapper("");
    /** Counts the evaluations asked for and the changes since, so that only an answer still true is shown. */
    private long evaluations;

    ExpressionTryout(Workbench workbench, TaskRunner tasks, RuleForm form) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.form = form;
        // a value or a problem shown is about one expression on one row of one review: it goes when any changes
        ChangeListener<Object> stale = (o, was, now) -> {
            evaluations++;
            rowValue.set("");
        };
        form.kindProperty().addListener(stale);
        form.expressionProperty().addListener(stale);
        form.whenProperty().addListener(stale);
        rowToTry.addListener(stale);
        workbench.reviewProperty().addListener(stale);
    }

    /**
     * The value of the form's expression on one row of the open review, mapped as the review's profile maps it,
     * into {@link #rowValueProperty()}.
     */
    public void evaluateOnRow() {
        Path review = workbench.reviewProperty().get();
        Profile profile = workbench.profileProperty().get();
        String expression = form.kindProperty().get() == RuleKind.EXPRESSION ? form.expressionProperty().get()
                : form.whenProperty().get();
        long row;
        try {
            row = Long.parseLong(rowToTry.get().strip());
        } catch (NumberFormatException e) {
            rowValue.set("Type the number of a row, as the grid shows it, such as 2.");
            return;
        }
        if (review == null || profile == null) {
            rowValue.set("The value on a row needs a review: choose Validate and review in the Mapping step first.");
            return;
        }
        if (profile.mapsSeveralTables()) {
            rowValue.set("The value on one row is worked out on the review of one sheet; on a workbook review the"
                    + " hit preview lists the rows the rule flags.");
            return;
        }
        TargetChoice target = workbench.targetProperty().get();
        long asked = ++evaluations;
        rowValue.set("");
        tasks.quiet("Evaluating on row " + row, ctx -> {
            try (OpenReview open = OpenReview.open(review, target::open)) {
                return CheckExpression.evaluate(open, profile, expression, row);
            }
        }, evaluation -> {
            if (asked == evaluations) {
                rowValue.set(evaluation.ok() ? "Row " + row + ": " + evaluation.value() : evaluation.problem());
            }
        }, error -> {
            if (asked == evaluations) {
                ErrorText.into(rowValue::set).accept(error);
            }
        });
    }

    /** The row to evaluate the expression on, as typed. */
    public StringProperty rowToTryProperty() {
        return rowToTry;
    }

    /** The expression's value on that row, or why there is none. */
    public ReadOnlyStringProperty rowValueProperty() {
        return rowValue.getReadOnlyProperty();
    }

    /** The functions and operators expressions may use, one "name — help" a line. */
    public static String functionsHelp() {
        StringBuilder text = new StringBuilder();
        for (CheckExpression.FunctionHelp f : CheckExpression.functions()) {
            text.append(f.name()).append(" — ").append(f.help()).append('\n');
        }
        return text.toString().strip();
    }
}
