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

/** Remembering value replacements in a profile file: merge, chains, the rest of the file untouched, refusals. */
class ProfileValueMapsTest {

    /** As Sluice writes profiles. */
    private static final String PROFILE = """
            {
              "format" : "sluice-profile",
              "version" : 1,
              "name" : "mix",
              "table" : "concrete_mix",
              "columns" : [
                {
                  "target" : "supplier_code",
                  "source" : "Supplier",
                  "transforms" : [
                    {
                      "op" : "trim"
                    },
                    {
                      "op" : "map",
                      "map" : {
                        "Nordcem" : "NRD",
                        "ALP" : "ALPC"
                      }
                    }
                  ]
                },
                {
                  "target" : "mix_code",
                  "source" : "Mix Code"
                },
                {
                  "target" : "remarks",
                  "sources" : [
                    "Remark",
                    "Note"
                  ]
                }
              ],
              "rules" : [
                {
                  "type" : "expression",
                  "expression" : "water_kg / cement_kg",
                  "min" : 0.25,
                  "max" : 0.80
                }
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void extendsAnExistingMapFollowingChainsAndLeavesTheRestAsItWas() throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), PROFILE, StandardCharsets.UTF_8);

        ProfileValueMaps.Outcome outcome = ProfileValueMaps.remember(file, List.of(
                new ProfileValueMaps.Change("Supplier", "NRD", "NORD"),
                new ProfileValueMaps.Change("Supplier", "ALP", "ALPS"),
                new ProfileValueMaps.Change("Supplier", "ALPS", "ALPC")));

        assertThat(outcome.columns()).containsExactly("Supplier");
        assertThat(outcome.entries()).isEqualTo(4);
        String entries = "\n            ";
        String expected = PROFILE.replace("\"Nordcem\" : \"NRD\"," + entries + "\"ALP\" : \"ALPC\"\n",
                "\"Nordcem\" : \"NORD\"," + entries + "\"ALP\" : \"ALPC\"," + entries + "\"NRD\" : \"NORD\","
                        + entries + "\"ALPS\" : \"ALPC\"\n");
        assertThat(expected).isNotEqualTo(PROFILE);
        assertThat(Files.readString(file)).isEqualTo(expected);
    }

    @Test
    void addsTheMapAsTheFirstTransformOfAColumnWithoutOne() throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), PROFILE, StandardCharsets.UTF_8);

        ProfileValueMaps.remember(file, List.of(new ProfileValueMaps.Change("Mix Code", "m-1", "M-1")));

        ColumnMapping mix = ProfileIO.read(file).columns().get(1);
        assertThat(mix.transforms()).containsExactly(TransformSpec.map(Map.of("m-1", "M-1")));
    }

    @Test
    void namesColumnsNoMappingReadsAloneAndWritesNothingForThem() throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), PROFILE, StandardCharsets.UTF_8);

        ProfileValueMaps.Outcome outcome = ProfileValueMaps.remember(file, List.of(
                new ProfileValueMaps.Change("Remark", "x", "y"), new ProfileValueMaps.Change("Gone", "a", "b")));

        assertThat(outcome.columns()).isEmpty();
        assertThat(outcome.unmapped()).containsExactly("Remark", "Gone");
        assertThat(Files.readString(file)).isEqualTo(PROFILE);
    }

    @Test
    void aReplacementBackToTheOriginalLeavesNoEntry() throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), PROFILE, StandardCharsets.UTF_8);

        ProfileValueMaps.remember(file, List.of(new ProfileValueMaps.Change("Mix Code", "A", "B"),
                new ProfileValueMaps.Change("Mix Code", "B", "A")));

        assertThat(ProfileIO.read(file).columns().get(1).transforms())
                .containsExactly(TransformSpec.map(Map.of("B", "A")));
    }

    @Test
    void aBrokenProfileIsRefusedAndLeftAlone() throws IOException {
        Path file = Files.writeString(dir.resolve("p.json"), "{ not json", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ProfileValueMaps.remember(file, List.of(
                new ProfileValueMaps.Change("Supplier", "NRD", "NORD"))))
                .isInstanceOf(SluiceException.class).hasMessageStartingWith("p.json: ");
        assertThat(Files.readString(file)).isEqualTo("{ not json");
        assertThat(Files.list(dir)).containsExactly(file);
    }
}
