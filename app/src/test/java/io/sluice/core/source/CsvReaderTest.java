package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.sluice.core.source.SourceTestSupport.readAll;
import static io.sluice.core.source.SourceTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvReaderTest {

    @TempDir
    Path dir;

    private static final String TEXT = "Name,City\nZoë,Köln\nRenée,Besançon – Doubs\n";

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("utf8.csv", new byte[0], StandardCharsets.UTF_8, "UTF-8"),
                Arguments.of("utf8-bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        StandardCharsets.UTF_8, "UTF-8"),
                Arguments.of("utf16le.csv", new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE,
                        "UTF-16LE"),
                Arguments.of("utf16be.csv", new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE,
                        "UTF-16BE"),
                Arguments.of("cp1252.csv", new byte[0], CsvDialect.WINDOWS_1252, "windows-1252"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void detectsEncodingAndNeverKeepsTheBom(String name, byte[] bom, Charset charset, String expected)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(bom);
        bytes.write(TEXT.getBytes(charset));
        Path file = dir.resolve(name);
        Files.write(file, bytes.toByteArray());

        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.encoding()).isEqualTo(expected);
        assertThat(inspection.format()).isEqualTo(SourceFormat.CSV);
        assertThat(inspection.columns()).containsExactly("Name", "City");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.columns().get(0)).isEqualTo("Name");
            List<SourceRow> rows = readAll(table);
            assertThat(rows).extracting(SourceTestSupport::texts)
                    .containsExactly(List.of("Zoë", "Köln"), List.of("Renée", "Besançon – Doubs"));
        }
    }

    @Test
    void reportsTheWindows1252Fallback() throws IOException {
        Path file = write("latin.csv", TEXT.getBytes(CsvDialect.WINDOWS_1252));
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.issues()).extracting(SourceIssue::kind).containsExactly("encoding-fallback");
        }
    }

    @Test
    void honoursTheChosenEncoding() throws IOException {
        Path file = write("latin.csv", "Name\nZoë\n".getBytes(StandardCharsets.ISO_8859_1));
        SourceOptions options = new SourceOptions(null, null, false, StandardCharsets.ISO_8859_1, null);
        try (SourceTable table = Sources.open(file, options)) {
            assertThat(table.next().cell(0).text()).isEqualTo("Zoë");
            assertThat(table.issues()).isEmpty();
        }
    }

    @Test
    void rejectsBytesThatTheChosenEncodingCannotDecode() throws IOException {
        Path file = write("latin.csv", "Name\nok\nZo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1));
        SourceOptions options = new SourceOptions(null, null, false, StandardCharsets.UTF_8, null);
        assertThatThrownBy(() -> readFile(file, options)).isInstanceOf(SluiceException.class)
                .hasMessage("latin.csv: cannot be decoded as UTF-8 on line 3; choose the file's encoding.");
    }

    @Test
    void rejectsBinaryContent() throws IOException {
        Path file = write("image.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertThatThrownBy(() -> Sources.open(file, SourceOptions.DEFAULTS))
                .isInstanceOf(SluiceException.class)
                .hasMessage("image.csv: is not a spreadsheet or a text file (it holds binary data).");
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void detectsTheDelimiterRespectingQuotes(char delimiter) throws IOException {
        String d = String.valueOf(delimiter);
        String other = delimiter == ',' ? ";" : ",";
        StringBuilder csv = new StringBuilder("Code" + d + "Label" + d + "Price\n");
        for (int i = 0; i < 20; i++) {
            csv.append("C").append(i).append(d).append("\"a").append(d).append(other).append(" b\"").append(d)
                    .append(i).append(other).append("5\n");
        }
        Path file = write("delim.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.delimiter()).isEqualTo(delimiter);
        assertThat(inspection.columns()).containsExactly("Code", "Label", "Price");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(texts(table.next())).containsExactly("C0", "a" + d + other + " b", "0" + other + "5");
        }
    }

    @Test
    void honoursTheChosenDelimiter() throws IOException {
        Path file = write("pipe.csv", "a,b|c\n1,2|3\n".getBytes(StandardCharsets.UTF_8));
        SourceOptions options = new SourceOptions(null, null, false, null, '|');
        try (SourceTable table = Sources.open(file, options)) {
            assertThat(table.columns()).containsExactly("a,b", "c");
        }
    }

    @Test
    void keepsQuotedNewlinesAndNumbersRowsAsExcelDoes() throws IOException {
        String csv = "Code,Note,Qty\r\n00123,\"two\r\nlines\",7\r\n\r\n00456,\"say \"\"hi\"\"\",8\r\n";
        Path file = write("quoted.csv", csv.getBytes(StandardCharsets.UTF_8));
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.headerRow()).isEqualTo(1);
            List<SourceRow> rows = readAll(table);
            assertThat(rows).extracting(SourceRow::number).containsExactly(2L, 4L);
            assertThat(texts(rows.get(0))).containsExactly("00123", "two\r\nlines", "7");
            assertThat(texts(rows.get(1))).containsExactly("00456", "say \"hi\"", "8");
            Cell code = rows.get(0).cell(0);
            assertThat(code.type()).isEqualTo(CellType.TEXT);
            assertThat(code.value()).isEqualTo("00123");
            assertThat(rows.get(0).issues()).isEmpty();
        }
    }

    @Test
    void reportsRaggedRowsWithTheirLineWithoutShiftingCells() throws IOException {
        String csv = "a,b,c\n1,2,3\n\"x\ny\",2\n1,2,3,4\n";
        Path file = write("ragged.csv", csv.getBytes(StandardCharsets.UTF_8));
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            List<SourceRow> rows = readAll(table);
            assertThat(rows.get(0).issues()).isEmpty();
            assertThat(rows.get(1).issues()).containsExactly(
                    new SourceIssue("ragged-row", 3, null, "Line 3 has 2 fields where the header has 3."));
            assertThat(rows.get(2).issues()).containsExactly(
                    new SourceIssue("ragged-row", 4, null, "Line 5 has 4 fields where the header has 3."));
            assertThat(texts(rows.get(2))).containsExactly("1", "2", "3", "4");
        }
    }

    @Test
    void rejectsAnUnterminatedQuoteNamingTheLineWhereItOpened() throws IOException {
        String csv = "a,b\n1,2\n3,\"never closed\n4,5\n6,7\n";
        Path file = write("open-quote.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> readFile(file, SourceOptions.DEFAULTS)).isInstanceOf(SluiceException.class)
                .hasMessage("open-quote.csv: the quote opened on line 3 is never closed, so the rest of the file"
                        + " cannot be read.");
    }

    @Test
    void namesTheLineOfTheUnclosedQuoteNotOfItsRecordsStart() throws IOException {
        // the record starts on line 3; its first field closes on line 4, where its second opens and never closes
        Path file = write("late-open-quote.csv", "a,b\n1,2\n\"x\ny\",\"never closed\n4,5\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> {
            try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
                readAll(table);
            }
        }).isInstanceOf(SluiceException.class).hasMessage("late-open-quote.csv: the quote opened on line 4 is never"
                + " closed, so the rest of the file cannot be read.");
    }

    @Test
    void rejectsTextAfterAClosingQuote() throws IOException {
        Path file = write("stray.csv", "a,b\n\"12\" inch,2\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> readFile(file, SourceOptions.DEFAULTS)).isInstanceOf(SluiceException.class)
                .hasMessage("stray.csv: is not valid CSV in the record starting on line 2 (unexpected character after"
                        + " closing quote: ' ' (0x20)).");
    }

    @Test
    void deliversTheRowsBeforeAnUnterminatedQuoteFirst() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i).append(",x\n");
        }
        csv.append("3,\"never closed\n4,5\n");
        Path file = write("late-quote.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            for (int i = 0; i < 100; i++) {
                assertThat(table.next().cell(0).text()).isEqualTo(Integer.toString(i));
            }
            assertThatThrownBy(table::next).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("the quote opened on line 102 is never closed");
        }
    }

    @Test
    void streamsManyRowsWithoutLosingOne() throws IOException {
        Path file = dir.resolve("big.csv");
        int columns = 20;
        int rowCount = 200_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int c = 0; c < columns; c++) {
                out.write(c == 0 ? "" : ",");
                out.write("col" + c);
            }
            out.write('\n');
            for (int r = 0; r < rowCount; r++) {
                for (int c = 0; c < columns; c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write("v");
                    out.write(Integer.toString(r + c));
                }
                out.write('\n');
            }
        }
        long count = 0;
        SourceRow last = null;
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            SourceRow row;
            while ((row = table.next()) != null) {
                count++;
                last = row;
            }
        }
        assertThat(count).isEqualTo(rowCount);
        assertThat(last.number()).isEqualTo(rowCount + 1);
        assertThat(last.cell(19).text()).isEqualTo("v" + (rowCount - 1 + 19));
    }

    private static List<SourceRow> readFile(Path file, SourceOptions options) {
        try (SourceTable table = Sources.open(file, options)) {
            return readAll(table);
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
