package io.sluice.core.mapping;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.ColumnInfo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MapperTest {

    private static final List<String> HEADERS = List.of("Mix Code", "Cement (kg/m3)", "Age (days)", "Cast Date",
            "Supplier", "Plant");

    private static Profile profile(List<ColumnMapping> columns, List<String> nullMarkers, String legacyId) {
        return new Profile(null, 0, "lab", null, "concrete_mix", columns, nullMarkers, null, null, null, legacyId);
    }

    private static Profile profile(ColumnMapping... columns) {
        return profile(List.of(columns), List.of(), null);
    }

    private static SourceRow row(Cell... cells) {
        return new SourceRow(17, List.of(cells));
    }

    @Test
    void mapsRowToTypedValuesInTableOrder() {
        Mapper mapper = Mapper.compile(profile(
                        ColumnMapping.of("Age (days)", "age_days"),
                        ColumnMapping.of("Cement (kg/m3)", "cement_kg"),
                        ColumnMapping.of("Mix Code", "mix_code"),
                        ColumnMapping.of("Cast Date", "cast_date")),
                HEADERS, ConcreteMixTable.table());

        MappedRow mapped = mapper.map(row(Cell.text("M-001"), Cell.number("350", new BigDecimal("350")),
                Cell.text("28"), Cell.date("31.01.2024", LocalDate.of(2024, 1, 31))));

        assertThat(mapper.targetColumns()).extracting(ColumnInfo::name)
                .containsExactly("mix_code", "cement_kg", "age_days", "cast_date");
        assertThat(mapped.sourceRow()).isEqualTo(17);
        assertThat(mapped.targets()).containsExactly("mix_code", "cement_kg", "age_days", "cast_date");
        assertThat(mapped.get("mix_code")).isEqualTo(new MappedValue("M-001", "M-001", "Mix Code", "A17", null));
        assertThat(mapped.get("CEMENT_KG")).isEqualTo(new MappedValue(new BigDecimal("350"), "350",
                "Cement (kg/m3)", "B17", null));
        assertThat(mapped.get("age_days").value()).isEqualTo(28L);
        assertThat(mapped.get("cast_date").value()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(mapped.get("water_kg")).isNull();
        assertThat(mapped.hasErrors()).isFalse();
    }

    @Test
    void reportsConversionFailuresInTheValueNotAsExceptions() {
        Mapper mapper = Mapper.compile(profile(ColumnMapping.of("Cement (kg/m3)", "cement_kg"),
                ColumnMapping.of("Age (days)", "age_days")), HEADERS, ConcreteMixTable.table());

        MappedRow mapped = mapper.map(row(Cell.text("M-1"), Cell.text("12,5x"), Cell.text("2.5")));

        assertThat(mapped.hasErrors()).isTrue();
        assertThat(mapped.get("cement_kg")).isEqualTo(new MappedValue(null, "12,5x", "Cement (kg/m3)", "B17",
                "'12,5x' is not a number."));
        assertThat(mapped.get("age_days").error()).isEqualTo("'2.5' is not a whole number.");
    }

    @Test
    void startsEachColumnOfARowAfreshAfterAFailedOne() {
        Mapper mapper = Mapper.compile(profile(ColumnMapping.of("Mix Code", "mix_code"),
                ColumnMapping.of("Cement (kg/m3)", "cement_kg"), ColumnMapping.of("Age (days)", "age_days"),
                ColumnMapping.of("Cast Date", "cast_date")), HEADERS, ConcreteMixTable.table());

        MappedRow mapped = mapper.map(row(Cell.number("0042", new BigDecimal("42")), Cell.text("12,5x"),
                Cell.number("28", new BigDecimal("28.0")), Cell.text("2024-01-31")));

        // a number cell in a text column keeps its shown digits; the failed cement value leaves nothing behind
        assertThat(mapped.get("mix_code")).isEqualTo(new MappedValue("0042", "0042", "Mix Code", "A17", null));
        assertThat(mapped.get("cement_kg").error()).isEqualTo("'12,5x' is not a number.");
        assertThat(mapped.get("age_days")).isEqualTo(new MappedValue(28L, "28", "Age (days)", "C17", null));
        assertThat(mapped.get("cast_date")).isEqualTo(new MappedValue(LocalDate.of(2024, 1, 31), "2024-01-31",
                "Cast Date", "D17", null));
        MappedRow next = mapper.map(row(Cell.text("M-2"), Cell.number("-0", new BigDecimal("-0.0")),
                Cell.text(""), Cell.date("31.01.2024", LocalDate.of(2024, 1, 31))));
        assertThat(next.get("cement_kg")).isEqualTo(new MappedValue(new BigDecimal("-0.0"), "-0", "Cement (kg/m3)",
                "B17", null));
        assertThat(next.get("age_days").value()).isNull();
        assertThat(next.get("age_days").error()).isNull();
        assertThat(next.hasErrors()).isFalse();
    }

    @Test
    void matchesSourceHeadersIgnoringCaseAndSpaces() {
        Mapper mapper = Mapper.compile(profile(ColumnMapping.of(" mix code ", "MIX_CODE")), HEADERS,
                ConcreteMixTable.table());

        assertThat(mapper.map(row(Cell.text("M-7"))).get("mix_code").value()).isEqualTo("M-7");
    }

    @Test
    void fillsConstantsWithoutSourceCell() {
        Mapper mapper = Mapper.compile(profile(new ColumnMapping("age_days", null, null, null, "28", null, null,
                null)), HEADERS, ConcreteMixTable.table());

        assertThat(mapper.map(row()).get("age_days")).isEqualTo(new MappedValue(28L, "28", null, null, null));
    }

    @Test
    void concatenatesSeveralSourcesSkippingBlanksAndNullMarkers() {
        Mapper mapper = Mapper.compile(profile(List.of(new ColumnMapping("supplier_code", null,
                        List.of("Supplier", "Plant"), "-", null, List.of(TransformSpec.of("upper")), null, null)),
                List.of("n/a"), null), HEADERS, ConcreteMixTable.table());
        Cell blank = Cell.BLANK;

        MappedValue both = mapper.map(row(blank, blank, blank, blank, Cell.text("nord"), Cell.text("p2"))).get(0);
        MappedValue one = mapper.map(row(blank, blank, blank, blank, Cell.text("nord"), Cell.text("N/A"))).get(0);

        assertThat(both).isEqualTo(new MappedValue("NORD-P2", "NORD-P2", "Supplier + Plant", "E17", null));
        assertThat(one.value()).isEqualTo("NORD");
    }

    @Test
    void rejectsUnknownSourceColumnListingTheFilesColumns() {
        assertThatThrownBy(() -> Mapper.compile(profile(ColumnMapping.of("Cment", "cement_kg")), HEADERS,
                ConcreteMixTable.table()))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.kind()).isEqualTo(SluiceException.Kind.INPUT))
                .hasMessage("Profile 'lab' needs source column 'Cment', which the file does not have (its columns:"
                        + " Mix Code, Cement (kg/m3), Age (days), Cast Date, Supplier, Plant).");
    }

    @Test
    void rejectsUnknownTargetColumnListingTheTablesColumns() {
        assertThatThrownBy(() -> Mapper.compile(profile(ColumnMapping.of("Mix Code", "mix_id")), HEADERS,
                ConcreteMixTable.table()))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.kind()).isEqualTo(SluiceException.Kind.INPUT))
                .hasMessage("Profile 'lab' maps to column 'mix_id', which table concrete_mix does not have (its"
                        + " columns: mix_code, cement_kg, water_kg, fly_ash_kg, slag_kg, coarse_agg_kg, fine_agg_kg,"
                        + " superplasticizer_kg, w_c_ratio, w_b_ratio, age_days, strength_mpa, cast_date,"
                        + " supplier_code).");
    }

    @Test
    void rejectsTargetMappedTwice() {
        assertThatThrownBy(() -> Mapper.compile(profile(ColumnMapping.of("Mix Code", "mix_code"),
                ColumnMapping.of("Supplier", "MIX_CODE")), HEADERS, ConcreteMixTable.table()))
                .isInstanceOf(SluiceException.class).hasMessage("Profile 'lab': column MIX_CODE is mapped twice.");
    }

    @Test
    void rejectsUnknownLegacyIdColumn() {
        assertThatThrownBy(() -> Mapper.compile(profile(List.of(ColumnMapping.of("Mix Code", "mix_code")), null,
                "Old Id"), HEADERS, ConcreteMixTable.table()))
                .hasMessageStartingWith("Profile 'lab' (legacy id) needs source column 'Old Id'");
    }

    @Test
    void rejectsProfileBuiltInCodeWithUnknownTransform() {
        ColumnMapping m = new ColumnMapping("mix_code", "Mix Code", null, null, null,
                List.of(TransformSpec.of("reverse")), null, null);

        assertThatThrownBy(() -> Mapper.compile(profile(m), HEADERS, ConcreteMixTable.table()))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("Profile 'lab': column mix_code: unknown transform op 'reverse'");
    }

    @Test
    void appliesGlobalNullMarkersBeforeTransforms() {
        Mapper mapper = Mapper.compile(profile(List.of(new ColumnMapping("supplier_code", "Supplier", null, null,
                        null, List.of(new TransformSpec("default", null, null, null, null, null, null, null, null,
                        "NORD", null, null)), null, null)), List.of(" n.a. ", "-"), null),
                HEADERS, ConcreteMixTable.table());

        assertThat(mapper.map(row(Cell.BLANK, Cell.BLANK, Cell.BLANK, Cell.BLANK, Cell.text("N.A."))).get(0).value())
                .isEqualTo("NORD");
        assertThat(mapper.map(row(Cell.BLANK, Cell.BLANK, Cell.BLANK, Cell.BLANK, Cell.text("-"))).get(0).value())
                .isEqualTo("NORD");
        assertThat(mapper.map(row(Cell.BLANK, Cell.BLANK, Cell.BLANK, Cell.BLANK, Cell.text("ALPC"))).get(0).value())
                .isEqualTo("ALPC");
    }
}
