package io.sluice.desktop.mapping;

import io.sluice.core.SluiceException;
import io.sluice.core.database.TableInfo;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.ReferenceOrder;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.tables.TableExpansion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Whether a mapping onto several tables is ready for validation, table by table, in plain sentences: the table is in
 * the target, its sheet in the workbook, its suggestions confirmed, its part complete ({@link ProfileValidator}), its
 * references sound, and its mappings compile against the sheet and the table ({@link TableExpansion}). Works on what
 * is already read; opens no file and no database.
 */
final class TablesCheck {

    private TablesCheck() {
    }

    /**
     * The first problem of each table, by position in {@code parts}; null where there is none.
     *
     * @param file  the workbook's file name, for sentences
     * @param infos the target's tables by lower-case name, as read
     */
    static List<String> problems(Profile profile, List<TablePart> parts, List<String> sheets, String file,
                                 String target, Map<String, TableInfo> infos) {
        List<String> problems = new ArrayList<>();
        boolean allLocal = true;
        for (TablePart part : parts) {
            String problem = local(profile, part, sheets, file, target);
            allLocal &= problem == null;
            problems.add(problem);
        }
        if (!allLocal) {
            return problems;
        }
        for (int i = 0; i < parts.size(); i++) {
            problems.set(i, references(profile, i));
        }
        if (problems.stream().allMatch(p -> p == null) && cycle(profile) == null) {
            for (int i = 0; i < parts.size(); i++) {
                problems.set(i, compiles(profile, i, parts.get(i), infos));
            }
        }
        return problems;
    }

    /** The cycle among the tables' references as one sentence; null when the tables can be written in order. */
    static String cycle(Profile profile) {
        List<String> cycle = ReferenceOrder.of(profile.tables()).cycle();
        if (cycle.isEmpty()) {
            return null;
        }
        return "The references among tables " + String.join(", ", new LinkedHashSet<>(cycle.subList(0,
                cycle.size() - 1))) + " go round in a cycle (" + String.join(" → ", cycle) + "), so no table can"
                + " be written first: take one of these references away.";
    }

    /** The order the tables are written in, parents first, e.g. "material → concrete_mix"; "" with a cycle. */
    static String order(Profile profile) {
        return String.join(" → ", ReferenceOrder.of(profile.tables()).parentsFirst().stream()
                .map(TableMapping::table).toList());
    }

    private static String local(Profile profile, TablePart part, List<String> sheets, String file, String target) {
        if (part.infoProperty().get() == null) {
            return "Table " + part.table() + " is not in the target " + target + "; choose another target, or"
                    + " remove the table from the profile.";
        }
        String sheet = part.sheetProperty().get();
        if (!sheets.isEmpty() && (sheet == null || !sheets.contains(sheet))) {
            return sheet == null ? "Choose the sheet of " + file + " that feeds table " + part.table() + "."
                    : "Sheet '" + sheet + "', which feeds table " + part.table() + ", is not in " + file
                    + "; choose one of its sheets: " + String.join(", ", sheets) + ".";
        }
        List<String> pending = part.pending();
        if (!pending.isEmpty()) {
            String which = pending.size() > 3 ? "" : " ('" + String.join("', '", pending) + "')";
            return pending.size() == 1 ? "Confirm the one suggested mapping still pending" + which + "."
                    : "Confirm the " + pending.size() + " suggested mappings still pending" + which + ".";
        }
        TableMapping mapping = part.toTableMapping();
        TableMapping alone = new TableMapping(mapping.table(), mapping.source(), mapping.columns(), mapping.unpivot(),
                List.of(), mapping.naturalKey(), mapping.commitMode(), mapping.rules(), mapping.legacyId());
        ProfileProblem problem = ProfileValidator.firstProblem(Profile.ofTables(profile.name(),
                profile.nullMarkers(), List.of(alone), List.of()));
        return problem == null ? null : sentence(problem.message());
    }

    /** The part's references checked against the other parts (whose own references are left out). */
    private static String references(Profile profile, int index) {
        List<TableMapping> parts = new ArrayList<>();
        for (int i = 0; i < profile.tables().size(); i++) {
            TableMapping t = profile.tables().get(i);
            parts.add(i == index ? t : new TableMapping(t.table(), t.source(), t.columns(), t.unpivot(), List.of(),
                    t.naturalKey(), t.commitMode(), t.rules(), t.legacyId()));
        }
        ProfileProblem problem = ProfileValidator.firstProblem(Profile.ofTables(profile.name(),
                profile.nullMarkers(), parts, List.of()));
        return problem == null || !problem.pointer().startsWith("/tables/" + index + "/") ? null
                : sentence(problem.message());
    }

    private static String compiles(Profile profile, int index, TablePart part, Map<String, TableInfo> infos) {
        SourceSample sample = part.sample();
        if (sample == null) {
            return null;
        }
        try {
            TableExpansion.compile(profile, profile.tables().get(index), part.sheetProperty().get(),
                    part.headerRow() == null ? 1 : part.headerRow(), sample.columns(),
                    name -> infos.get(TablesSources.key(name)));
            return null;
        } catch (SluiceException e) {
            return e.getMessage();
        }
    }

    /** A validator's message ("table x: ...") as a sentence. */
    private static String sentence(String message) {
        String text = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }
}
