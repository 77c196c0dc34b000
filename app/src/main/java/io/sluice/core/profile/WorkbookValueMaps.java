package io.sluice.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.SluiceException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adds the value replacements made on the sheets of a workbook review to a profile onto several tables (version 2),
 * as {@code map} transforms of the column mappings that read the fixed column in the tables its sheet feeds, so that
 * the next workbook validated with the profile gets them on load in every one of those tables. A column some table
 * reads together with other columns (an unpivot, a mapping of several {@code sources}) is not saved at all: a map
 * there would change the other columns too, and saving it for the other tables only would let the tables read one
 * cell two ways. Merging and writing are as {@link ProfileValueMaps} does them.
 */
public final class WorkbookValueMaps {

    private WorkbookValueMaps() {
    }

    /**
     * The replacements made on one sheet.
     *
     * @param sheet   the sheet's name
     * @param tables  the tables the sheet feeds, as the profile names them
     * @param changes the replacements, in the order they were made
     */
    public record SheetChanges(String sheet, List<String> tables, List<ProfileValueMaps.Change> changes) {

        public SheetChanges {
            tables = List.copyOf(tables);
            changes = List.copyOf(changes);
        }
    }

    /**
     * A column whose replacements were saved.
     *
     * @param tables  the tables whose mapping of the column got the map
     * @param entries entries in its map now (the largest, should the tables' maps differ)
     */
    public record Saved(String sheet, String column, List<String> tables, int entries) {

        public Saved {
            tables = List.copyOf(tables);
        }
    }

    /** A column whose replacements were not saved, and why, as a clause ("no column mapping ... reads it"). */
    public record NotSaved(String sheet, String column, String reason) {
    }

    /** What was remembered and what not. */
    public record Outcome(List<Saved> saved, List<NotSaved> notSaved) {

        public Outcome {
            saved = List.copyOf(saved);
            notSaved = List.copyOf(notSaved);
        }
    }

    /** Merges the sheets' replacements into the profile file; writes nothing when none can be saved. */
    public static Outcome remember(Path file, List<SheetChanges> sheets) {
        Profile profile = ProfileIO.read(file);
        if (!profile.mapsSeveralTables()) {
            throw SluiceException.input("Profile " + file + " maps one table; the review of a workbook remembers its"
                    + " fixes in a profile onto several tables (version 2), such as the one it was validated with.");
        }
        List<NotSaved> notSaved = new ArrayList<>();
        // sheet -> column -> changes, for the columns that can be saved
        Map<String, Map<String, List<ProfileValueMaps.Change>>> toSave = new LinkedHashMap<>();
        Map<String, List<String>> tablesOf = new LinkedHashMap<>();
        for (SheetChanges sheet : sheets) {
            List<TableMapping> parts = profile.tables().stream()
                    .filter(t -> sheet.tables().stream().anyMatch(n -> n.equalsIgnoreCase(t.table()))).toList();
            tablesOf.put(sheet.sheet(), sheet.tables());
            Map<String, List<ProfileValueMaps.Change>> byColumn = new LinkedHashMap<>();
            sheet.changes().forEach(c -> byColumn.computeIfAbsent(c.sourceColumn(), k -> new ArrayList<>()).add(c));
            byColumn.forEach((column, changes) -> {
                String reason = parts.isEmpty()
                        ? "the profile maps none of the tables sheet " + sheet.sheet() + " feeds ("
                                + String.join(", ", sheet.tables()) + ")"
                        : whyNot(parts, sheet.sheet(), column);
                if (reason == null) {
                    toSave.computeIfAbsent(sheet.sheet(), s -> new LinkedHashMap<>()).put(column, changes);
                } else {
                    notSaved.add(new NotSaved(sheet.sheet(), column, reason));
                }
            });
        }
        if (toSave.isEmpty()) {
            return new Outcome(List.of(), notSaved);
        }
        JsonNode tree = ProfileValueMaps.tree(file);
        Map<String, Saved> saved = new LinkedHashMap<>();
        toSave.forEach((sheet, columns) -> columns.forEach((column, changes) -> {
            List<String> tables = new ArrayList<>();
            int entries = 0;
            for (JsonNode part : tree.path("tables")) {
                String table = part.path("table").asText("");
                if (tablesOf.get(sheet).stream().noneMatch(table::equalsIgnoreCase)) {
                    continue;
                }
                for (JsonNode mapping : part.path("columns")) {
                    JsonNode source = mapping.get("source");
                    if (source != null && source.isTextual() && same(source.asText(), column)) {
                        entries = Math.max(entries, ProfileValueMaps.merge((ObjectNode) mapping, changes));
                        tables.add(table);
                    }
                }
            }
            saved.put(sheet + "\n" + column, new Saved(sheet, column, tables, entries));
        }));
        ProfileValueMaps.write(file, ProfileValueMaps.checked(tree, file));
        return new Outcome(List.copyOf(saved.values()), notSaved);
    }

    /** Why a column of the sheet cannot get a map in these parts, or null when it can. */
    private static String whyNot(List<TableMapping> parts, String sheet, String column) {
        boolean alone = false;
        for (TableMapping part : parts) {
            if (part.unpivot() != null && part.unpivot().columns().stream().anyMatch(c -> same(c, column))) {
                return "the unpivot of table " + part.table() + " reads it with other columns, where a map would"
                        + " change them all, and the other tables must read the cell as it does";
            }
            for (ColumnMapping mapping : part.columns()) {
                if (mapping.source() != null) {
                    alone |= same(mapping.source(), column);
                } else if (mapping.sources().stream().anyMatch(c -> same(c, column))) {
                    return "table " + part.table() + " joins it with other columns into " + mapping.target()
                            + ", where a map would change them all, and the other tables must read the cell as it"
                            + " does";
                }
            }
        }
        return alone ? null : "no column mapping of the tables sheet " + sheet + " feeds reads it";
    }

    /** A header as the workbook reading matches it: spaces at the ends and case ignored. */
    private static boolean same(String header, String column) {
        return header.strip().toLowerCase(Locale.ROOT).equals(column.strip().toLowerCase(Locale.ROOT));
    }
}
