package io.sluice.core.tables;

import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.mapping.MappedValue;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableExpansionTest {

    private static final List<String> MIXES = List.of("Mix Code", "Cement (kg/m3)", "Water (kg/m3)",
            "Strength 7d (MPa)", "Strength 28d (MPa)", "Supplier");
    private static final long HEADER_ROW = 4;

    private static final String PROFILE = """
            {"format": "sluice-profile", "version": 2, "name": "lab", "nullMarkers": ["n/a"],
             "tables": [
              {"table": "material", "source": {"sheet": "Materials"},
               "columns": [{"target": "name", "source": "Material"}, {"target": "material_class", "source": "Class"}],
               "naturalKey": ["name"], "commitMode": "skip-existing", "legacyId": "Material"},
              {"table": "concrete_mix", "source": {"sheet": "Mixes", "headerRow": 4},
               "columns": [{"target": "mix_code", "source": "Mix Code", "transforms": [{"op": "trim"}]},
                           {"target": "cement_kg", "source": "Cement (kg/m3)"},
                           {"target": "age_days", "constant": "28"}],
               "naturalKey": ["mix_code"], "legacyId": "Mix Code"},
              {"table": "mix_component", "source": {"sheet": "Mixes", "headerRow": 4},
               "columns": [{"target": "mix_id", "source": "Mix Code", "transforms": [{"op": "trim"}]}],
               "unpivot": {"columns": ["Cement (kg/m3)", "Water (kg/m3)"],
                           "header": {"target": "material_id", "transforms": [{"op": "map",
                                      "map": {"Cement (kg/m3)": "Cement", "Water (kg/m3)": "Water"}}]},
                           "value": {"target": "dosage_kg"}},
               "references": [{"column": "mix_id", "table": "concrete_mix"},
                              {"column": "material_id", "table": "material"}],
               "naturalKey": ["mix_id", "material_id"]},
              {"table": "strength_test", "source": {"sheet": "Mixes", "headerRow": 4},
               "columns": [{"target": "mix_id", "source": "Mix Code", "transforms": [{"op": "trim"}]}],
               "unpivot": {"columns": ["Strength 7d (MPa)", "Strength 28d (MPa)"],
                           "header": {"target": "age_days", "transforms": [{"op": "replace", "from": "Strength ([0-9]+)d \\\\(MPa\\\\)", "to": "$1", "regex": true}]},
                           "value": {"target": "strength_mpa"}},
               "references": [{"column": "mix_id", "table": "concrete_mix"}],
               "naturalKey": ["mix_id", "age_days"]}
             ]}
            """;

    private static final Map<String, TableInfo> TABLES = Map.of(
            "concrete_mix", table("concrete_mix", text("mix_code", 20, false), number("cement_kg", 6, 1),
                    integer("age_days", false), generated("id")),
            "material", table("material", generated("id"), text("name", 60, false), text("material_class", 20, false)),
            "mix_component", table("mix_component", generated("id"), integer("mix_id", false),
                    integer("material_id", false), number("dosage_kg", 7, 2)),
            "strength_test", table("strength_test", generated("id"), integer("mix_id", false),
                    integer("age_days", false), number("strength_mpa", 5, 2)));
    private static final Function<String, TableInfo> TARGET = TABLES::get;

    private final Profile profile = ProfileIO.fromJson(PROFILE, "lab.json");

    @Test
    void aPlainTableMakesOneRowKeepingWhereEveryValueCameFrom() {
        TableExpansion mixes = compile("concrete_mix", MIXES);

        List<TargetRow> rows = mixes.expand(mixRow(7, " LAB-0001 ", "350.5", "175.0", "", "", "NORD"));

        assertThat(rows).hasSize(1);
        TargetRow row = rows.get(0);
        assertThat(row.table()).isEqualTo("concrete_mix");
        assertThat(row.sheet()).isEqualTo("Mixes");
        assertThat(row.sourceRow()).isEqualTo(7);
        assertThat(row.legacyId()).isEqualTo(" LAB-0001 ");
        assertThat(row.values().get("mix_code").value()).isEqualTo("LAB-0001");
        assertThat(row.values().get("cement_kg").value()).isEqualTo(new BigDecimal("350.5"));
        assertThat(row.values().get("age_days").value()).isEqualTo(28L);
        assertThat(row.origin("mix_code")).isEqualTo(new ValueOrigin("Mixes", 7, "Mix Code", "A7", " LAB-0001 "));
        assertThat(row.origin("cement_kg")).isEqualTo(new ValueOrigin("Mixes", 7, "Cement (kg/m3)", "B7", "350.5"));
        assertThat(row.origin("age_days")).isEqualTo(new ValueOrigin("Mixes", 7, null, null, "28"));
        assertThat(row.origin("age_days").isConstant()).isTrue();
        assertThat(row.references()).isEmpty();
    }

    @ParameterizedTest(name = "cement ''{0}'', water ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            350.0 | 175.0 | Cement=350.0 at B9, Water=175.0 at C9
                  | 175.0 | Water=175.0 at C9
            350.0 |       | Cement=350.0 at B9
            n/a   | 175.0 | Water=175.0 at C9
            '   ' | 175.0 | Water=175.0 at C9
                  |       | (none)
            ca. 3 | 175.0 | Cement=error at B9, Water=175.0 at C9
            """)
    void anUnpivotMakesOneRowPerCellHoldingAValue(String cement, String water, String expected) {
        TableExpansion components = compile("mix_component", MIXES);

        List<TargetRow> rows = components.expand(mixRow(9, "LAB-0002", cement, water, "", "", "NORD"));

        List<String> made = new ArrayList<>();
        for (TargetRow row : rows) {
            MappedValue dosage = row.values().get("dosage_kg");
            made.add(row.values().get("material_id").value() + "=" + (dosage.hasError() ? "error"
                    : ((BigDecimal) dosage.value()).toPlainString()) + " at " + row.origin("dosage_kg").cell());
        }
        assertThat(made.isEmpty() ? "(none)" : String.join(", ", made)).isEqualTo(expected);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.table()).isEqualTo("mix_component");
            assertThat(row.sourceRow()).isEqualTo(9);
            assertThat(row.values().get("mix_id").value()).isEqualTo("LAB-0002");
        });
    }

    @Test
    void anUnpivotedHeaderComesFromTheHeaderCellAndTheValueFromItsCell() {
        TableExpansion components = compile("mix_component", MIXES);

        TargetRow water = components.expand(mixRow(9, "LAB-0002", "", "175.0", "", "", "NORD")).get(0);

        assertThat(water.origin("material_id")).isEqualTo(new ValueOrigin("Mixes", HEADER_ROW, "Water (kg/m3)",
                "C4", "Water (kg/m3)"));
        assertThat(water.origin("dosage_kg")).isEqualTo(new ValueOrigin("Mixes", 9, "Water (kg/m3)", "C9", "175.0"));
        MappedValue material = water.values().get("material_id");
        assertThat(material.value()).isEqualTo("Water");
        assertThat(material.cell()).isEqualTo("C4");
        assertThat(material.sourceColumn()).isEqualTo("Water (kg/m3)");
        assertThat(water.values().get("dosage_kg").cell()).isEqualTo("C9");
    }

    @Test
    void referenceColumnsHoldTheParentsNaturalKeyTypedAsThatKey() {
        TableExpansion components = compile("mix_component", MIXES);

        TargetRow cement = components.expand(mixRow(9, " LAB-0002", "350", "", "", "", "NORD")).get(0);

        assertThat(cement.values().get("mix_id").value()).isEqualTo("LAB-0002");
        assertThat(cement.values().get("mix_id").hasError()).isFalse();
        assertThat(cement.references()).containsExactly(
                new ParentKey("mix_id", "concrete_mix", "mix_code", "LAB-0002"),
                new ParentKey("material_id", "material", "name", "Cement"));
        assertThat(cement.values().targets()).containsExactly("mix_id", "material_id", "dosage_kg");
    }

    @Test
    void anUnpivotedHeaderMappedToANumberGivesTheAgeOfEachStrength() {
        TableExpansion strengths = compile("strength_test", MIXES);

        List<TargetRow> rows = strengths.expand(mixRow(11, "LAB-0003", "350", "175", "31.25", "45.10", "NORD"));

        assertThat(rows).extracting(r -> r.values().get("age_days").value()).containsExactly(7L, 28L);
        assertThat(rows).extracting(r -> r.values().get("strength_mpa").value())
                .containsExactly(new BigDecimal("31.25"), new BigDecimal("45.10"));
        assertThat(rows).extracting(r -> r.origin("strength_mpa").cell()).containsExactly("D11", "E11");
        assertThat(rows).extracting(r -> r.references().get(0).value()).containsOnly("LAB-0003");
    }

    @Test
    void aMaterialsRowKeepsItsLegacyIdAndSheet() {
        TableExpansion materials = compile("material", List.of("Material", "Class"));

        TargetRow row = materials.expand(new SourceRow(3, List.of(Cell.text("Fly ash"), Cell.text("binder")))).get(0);

        assertThat(row.sheet()).isEqualTo("Materials");
        assertThat(row.legacyId()).isEqualTo("Fly ash");
        assertThat(row.values().get("material_class").value()).isEqualTo("binder");
        assertThat(row.origin("name")).isEqualTo(new ValueOrigin("Materials", 3, "Material", "A3", "Fly ash"));
    }

    @Test
    void anUnpivotedColumnTheSheetLacksIsOneSentenceNamingIt() {
        List<String> withoutWater = List.of("Mix Code", "Cement (kg/m3)", "Supplier");

        assertThatThrownBy(() -> compile("mix_component", withoutWater)).isInstanceOf(SluiceException.class)
                .hasMessage("Profile 'lab', table mix_component (unpivot) needs source column 'Water (kg/m3)', which"
                        + " the sheet does not have (its columns: Mix Code, Cement (kg/m3), Supplier).");
    }

    @Test
    void aReferenceColumnTheTableLacksIsOneSentenceNamingIt() {
        Map<String, TableInfo> tables = new java.util.HashMap<>(TABLES);
        tables.put("mix_component", table("mix_component", generated("id"), integer("mix", false),
                integer("material_id", false), number("dosage_kg", 7, 2)));

        assertThatThrownBy(() -> TableExpansion.compile(profile, part("mix_component"), "Mixes", HEADER_ROW, MIXES,
                tables::get)).isInstanceOf(SluiceException.class)
                .hasMessage("Profile 'lab': reference mix_component.mix_id names a column that table mix_component"
                        + " does not have.");
    }

    @Test
    void aSingleTableMapperRefusesAProfileOntoSeveralTables() {
        assertThatThrownBy(() -> Mapper.compile(profile, MIXES, TABLES.get("concrete_mix")))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Profile 'lab' maps onto several tables (profile version 2), which this step cannot use"
                        + " as the mapping of one table; validate, review, import and export take it as a whole.");
    }

    private TableExpansion compile(String table, List<String> columns) {
        TableMapping part = part(table);
        return TableExpansion.compile(profile, part, part.sheet(), table.equals("material") ? 1 : HEADER_ROW,
                columns, TARGET);
    }

    private TableMapping part(String table) {
        return profile.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static SourceRow mixRow(long number, String... texts) {
        List<Cell> cells = new ArrayList<>();
        for (String text : texts) {
            cells.add(Cell.text(text == null ? "" : text));
        }
        return new SourceRow(number, cells);
    }

    private static TableInfo table(String name, ColumnInfo... columns) {
        return new TableInfo(null, name, List.of(columns), List.of(), List.of(), List.of(), List.of());
    }

    private static ColumnInfo text(String name, int length, boolean nullable) {
        return new ColumnInfo(name, JDBCType.VARCHAR, "VARCHAR", nullable, length, null, null, null, false);
    }

    private static ColumnInfo number(String name, int precision, int scale) {
        return new ColumnInfo(name, JDBCType.NUMERIC, "NUMERIC", false, null, precision, scale, null, false);
    }

    private static ColumnInfo integer(String name, boolean nullable) {
        return new ColumnInfo(name, JDBCType.INTEGER, "INTEGER", nullable, null, null, null, null, false);
    }

    private static ColumnInfo generated(String name) {
        return new ColumnInfo(name, JDBCType.INTEGER, "INTEGER", false, null, null, null, null, true);
    }
}
