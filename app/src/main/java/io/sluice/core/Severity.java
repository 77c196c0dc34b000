package io.sluice.core;

import java.util.Locale;

/** How bad a finding is: an error blocks a row from being committed, a warning does not. */
public enum Severity {
    ERROR, WARNING;

    /** "error" / "warning" as written in profiles and reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a profile's severity; null means error. */
    public static Severity parse(String text) {
        if (text == null || text.isBlank()) {
            return ERROR;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            default -> throw new IllegalArgumentException("Severity must be error or warning, not '" + text + "'.");
        };
    }
}
