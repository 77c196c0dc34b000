package io.sluice.core.validate;

import java.util.Locale;

/** How a quality gate came out: passed, failed with action warn (warned), or failed with action block (blocked). */
public enum GateStatus {
    PASSED, WARNED, BLOCKED;

    /** The stable lowercase code, as JSON output and the bookkeeping keep it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with that code. */
    public static GateStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
