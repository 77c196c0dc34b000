package io.sluice.core.mapping;

import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A mapped row read through its arrays ({@code value(i)}, {@code text(i)}, {@code error(i)}), as the rules read it,
 * says exactly what its {@link MappedValue}s say: every digit and scale, the text as the file wrote it, the error.
 */
class MappedRowTest {

    private static final List<String> HEADERS = List.of("Mix Code", "Cement", "Water", "Age", "Cast Date",
            "Supplier");

    private static Mapper mapper() {
        Profile profile = new Profile(null, 0, "lab", null, "concrete_mix", List.of(
                ColumnMapping.of("Mix Code", "mix_code"),
                ColumnMapping.of("Cement", "cement_kg"),
                ColumnMapping.of("Water", "water_kg"),
                ColumnMapping.of("Age", "age_days"),
                ColumnMapping.of("Cast Date", "cast_date"),
                new ColumnMapping("supplier_code", null, null, null, "S-01", null, null, null)),
                List.of("n/a"), null, null, null, null);
        return Mapper.compile(profile, HEADERS, ConcreteMixTable.table());
    }

    private static MappedRow map(String code, String cement, String water, String age, String date) {
        return mapper().map(new SourceRow(9, List.of(Cell.text(code), Cell.text(cement), Cell.text(water),
                Cell.text(age), Cell.text(date), Cell.text("ignored"))));
    }

    /** Every slot read through the arrays equals the same slot's MappedValue. */
    private static void assertArraysAgree(MappedRow row) {
        assertThat(row.size()).isEqualTo(row.targets().size());
        for (int i = 0; i < row.size(); i++) {
            MappedValue v = row.get(i);
            assertThat(row.value(i)).isEqualTo(v.value());
            assertThat(row.text(i)).isEqualTo(v.text());
            assertThat(row.error(i)).isEqualTo(v.error());
            assertThat(row.value(row.targets().get(i))).isEqualTo(v.value());
        }
    }

    @Test
    void keepsTheDigitsAndScaleOfNumbersWhoseTextAndValueDiffer() {
        MappedRow row = map("M-1", "+0350.50", "-0.00", "0028", "2024-01-31");

        assertArraysAgree(row);
        assertThat((BigDecimal) row.value("cement_kg")).isEqualByComparingTo("350.5");
        assertThat(((BigDecimal) row.value("cement_kg")).scale()).isEqualTo(2);
        assertThat(row.text(1)).isEqualTo("+0350.50");
        assertThat(row.value("water_kg")).isEqualTo(new BigDecimal("0.00")); // negative zero keeps its scale
        assertThat(row.text(2)).isEqualTo("-0.00");
        assertThat(row.value("age_days")).isEqualTo(28L);
        assertThat(row.value("cast_date")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(row.hasErrors()).isFalse();
        assertThat(row.get("cement_kg").cell()).isEqualTo("B9");
    }

    @Test
    void keepsEveryDigitOfHugeNumbers() {
        MappedRow row = map("M-2", "123456789012345678901234567890.123456789", "-98765432109876543210", "7",
                "2024-02-29");

        assertArraysAgree(row);
        assertThat(row.value("cement_kg")).isEqualTo(new BigDecimal("123456789012345678901234567890.123456789"));
        assertThat(row.value("water_kg")).isEqualTo(new BigDecimal("-98765432109876543210"));
    }

    @Test
    void reportsWhatDoesNotConvertInTheRowsArraysAndItsValues() {
        MappedRow row = map("M-3", "12,5x", "1e3", "99999999999999999999", "2024-02-30");

        assertArraysAgree(row);
        assertThat(row.hasErrors()).isTrue();
        assertThat(row.error(1)).isEqualTo("'12,5x' is not a number.");
        assertThat(row.value(1)).isNull();
        assertThat(row.value("water_kg")).isEqualTo(new BigDecimal("1E+3"));
        assertThat(row.error(3)).isEqualTo("'99999999999999999999' is too large for a whole number.");
        assertThat(row.error(4)).startsWith("'2024-02-30' is not a date");
        assertThat(row.error(0)).isNull();
    }

    @Test
    void tellsBlankAndEmptyCellsAndNullMarkersFromValues() {
        MappedRow row = map("", "   ", "n/a", " 7 ", "");

        assertArraysAgree(row);
        assertThat(row.value("mix_code")).isNull();
        assertThat(row.text(0)).isEmpty();
        assertThat(row.value("cement_kg")).isNull(); // blank: no value, and no error
        assertThat(row.text(1)).isEqualTo("   ");
        assertThat(row.value("water_kg")).isNull(); // a null marker
        assertThat(row.text(2)).isEmpty();
        assertThat(row.value("age_days")).isEqualTo(7L);
        assertThat(row.hasErrors()).isFalse();
    }

    @Test
    void givesAConstantItsValueAndNoCell() {
        MappedRow row = map("M-4", "1", "2", "3", "2024-01-01");

        assertArraysAgree(row);
        assertThat(row.value("supplier_code")).isEqualTo("S-01");
        assertThat(row.get("supplier_code")).isEqualTo(new MappedValue("S-01", "S-01", null, null, null));
    }

    @Test
    void replacesOneValueWithItsOwnSourceCellAndLeavesTheRowAlone() {
        MappedRow row = map("M-5", "1", "2", "3", "2024-01-01");
        MappedValue header = new MappedValue("Plant 7", "Plant 7", "Header", "Z1", null);
        MappedValue broken = new MappedValue(null, "x", "Header", "Z2", "'x' is not a number.");

        MappedRow replaced = row.with("MIX_CODE", header).with("cement_kg", broken);

        assertArraysAgree(replaced);
        assertThat(replaced.get("mix_code")).isSameAs(header);
        assertThat(replaced.error(1)).isEqualTo("'x' is not a number.");
        assertThat(replaced.hasErrors()).isTrue();
        assertThat(row.value("mix_code")).isEqualTo("M-5");
        assertThat(row.hasErrors()).isFalse();
        assertThatThrownBy(() -> row.with("water", header)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> row.value("water")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not mapped");
    }

    @Test
    void findsAColumnByNameInTheRowsOfEachMapperItIsReadFrom() {
        MappedColumn water = new MappedColumn("WATER_KG");
        MappedColumn plant = new MappedColumn("plant");
        Profile reordered = new Profile(null, 0, "lab", null, "concrete_mix", List.of(
                ColumnMapping.of("Water", "water_kg"),
                ColumnMapping.of("Mix Code", "mix_code")), null, null, null, null, null);
        MappedRow other = Mapper.compile(reordered, List.of("Water", "Mix Code"), ConcreteMixTable.table())
                .map(new SourceRow(3, List.of(Cell.text("170.5"), Cell.text("M-2"))));

        for (MappedRow row : List.of(map("M-1", "350", "180.25", "28", "2024-01-31"), other, map("M-3", "1", "2",
                "3", "2024-01-31"))) {
            assertThat(row.indexOf(water)).isEqualTo(row.indexOf("water_kg"));
            assertThat(row.value(water)).isEqualTo(row.value("water_kg"));
            assertThat(row.indexOf(plant)).isEqualTo(-1);
            assertThatThrownBy(() -> row.value(plant)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Column plant is not mapped in ");
        }
        assertThat((BigDecimal) other.value(water)).isEqualByComparingTo("170.5");
    }
}
