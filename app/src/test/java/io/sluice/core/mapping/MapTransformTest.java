package io.sluice.core.mapping;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.sluice.core.mapping.MapOne.map;
import static java.sql.JDBCType.NUMERIC;
import static java.sql.JDBCType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code map} transform: a table of old → new values, matched exactly, and how a profile spells it. */
class MapTransformTest {

    private static final TransformSpec SUPPLIERS = TransformSpec.map(Map.of("NRD", "NORD", "Nordcem", "NORD",
            "n/a", ""));

    @ParameterizedTest(name = "''{0}'' becomes ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            NRD      | NORD
            Nordcem  | NORD
            ALPC     | ALPC
            nrd      | nrd
            ' NRD'   | ' NRD'
            n/a      | ''
            """)
    void replacesValuesThatMatchAKeyExactlyAndPassesTheRest(String input, String expected) {
        MappedValue v = map(VARCHAR, Cell.text(input), SUPPLIERS);

        assertThat(v.error()).isNull();
        assertThat(v.text()).isEqualTo(expected);
    }

    @Test
    void mapsTheDisplayedTextOfANumberCellAndThenConvertsIt() {
        MappedValue v = map(NUMERIC, Cell.number("1,5", new BigDecimal("1.5")), TransformSpec.map(Map.of("1,5",
                "2.5")));

        assertThat(v.error()).isNull();
        assertThat(v.value()).isEqualTo(new BigDecimal("2.5"));
    }

    @Test
    void profileReadsAndWritesTheTableInItsOrder() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("z", "1");
        table.put("a", "2");
        String json = """
                {"format": "sluice-profile", "version": 1, "table": "t", "columns": [{"target": "a", "source": "A",
                 "transforms": [{"op": "map", "map": {"z": "1", "a": "2"}}]}]}""";

        Profile profile = ProfileIO.fromJson(json, "p.json");

        TransformSpec read = profile.columns().get(0).transforms().get(0);
        assertThat(read).isEqualTo(TransformSpec.map(table));
        assertThat(read.map().keySet()).containsExactly("z", "a");
        assertThat(ProfileIO.fromJson(ProfileIO.toJson(profile), "p.json")).isEqualTo(profile);
        assertThat(ProfileIO.toJson(profile)).contains("\"op\" : \"map\"").contains("\"z\" : \"1\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no table         | {"op": "map"}                     | column a: map needs a table of values, e.g. "map": {"NRD": "NORD"}
            empty table      | {"op": "map", "map": {}}          | column a: map needs a table of values
            null new value   | {"op": "map", "map": {"x": null}} | column a: map gives no new value for 'x' (write "" for no value)
            number new value | {"op": "map", "map": {"x": 5}}    | must be
            table as list    | {"op": "map", "map": ["x"]}       | must be
            """)
    void refusesABadMapWithOneSentence(String name, String transform, String expected) {
        String json = "{\"format\": \"sluice-profile\", \"version\": 1, \"table\": \"t\", \"columns\": [{\"target\":"
                + " \"a\", \"source\": \"A\", \"transforms\": [" + transform + "]}]}";

        assertThatThrownBy(() -> ProfileIO.fromJson(json, "mix.json"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.getMessage())
                        .startsWith("mix.json: ").contains(expected).endsWith(".").doesNotContain("\n"));
    }
}
