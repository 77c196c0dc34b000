package io.sluice.core.mapping;

import io.sluice.core.source.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static io.sluice.core.mapping.MapOne.map;
import static java.sql.JDBCType.BIGINT;
import static java.sql.JDBCType.BOOLEAN;
import static java.sql.JDBCType.CHAR;
import static java.sql.JDBCType.DATE;
import static java.sql.JDBCType.DECIMAL;
import static java.sql.JDBCType.DOUBLE;
import static java.sql.JDBCType.INTEGER;
import static java.sql.JDBCType.NUMERIC;
import static java.sql.JDBCType.TIMESTAMP;
import static java.sql.JDBCType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TypeConversionTest {

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            -12.5     | -12.5
            1e3       | 1E+3
            +7        | 7
            .5        | 0.5
            " 350.0 " | 350.0
            0.1       | 0.1
            """)
    void readsPlainNumberTextExactly(String text, String expected) {
        assertThat(map(NUMERIC, Cell.text(text)).value()).isEqualTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "''{0}'' is not a number")
    @CsvSource(delimiter = '|', textBlock = """
            12,5x
            12,5
            1.2.3
            e5
            --1
            12 kg
            """)
    void reportsTextThatIsNotAPlainNumber(String text) {
        MappedValue v = map(DECIMAL, Cell.text(text));

        assertThat(v.value()).isNull();
        assertThat(v.error()).isEqualTo("'" + text + "' is not a number.");
    }

    @ParameterizedTest(name = "''{0}'' says how to make it no value")
    @CsvSource(delimiter = '|', textBlock = """
            NA
            n/a
            NULL
            nan
            """)
    void aValueSpelledAsNoValueSaysHowToMakeItOne(String text) {
        String hint = "; if '" + text + "' means no value, add it to the profile's null markers (nullMarkers; in the"
                + " desktop, the column's transforms: No value when).";

        assertThat(map(DECIMAL, Cell.text(text)).error()).isEqualTo("'" + text + "' is not a number" + hint);
        assertThat(map(DATE, Cell.text(text)).error()).isEqualTo("'" + text + "' is not a date (expected yyyy-MM-dd,"
                + " or add a date transform with its pattern)" + hint);
        assertThat(map(VARCHAR, Cell.text(text)).error()).isNull();
    }

    @Test
    void usesANumberCellsStoredValueNeverItsFormattedText() {
        // Excel shows =0.1+0.2 as 0.3 but stores the double sum; the stored value is what the file holds.
        BigDecimal stored = new BigDecimal("0.30000000000000004");

        assertThat(map(NUMERIC, Cell.number("0.3", stored)).value()).isEqualTo(stored);
        assertThat(map(DOUBLE, Cell.number("1,234.50", new BigDecimal("1234.5"))).value())
                .isEqualTo(new BigDecimal("1234.5"));
    }

    @Test
    void decimalTextAddsUpExactly() {
        BigDecimal a = (BigDecimal) map(NUMERIC, Cell.text("0.1")).value();
        BigDecimal b = (BigDecimal) map(NUMERIC, Cell.text("0.2")).value();

        assertThat(a.add(b)).isEqualTo(new BigDecimal("0.3"));
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            28     | 28
            28.0   | 28
            -3     | -3
            2e2    | 200
            """)
    void readsWholeNumbersForIntegerColumns(String text, long expected) {
        assertThat(map(INTEGER, Cell.text(text)).value()).isEqualTo(expected);
    }

    @Test
    void rejectsFractionsForIntegerColumns() {
        assertThat(map(INTEGER, Cell.text("2.5")).error()).isEqualTo("'2.5' is not a whole number.");
        assertThat(map(BIGINT, Cell.number("2.5", new BigDecimal("2.5"))).error())
                .isEqualTo("'2.5' is not a whole number.");
        assertThat(map(BIGINT, Cell.text("99999999999999999999")).error())
                .isEqualTo("'99999999999999999999' is too large for a whole number.");
    }

    @Test
    void integerColumnTakesAWholeNumberCellAsLong() {
        assertThat(map(INTEGER, Cell.number("28", new BigDecimal("28.000"))).value()).isEqualTo(28L);
    }

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            true  | true
            FALSE | false
            Yes   | true
            no    | false
            Y     | true
            n     | false
            1     | true
            0     | false
            """)
    void readsYesNoValues(String text, boolean expected) {
        assertThat(map(BOOLEAN, Cell.text(text)).value()).isEqualTo(expected);
    }

    @Test
    void booleanColumnTakesBooleanAndZeroOneCells() {
        assertThat(map(BOOLEAN, Cell.bool("TRUE", true)).value()).isEqualTo(true);
        assertThat(map(BOOLEAN, Cell.number("0", BigDecimal.ZERO)).value()).isEqualTo(false);
        assertThat(map(BOOLEAN, Cell.text("maybe")).error())
                .isEqualTo("'maybe' is not a yes/no value (expected true/false, yes/no, y/n or 1/0).");
    }

    @Test
    void dateColumnTakesIsoTextAndDateCells() {
        assertThat(map(DATE, Cell.text("2024-01-31")).value()).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(map(DATE, Cell.date("31/01/2024", LocalDate.of(2024, 1, 31))).value())
                .isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(map(DATE, Cell.dateTime("31/01/2024 00:00", LocalDateTime.of(2024, 1, 31, 0, 0))).value())
                .isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void dateColumnRejectsOtherText() {
        assertThat(map(DATE, Cell.text("31.01.2024")).error()).isEqualTo(
                "'31.01.2024' is not a date (expected yyyy-MM-dd, or add a date transform with its pattern).");
        assertThat(map(DATE, Cell.text("2024-02-30")).error()).startsWith("'2024-02-30' is not a date");
        assertThat(map(DATE, Cell.dateTime("31/01/2024 14:00", LocalDateTime.of(2024, 1, 31, 14, 0))).error())
                .isEqualTo("'31/01/2024 14:00' has a time of day, but the column holds dates only.");
    }

    @Test
    void timestampColumnTakesIsoTextAndDateCells() {
        assertThat(map(TIMESTAMP, Cell.text("2024-01-31 14:05:00")).value())
                .isEqualTo(LocalDateTime.of(2024, 1, 31, 14, 5));
        assertThat(map(TIMESTAMP, Cell.date("31.01.2024", LocalDate.of(2024, 1, 31))).value())
                .isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
    }

    @ParameterizedTest(name = "{0} keeps ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            VARCHAR | 00417
            CHAR    | 007
            VARCHAR | 1234567890123456789012
            """)
    void charColumnsKeepTheTextWithLeadingZeros(JDBCType type, String text) {
        assertThat(map(type, Cell.text(text)).value()).isEqualTo(text);
    }

    @Test
    void charColumnTakesTheShownTextOfANumberCell() {
        assertThat(map(VARCHAR, Cell.number("00417", new BigDecimal("417"))).value()).isEqualTo("00417");
        assertThat(map(CHAR, Cell.date("31.01.2024", LocalDate.of(2024, 1, 31))).value()).isEqualTo("31.01.2024");
    }

    @Test
    void blankCellsAndNullMarkersGiveNoValueAndNoError() {
        for (JDBCType type : List.of(VARCHAR, NUMERIC, INTEGER, DATE, BOOLEAN)) {
            assertThat(map(type, Cell.BLANK)).isEqualTo(new MappedValue(null, "", "Value", "A17", null));
            assertThat(map(type, Cell.text("   ")).value()).isNull();
            assertThat(map(type, List.of("N/A", "-"), Cell.text(" n/a ")))
                    .isEqualTo(new MappedValue(null, "", "Value", "A17", null));
        }
    }

    @Test
    void errorCellsAreReportedWithTheirCode() {
        assertThat(map(NUMERIC, Cell.error("#DIV/0!")).error()).isEqualTo("'#DIV/0!' is not a number.");
    }
}
