package io.sluice.core.export;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.source.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static io.sluice.core.export.ExportFixture.COLUMNS;
import static io.sluice.core.export.ExportFixture.MAPPER;
import static io.sluice.core.export.ExportFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

class ApprovedRowsCsvWriterTest {

    @TempDir
    Path dir;

    private static MappedRow typed(long number, String code, BigDecimal amount) {
        return MAPPER.map(row(number, Cell.number("7", new BigDecimal("7")), Cell.text(code),
                amount == null ? Cell.BLANK : Cell.number(amount.toString(), amount),
                Cell.date("03/02/2024", LocalDate.of(2024, 2, 3)),
                Cell.dateTime("03/02/2024 14:05", LocalDateTime.of(2024, 2, 3, 14, 5)),
                Cell.bool("TRUE", true)));
    }

    private static String write(CsvOptions options, MappedRow... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ApprovedRowsCsvWriter writer = new ApprovedRowsCsvWriter(out, COLUMNS, options)) {
            for (MappedRow r : rows) {
                writer.write(r);
            }
            assertThat(writer.rows()).isEqualTo(rows.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsEveryTypedValueThroughSluicesOwnReader() {
        Path file = dir.resolve("approved.csv");
        String[] codes = {"00123", "say \"hi\"", "a, b", "line one\nline two", "Zürich – Straße 5 ✓ 東京"};
        BigDecimal many = new BigDecimal("12345678901234567890.12345678901234567890");
        try (ApprovedRowsCsvWriter writer = new ApprovedRowsCsvWriter(file, COLUMNS, CsvOptions.DEFAULTS)) {
            for (int i = 0; i < codes.length; i++) {
                writer.write(typed(i + 2, codes[i], i == 0 ? many : new BigDecimal("1E+3")));
            }
            writer.write(MAPPER.map(row(9, Cell.number("8", new BigDecimal("8")))));
        }

        List<List<String>> back = ExportFixture.readBack(file, ',');

        assertThat(back.get(0)).containsExactly("ID", "CODE", "AMOUNT", "MADE_ON", "TESTED_AT", "PASSED");
        assertThat(back.get(1)).containsExactly("7", "00123", "12345678901234567890.12345678901234567890",
                "2024-02-03", "2024-02-03T14:05:00", "true");
        for (int i = 1; i < codes.length; i++) {
            assertThat(back.get(i + 1)).containsExactly("7", codes[i], "1000", "2024-02-03", "2024-02-03T14:05:00",
                    "true");
        }
        assertThat(back.get(codes.length + 1)).containsExactly("8", "", "", "", "", "");
    }

    @Test
    void writesNullAsAnEmptyUnquotedField() {
        String csv = write(CsvOptions.DEFAULTS, MAPPER.map(row(2, Cell.number("1", BigDecimal.ONE))));

        assertThat(csv).endsWith("\r\n1,,,,,\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1+1", "@SUM(A1)", "\t=x", "\r=x", "\n=x", "=HYPERLINK(\"http://x\")",
            "-12.5"})
    void prefixesRiskyTextInATextColumn(String payload) {
        String csv = write(CsvOptions.DEFAULTS, typed(2, payload, BigDecimal.ONE));

        assertThat(ExportFixture.records(csv, ',').get(1).get(1)).isEqualTo("'" + payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1+1", "@SUM(A1)", "\t=x", "\r=x", "\n=x", "=HYPERLINK(\"http://x\")",
            "-12.5"})
    void leavesRiskyTextUnchangedWhenGuardIsOff(String payload) {
        String csv = write(CsvOptions.DEFAULTS.withGuardFormulas(false), typed(2, payload, BigDecimal.ONE));

        assertThat(ExportFixture.records(csv, ',').get(1).get(1)).isEqualTo(payload);
    }

    @Test
    void neverPrefixesANegativeNumberInANumericColumn() {
        String csv = write(CsvOptions.DEFAULTS, typed(2, "-12.5", new BigDecimal("-12.5")));

        List<String> fields = ExportFixture.records(csv, ',').get(1);
        assertThat(fields.get(2)).isEqualTo("-12.5");
        assertThat(fields.get(1)).isEqualTo("'-12.5");
    }

    @Test
    void writesPlainTextUnchanged() {
        String csv = write(CsvOptions.DEFAULTS, typed(2, "C30/37 plain", BigDecimal.TEN));

        assertThat(ExportFixture.records(csv, ',').get(1).get(1)).isEqualTo("C30/37 plain");
    }

    @Test
    void startsWithAUtf8ByteOrderMarkOnlyWhenAsked() throws IOException {
        Path with = dir.resolve("bom.csv");
        Path without = dir.resolve("nobom.csv");
        try (ApprovedRowsCsvWriter w = new ApprovedRowsCsvWriter(with, COLUMNS, CsvOptions.DEFAULTS.withBom(true))) {
            w.write(typed(2, "x", BigDecimal.ONE));
        }
        try (ApprovedRowsCsvWriter w = new ApprovedRowsCsvWriter(without, COLUMNS, CsvOptions.DEFAULTS)) {
            w.write(typed(2, "x", BigDecimal.ONE));
        }

        byte[] bom = Files.readAllBytes(with);
        byte[] plain = Files.readAllBytes(without);
        assertThat(bom).startsWith(0xEF, 0xBB, 0xBF, 'I', 'D');
        assertThat(plain).startsWith('I', 'D');
        assertThat(bom.length).isEqualTo(plain.length + 3);
        assertThat(ExportFixture.readBack(with, ',').get(0).get(0)).isEqualTo("ID");
    }

    @Test
    void usesASemicolonDelimiterAndQuotesFieldsContainingIt() {
        Path file = dir.resolve("semi.csv");
        try (ApprovedRowsCsvWriter w = new ApprovedRowsCsvWriter(file, COLUMNS,
                CsvOptions.DEFAULTS.withDelimiter(';'))) {
            w.write(typed(2, "a;b, c", new BigDecimal("2.50")));
        }

        List<List<String>> back = ExportFixture.readBack(file, ';');
        assertThat(back.get(1)).containsExactly("7", "a;b, c", "2.50", "2024-02-03", "2024-02-03T14:05:00", "true");
    }

    @Test
    void endsLinesWithCrlfByDefaultAndLfWhenAsked() {
        String crlf = write(CsvOptions.DEFAULTS, typed(2, "x", BigDecimal.ONE));
        String lf = write(CsvOptions.DEFAULTS.withLineEnding(CsvOptions.LF), typed(2, "x", BigDecimal.ONE));

        assertThat(crlf).isEqualTo("ID,CODE,AMOUNT,MADE_ON,TESTED_AT,PASSED\r\n"
                + "7,x,1,2024-02-03,2024-02-03T14:05:00,true\r\n");
        assertThat(lf).isEqualTo("ID,CODE,AMOUNT,MADE_ON,TESTED_AT,PASSED\n"
                + "7,x,1,2024-02-03,2024-02-03T14:05:00,true\n");
    }

    @Test
    void quotesEveryFieldEmptyOnesIncludedWhenAsked() {
        String csv = write(CsvOptions.DEFAULTS.withQuoting(CsvOptions.Quoting.ALL),
                MAPPER.map(row(2, Cell.number("1", BigDecimal.ONE), Cell.text("x"))));

        assertThat(csv).endsWith("\r\n\"1\",\"x\",\"\",\"\",\"\",\"\"\r\n");
    }

    @Test
    void leavesTheCallersStreamOpen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the writer closed the caller's stream");
            }
        };
        try (ApprovedRowsCsvWriter writer = new ApprovedRowsCsvWriter(out, COLUMNS, CsvOptions.DEFAULTS)) {
            writer.write(typed(2, "x", BigDecimal.ONE));
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("7,x,1");
    }

    @Test
    void streamsTwoHundredThousandRows() throws IOException {
        Path file = dir.resolve("big.csv");
        long rows = 200_000;
        try (ApprovedRowsCsvWriter writer = new ApprovedRowsCsvWriter(file, COLUMNS, CsvOptions.DEFAULTS)) {
            for (long i = 0; i < rows; i++) {
                writer.write(typed(i + 2, "row " + i, BigDecimal.valueOf(i, 2)));
            }
            assertThat(writer.rows()).isEqualTo(rows);
        }

        long lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().count();
        }
        assertThat(lines).isEqualTo(rows + 1);
    }
}
