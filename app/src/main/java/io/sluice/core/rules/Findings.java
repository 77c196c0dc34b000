package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.MappedValue;

/** Builds findings that point at the source cell a target value came from. */
final class Findings {

    private Findings() {
    }

    /** A finding on the cell that feeds {@code target}; the offending value is the cell's text. */
    static Finding onCell(MappedRow row, String target, String rule, Severity severity, String message) {
        MappedValue v = row.get(target);
        return new Finding(row.sourceRow(), v.sourceColumn(), v.cell(), target, rule, severity, message, v.text());
    }

    /** A finding about the whole row, e.g. a cross-field rule; {@code value} may be null. */
    static Finding onRow(MappedRow row, String rule, Severity severity, String message, String value) {
        return new Finding(row.sourceRow(), null, null, null, rule, severity, message, value);
    }

    /** The name the steward knows a target column by: its source header when it has one. */
    static String label(MappedRow row, String target) {
        MappedValue v = row.get(target);
        return v.sourceColumn() != null ? v.sourceColumn() : target;
    }

    /**
     * The steward's own message for a rule, followed by what Sluice found (the value, the row it repeats, the
     * bounds), so that a custom message never hides the specifics; the generated sentence alone without one.
     */
    static String message(String custom, String generated) {
        return custom == null ? generated : custom + " " + generated;
    }
}
