package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.Cell;
import io.sluice.core.source.CellType;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every staged value comes back exactly, character for character, with the same SQLite storage class: texts that look
 * like numbers stay texts, a missing cell is NULL and a blank one ''. Guards staging against any change in how
 * values are handed to SQLite.
 */
class StagedValuesTest {

    private static final String LONG = "x".repeat(70_000) + "\u00e9" + "y".repeat(70_000);

    /** Texts a quick encoder gets wrong: quotes, backslashes, JSON and SQL syntax, control characters, NUL. */
    private static final List<String> AWKWARD = List.of(
            "say \"hi\"", "C:\\data\\mix\\", "\\u0041 is not A", "[1,2]", "{\"a\":null}", "null", "'); DROP --",
            "tab\tnew\nline\r\nend", "\u0001\u001f\u007f", "before\u0000after", "\u0000",
            "clef \uD834\uDD1E and \uD83D\uDE00", "Björk – °C", "   ", LONG, "007", "1e3", "-0.0", "0x1F",
            "12345678901234567890123", "true");

    @TempDir
    Path dir;

    @Test
    void awkwardTextsAreStoredAsTheExactTextsTheyWere() throws Exception {
        Path file = dir.resolve("awkward.sluice");
        List<String> columns = List.of("A", "B", "C");
        try (Review review = Review.create(file, ReviewTestSupport.info(), columns);
             RowWriter writer = review.rowWriter()) {
            long n = 2;
            for (String text : AWKWARD) {
                writer.append(new SourceRow(n++, List.of(Cell.text(text), Cell.text("k" + text), Cell.BLANK)));
            }
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            long n = 2;
            for (String text : AWKWARD) {
                // the stored bytes, not only what the driver decodes: the UTF-8 of the text, NUL included
                assertThat(one(c, "SELECT typeof(c0) || ' ' || hex(c0) || ' ' || typeof(c1) || ' ' || typeof(c2)"
                        + " || ' ' || length(CAST(c2 AS BLOB)) FROM source_row WHERE row_no = " + n))
                        .as("row %d", n)
                        .isEqualTo("text " + hex(text) + " text text 0");
                assertThat(one(c, "SELECT coalesce(typeof(v0), '') || typeof(v1) || typeof(v2)"
                        + " FROM source_row WHERE row_no = " + n)).isEqualTo("nullnullnull");
                n++;
            }
        }
        try (Review review = Review.open(file)) {
            long n = 2;
            for (String text : AWKWARD) {
                assertThat(review.row(n).orElseThrow().cells().get(0).text()).isEqualTo(text);
                n++;
            }
        }
    }

    @Test
    void aMissingCellIsNullABlankOneEmptyAndTypedValuesKeepTheirTextColumns() throws Exception {
        Path file = dir.resolve("typed.sluice");
        List<String> columns = List.of("Code", "Strength", "Cast", "Remarks");
        BigDecimal strength = new BigDecimal("068.230");
        try (Review review = Review.create(file, ReviewTestSupport.info(), columns);
             RowWriter writer = review.rowWriter()) {
            writer.append(new SourceRow(2, List.of(Cell.text("00042"))));
            writer.append(new SourceRow(3, List.of(Cell.text("00043"), Cell.number("68.23", strength),
                    Cell.date("12/04/2023", LocalDate.of(2023, 4, 12)), Cell.BLANK)));
            writer.append(new SourceRow(4, List.of(Cell.text("A\"4"), Cell.text(""), Cell.BLANK,
                    new Cell("n/a", CellType.BLANK, null))),
                    List.of(new Finding(4, "Strength", "B4", "strength", "required", Severity.ERROR,
                            "Strength is \"required\".", null)), 2);
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(one(c, "SELECT typeof(c0) || '|' || c0 || '|' || typeof(c1) || '|' || typeof(c3)"
                    + " || '|' || typeof(v0) FROM source_row WHERE row_no = 2")).isEqualTo("text|00042|null|null|null");
            assertThat(one(c, "SELECT typeof(c1) || '|' || c1 || '|' || typeof(v1) || '|' || v1 || '|' || v2"
                    + " || '|' || typeof(c3) || '|' || length(c3) || '|' || typeof(v3) FROM source_row"
                    + " WHERE row_no = 3")).isEqualTo("text|68.23|text|N68.230|D2023-04-12|text|0|null");
            assertThat(one(c, "SELECT c0 || '|' || typeof(c1) || length(c1) || '|' || typeof(v1) || '|' || c3"
                    + " || '|' || v3 FROM source_row WHERE row_no = 4")).isEqualTo("A\"4|text0|null|n/a|B");
            assertThat(one(c, "SELECT typeof(row_no) || typeof(col) || typeof(value) || '|' || message"
                    + " FROM finding")).isEqualTo("integertextnull|Strength is \"required\".");
            assertThat(one(c, "SELECT typeof(filled) || filled FROM source_row WHERE row_no = 4"))
                    .isEqualTo("integer2");
        }
        try (Review review = Review.open(file)) {
            assertThat(review.row(2).orElseThrow().cells()).extracting(Cell::text).first().isEqualTo("00042");
            assertThat(review.row(3).orElseThrow().cells().get(1).value()).isEqualTo(strength);
        }
    }

    @Test
    void numbersAndDatesOfManyRowsKeepTheirCanonicalTexts() throws Exception {
        Path file = dir.resolve("many.sluice");
        int rows = 12_345; // past several commits and executed batches, and more distinct date-times than remembered
        try (Review review = Review.create(file, ReviewTestSupport.info(), List.of("Shown", "Formatted", "Day", "At"));
             RowWriter writer = review.rowWriter()) {
            for (int n = 2; n < rows + 2; n++) {
                writer.append(manyRow(n));
            }
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT row_no, v0, v1, v2, v3 FROM source_row ORDER BY row_no")) {
            int seen = 0;
            while (rs.next()) {
                List<Cell> cells = manyRow(rs.getLong(1)).cells();
                assertThat(rs.getString(2)).isEqualTo("N" + ((BigDecimal) cells.get(0).value()).toPlainString());
                assertThat(rs.getString(3)).isEqualTo("N" + ((BigDecimal) cells.get(1).value()).toPlainString());
                assertThat(rs.getString(4)).isEqualTo("D" + cells.get(2).value());
                assertThat(rs.getString(5)).isEqualTo("S" + ((LocalDateTime) cells.get(3).value())
                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
                seen++;
            }
            assertThat(seen).isEqualTo(rows);
        }
        try (Review review = Review.open(file)) {
            for (long n : new long[] {2, 101, 5_002, 9_999, rows + 1}) {
                assertThat(review.row(n).orElseThrow().cells()).isEqualTo(manyRow(n).cells());
            }
        }
    }

    /** A number shown as written, one shown otherwise, a day of a week that repeats and a time of its own. */
    private static SourceRow manyRow(long n) {
        BigDecimal shown = BigDecimal.valueOf(n * 37 - 5_000, (int) (n % 4));
        BigDecimal formatted = BigDecimal.valueOf(n * 1_001, 2);
        LocalDate day = LocalDate.of(2024, 3, 1).plusDays(n % 7);
        LocalDateTime at = LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(n * 61);
        return new SourceRow(n, List.of(Cell.number(shown.toPlainString(), shown),
                Cell.number(String.format("%,.1f", formatted), formatted), Cell.date("d" + n % 7, day),
                Cell.dateTime("t" + n, at)));
    }

    @Test
    void issuesKeepTheirTextsExactly() throws Exception {
        Path file = dir.resolve("issues.sluice");
        String message = "Row 2 has 3 cells \"a\\b\"\u0000 but the header \uD83D\uDE00 has 2.";
        try (Review review = Review.create(file, ReviewTestSupport.info(), List.of("A", "B"));
             RowWriter writer = review.rowWriter()) {
            writer.append(new SourceRow(2, List.of(Cell.text("a"), Cell.text("b"), Cell.text("c")),
                    List.of(new SourceIssue("extra-cells", 2, null, message))));
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(one(c, "SELECT typeof(owner_row) || typeof(col) || '|' || hex(message) FROM source_issue"))
                    .isEqualTo("integernull|" + hex(message));
        }
    }

    private static String hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
