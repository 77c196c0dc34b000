package io.sluice.core.cleaning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Distinct values of a column that probably mean the same thing, the one to keep (the most frequent without stray
 * spaces; on a tie the first by text) and the rows that change when the others become it.
 *
 * @param values       the values, the one to keep first, then most rows first
 * @param keep         the suggested value to keep
 * @param rowsAffected rows holding one of the other values
 */
public record ValueCluster(List<ValueCount> values, String keep, long rowsAffected) {

    private static final Comparator<ValueCount> MOST_ROWS_FIRST = Comparator.comparingLong(ValueCount::rows)
            .reversed().thenComparing(ValueCount::value);

    public ValueCluster {
        values = List.copyOf(values);
    }

    /**
     * A cluster of these values (two or more), keeping the most frequent one without spaces around it or doubled
     * (a screen shows "Holcim " as "Holcim"), else the most frequent; the value kept comes first.
     */
    public static ValueCluster of(List<ValueCount> members) {
        List<ValueCount> sorted = new ArrayList<>(members);
        sorted.sort(MOST_ROWS_FIRST);
        ValueCount keep = sorted.stream().filter(v -> tidy(v.value())).findFirst().orElse(sorted.get(0));
        sorted.remove(keep);
        sorted.add(0, keep);
        long affected = 0;
        for (int i = 1; i < sorted.size(); i++) {
            affected += sorted.get(i).rows();
        }
        return new ValueCluster(sorted, keep.value(), affected);
    }

    private static boolean tidy(String value) {
        return value.equals(value.strip()) && !value.contains("  ");
    }

    /** Rows holding any value of the cluster. */
    public long rows() {
        return values.stream().mapToLong(ValueCount::rows).sum();
    }

    /** The replacements that make every value of the cluster {@link #keep()}, in source column {@code column}. */
    public List<Replacement> replacements(String column) {
        List<Replacement> replacements = new ArrayList<>();
        for (ValueCount v : values) {
            if (!v.value().equals(keep)) {
                replacements.add(new Replacement(column, v.value(), keep, v.rows()));
            }
        }
        return replacements;
    }
}
