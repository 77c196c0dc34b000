package io.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

class ConcreteMixGeneratorTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void writesTheSameBytesForTheSameSeed(OutputFormat format) throws IOException {
        GeneratorOptions options = GeneratorOptions.defaults().withRows(2_000).withFaultRate(0.05);
        Path first = dir.resolve("first." + format.cliName());
        Path second = dir.resolve("second." + format.cliName());
        new ConcreteMixGenerator(options).write(first, format, false);
        new ConcreteMixGenerator(options).write(second, format, false);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }

    @Test
    void writesDifferentRowsForADifferentSeed() throws IOException {
        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        new ConcreteMixGenerator(GeneratorOptions.defaults().withSeed(1)).writeCsv(first, CsvLayout.english());
        new ConcreteMixGenerator(GeneratorOptions.defaults().withSeed(2)).writeCsv(second, CsvLayout.english());

        assertThat(Files.readAllBytes(second)).isNotEqualTo(Files.readAllBytes(first));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.02, 0.1, 0.5})
    void plantsFaultsAtRoughlyTheRequestedRate(double rate) {
        int rows = 20_000;
        long faulty = count(GeneratorOptions.defaults().withRows(rows).withFaultRate(rate), MixRow::isFaulty);

        assertThat((double) faulty / rows).isCloseTo(rate, offset(Math.max(rate * 0.15, 0.001)));
    }

    @Test
    void plantsEveryKindOfFaultOnceThereAreEnoughFaultyRows() {
        Set<Fault> seen = EnumSet.noneOf(Fault.class);
        Iterator<MixRow> rows = new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(300)
                .withFaultRate(0.1)).rows();
        rows.forEachRemaining(row -> {
            if (row.isFaulty()) {
                seen.add(row.fault().fault());
            }
        });

        assertThat(seen).containsExactlyInAnyOrder(Fault.values());
    }

    @Test
    void plantsOnlyFaultsWhoseColumnsAreWritten() {
        Set<MixColumn> faultColumns = EnumSet.noneOf(MixColumn.class);
        new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(2_000).withColumns(6).withFaultRate(0.2))
                .rows().forEachRemaining(row -> {
                    if (row.isFaulty()) {
                        faultColumns.add(row.fault().column());
                    }
                });

        assertThat(faultColumns).isNotEmpty().allMatch(column -> column.ordinal() < 6);
    }

    @Test
    void keepsCleanRowsPlausibleAndTheirRatiosConsistentWithTheMasses() {
        List<MixRow> clean = new ArrayList<>();
        new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(5_000)).rows().forEachRemaining(row -> {
            if (!row.isFaulty()) {
                clean.add(row);
            }
        });

        assertThat(clean).hasSizeGreaterThan(4_700).allSatisfy(row -> {
            BigDecimal cement = (BigDecimal) row.value(MixColumn.CEMENT);
            BigDecimal water = (BigDecimal) row.value(MixColumn.WATER);
            BigDecimal wc = (BigDecimal) row.value(MixColumn.W_C);
            assertThat(wc).isEqualTo(water.divide(cement, 3, RoundingMode.HALF_UP));
            assertThat(wc).isBetween(new BigDecimal("0.25"), new BigDecimal("0.80"));
            assertThat((BigDecimal) row.value(MixColumn.W_B)).isLessThanOrEqualTo(wc);
            assertThat((BigDecimal) row.value(MixColumn.STRENGTH)).isBetween(BigDecimal.ZERO, new BigDecimal("120"));
            assertThat(MixRowSource.AGES).contains((Integer) row.value(MixColumn.AGE_DAYS));
            assertThat(row.value(MixColumn.CAST_DATE)).isInstanceOf(LocalDate.class);
            assertThat(row.value(MixColumn.COARSE_AGGREGATE)).isInstanceOf(BigDecimal.class);
            assertThat(canonical(row)).matches(SampleProfiles.MIX_CODE_PATTERN);
        });
    }

    @Test
    void writesUniqueMixCodesExceptForPlantedDuplicatesWhichRepeatAnEarlierCode() {
        Set<String> codes = new HashSet<>();
        new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(20_000).withFaultRate(0.05)).rows()
                .forEachRemaining(row -> {
                    boolean duplicate = row.isFaulty() && row.fault().fault() == Fault.DUPLICATE_MIX_CODE;
                    assertThat(codes.add(canonical(row))).as("row %d is new", row.number()).isEqualTo(!duplicate);
                });
    }

    @Test
    void duplicatesNothingInTheFirstRowWhenDuplicatesAreTheOnlyFault() {
        List<Boolean> faulty = new ArrayList<>();
        new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(3).withFaultRate(1.0)
                .withFaults(EnumSet.of(Fault.DUPLICATE_MIX_CODE))).rows()
                .forEachRemaining(row -> faulty.add(row.isFaulty()));

        assertThat(faulty).containsExactly(false, true, true);
    }

    @Test
    void writesMixCodesWithLeadingZeros() {
        long leadingZeros = count(GeneratorOptions.defaults().withRows(1_000),
                row -> canonical(row).matches("0[0-9]{4}-[A-Z]"));

        assertThat(leadingZeros).isBetween(60L, 200L);
    }

    @Test
    void rejectsAColumnCountOutsideOneToTwenty() {
        assertThatThrownBy(() -> GeneratorOptions.defaults().withColumns(21))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Column count must be between 1 and 20, not 21.");
    }

    private static String canonical(MixRow row) {
        return ((String) row.value(MixColumn.MIX_CODE)).trim().toUpperCase(Locale.ROOT);
    }

    private static long count(GeneratorOptions options, Predicate<MixRow> test) {
        long count = 0;
        for (Iterator<MixRow> rows = new ConcreteMixGenerator(options).rows(); rows.hasNext(); ) {
            if (test.test(rows.next())) {
                count++;
            }
        }
        return count;
    }
}
