package io.sluice.desktop.commit;

import io.sluice.core.commit.TableCounts;

import java.util.Locale;
import java.util.Map;

/**
 * One related table of a workbook review's commit, as the Commit step lists it: the table as the profile names it,
 * the mode it is written with, and the rows the dry run would (or the commit did) insert, update and skip.
 */
public record TablePlan(String table, String mode, long inserted, long updated, long skipped) {

    /** The counts of one table, with its mode looked up by table name (as the target names it), "" when unknown. */
    static TablePlan of(TableCounts counts, Map<String, String> modes) {
        String name = counts.table().substring(counts.table().lastIndexOf('.') + 1);
        String mode = modes.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse("");
        return new TablePlan(name.toLowerCase(Locale.ROOT), mode, counts.inserted(), counts.updated(),
                counts.skipped());
    }
}
