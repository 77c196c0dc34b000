package io.sluice.core.source;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.assertj.core.groups.Tuple;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static io.sluice.core.source.SourceTestSupport.readAll;
import static io.sluice.core.source.SourceTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** Real files written by other tools (see src/test/resources/writers/README.md) read as those tools show them. */
class WriterFilesTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(WriterFilesTest.class.getResource("/writers/" + name).toURI());
    }

    /** The files whose reading is pinned in writers/expected/, one {@code NAME.txt} per file. */
    static Stream<String> pinnedFiles() throws IOException, URISyntaxException {
        try (Stream<Path> pins = Files.list(resource("expected"))) {
            return pins.map(p -> p.getFileName().toString().replaceFirst("\\.txt$", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pinnedFiles")
    void readsEachFileAsPinned(String name) throws IOException, URISyntaxException {
        List<String> pinned = Files.readAllLines(resource("expected/" + name + ".txt"), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.startsWith("#")).toList();
        assertThat(String.join("\n", PinnedReadings.describe(resource(name))))
                .isEqualTo(String.join("\n", pinned));
    }

    @Test
    void pinsAFileOfEveryWriter() throws IOException, URISyntaxException {
        List<String> pinned = pinnedFiles().toList();
        for (String writer : List.of("libreoffice-", "openpyxl-", "xlsxwriter-", "openxlsx-", "pandas-", "r-write")) {
            assertThat(pinned).as(writer).anyMatch(name -> name.startsWith(writer));
        }
        assertThat(pinned).anyMatch(name -> name.endsWith(".xls")).anyMatch(name -> name.endsWith(".tsv"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"libreoffice-formatted-rows.xlsx", "libreoffice-formatted-rows.xls"})
    void countsLibreOfficeSheetsWithoutTheirFormattedEmptyRows(String name) throws URISyntaxException {
        Path file = resource(name);
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.defaultSheet()).isEqualTo("Data");
        assertThat(inspection.sheets()).containsExactly(new SheetInfo("Cover", false, 0, 0, 0, 0),
                new SheetInfo("Data", false, 4, 5, 2, 2));
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            List<SourceRow> rows = readAll(table);
            assertThat(rows).extracting(SourceRow::number).containsExactly(3L, 4L);
            assertThat(texts(rows.get(1))).containsExactly("B", "3", "16.03.2024", "0", "note");
        }
        SourceOptions header2 = SourceOptions.DEFAULTS.withSheet("Data").withHeaderRow(3);
        assertThat(Sources.inspect(file, header2).sheets().get(1).dataRows()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"libreoffice-long-numbers.xlsx", "libreoffice-long-numbers.xls"})
    void warnsOnlyOnLibreOfficeNumbersOfMoreThan15Digits(String name) throws URISyntaxException {
        try (SourceTable table = Sources.open(resource(name), SourceOptions.DEFAULTS)) {
            List<SourceRow> rows = readAll(table);
            assertThat(rows).flatExtracting(SourceRow::issues).extracting(SourceIssue::kind, SourceIssue::row,
                    SourceIssue::column).containsExactly(Tuple.tuple("rounded-number", 2L, "B"),
                    Tuple.tuple("rounded-number", 3L, "B"));
            assertThat(rows.get(0).cell(2)).isEqualTo(Cell.text("12345678901234567"));
            assertThat(rows.get(0).issues().get(0).message()).startsWith("Cell B2 holds the number "
                    + rows.get(0).cell(1).text() + ", but a spreadsheet keeps only about 15 significant digits");
        }
    }

    @Test
    void readsSheetJsIsoDatesAndTextCells() throws URISyntaxException {
        Path file = resource("sheetjs-iso-dates.xlsx");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.columns()).containsExactly("Code", "Qty", "When", "Ok");
            List<SourceRow> rows = readAll(table);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).cell(0)).isEqualTo(Cell.text("A"));
            assertThat(rows.get(0).cell(1).text()).isEqualTo("12.5");
            assertThat(rows.get(0).cell(2).value()).isEqualTo(LocalDate.of(2024, 3, 15));
            assertThat(rows.get(0).cell(3)).isEqualTo(Cell.bool("TRUE", true));
        }
        assertThat(Sources.inspect(file, SourceOptions.DEFAULTS).sheets())
                .containsExactly(new SheetInfo("Data", false, 3, 4, 1, 2), new SheetInfo("Empty", false, 0, 0, 0, 0));
    }
}
