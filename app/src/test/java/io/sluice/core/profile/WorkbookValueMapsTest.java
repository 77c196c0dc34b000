package io.sluice.core.profile;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Remembering a workbook review's replacements in a profile onto several tables: every table a sheet feeds gets the
 * map of a column it reads alone; a column an unpivot or a joined mapping reads is not saved for any table.
 */
class WorkbookValueMapsTest {

    /** Two tables fed by one sheet, one by another; the second Mixes table unpivots and joins columns. */
    private static final String PROFILE = """
            {
              "format" : "sluice-profile",
              "version" : 2,
              "name" : "lab",
              "tables" : [
                {
                  "table" : "material",
                  "source" : { "sheet" : "Materials", "headerRow" : 1 },
                  "columns" : [
                    { "target" : "name", "source" : "Material", "transforms" : [ { "op" : "trim" } ] }
                  ],
                  "naturalKey" : [ "name" ]
                },
                {
                  "table" : "concrete_mix",
                  "source" : { "sheet" : "Mixes", "headerRow" : 1 },
                  "columns" : [
                    { "target" : "mix_code", "source" : " mix code ",
                      "transforms" : [ { "op" : "map", "map" : { "LAB-1" : "LAB-0001" } } ] },
                    { "target" : "cement_kg", "source" : "Cement" },
                    { "target" : "remarks", "source" : "Remark" }
                  ],
                  "naturalKey" : [ "mix_code" ]
                },
                {
                  "table" : "mix_component",
                  "source" : { "sheet" : "Mixes", "headerRow" : 1 },
                  "columns" : [
                    { "target" : "mix_id", "source" : "Mix Code" },
                    { "target" : "note", "sources" : [ "Remark", "Lab" ] }
                  ],
                  "unpivot" : { "columns" : [ "Cement", "Water" ], "value" : { "target" : "dosage_kg" } },
                  "references" : [ { "column" : "mix_id", "table" : "concrete_mix" } ],
                  "naturalKey" : [ "mix_id", "note" ]
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    private Path write() throws IOException {
        return Files.writeString(dir.resolve("lab.json"), PROFILE, StandardCharsets.UTF_8);
    }

    private static ProfileValueMaps.Change change(String column, String from, String to) {
        return new ProfileValueMaps.Change(column, from, to);
    }

    @Test
    void aColumnReadAloneGetsItsMapInEveryTableOfItsSheetAndChainsWithTheMapThere() throws IOException {
        Path file = write();

        WorkbookValueMaps.Outcome outcome = WorkbookValueMaps.remember(file, List.of(
                new WorkbookValueMaps.SheetChanges("Mixes", List.of("concrete_mix", "mix_component"),
                        List.of(change("Mix Code", "LAB-0001", "LAB-0001A"), change("Mix Code", "lab 2", "LAB-0002"))),
                new WorkbookValueMaps.SheetChanges("Materials", List.of("material"),
                        List.of(change("Material", "Fly-ash", "Fly ash")))));

        assertThat(outcome.saved()).containsExactly(
                new WorkbookValueMaps.Saved("Mixes", "Mix Code", List.of("concrete_mix", "mix_component"), 3),
                new WorkbookValueMaps.Saved("Materials", "Material", List.of("material"), 1));
        assertThat(outcome.notSaved()).isEmpty();
        Profile profile = ProfileIO.read(file);
        // the map already there is extended and followed: LAB-1 -> LAB-0001 -> LAB-0001A
        assertThat(mapOf(profile, "concrete_mix", "mix_code")).containsExactly(Map.entry("LAB-1", "LAB-0001A"),
                Map.entry("LAB-0001", "LAB-0001A"), Map.entry("lab 2", "LAB-0002"));
        assertThat(mapOf(profile, "mix_component", "mix_id")).containsExactly(Map.entry("LAB-0001", "LAB-0001A"),
                Map.entry("lab 2", "LAB-0002"));
        assertThat(mapOf(profile, "material", "name")).containsExactly(Map.entry("Fly-ash", "Fly ash"));
        assertThat(profile.tables().get(0).columns().get(0).transforms().get(0).op()).isEqualTo("map");
        assertThat(profile.tables().get(0).columns().get(0).transforms().get(1).op()).isEqualTo("trim");
    }

    @Test
    void aColumnAnUnpivotOrAJoinedMappingReadsIsSavedForNoTable() throws IOException {
        Path file = write();
        String before = Files.readString(file);

        WorkbookValueMaps.Outcome outcome = WorkbookValueMaps.remember(file, List.of(
                new WorkbookValueMaps.SheetChanges("Mixes", List.of("concrete_mix", "mix_component"),
                        List.of(change("Cement", "n/a", ""), change("Remark", "-", ""), change("Slump", "x", "y"))),
                new WorkbookValueMaps.SheetChanges("Suppliers", List.of("supplier"),
                        List.of(change("Code", "HOLX", "HOLC")))));

        assertThat(outcome.saved()).isEmpty();
        assertThat(outcome.notSaved()).extracting(n -> n.sheet() + "/" + n.column() + ": " + n.reason())
                .containsExactly(
                        "Mixes/Cement: the unpivot of table mix_component reads it with other columns, where a map"
                                + " would change them all, and the other tables must read the cell as it does",
                        "Mixes/Remark: table mix_component joins it with other columns into note, where a map would"
                                + " change them all, and the other tables must read the cell as it does",
                        "Mixes/Slump: no column mapping of the tables sheet Mixes feeds reads it",
                        "Suppliers/Code: the profile maps none of the tables sheet Suppliers feeds (supplier)");
        assertThat(Files.readString(file)).as("nothing to save, nothing written").isEqualTo(before);
    }

    @Test
    void aProfileOntoOneTableIsRefusedInOneSentence() throws IOException {
        Path file = Files.writeString(dir.resolve("one.json"), """
                { "format" : "sluice-profile", "version" : 1, "name" : "one", "table" : "material",
                  "columns" : [ { "target" : "name", "source" : "Material" } ] }
                """, StandardCharsets.UTF_8);
        String before = Files.readString(file);

        assertThatThrownBy(() -> WorkbookValueMaps.remember(file, List.of(new WorkbookValueMaps.SheetChanges(
                "Materials", List.of("material"), List.of(change("Material", "a", "b"))))))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Profile " + file + " maps one table; the review of a workbook remembers its fixes in a"
                        + " profile onto several tables (version 2), such as the one it was validated with.");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    private static Map<String, String> mapOf(Profile profile, String table, String target) {
        return profile.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow().columns()
                .stream().filter(c -> c.target().equals(target)).findFirst().orElseThrow().transforms().stream()
                .filter(t -> "map".equals(t.op())).findFirst().orElseThrow().map();
    }
}
