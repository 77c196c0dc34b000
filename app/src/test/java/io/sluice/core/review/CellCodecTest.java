package io.sluice.core.review;

import io.sluice.core.source.Cell;
import io.sluice.core.source.CellType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellCodecTest {

    static Stream<Cell> cells() {
        return Stream.of(
                Cell.BLANK,
                Cell.text("00042"),
                Cell.number("12,345,678,901,234,567,890", new BigDecimal("12345678901234567890")),
                Cell.number("1.50", new BigDecimal("1.50")),
                Cell.number("-0.000001", new BigDecimal("-0.000001")),
                Cell.date("29/02/2024", LocalDate.of(2024, 2, 29)),
                Cell.dateTime("2024-01-01 00:00", LocalDateTime.of(2024, 1, 1, 0, 0)),
                Cell.dateTime("31.12.1999 23:59:59.123", LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_000_000)),
                Cell.bool("TRUE", true),
                Cell.bool("FALSE", false),
                Cell.error("#DIV/0!"),
                new Cell("", CellType.TEXT, ""),
                new Cell("shown", CellType.TEXT, "stored"),
                new Cell("  ", CellType.BLANK, null),
                new Cell("n/a", CellType.NUMBER, null));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void restoresEveryCellExactly(Cell cell) {
        String stored = CellCodec.encode(cell);

        assertThat(CellCodec.decode(cell.text(), stored)).isEqualTo(cell);
    }

    @Test
    void storesNothingExtraForPlainTextAndBlankCells() {
        assertThat(CellCodec.encode(Cell.text("MIX-001"))).isNull();
        assertThat(CellCodec.encode(Cell.BLANK)).isNull();
    }

    @Test
    void storesANumbersCanonicalTextWhetherOrNotItShowsAsWritten() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong() >> random.nextInt(64), random.nextInt(30) - 5);
            String plain = value.toPlainString();
            String text = switch (random.nextInt(5)) {
                case 0 -> value.toString();
                case 1 -> value.setScale(Math.max(0, value.scale() - 1), RoundingMode.HALF_UP).toPlainString();
                case 2 -> "-" + plain;
                default -> plain;
            };

            assertThat(CellCodec.encode(Cell.number(text, value))).as("%s shown as %s", value, text)
                    .isEqualTo("N" + plain);
        }
    }

    @Test
    void storesCanonicalTextThatSqlCanFilterOn() {
        assertThat(CellCodec.encode(Cell.number("1.2E+3", new BigDecimal("1.2E+3")))).isEqualTo("N1200");
        assertThat(CellCodec.encode(Cell.date("1/2/24", LocalDate.of(2024, 1, 2)))).isEqualTo("D2024-01-02");
        assertThat(CellCodec.encode(Cell.dateTime("x", LocalDateTime.of(2024, 1, 2, 3, 4))))
                .isEqualTo("S2024-01-02T03:04:00");
        assertThat(CellCodec.encode(Cell.bool("WAHR", true))).isEqualTo("Ltrue");
        assertThat(CellCodec.encode(Cell.error("#N/A"))).isEqualTo("E#N/A");
    }

    @Test
    void refusesAValueOfTheWrongJavaType() {
        Cell wrong = new Cell("1.5", CellType.NUMBER, 1.5d);

        assertThatThrownBy(() -> CellCodec.encode(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BigDecimal");
    }
}
