package io.sluice.bench;

import java.util.List;

/**
 * One generated row. Values are indexed by {@link MixColumn#ordinal()} and are {@link java.math.BigDecimal},
 * {@link Integer}, {@link java.time.LocalDate}, {@link ImpossibleDate}, {@link SpreadsheetError}, {@link String}
 * (text, also text planted in a numeric column) or null (no value).
 *
 * @param number 1-based data row number (the header not counted)
 * @param values one value per {@link MixColumn}, all 20 of them whatever the file's column count
 * @param fault  the fault planted in this row, or null for a clean row
 */
public record MixRow(long number, List<Object> values, InjectedFault fault) {

    public Object value(MixColumn column) {
        return values.get(column.ordinal());
    }

    public boolean isFaulty() {
        return fault != null;
    }
}
