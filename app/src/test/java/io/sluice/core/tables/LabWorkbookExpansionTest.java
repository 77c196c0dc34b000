package io.sluice.core.tables;

import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.testing.TestDatabases.Database;
import io.sluice.testing.TestDatabases.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed lab workbook and its profile, expanded part by part against the sample schema as migrated: every
 * table gets its rows, every planted fault of sample-data/README.md is there to be found.
 */
class LabWorkbookExpansionTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final Path WORKBOOK = SAMPLES.resolve("ds4-lab-workbook.xlsx");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theLabWorkbookExpandsIntoEveryTableWithItsPlantedFaults(Engine engine) {
        Profile profile = ProfileIO.read(SAMPLES.resolve("profiles").resolve("ds4-lab.profile.json"));
        Database db = engine.fresh();
        SampleSchema.install(db.url(), db.user(), db.password());
        Map<String, List<TargetRow>> rows = new LinkedHashMap<>();
        try (TargetDatabase target = TargetDatabase.open(db.url(), db.user(), db.password())) {
            for (TableMapping part : profile.tables()) {
                rows.put(part.table(), expandAll(profile, part, target));
            }
        }

        assertThat(rows.get("material")).hasSize(7);
        assertThat(rows.get("supplier")).hasSize(6);
        assertThat(rows.get("concrete_mix")).hasSize(40)
                .allSatisfy(row -> assertThat(row.values().hasErrors()).isFalse());
        assertThat(rows.get("strength_test")).hasSize(40 + 32);
        assertThat(rows.get("mix_component")).hasSizeGreaterThan(40 * 5)
                .allSatisfy(row -> assertThat(row.references()).hasSize(2));

        // unknown material: the Materials sheet spells fly ash otherwise than the Mixes header maps it
        List<Object> materialNames = rows.get("material").stream().map(r -> r.values().get("name").value()).toList();
        assertThat(materialNames).contains("Fly-ash").doesNotContain("Fly ash");
        List<TargetRow> flyAsh = rows.get("mix_component").stream()
                .filter(r -> "Fly ash".equals(r.references().get(1).value())).toList();
        assertThat(flyAsh).isNotEmpty().allSatisfy(row ->
                assertThat(row.origin("material_id")).isEqualTo(new ValueOrigin("Mixes", 1, "Fly Ash (kg/m3)", "F1",
                        "Fly Ash (kg/m3)")));
        // component dosage out of range, pointing at its cell
        TargetRow tooMuch = only(rows.get("mix_component"), r -> r.sourceRow() == 13
                && "Coarse aggregate".equals(r.references().get(1).value()));
        assertThat((BigDecimal) tooMuch.values().get("dosage_kg").value()).isEqualByComparingTo("8989.0");
        assertThat(tooMuch.origin("dosage_kg").cell()).isEqualTo("H13");
        // a supplier the target lacks, brought by the Suppliers sheet of the same workbook
        TargetRow holcim = only(rows.get("concrete_mix"), r -> r.sourceRow() == 24);
        assertThat(holcim.references()).extracting(ParentKey::value).containsExactly("HOLC");
        assertThat(rows.get("supplier")).extracting(r -> r.values().get("supplier_code").value()).contains("HOLC");
        // a duplicate component: two cement columns on one row
        List<TargetRow> row32 = rows.get("mix_component").stream().filter(r -> r.sourceRow() == 32
                && "Cement".equals(r.references().get(1).value())).toList();
        assertThat(row32).hasSize(2).extracting(r -> r.origin("dosage_kg").column())
                .containsExactly("Cement (kg/m3)", "Cement added on site (kg/m3)");
        assertThat(row32).extracting(r -> r.references().get(0).value()).containsOnly("LAB-0031");
    }

    private static List<TargetRow> expandAll(Profile profile, TableMapping part, TargetDatabase target) {
        List<TargetRow> rows = new ArrayList<>();
        SourceOptions options = SourceOptions.DEFAULTS.withSheet(part.sheet()).withHeaderRow(1);
        try (SourceTable sheet = Sources.open(WORKBOOK, options)) {
            TableExpansion expansion = TableExpansion.compile(profile, part, sheet, target::table);
            for (SourceRow row = sheet.next(); row != null; row = sheet.next()) {
                rows.addAll(expansion.expand(row));
            }
        }
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.table().toLowerCase(Locale.ROOT)).isEqualTo(part.table());
            assertThat(row.sheet()).isEqualTo(part.sheet());
        });
        return rows;
    }

    private static TargetRow only(List<TargetRow> rows, java.util.function.Predicate<TargetRow> which) {
        List<TargetRow> found = rows.stream().filter(which).filter(Objects::nonNull).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
