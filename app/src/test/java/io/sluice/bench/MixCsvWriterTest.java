package io.sluice.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MixCsvWriterTest {

    @TempDir
    Path dir;

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("UTF-8 comma", CsvLayout.english()),
                Arguments.of("UTF-8 comma with BOM", CsvLayout.english().withBom()),
                Arguments.of("Windows-1252 semicolon", CsvLayout.german()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void parsesBackWithAPlainCsvParserWithTheExpectedFieldCountOnEveryRecord(String name, CsvLayout layout)
            throws IOException {
        Path file = dir.resolve("mix.csv");
        new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(500).withColumns(20).withFaultRate(0.05))
                .writeCsv(file, layout);

        List<CsvRecord> records = read(file, layout);

        assertThat(records).hasSize(501).allSatisfy(r -> assertThat(r.getFieldCount()).isEqualTo(20));
        assertThat(records.get(0).getField(0)).isEqualTo(layout.germanHeaders() ? "Mischung" : "Mix Code");
        assertThat(records).anySatisfy(r -> assertThat(r.getField(MixColumn.REMARKS.ordinal())).contains("\n"));
        assertThat(records).anySatisfy(r -> assertThat(r.getField(MixColumn.REMARKS.ordinal())).contains("\""));
        assertThat(records).anySatisfy(r -> assertThat(r.getField(MixColumn.REMARKS.ordinal()))
                .contains(String.valueOf(layout.delimiter())));
    }

    @Test
    void writesTheGermanExportInWindows1252WithDecimalCommasAndNullMarkers() throws IOException {
        Path file = dir.resolve("de.csv");
        new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(300).withColumns(15)).writeCsv(file,
                CsvLayout.german());

        byte[] bytes = Files.readAllBytes(file);
        List<CsvRecord> records = read(file, CsvLayout.german());
        List<String> header = records.get(0).getFields();
        List<String> cement = column(records, MixColumn.CEMENT);
        List<String> dates = column(records, MixColumn.CAST_DATE);
        List<String> ashes = column(records, MixColumn.FLY_ASH);

        assertThat(bytes).contains((byte) 0xFC); // ü of Hüttensand in Windows-1252
        assertThat(header).contains("Zement (kg/m³)", "Gießdatum", "w/z");
        assertThat(cement).filteredOn(v -> v.matches("[0-9]+,[0-9]")).hasSizeGreaterThan(290);
        assertThat(dates).filteredOn(v -> v.matches("[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}")).hasSizeGreaterThan(290);
        assertThat(ashes).contains("k.A.", "-", "");
    }

    @Test
    void startsWithAByteOrderMarkOnlyWhenAsked() throws IOException {
        Path plain = dir.resolve("plain.csv");
        Path bom = dir.resolve("bom.csv");
        ConcreteMixGenerator generator = new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(5));
        generator.writeCsv(plain, CsvLayout.english());
        generator.writeCsv(bom, CsvLayout.english().withBom());

        assertThat(Files.readAllBytes(bom)).startsWith(0xEF, 0xBB, 0xBF, 'M');
        assertThat(Files.readAllBytes(plain)).startsWith('M', 'i', 'x');
    }

    @Test
    void reportsPlantedFaultsWithTheTextTheFileShowsAndTheSpreadsheetRow() throws IOException {
        Path file = dir.resolve("de.csv");
        GenerationReport report = new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(400)
                .withColumns(15).withFaultRate(0.05)).writeCsv(file, CsvLayout.german());
        List<CsvRecord> records = read(file, CsvLayout.german());

        assertThat(report.faults()).hasSize((int) report.faultyRows()).isNotEmpty().allSatisfy(fault ->
                assertThat(records.get((int) report.sheetRow(fault) - 1).getField(fault.column().ordinal()))
                        .isEqualTo(fault.value()));
    }

    private static List<CsvRecord> read(Path file, CsvLayout layout) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(layout.delimiter())
                .detectBomHeader(true).ofCsvRecord(file, layout.charset())) {
            reader.forEach(records::add);
        }
        return records;
    }

    private static List<String> column(List<CsvRecord> records, MixColumn column) {
        return records.stream().skip(1).map(r -> r.getField(column.ordinal())).toList();
    }
}
