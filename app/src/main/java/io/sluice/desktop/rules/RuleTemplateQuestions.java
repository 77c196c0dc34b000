package io.sluice.desktop.rules;

import io.sluice.core.rules.RuleTemplates;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.usecase.ColumnStatistics;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskRunner;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The few questions of a rule template (a ratio or a sum within bounds, a date not in the future, a value outside k
 * standard deviations) and the rule the answers write, handed to the Rules step's form as a new rule; the outlier
 * template reads the column's mean and standard deviation from the open review first.
 */
final class RuleTemplateQuestions {

    /** What the questions need from the Rules step, and where the rule and any failure go. */
    interface Outlet {

        /** An id no rule in force has, starting with {@code base}. */
        String freeId(String base);

        /** The review's column (the source header) mapped onto a target column; null when none is. */
        String sourceHeader(String column);

        /** Puts the written rule into the form as a new rule. */
        void start(RuleSpec rule);

        /** Says why no rule was written, in one sentence. */
        void tell(String sentence);

        /** On a workbook review, the sheet and table the rule is on; null onto one table. */
        RuleTables.Place place();
    }

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Outlet outlet;

    RuleTemplateQuestions(Workbench workbench, TaskRunner tasks, DialogService dialogs, Outlet outlet) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.outlet = outlet;
    }

    /** Asks the template's questions, offering {@code columns} (the mapped target columns) to choose from. */
    void ask(RuleTemplate template, List<String> columns) {
        List<DialogService.Field> fields = switch (template) {
            case RATIO -> List.of(DialogService.Field.choice("Numerator", columns),
                    DialogService.Field.choice("Denominator", columns), DialogService.Field.text("Min", ""),
                    DialogService.Field.text("Max", ""));
            case SUM -> List.of(DialogService.Field.text("Columns, separated by commas", ""),
                    DialogService.Field.text("Min", ""), DialogService.Field.text("Max", ""));
            case DATE_NOT_IN_FUTURE -> List.of(DialogService.Field.choice("Date column", columns));
            case OUTLIER -> List.of(DialogService.Field.choice("Column", columns),
                    DialogService.Field.text("Standard deviations (k)", "3"));
        };
        dialogs.askForm(template.label().replace("…", ""), "The rule goes into the form, where you can change it"
                + " before you keep it.", fields).ifPresent(answers -> fillFromTemplate(template, answers));
    }

    private void fillFromTemplate(RuleTemplate template, List<String> answers) {
        try {
            String id = outlet.freeId(template.idStem() + "-" + answers.get(0).strip()
                    .replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT));
            switch (template) {
                case RATIO -> outlet.start(RuleTemplates.ratioWithin(id, answers.get(0), answers.get(1),
                        decimal(answers.get(2), "Min"), decimal(answers.get(3), "Max")));
                case SUM -> outlet.start(RuleTemplates.sumWithin(id, List.of(answers.get(0)
                        .split("\\s*,\\s*")).stream().map(String::strip).filter(c -> !c.isEmpty()).toList(),
                        decimal(answers.get(1), "Min"), decimal(answers.get(2), "Max")));
                case DATE_NOT_IN_FUTURE -> outlet.start(RuleTemplates.dateNotInFuture(id, answers.get(0)));
                case OUTLIER -> outlier(id, answers.get(0), decimal(answers.get(1), "k"));
            }
        } catch (IllegalArgumentException e) {
            outlet.tell(e.getMessage());
        }
    }

    private void outlier(String id, String column, BigDecimal k) {
        Path review = workbench.reviewProperty().get();
        String header = outlet.sourceHeader(column);
        if (review == null || header == null) {
            outlet.tell("The outlier template takes the column's mean and spread from a review: validate the file"
                    + " first (Mapping, Validate and review).");
            return;
        }
        if (k == null) {
            outlet.tell("Give k, the number of standard deviations, such as 3.");
            return;
        }
        tasks.quiet("Reading the statistics of " + header, ctx -> RuleOnReview.statistics(review,
                outlet.place(), ColumnStatistics.Request.of(header), ctx).numbers(), numbers -> {
            if (numbers == null || numbers.count() < 2) {
                outlet.tell(column + " holds fewer than two numbers in the review, so it has no spread to"
                        + " measure.");
                return;
            }
            outlet.start(RuleTemplates.outlier(id, column, BigDecimal.valueOf(numbers.mean()),
                    BigDecimal.valueOf(numbers.standardDeviation()), k));
        }, ErrorText.into(outlet::tell));
    }

    private static BigDecimal decimal(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal value = RuleForm.number(text);
        if (value == null) {
            throw new IllegalArgumentException(what + " must be a number, such as 0.25; '" + text.strip()
                    + "' is not.");
        }
        return value;
    }
}
