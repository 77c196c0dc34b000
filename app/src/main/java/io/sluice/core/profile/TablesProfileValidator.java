package io.sluice.core.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a version-2 profile (several tables): no single-table fields at the top, at least one table, each table once,
 * each part's mappings, unpivot, rules and natural key as complete as a version-1 profile's, every reference pointing
 * at another table of the profile through that table's natural key, and no cycle among the references. Whether
 * sheets, columns and tables exist is checked later against the file and the target.
 */
final class TablesProfileValidator {

    private TablesProfileValidator() {
    }

    static ProfileProblem firstProblem(Profile p) {
        ProfileProblem misplaced = singleTableField(p);
        if (misplaced != null) {
            return misplaced;
        }
        if (p.tables().isEmpty()) {
            return new ProfileProblem("", "a version-" + Profile.TABLES_VERSION + " profile needs \"tables\", one"
                    + " part per target table");
        }
        Map<String, TableMapping> byTable = new HashMap<>();
        for (int i = 0; i < p.tables().size(); i++) {
            TableMapping part = p.tables().get(i);
            String at = "/tables/" + i;
            if (ProfileValidator.blank(part.table())) {
                return new ProfileProblem(at, "table part " + (i + 1) + " names no target table");
            }
            if (byTable.put(key(part.table()), part) != null) {
                return new ProfileProblem(at, "table " + part.table() + " is mapped twice; map it in one part");
            }
            ProfileProblem problem = checkPart(part, at);
            if (problem != null) {
                return problem;
            }
        }
        for (int i = 0; i < p.tables().size(); i++) {
            ProfileProblem problem = checkReferences(p.tables().get(i), "/tables/" + i, byTable);
            if (problem != null) {
                return problem;
            }
        }
        List<String> cycle = ReferenceOrder.of(p.tables()).cycle();
        if (!cycle.isEmpty()) {
            return new ProfileProblem("/tables", "the references among tables " + String.join(", ",
                    new HashSet<>(cycle).stream().sorted().toList()) + " go round in a cycle (" + String.join(" → ",
                    cycle) + "), so no table can be written first");
        }
        return ProfileValidator.checkGates(p);
    }

    /** A version-1 field at the top of a version-2 profile, which would otherwise be silently ignored. */
    private static ProfileProblem singleTableField(Profile p) {
        Map<String, Boolean> given = new LinkedHashMap<>();
        given.put("table", p.table() != null);
        given.put("source", p.source() != null);
        given.put("columns", !p.columns().isEmpty());
        given.put("rules", !p.rules().isEmpty());
        given.put("naturalKey", !p.naturalKey().isEmpty());
        given.put("commitMode", p.commitMode() != null);
        given.put("legacyId", p.legacyId() != null);
        for (Map.Entry<String, Boolean> field : given.entrySet()) {
            if (field.getValue()) {
                return new ProfileProblem("/" + field.getKey(), "\"" + field.getKey() + "\" belongs inside a table"
                        + " of \"tables\" in a version-" + Profile.TABLES_VERSION + " profile, not at its top");
            }
        }
        return null;
    }

    private static ProfileProblem checkPart(TableMapping part, String at) {
        String table = "table " + part.table();
        if (!ProfileSchema.COMMIT_MODES.contains(part.commitMode())) {
            return new ProfileProblem(at + "/commitMode", table + ": unknown commit mode '" + part.commitMode()
                    + "' (known: " + String.join(", ", ProfileSchema.COMMIT_MODES) + ")");
        }
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < part.columns().size(); i++) {
            ProfileProblem problem = ProfileValidator.checkMapping(part.columns().get(i), at + "/columns/" + i,
                    targets);
            if (problem != null) {
                return new ProfileProblem(problem.pointer(), table + ", " + problem.message());
            }
        }
        if (part.unpivot() != null) {
            ProfileProblem problem = checkUnpivot(part.unpivot(), at + "/unpivot", table, targets);
            if (problem != null) {
                return problem;
            }
        }
        if (part.columns().isEmpty() && part.unpivot() == null) {
            return new ProfileProblem(at, table + " has no column mappings and no unpivot, so it would get no value");
        }
        for (int i = 0; i < part.rules().size(); i++) {
            ProfileProblem problem = ProfileValidator.checkRule(part.rules().get(i), at + "/rules/" + i);
            if (problem != null) {
                return new ProfileProblem(problem.pointer(), table + ", " + problem.message());
            }
        }
        if (part.naturalKey().isEmpty()) {
            return new ProfileProblem(at, table + " names no natural key; a table of a version-"
                    + Profile.TABLES_VERSION + " profile needs one (e.g. \"naturalKey\": [\"mix_code\"])");
        }
        for (int i = 0; i < part.naturalKey().size(); i++) {
            String column = part.naturalKey().get(i);
            if (ProfileValidator.blank(column)) {
                return new ProfileProblem(at + "/naturalKey/" + i, table + ": the natural key lists a blank column"
                        + " name");
            }
            if (!targets.contains(key(column))) {
                return new ProfileProblem(at + "/naturalKey/" + i, table + ": natural key column " + column
                        + " is not mapped, so no row would have a key (mapped: " + String.join(", ",
                        part.targetColumns()) + ")");
            }
        }
        return null;
    }

    private static ProfileProblem checkUnpivot(Unpivot unpivot, String at, String table, Set<String> targets) {
        if (unpivot.columns().isEmpty()) {
            return new ProfileProblem(at + "/columns", table + ": the unpivot lists no source columns to turn into"
                    + " rows");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < unpivot.columns().size(); i++) {
            String column = unpivot.columns().get(i);
            if (ProfileValidator.blank(column)) {
                return new ProfileProblem(at + "/columns/" + i, table + ": the unpivot lists a blank source column");
            }
            if (!seen.add(column.strip().toLowerCase(Locale.ROOT))) {
                return new ProfileProblem(at + "/columns/" + i, table + ": the unpivot lists source column '"
                        + column + "' twice");
            }
        }
        if (unpivot.header() == null && unpivot.value() == null) {
            return new ProfileProblem(at, table + ": the unpivot says neither where a column's header goes nor where"
                    + " its cell goes");
        }
        if (unpivot.value() == null) {
            return new ProfileProblem(at, table + ": the unpivot says where a column's header goes but not where its"
                    + " cell goes (\"value\")");
        }
        for (String side : List.of("header", "value")) {
            UnpivotTarget target = side.equals("header") ? unpivot.header() : unpivot.value();
            if (target == null) {
                continue;
            }
            String where = at + "/" + side;
            if (ProfileValidator.blank(target.target())) {
                return new ProfileProblem(where, table + ": the unpivot's " + side + " names no target column");
            }
            if (!targets.add(key(target.target()))) {
                return new ProfileProblem(where, table + ", column " + target.target() + " is mapped twice");
            }
            for (int i = 0; i < target.transforms().size(); i++) {
                String problem = ProfileValidator.checkTransform(target.transforms().get(i));
                if (problem != null) {
                    return new ProfileProblem(where + "/transforms/" + i, table + ", unpivot " + side + " "
                            + target.target() + ": " + problem);
                }
            }
        }
        return null;
    }

    private static ProfileProblem checkReferences(TableMapping part, String at, Map<String, TableMapping> byTable) {
        Set<String> targets = new HashSet<>();
        part.targetColumns().forEach(t -> targets.add(key(t)));
        Set<String> referencing = new HashSet<>();
        for (int i = 0; i < part.references().size(); i++) {
            TableReference reference = part.references().get(i);
            String where = at + "/references/" + i;
            if (ProfileValidator.blank(reference.column())) {
                return new ProfileProblem(where, "table " + part.table() + ": a reference names no column");
            }
            String what = "reference " + part.table() + "." + reference.column();
            if (!referencing.add(key(reference.column()))) {
                return new ProfileProblem(where, what + " is given twice");
            }
            if (!targets.contains(key(reference.column()))) {
                return new ProfileProblem(where, what + ": column " + reference.column() + " is not mapped, so it"
                        + " would hold no key to look up");
            }
            if (ProfileValidator.blank(reference.table())) {
                return new ProfileProblem(where, what + " names no parent table");
            }
            TableMapping parent = byTable.get(key(reference.table()));
            if (parent == null) {
                List<String> known = new ArrayList<>(byTable.values().stream().map(TableMapping::table).toList());
                known.sort(String.CASE_INSENSITIVE_ORDER);
                return new ProfileProblem(where, what + " names table " + reference.table() + ", which the profile"
                        + " does not map (its tables: " + String.join(", ", known) + ")");
            }
            List<String> key = reference.key().isEmpty() ? parent.naturalKey() : reference.key();
            if (key.size() != 1) {
                return new ProfileProblem(where, what + " goes through " + key.size() + " key columns of "
                        + parent.table() + " (" + String.join(", ", key) + "); a reference is looked up through"
                        + " one natural-key column");
            }
            List<String> parentKey = parent.naturalKey().stream().map(TablesProfileValidator::key).toList();
            if (!parentKey.equals(List.of(key(key.get(0))))) {
                return new ProfileProblem(where, what + " goes through " + parent.table() + "." + key.get(0)
                        + ", which is not that table's natural key (" + String.join(", ", parent.naturalKey()) + ")");
            }
        }
        return null;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
