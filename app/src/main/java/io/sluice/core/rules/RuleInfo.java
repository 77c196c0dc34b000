package io.sluice.core.rules;

import io.sluice.core.Severity;

import java.util.List;
import java.util.Locale;

/**
 * One rule that runs for a profile against a target table, as a steward reads it: its id (the id its findings carry),
 * kind, target columns, severity, a one-line description and where it comes from.
 *
 * @param id           the rule id of its findings, e.g. {@code required}, {@code check:ck_wc_ratio}, {@code wc-ratio}
 * @param kind         what it checks: required, type, length, precision, scale, integer-range, duplicate-key,
 *                     unique-table, fk, check, or a profile rule type (range, pattern, allowed, unique, lookup,
 *                     required, expression)
 * @param columns      the target columns it looks at (empty for an expression over the row)
 * @param severity     error or warning
 * @param description  one line in plain words
 * @param origin       derived from the target (read-only) or written in the profile (editable)
 * @param profileIndex the rule's place in the profile's {@code rules}, or -1 for a rule derived from the target
 */
public record RuleInfo(String id, String kind, List<String> columns, Severity severity, String description,
                       Origin origin, int profileIndex) {

    /** Where a rule comes from. */
    public enum Origin {
        /** Derived from the target table's constraints; changes only with the table. */
        TARGET,
        /** Written in the profile; the steward may change or remove it. */
        PROFILE;

        /** The lowercase code used in JSON output. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RuleInfo {
        columns = List.copyOf(columns);
    }

    /** Whether the steward may change it: only rules written in the profile. */
    public boolean editable() {
        return origin == Origin.PROFILE;
    }
}
