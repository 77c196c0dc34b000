package io.sluice.bench;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to generate. The same options always give the same rows.
 *
 * @param seed        seed of the random sequence
 * @param rows        number of data rows
 * @param columns     number of columns, 1 to 20 (15 is the lab export proper; see {@link MixColumn})
 * @param faultRate   share of rows with one planted fault, 0 to 1
 * @param faults      the kinds of fault to plant; they take turns so that every kind appears once there are enough
 *                    faulty rows
 * @param codePrefix  prefix of mix codes, e.g. DS1 gives DS1-000123
 * @param exportedAt  timestamp written in the spreadsheet's "Exported from" line (fixed, so output is reproducible)
 */
public record GeneratorOptions(long seed, long rows, int columns, double faultRate, Set<Fault> faults,
                               String codePrefix, LocalDateTime exportedAt) {

    public static final double DEFAULT_FAULT_RATE = 0.02;

    public GeneratorOptions {
        if (rows < 0) {
            throw new IllegalArgumentException("Row count must not be negative, not " + rows + ".");
        }
        MixColumn.first(columns);
        if (faultRate < 0 || faultRate > 1) {
            throw new IllegalArgumentException("Fault rate must be between 0 and 1, not " + faultRate + ".");
        }
        faults = faults == null || faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        if (codePrefix == null || !codePrefix.matches("DS[0-9]")) {
            throw new IllegalArgumentException("Mix code prefix must be DS and one digit (e.g. DS1), not "
                    + codePrefix + ".");
        }
        exportedAt = exportedAt == null ? LocalDateTime.of(2024, 3, 14, 9, 12) : exportedAt;
    }

    /** 1,000 rows, 20 columns, every kind of fault at 2 %, seed 42. */
    public static GeneratorOptions defaults() {
        return new GeneratorOptions(42, 1_000, MixColumn.values().length, DEFAULT_FAULT_RATE,
                EnumSet.allOf(Fault.class), "DS1", null);
    }

    public GeneratorOptions withSeed(long value) {
        return new GeneratorOptions(value, rows, columns, faultRate, faults, codePrefix, exportedAt);
    }

    public GeneratorOptions withRows(long value) {
        return new GeneratorOptions(seed, value, columns, faultRate, faults, codePrefix, exportedAt);
    }

    public GeneratorOptions withColumns(int value) {
        return new GeneratorOptions(seed, rows, value, faultRate, faults, codePrefix, exportedAt);
    }

    public GeneratorOptions withFaultRate(double value) {
        return new GeneratorOptions(seed, rows, columns, value, faults, codePrefix, exportedAt);
    }

    public GeneratorOptions withFaults(Set<Fault> value) {
        return new GeneratorOptions(seed, rows, columns, faultRate, value, codePrefix, exportedAt);
    }

    public GeneratorOptions withCodePrefix(String value) {
        return new GeneratorOptions(seed, rows, columns, faultRate, faults, value, exportedAt);
    }
}
