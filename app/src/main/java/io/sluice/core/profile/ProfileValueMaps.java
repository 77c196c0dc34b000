package io.sluice.core.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.SluiceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds value replacements to a profile file as {@code map} transforms of the columns whose source they are about, so
 * that the next file loaded with the profile gets them on load. A column's first {@code map} transform is extended
 * (a later replacement of the same value wins; one that changes a value a map already produces is chained, so that
 * A → B then B → C maps A to C); a column without one gets it as its first transform, applied to the cell's text as
 * read, as a review's fix was. Everything else in the file keeps its content and order (numbers as written, 0.80
 * stays 0.80), laid out as {@link ProfileIO} writes profiles; the file is replaced atomically, so a crash leaves the
 * old profile or the new one, never half of it.
 */
public final class ProfileValueMaps {

    private ProfileValueMaps() {
    }

    /**
     * One replacement to remember.
     *
     * @param sourceColumn the source column's header, as a mapping's {@code source} names it
     * @param from         the value as read
     * @param to           the value it becomes
     */
    public record Change(String sourceColumn, String from, String to) {
    }

    /**
     * What was remembered.
     *
     * @param columns  source columns whose map was added or extended
     * @param entries  entries in those maps now
     * @param unmapped source columns no mapping of the profile reads alone, so nothing was remembered for them
     */
    public record Outcome(List<String> columns, int entries, List<String> unmapped) {
    }

    /** Merges {@code changes}, in their order, into the profile file; writes nothing when there are none. */
    public static Outcome remember(Path file, List<Change> changes) {
        Profile profile = ProfileIO.read(file);
        if (profile.mapsSeveralTables()) {
            throw SluiceException.input("Profile " + file + " maps a workbook onto several tables; the review of one"
                    + " sheet remembers its fixes in a profile onto one table (version 1).");
        }
        Map<String, List<Change>> byColumn = new LinkedHashMap<>();
        for (Change change : changes) {
            byColumn.computeIfAbsent(change.sourceColumn(), c -> new ArrayList<>()).add(change);
        }
        Set<String> mapped = new LinkedHashSet<>();
        profile.columns().forEach(m -> {
            if (m.source() != null && byColumn.containsKey(m.source())) {
                mapped.add(m.source());
            }
        });
        List<String> unmapped = byColumn.keySet().stream().filter(c -> !mapped.contains(c)).toList();
        if (mapped.isEmpty()) {
            return new Outcome(List.of(), 0, unmapped);
        }
        JsonNode tree = tree(file);
        int entries = 0;
        for (JsonNode column : tree.path("columns")) {
            JsonNode source = column.get("source");
            if (source != null && source.isTextual() && byColumn.containsKey(source.asText())) {
                entries += merge((ObjectNode) column, byColumn.get(source.asText()));
            }
        }
        write(file, checked(tree, file));
        return new Outcome(List.copyOf(mapped), entries, unmapped);
    }

    /** Extends (or adds) the mapping's map transform; returns its number of entries now. */
    static int merge(ObjectNode mapping, List<Change> changes) {
        ArrayNode transforms = mapping.has("transforms") ? (ArrayNode) mapping.get("transforms")
                : mapping.putArray("transforms");
        ObjectNode map = null;
        for (JsonNode transform : transforms) {
            if ("map".equals(transform.path("op").asText(null))) {
                map = (ObjectNode) transform;
                break;
            }
        }
        Map<String, String> table = new LinkedHashMap<>();
        if (map != null) {
            map.path("map").fields().forEachRemaining(e -> table.put(e.getKey(), e.getValue().asText()));
        }
        for (Change change : changes) {
            table.replaceAll((from, to) -> to.equals(change.from()) ? change.to() : to);
            table.put(change.from(), change.to());
        }
        table.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        if (table.isEmpty()) {
            if (map != null) {
                removeFirst(transforms, map);
            }
            return 0;
        }
        if (map == null) {
            map = transforms.insertObject(0);
            map.put("op", "map");
        }
        ObjectNode values = map.putObject("map");
        table.forEach(values::put);
        return table.size();
    }

    /** The edited tree as the file's new text, refused unless it reads back as a valid profile. */
    static String checked(JsonNode tree, Path file) {
        String json = ProfileIO.pretty(tree);
        ProfileIO.fromJson(json, file.getFileName() == null ? file.toString() : file.getFileName().toString());
        return json;
    }

    /** The profile file's JSON tree, field order kept. */
    static JsonNode tree(Path file) {
        try {
            return ProfileIO.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw SluiceException.input("Profile " + file + " cannot be read: " + e.getMessage() + ".", e);
        }
    }

    private static void removeFirst(ArrayNode transforms, JsonNode node) {
        for (Iterator<JsonNode> it = transforms.iterator(); it.hasNext(); ) {
            if (it.next() == node) {
                it.remove();
                return;
            }
        }
    }

    static void write(Path file, String json) {
        ProfileIO.writeWhole(file, json);
    }
}
