package io.sluice.core.profile;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TablesProfileTest {

    /** Materials, mixes and their components unpivoted from the material columns of the Mixes sheet. */
    static final String LAB = """
            {"format": "sluice-profile", "version": 2, "name": "lab", "nullMarkers": ["n/a"],
             "tables": [
              {"table": "material", "source": {"sheet": "Materials"},
               "columns": [{"target": "name", "source": "Material"}, {"target": "material_class", "source": "Class"}],
               "naturalKey": ["name"], "commitMode": "skip-existing"},
              {"table": "concrete_mix", "source": {"sheet": "Mixes"},
               "columns": [{"target": "mix_code", "source": "Mix Code", "transforms": [{"op": "trim"}]}],
               "naturalKey": ["mix_code"], "commitMode": "insert"},
              {"table": "mix_component", "source": {"sheet": "Mixes"},
               "columns": [{"target": "mix_id", "source": "Mix Code", "transforms": [{"op": "trim"}]}],
               "unpivot": {"columns": ["Cement (kg/m3)", "Water (kg/m3)"], "value": {"target": "dosage_kg"},
                           "header": {"target": "material_id", "transforms": [{"op": "map",
                                      "map": {"Cement (kg/m3)": "Cement", "Water (kg/m3)": "Water"}}]}},
               "references": [{"column": "mix_id", "table": "concrete_mix"},
                              {"column": "material_id", "table": "material", "key": ["name"]}],
               "naturalKey": ["mix_id", "material_id"], "commitMode": "upsert"}
             ]}
            """;

    @Test
    void readsAVersionTwoProfileWithItsTablesUnpivotAndReferences() {
        Profile profile = ProfileIO.fromJson(LAB, "lab.json");

        assertThat(profile.version()).isEqualTo(Profile.TABLES_VERSION);
        assertThat(profile.mapsSeveralTables()).isTrue();
        assertThat(profile.table()).isNull();
        assertThat(profile.commitMode()).isNull();
        assertThat(profile.tables()).extracting(TableMapping::table)
                .containsExactly("material", "concrete_mix", "mix_component");
        TableMapping components = profile.tables().get(2);
        assertThat(components.sheet()).isEqualTo("Mixes");
        assertThat(components.unpivot().columns()).containsExactly("Cement (kg/m3)", "Water (kg/m3)");
        assertThat(components.unpivot().header().target()).isEqualTo("material_id");
        assertThat(components.unpivot().value()).isEqualTo(UnpivotTarget.of("dosage_kg"));
        assertThat(components.references()).containsExactly(
                new TableReference("mix_id", "concrete_mix", List.of()),
                new TableReference("material_id", "material", List.of("name")));
        assertThat(components.targetColumns()).containsExactly("mix_id", "material_id", "dosage_kg");
        assertThat(components.commitMode()).isEqualTo("upsert");
        assertThat(profile.tables().get(1).commitMode()).isEqualTo("insert");
    }

    @Test
    void writesAVersionTwoProfileThatReadsBackEqualWithoutSingleTableFields() {
        Profile profile = ProfileIO.fromJson(LAB, "lab.json");

        String json = ProfileIO.toJson(profile);

        assertThat(json).startsWith("{\n  \"format\" : \"sluice-profile\",\n  \"version\" : 2,\n")
                .doesNotContain("\"table\" : null").doesNotContain("\"columns\" : [ ],");
        assertThat(json.substring(0, json.indexOf("\"tables\""))).doesNotContain("commitMode", "naturalKey");
        assertThat(ProfileIO.fromJson(json, "again.json")).isEqualTo(profile);
        assertThat(ProfileIO.sha256(ProfileIO.fromJson(json, "again.json"))).isEqualTo(ProfileIO.sha256(profile));
    }

    @Test
    void aVersionOneProfileIsWrittenWithoutTables() {
        Profile single = new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, "one", null, "concrete_mix",
                List.of(ColumnMapping.of("Mix Code", "mix_code")), null, null, List.of("mix_code"), "insert", null);

        assertThat(ProfileIO.toJson(single)).doesNotContain("tables").contains("\"version\" : 1,");
        assertThat(single.mapsSeveralTables()).isFalse();
    }

    @Test
    void aPartIsASingleTableProfileWithTheSharedNullMarkers() {
        Profile profile = ProfileIO.fromJson(LAB, "lab.json");

        Profile part = profile.tablePart(profile.tables().get(0));

        assertThat(part.version()).isEqualTo(Profile.CURRENT_VERSION);
        assertThat(part.name()).isEqualTo("lab / material");
        assertThat(part.table()).isEqualTo("material");
        assertThat(part.source().sheet()).isEqualTo("Materials");
        assertThat(part.nullMarkers()).containsExactly("n/a");
        assertThat(part.naturalKey()).containsExactly("name");
        assertThat(part.commitMode()).isEqualTo("skip-existing");
        assertThat(ProfileValidator.firstProblem(part)).isNull();
    }

    @Test
    void ordersThePartsParentsFirstWhateverTheirOrderInTheProfile() {
        List<TableMapping> parts = ProfileIO.fromJson(LAB, "lab.json").tables();

        assertThat(ReferenceOrder.of(List.of(parts.get(2), parts.get(0), parts.get(1))).parentsFirst())
                .extracting(TableMapping::table).containsExactly("concrete_mix", "material", "mix_component");
        assertThat(ReferenceOrder.of(parts).parentsFirst()).extracting(TableMapping::table)
                .containsExactly("material", "concrete_mix", "mix_component");
        assertThat(ReferenceOrder.of(parts).cycle()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            reference to a table not in the profile | {"column": "mix_id", "table": "concrete_mix"} | {"column": "mix_id", "table": "concrete_mixes"} | | | reference mix_component.mix_id names table concrete_mixes, which the profile does not map (its tables: concrete_mix, material, mix_component)
            unpivot without columns | "columns": ["Cement (kg/m3)", "Water (kg/m3)"] | "columns": [] | | | table mix_component: the unpivot lists no source columns to turn into rows
            unpivot column twice | "columns": ["Cement (kg/m3)", "Water (kg/m3)"] | "columns": ["Cement (kg/m3)", "cement (kg/m3) "] | | | the unpivot lists source column 'cement (kg/m3) ' twice
            unpivot cell without target | "value": {"target": "dosage_kg"}, | | | | table mix_component: the unpivot says where a column's header goes but not where its cell goes
            unpivot target mapped twice | {"target": "dosage_kg"} | {"target": "mix_id"} | | | table mix_component, column mix_id is mapped twice
            natural key column not mapped | "naturalKey": ["mix_code"] | "naturalKey": ["code"] | | | table concrete_mix: natural key column code is not mapped, so no row would have a key (mapped: mix_code)
            no natural key | "naturalKey": ["mix_code"], | | | | table concrete_mix names no natural key
            cycle of two tables | "naturalKey": ["name"], | "references": [{"column": "name", "table": "concrete_mix"}], "naturalKey": ["name"], | "naturalKey": ["mix_code"] | "references": [{"column": "mix_code", "table": "material"}], "naturalKey": ["mix_code"] | the references among tables concrete_mix, material go round in a cycle (material → concrete_mix → material), so no table can be written first
            a table referencing itself | "naturalKey": ["name"], | "references": [{"column": "name", "table": "material"}], "naturalKey": ["name"], | | | go round in a cycle (material → material)
            reference column not mapped | {"column": "mix_id", "table": "concrete_mix"} | {"column": "mix_no", "table": "concrete_mix"} | | | reference mix_component.mix_no: column mix_no is not mapped, so it would hold no key to look up
            reference through another column | "key": ["name"] | "key": ["material_class"] | | | reference mix_component.material_id goes through material.material_class, which is not that table's natural key (name)
            reference through a key of two columns | {"column": "mix_id", "table": "concrete_mix"} | {"column": "mix_id", "table": "mix_component"} | | | goes through 2 key columns of mix_component (mix_id, material_id); a reference is looked up through one natural-key column
            table mapped twice | "table": "concrete_mix", "source" | "table": "material", "source" | | | table material is mapped twice; map it in one part
            single-table field at the top | "name": "lab", | "name": "lab", "table": "concrete_mix", | | | "table" belongs inside a table of "tables" in a version-2 profile, not at its top
            tables in a version-1 profile | "version": 2 | "version": 1 | | | "tables" belongs to a version-2 profile, but this one is version 1
            unknown commit mode | "commitMode": "upsert" | "commitMode": "merge" | | | table mix_component: unknown commit mode 'merge' (known: insert, upsert, skip-existing)
            unknown transform in an unpivot header | {"op": "map", | {"op": "mapp", | | | table mix_component, unpivot header material_id: unknown transform op 'mapp'
            unknown field in an unpivot | "value": {"target": "dosage_kg"} | "value": {"target": "dosage_kg", "sorce": "x"} | | | unknown field "sorce" in an unpivot's header or value
            unknown field in a reference | "key": ["name"] | "key": ["name"], "by": "x" | | | unknown field "by" in a reference
            unknown field in a table | "commitMode": "upsert" | "commitMode": "upsert", "sheet": "Mixes" | | | unknown field "sheet" in a table of "tables"
            rule of a part checked | "naturalKey": ["mix_code"] | "naturalKey": ["mix_code"], "rules": [{"type": "range", "column": "mix_code"}] | | | table concrete_mix, range rule needs min or max
            """)
    void refusesAVersionTwoProfileInOneSentenceNamingTheProblem(String name, String find, String replace,
                                                              String find2, String replace2, String message) {
        String json = LAB.replace(find, replace == null ? "" : replace);
        if (find2 != null) {
            json = json.replace(find2, replace2);
        }
        assertThat(json).isNotEqualTo(LAB);
        String profile = json;

        assertThatThrownBy(() -> ProfileIO.fromJson(profile, "lab.json")).isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("lab.json: ").hasMessageContaining(message).hasMessageEndingWith(".");
    }

    @Test
    void aVersionTwoProfileWithNoTablesNeedsThem() {
        String json = "{\"format\": \"sluice-profile\", \"version\": 2, \"name\": \"x\"}";

        assertThatThrownBy(() -> ProfileIO.fromJson(json, "x.json")).isInstanceOf(SluiceException.class)
                .hasMessage("x.json: a version-2 profile needs \"tables\", one part per target table (line 1,"
                        + " column 1).");
    }
}
