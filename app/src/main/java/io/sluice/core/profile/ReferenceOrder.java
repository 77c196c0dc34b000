package io.sluice.core.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a version-2 profile ordered parents before children by the profile's own references, or the cycle that
 * makes such an order impossible. The commit orders the tables again by the target's foreign keys; this order is the
 * profile's promise, checked before any file is read.
 */
public final class ReferenceOrder {

    private final List<TableMapping> parentsFirst;
    private final List<String> cycle;

    private ReferenceOrder(List<TableMapping> parentsFirst, List<String> cycle) {
        this.parentsFirst = parentsFirst;
        this.cycle = cycle;
    }

    /**
     * Orders the parts; references to tables the profile does not map are left out (the validator names them).
     * Parts that do not depend on each other keep the profile's order.
     */
    public static ReferenceOrder of(List<TableMapping> parts) {
        Map<String, TableMapping> byTable = new LinkedHashMap<>();
        for (TableMapping part : parts) {
            if (part.table() != null) {
                byTable.putIfAbsent(key(part.table()), part);
            }
        }
        List<TableMapping> ordered = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = placed
        List<String> path = new ArrayList<>();
        for (String table : byTable.keySet()) {
            List<String> found = visit(table, byTable, state, path, ordered);
            if (found != null) {
                return new ReferenceOrder(List.of(), found);
            }
        }
        return new ReferenceOrder(List.copyOf(ordered), List.of());
    }

    /** The parts, every parent before the parts referencing it; empty when there is a cycle. */
    public List<TableMapping> parentsFirst() {
        return parentsFirst;
    }

    /** The tables of a cycle, first repeated at the end (a → b → a); empty when there is none. */
    public List<String> cycle() {
        return cycle;
    }

    private static List<String> visit(String table, Map<String, TableMapping> byTable, Map<String, Integer> state,
                                      List<String> path, List<TableMapping> ordered) {
        Integer seen = state.get(table);
        TableMapping part = byTable.get(table);
        if (seen != null && seen == 2) {
            return null;
        }
        if (seen != null) {
            List<String> cycle = new ArrayList<>();
            for (String t : path.subList(path.indexOf(table), path.size())) {
                cycle.add(byTable.get(t).table());
            }
            cycle.add(part.table());
            return cycle;
        }
        state.put(table, 1);
        path.add(table);
        for (TableReference reference : part.references()) {
            String parent = reference.table() == null ? null : key(reference.table());
            if (parent != null && byTable.containsKey(parent)) {
                List<String> cycle = visit(parent, byTable, state, path, ordered);
                if (cycle != null) {
                    return cycle;
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(table, 2);
        ordered.add(part);
        return null;
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }
}
