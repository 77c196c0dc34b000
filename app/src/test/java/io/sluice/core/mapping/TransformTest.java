package io.sluice.core.mapping;

import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import static io.sluice.core.mapping.MapOne.date;
import static io.sluice.core.mapping.MapOne.defaultValue;
import static io.sluice.core.mapping.MapOne.map;
import static io.sluice.core.mapping.MapOne.nullIf;
import static io.sluice.core.mapping.MapOne.number;
import static io.sluice.core.mapping.MapOne.numberLocale;
import static io.sluice.core.mapping.MapOne.op;
import static io.sluice.core.mapping.MapOne.replace;
import static io.sluice.core.mapping.MapOne.split;
import static java.sql.JDBCType.DATE;
import static java.sql.JDBCType.NUMERIC;
import static java.sql.JDBCType.TIMESTAMP;
import static java.sql.JDBCType.VARCHAR;
import static org.assertj.core.api.Assertions.assertThat;

class TransformTest {

    static Stream<Arguments> textTransforms() {
        return Stream.of(
                Arguments.of(op("trim"), "  Nordcem AB \t", "Nordcem AB"),
                Arguments.of(op("upper"), "nord", "NORD"),
                Arguments.of(op("lower"), "NORD", "nord"),
                Arguments.of(op("title"), "cimenterie d'évian-les-BAINS", "Cimenterie D'évian-Les-Bains"),
                Arguments.of(op("collapse-spaces"), "Fly   Ash\u00A0\u00A0mix", "Fly Ash mix"),
                Arguments.of(replace(" kg", "", false), "350 kg", "350"),
                Arguments.of(replace(".", "-", false), "a.b.c", "a-b-c"),
                Arguments.of(replace("^M-(\\d+)$", "MIX-$1", true), "M-017", "MIX-017"),
                Arguments.of(replace("\\s+", " ", true), "a \t b", "a b"),
                Arguments.of(nullIf("n.a.", "--"), " N.A. ", ""),
                Arguments.of(nullIf("n.a."), "none", "none"),
                Arguments.of(defaultValue("NORD"), "", "NORD"),
                Arguments.of(defaultValue("NORD"), "ALPC", "ALPC"),
                Arguments.of(split("-", 0), "NORD-Plant 2", "NORD"),
                Arguments.of(split("-", 1), "NORD-Plant 2", "Plant 2"),
                Arguments.of(split("-", -1), "a-b-c", "c"),
                Arguments.of(split(" / ", 1), "x / y / z", "y"),
                Arguments.of(split("-", 3), "a-b", ""),
                Arguments.of(split("-", -3), "a-b", ""),
                Arguments.of(split(";", 0), "no separator", "no separator"));
    }

    @ParameterizedTest(name = "{0} turns ''{1}'' into ''{2}''")
    @MethodSource("textTransforms")
    void transformsText(TransformSpec transform, String input, String expected) {
        MappedValue v = map(VARCHAR, Cell.text(input), transform);

        assertThat(v.error()).isNull();
        assertThat(v.text()).isEqualTo(expected);
        assertThat(v.value()).isEqualTo(expected.isEmpty() ? null : expected);
    }

    static Stream<Arguments> numberTransforms() {
        return Stream.of(
                Arguments.of(numberLocale("de-DE"), "12.345,6", "12345.6"),
                Arguments.of(numberLocale("de-DE"), "-0,25", "-0.25"),
                Arguments.of(numberLocale("de-DE"), "1.234.567", "1234567"),
                Arguments.of(numberLocale("en-US"), "12,345.6", "12345.6"),
                Arguments.of(numberLocale("fr-FR"), "12 345,6", "12345.6"),
                Arguments.of(numberLocale("fr-FR"), "12\u202F345,6", "12345.6"),
                Arguments.of(number(",", "."), "12.345,6", "12345.6"),
                Arguments.of(number(",", null), "350,5", "350.5"),
                Arguments.of(number(".", "'"), "1'234.5", "1234.5"),
                Arguments.of(number(",", "."), " 7 ", "7"));
    }

    @ParameterizedTest(name = "{0} reads ''{1}'' as {2}")
    @MethodSource("numberTransforms")
    void parsesNumbersWithSeparators(TransformSpec transform, String input, String expected) {
        MappedValue v = map(NUMERIC, Cell.text(input), transform);

        assertThat(v.error()).isNull();
        assertThat(v.value()).isEqualTo(new BigDecimal(expected));
    }

    static Stream<Arguments> badNumbers() {
        return Stream.of(
                Arguments.of(numberLocale("de-DE"), "12,5x", "'12,5x' is not a number like 12.345,6."),
                Arguments.of(numberLocale("de-DE"), "12.5", "'12.5' is not a number like 12.345,6."),
                Arguments.of(number(",", "."), "1.23,4", "'1.23,4' is not a number like 12.345,6."),
                Arguments.of(number(",", "."), "1,2,3", "'1,2,3' is not a number like 12.345,6."),
                Arguments.of(number(",", null), "1.234,5", "'1.234,5' is not a number like 12345,6."));
    }

    @ParameterizedTest(name = "{0} rejects ''{1}''")
    @MethodSource("badNumbers")
    void reportsTextThatIsNotANumberInThatFormat(TransformSpec transform, String input, String message) {
        MappedValue v = map(NUMERIC, Cell.text(input), transform);

        assertThat(v.value()).isNull();
        assertThat(v.error()).isEqualTo(message);
        assertThat(v.text()).isEqualTo(input);
    }

    @Test
    void numberTransformKeepsTheExactValueOfANumberCell() {
        MappedValue v = map(NUMERIC, Cell.number("1.234,57 €", new BigDecimal("1234.5678")), numberLocale("de-DE"));

        assertThat(v.value()).isEqualTo(new BigDecimal("1234.5678"));
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of(date("dd.MM.yyyy"), "31.01.2024", LocalDate.of(2024, 1, 31)),
                Arguments.of(date("dd/MM/yyyy"), "05/03/2024", LocalDate.of(2024, 3, 5)),
                Arguments.of(date("MM/dd/yyyy"), "05/03/2024", LocalDate.of(2024, 5, 3)),
                Arguments.of(date("dd.MM.yyyy", "d.M.yy"), "5.3.24", LocalDate.of(2024, 3, 5)),
                Arguments.of(date("yyyy-MM-dd"), " 2024-02-29 ", LocalDate.of(2024, 2, 29)),
                Arguments.of(date("d-MMM-yyyy"), "7-mar-2024", LocalDate.of(2024, 3, 7)),
                Arguments.of(date("dd.MM.yyyy HH:mm"), "31.01.2024 00:00", LocalDate.of(2024, 1, 31)));
    }

    @ParameterizedTest(name = "{0} reads ''{1}''")
    @MethodSource("dates")
    void parsesDatesWithPatternsInOrder(TransformSpec transform, String input, LocalDate expected) {
        MappedValue v = map(DATE, Cell.text(input), transform);

        assertThat(v.error()).isNull();
        assertThat(v.value()).isEqualTo(expected);
    }

    @Test
    void rejectsImpossibleDatesInsteadOfRollingThemOver() {
        MappedValue v = map(DATE, Cell.text("31.02.2024"), date("dd.MM.yyyy"));

        assertThat(v.value()).isNull();
        assertThat(v.error()).isEqualTo("'31.02.2024' is not a date like dd.MM.yyyy.");
    }

    @Test
    void namesEveryPatternWhenNoneFits() {
        assertThat(map(DATE, Cell.text("2024/31/01"), date("dd.MM.yyyy", "yyyy-MM-dd")).error())
                .isEqualTo("'2024/31/01' is not a date like dd.MM.yyyy or yyyy-MM-dd.");
    }

    @Test
    void dateTransformAcceptsAnExcelDateCellDirectly() {
        Cell excelDate = Cell.date("Jan 31, 24", LocalDate.of(2024, 1, 31));

        assertThat(map(DATE, excelDate, date("dd.MM.yyyy")).value()).isEqualTo(LocalDate.of(2024, 1, 31));
    }

    @Test
    void dateTransformWithTimeFillsTimestampColumns() {
        MappedValue v = map(TIMESTAMP, Cell.text("31.01.2024 14:05"), date("dd.MM.yyyy HH:mm"));

        assertThat(v.value()).isEqualTo(LocalDateTime.of(2024, 1, 31, 14, 5));
    }

    @Test
    void dateParsedForATextColumnIsWrittenInIsoForm() {
        assertThat(map(VARCHAR, Cell.text("31.01.2024"), date("dd.MM.yyyy")).value()).isEqualTo("2024-01-31");
    }

    @Test
    void transformsRunInOrder() {
        MappedValue v = map(NUMERIC, Cell.text(" ca. 350,5 kg "), op("trim"), replace("^ca\\.\\s*", "", true),
                replace(" kg", "", false), number(",", "."));

        assertThat(v.value()).isEqualTo(new BigDecimal("350.5"));
        assertThat(v.text()).isEqualTo("350,5");
    }

    @Test
    void nullIfThenDefaultGivesTheDefault() {
        assertThat(map(VARCHAR, Cell.text("unknown"), nullIf("UNKNOWN"), defaultValue("NORD")).value())
                .isEqualTo("NORD");
    }

    @Test
    void textTransformOnANumberCellWorksOnItsShownText() {
        MappedValue v = map(VARCHAR, Cell.number("00417", new BigDecimal("417")), replace("00", "X-", false));

        assertThat(v.value()).isEqualTo("X-417");
    }

    @Test
    void changingTheTextOfANumberCellDropsItsStoredValue() {
        MappedValue v = map(NUMERIC, Cell.number("1,5", new BigDecimal("1.5")), replace(",", ".", false),
                replace("1.5", "2.5", false));

        assertThat(v.value()).isEqualTo(new BigDecimal("2.5"));
        assertThat(v.text()).isEqualTo("2.5");
    }
}
