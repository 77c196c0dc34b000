package io.sluice.desktop.rules;

import io.sluice.core.usecase.CheckExpression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** What keeps a {@link RuleForm}'s rule from running, as the one sentence the form shows under its fields. */
final class RuleFormCheck {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");

    private RuleFormCheck() {
    }

    /** The first problem, or null when the rule can run. */
    static String problem(RuleForm form) {
        RuleKind kind = form.kindProperty().get();
        String id = form.idProperty().get();
        if (!RuleForm.blank(id) && !ID.matcher(id.strip()).matches()) {
            return "A rule id starts with a letter or digit and holds only letters, digits and - _ . : (no spaces).";
        }
        String columnProblem = columns(form, kind);
        if (columnProblem != null) {
            return columnProblem;
        }
        if (form.idTaken()) {
            return "Another rule is already called '" + form.effectiveId() + "'; give this one another id.";
        }
        return switch (kind) {
            case RANGE -> bounds(form, true);
            case PATTERN -> pattern(form.patternProperty().get());
            case ALLOWED -> form.valueLines().isEmpty()
                    ? "Type the allowed values, one a line, or pick them from the column's values." : null;
            case LOOKUP -> RuleForm.blank(form.tableProperty().get()) ? "Choose the table to look the values up in."
                    : RuleForm.blank(form.keyProperty().get()) ? "Choose the column of " + form.tableProperty().get()
                    + " that holds the known values." : null;
            case REQUIRED_WHEN -> condition(form);
            case EXPRESSION -> RuleForm.blank(form.expressionProperty().get())
                    ? "Type the expression, such as water_kg / cement_kg or age_days >= 28."
                    : firstOf(expression(form, form.expressionProperty().get()), bounds(form, false));
            case REQUIRED, UNIQUE -> null;
        };
    }

    private static String columns(RuleForm form, RuleKind kind) {
        List<String> about = new ArrayList<>();
        if (kind.oneColumn()) {
            if (RuleForm.blank(form.columnProperty().get())) {
                return "Choose the column the rule checks.";
            }
            about.add(form.columnProperty().get());
        } else if (kind == RuleKind.UNIQUE) {
            if (form.columns().isEmpty()) {
                return "Choose at least one column that must be unique in the file.";
            }
            about.addAll(form.columns());
        }
        if (kind == RuleKind.REQUIRED_WHEN && !form.conditionTypedProperty().get()
                && !RuleForm.blank(form.whenColumnProperty().get())) {
            about.add(form.whenColumnProperty().get());
        }
        for (String column : about) {
            if (form.mapped().stream().noneMatch(m -> m.equalsIgnoreCase(column))) {
                return "No column of the file is mapped onto " + column + "; map one onto it in the Mapping step,"
                        + " or choose another column.";
            }
        }
        return null;
    }

    /**
     * Whether the expression parses, reads only mapped columns and compares values of one kind, as a sentence naming
     * where it breaks.
     */
    private static String expression(RuleForm form, String text) {
        CheckExpression.Check check = CheckExpression.check(text, form.mapped(), form.kinds());
        return check.ok() ? null : check.problem();
    }

    private static String firstOf(String first, String second) {
        return first != null ? first : second;
    }

    private static String bounds(RuleForm form, boolean required) {
        String min = form.minProperty().get();
        String max = form.maxProperty().get();
        if (!RuleForm.blank(min) && RuleForm.number(min) == null) {
            return "Min must be a number, such as 0.25; '" + min.strip() + "' is not.";
        }
        if (!RuleForm.blank(max) && RuleForm.number(max) == null) {
            return "Max must be a number, such as 0.80; '" + max.strip() + "' is not.";
        }
        BigDecimal low = RuleForm.number(min);
        BigDecimal high = RuleForm.number(max);
        if (required && low == null && high == null) {
            return "Give a min, a max or both.";
        }
        if (low != null && high != null && low.compareTo(high) > 0) {
            return "Min " + low.toPlainString() + " is above max " + high.toPlainString()
                    + ", so no value could pass.";
        }
        return null;
    }

    private static String pattern(String regex) {
        if (RuleForm.blank(regex)) {
            return "Type the regular expression the values must match, such as DS[0-9]-[0-9]{6}.";
        }
        return invalidPattern(regex);
    }

    /** Why the regular expression cannot be used, as a sentence; null when it can. */
    static String invalidPattern(String regex) {
        try {
            Pattern.compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            String where = e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "";
            return "The regular expression is not valid" + where + ": "
                    + e.getDescription().toLowerCase(Locale.ROOT) + ".";
        }
    }

    private static String condition(RuleForm form) {
        if (form.conditionTypedProperty().get()) {
            return RuleForm.blank(form.whenProperty().get())
                    ? "Type the condition, such as age_days != null." : expression(form, form.whenProperty().get());
        }
        if (RuleForm.blank(form.whenColumnProperty().get())) {
            return "Choose the column the condition is about.";
        }
        if (RuleCondition.needsValue(form.whenOperatorProperty().get())
                && RuleForm.blank(form.whenValueProperty().get())) {
            return "Type the value the condition compares " + form.whenColumnProperty().get() + " with.";
        }
        // a value typed for a date column is written as a text, which a date never compares with
        return expression(form, form.condition());
    }
}
