package io.sluice.desktop.commit;

import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.ProfileSchema;
import io.sluice.desktop.DialogService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The form a quality gate is added or edited with: metric, bound (at least or at most), value, unit (for the row
 * counts) and action; and how its answers become a {@link GateSpec}, or one sentence saying what is wrong.
 */
final class GateForm {

    static final String AT_LEAST = "at least";
    static final String AT_MOST = "at most";
    static final String NOTE = "Scores (completeness, validity, uniqueness, overall) are percentages from 0 to 100;"
            + " errorRows and rejectedRows count rows, or with the unit percent a share of the rows. A blocking gate"
            + " that fails stops the commit; a warning gate is named before it.";

    /** What the form answered: a gate, or why there is none. */
    record Parsed(GateSpec gate, String problem) {
    }

    private GateForm() {
    }

    /** The fields, filled with {@code initial} when editing (null: a new blocking completeness gate). */
    static List<DialogService.Field> fields(GateSpec initial) {
        String metric = initial == null ? "completeness" : initial.metric();
        boolean max = initial != null && initial.min() == null;
        BigDecimal value = initial == null ? null : max ? initial.max() : initial.min();
        String unit = initial == null || initial.unit() == null
                ? (metric.endsWith("Rows") ? "count" : "percent") : initial.unit();
        return List.of(
                new DialogService.Field("Metric", metric, ProfileSchema.GATE_METRICS),
                new DialogService.Field("Bound", max ? AT_MOST : AT_LEAST, List.of(AT_LEAST, AT_MOST)),
                DialogService.Field.text("Value", value == null ? "" : value.toPlainString()),
                new DialogService.Field("Unit", unit, ProfileSchema.GATE_UNITS),
                new DialogService.Field("Action", initial == null ? "block" : initial.action(),
                        ProfileSchema.GATE_ACTIONS));
    }

    /** The same fields, each holding the answer given to it: the form asked again after a problem. */
    static List<DialogService.Field> refill(List<DialogService.Field> fields, List<String> answers) {
        List<DialogService.Field> refilled = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            DialogService.Field field = fields.get(i);
            refilled.add(new DialogService.Field(field.label(), answers.get(i), field.choices()));
        }
        return List.copyOf(refilled);
    }

    /** The gate the answers describe (in the order of {@link #fields}), or one sentence why there is none. */
    static Parsed parse(List<String> answers) {
        String metric = answers.get(0);
        String text = answers.get(2) == null ? "" : answers.get(2).strip().replace(',', '.');
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return new Parsed(null, text.isEmpty() ? "The gate needs a value, such as 95 or 2.5."
                    : "'" + answers.get(2).strip() + "' is not a number; write a value such as 95 or 2.5.");
        }
        boolean rows = metric.endsWith("Rows");
        String unit = answers.get(3);
        if (!rows && "count".equals(unit)) {
            return new Parsed(null, metric + " is a score in percent; only errorRows and rejectedRows can be"
                    + " counted.");
        }
        boolean percent = !rows || "percent".equals(unit);
        if (value.signum() < 0 || (percent && value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            return new Parsed(null, "A " + (percent ? "percentage" : "count of rows") + " gate needs a value "
                    + (percent ? "from 0 to 100" : "of 0 or more") + ", not " + value.toPlainString() + ".");
        }
        boolean max = AT_MOST.equals(answers.get(1));
        return new Parsed(new GateSpec(metric, max ? null : value, max ? value : null,
                rows ? unit : null, answers.get(4)), null);
    }

    /** "completeness at least 98% (block)". */
    static String describe(GateSpec gate) {
        boolean percent = !gate.metric().endsWith("Rows") || "percent".equals(gate.unit());
        String bound = gate.min() != null ? AT_LEAST + " " + gate.min().toPlainString()
                : AT_MOST + " " + gate.max().toPlainString();
        return gate.metric() + " " + bound + (percent ? "%" : " rows") + " (" + gate.action() + ")";
    }
}
