package io.sluice.core.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one rule instance touches: the ids its findings carry and the target columns whose mapped values decide them.
 * A rule reading only these columns gives the same findings on a row as long as their values stay the same, which
 * lets a value fix re-check only the rules that read the fixed column.
 *
 * @param ids     the rule ids of its findings
 * @param columns the target columns it reads, in lower case; null when they are not known (it reads the whole row)
 */
public record RuleReach(Set<String> ids, Set<String> columns) {

    public RuleReach {
        ids = Set.copyOf(ids);
        columns = columns == null ? null : Set.copyOf(columns);
    }

    /** A rule of one id reading these target columns. */
    static RuleReach of(String id, Collection<String> columns) {
        return new RuleReach(Set.of(id), lowerCase(columns));
    }

    /** A rule of one id whose findings may depend on any value of the row. */
    static RuleReach wholeRow(String id) {
        return new RuleReach(Set.of(id), null);
    }

    /** Whether a change of any of these target columns (lower case) may change its findings. */
    boolean reads(Set<String> changedTargets) {
        return columns == null || columns.stream().anyMatch(changedTargets::contains);
    }

    static Set<String> lowerCase(Collection<String> names) {
        Set<String> lower = new LinkedHashSet<>();
        for (String name : names) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        return lower;
    }

    /** Both lists of columns, one after the other. */
    static List<String> plus(List<String> columns, List<String> more) {
        List<String> all = new ArrayList<>(columns);
        all.addAll(more);
        return all;
    }
}
