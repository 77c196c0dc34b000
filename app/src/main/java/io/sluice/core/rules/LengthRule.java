package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedColumn;
import io.sluice.core.mapping.MappedRow;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Text must fit the target column's declared length, counted in characters; for an H2 binary column in bytes, as H2
 * stores a text given for one: its UTF-8 bytes.
 */
final class LengthRule implements RowRule {

    static final String ID = "length";

    private final String target;
    /** Found once per mapper: the rule reads it on every row. */
    private final MappedColumn column;
    private final int max;
    private final boolean bytes;

    LengthRule(String target, int max) {
        this(target, max, false);
    }

    LengthRule(String target, int max, boolean bytes) {
        this.target = target;
        this.column = new MappedColumn(target);
        this.max = max;
        this.bytes = bytes;
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(ID, List.of(target));
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        // a text never has more characters than chars, so only a long one needs its characters counted
        if (!(row.value(column) instanceof String s) || s.length() <= max && !bytes) {
            return;
        }
        int length = bytes ? s.getBytes(StandardCharsets.UTF_8).length : s.codePointCount(0, s.length());
        if (length > max) {
            report(row, length, findings);
        }
    }

    // Apart from check(), so that the compiler does not build this rare sentence into the per-row method.
    private void report(MappedRow row, int length, Consumer<Finding> findings) {
        findings.accept(Findings.onCell(row, target, ID, Severity.ERROR,
                Findings.label(row, target) + " is " + length + (bytes ? " bytes long in UTF-8, as H2 stores the "
                        + "text of a binary column; the column holds at most " + max + " bytes."
                        : " characters long; the column holds at most " + max + ".")));
    }
}
