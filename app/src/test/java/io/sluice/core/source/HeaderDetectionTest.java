package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.sluice.core.source.SourceTestSupport.readAll;
import static io.sluice.core.source.SourceTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderDetectionTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "header first|code;name;qty\\n1;a;2\\n|1",
        "title line|Mix report 2024\\ncode;name;qty\\n1;a;2\\n|2",
        "title, blank line and note|Mix report\\n\\nExported by: lab;2024-05-01\\ncode;name;qty\\n1;a;2\\n2;b;3\\n|4",
        "group header narrower than table|;Batch;\\ncode;name;qty\\n1;a;2\\n|2",
        "group header over all but the first column|;Batch;Size\\ncode;name;qty\\n1;a;2\\n|2",
        "header only|code;name;qty\\n|1"})
    void findsTheHeaderPastJunkRows(String title, String content, long expectedRow) throws IOException {
        Path file = write(content.replace("\\n", "\n"));
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.headerRow()).isEqualTo(expectedRow);
        assertThat(inspection.columns()).containsExactly("code", "name", "qty");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pandas to_csv|,mix_code,cement_kg\\n0,A-1,350.0\\n1,A-2,\\n",
        "R write.csv|\"\",\"mix_code\",\"cement_kg\"\\n\"1\",\"A-1\",350\\n\"2\",\"A-2\",NA\\n"})
    void findsTheHeaderAboveAnIndexColumnWhoseHeaderIsBlank(String writer, String content) throws IOException {
        Path file = write(content.replace("\\n", "\n"));

        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);

        assertThat(inspection.headerRow()).isEqualTo(1);
        assertThat(inspection.columns()).hasSize(3).endsWith("mix_code", "cement_kg");
    }

    @Test
    void dataRowsStartBelowTheHeaderAndSkipBlankRows() throws IOException {
        Path file = write("Report\ncode;name\n1;a\n\n;\n2;b\n");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.headerRow()).isEqualTo(2);
            List<SourceRow> rows = readAll(table);
            assertThat(rows).extracting(SourceRow::number).containsExactly(3L, 6L);
        }
    }

    @Test
    void usesTheChosenHeaderRow() throws IOException {
        Path file = write("a;b\nc;d\n1;2\n");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS.withHeaderRow(2))) {
            assertThat(table.headerRow()).isEqualTo(2);
            assertThat(table.columns()).containsExactly("c", "d");
            assertThat(texts(table.next())).containsExactly("1", "2");
            assertThat(table.next()).isNull();
        }
    }

    @Test
    void rejectsAChosenHeaderRowBeyondTheData() throws IOException {
        Path file = write("a;b\n1;2\n");
        assertThatThrownBy(() -> Sources.open(file, SourceOptions.DEFAULTS.withHeaderRow(9)))
                .hasMessage("header.csv: the file has no row 9 to use as header.");
    }

    @Test
    void namesColumnsByLetterWithoutHeader() throws IOException {
        Path file = write("1;2;3\n4;5;6\n");
        try (SourceTable table = Sources.open(file, new SourceOptions(null, null, true, null, null))) {
            assertThat(table.headerRow()).isZero();
            assertThat(table.columns()).containsExactly("A", "B", "C");
            assertThat(table.issues()).isEmpty();
            assertThat(readAll(table)).extracting(SourceRow::number).containsExactly(1L, 2L);
        }
    }

    @Test
    void renamesBlankAndDuplicateHeadersAndSaysSo() throws IOException {
        Path file = write("name;;Name;name\n1;2;3;4\n");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.columns()).containsExactly("name", "Column B", "Name (2)", "name (3)");
            assertThat(table.issues()).containsExactly(
                    new SourceIssue("blank-header", 1, "B",
                            "The header of column B is blank; it is named \"Column B\"."),
                    new SourceIssue("duplicate-header", 1, "C",
                            "The header \"Name\" of column C appears more than once; it is named \"Name (2)\"."),
                    new SourceIssue("duplicate-header", 1, "D",
                            "The header \"name\" of column D appears more than once; it is named \"name (3)\"."));
        }
    }

    @Test
    void refusesATextFileOfBlankLinesAsEmpty() throws IOException {
        Path file = write("\n\n");
        assertThatThrownBy(() -> Sources.open(file, SourceOptions.DEFAULTS))
                .isInstanceOf(SluiceException.class)
                .hasMessage("header.csv: holds no data, only blank lines, spaces or empty fields.");
    }

    @Test
    void prefersTheWideTextRowOverTypedRowsAbove() {
        List<SourceRow> rows = List.of(
                new SourceRow(1, List.of(Cell.text("Batch"), Cell.number("7", BigDecimal.valueOf(7)))),
                new SourceRow(2, List.of(Cell.text("code"), Cell.text("qty"), Cell.text("at"))),
                new SourceRow(3, List.of(Cell.text("x"), Cell.number("1", BigDecimal.ONE),
                        Cell.text("y"))));
        assertThat(HeaderDetector.detect(rows)).isEqualTo(1);
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("header.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
