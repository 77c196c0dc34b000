package io.sluice.core.validate;

import io.sluice.core.profile.GateSpec;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Measures a profile's quality gates: each gate passes when its metric lies within min and max (inclusive), else it
 * is warned or blocked according to its action. Percentages are compared as shown, with one decimal.
 */
public final class QualityGates {

    private QualityGates() {
    }

    /** Each gate measured, in the profile's order. */
    public static List<GateResult> evaluate(List<GateSpec> gates, GateMeasures measures) {
        return gates.stream().map(g -> evaluate(g, measures)).toList();
    }

    /** Whether any of these results refuses the import. */
    public static boolean blocks(List<GateResult> results) {
        return results.stream().anyMatch(r -> r.status() == GateStatus.BLOCKED);
    }

    /** One gate measured. */
    public static GateResult evaluate(GateSpec gate, GateMeasures m) {
        String unit = unitOf(gate);
        BigDecimal measured = measure(gate.metric(), unit, m);
        boolean passes = measured != null && (gate.min() == null || measured.compareTo(gate.min()) >= 0)
                && (gate.max() == null || measured.compareTo(gate.max()) <= 0);
        GateStatus status = passes ? GateStatus.PASSED
                : "warn".equals(gate.action()) ? GateStatus.WARNED : GateStatus.BLOCKED;
        return new GateResult(gate.metric(), unit, gate.min(), gate.max(), gate.action(), measured, status);
    }

    /** The gate's unit: percent for the scores, count unless told otherwise for the row metrics. */
    public static String unitOf(GateSpec gate) {
        if (gate.unit() != null) {
            return gate.unit();
        }
        return gate.metric() != null && gate.metric().endsWith("Rows") ? "count" : "percent";
    }

    private static BigDecimal measure(String metric, String unit, GateMeasures m) {
        ValidationSummary.FileScores s = m.scores();
        return switch (metric) {
            case "completeness" -> s == null ? null : oneDecimal(s.completeness());
            case "validity" -> s == null ? null : oneDecimal(s.validity());
            case "uniqueness" -> s == null ? null : oneDecimal(s.uniqueness());
            case "overall" -> s == null ? null : oneDecimal(s.overall());
            case "errorRows" -> s == null ? null : rows(m.errorRows(), unit, m.rows());
            case "rejectedRows" -> rows(m.rejectedRows(), unit, m.rows());
            default -> throw new IllegalArgumentException("Unknown gate metric " + metric);
        };
    }

    private static BigDecimal rows(long count, String unit, long rows) {
        if (!"percent".equals(unit)) {
            return BigDecimal.valueOf(count);
        }
        return rows == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(rows), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal oneDecimal(double percent) {
        return BigDecimal.valueOf(percent).setScale(1, RoundingMode.HALF_UP);
    }
}
