package io.sluice.core.source;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stored numbers a spreadsheet may have rounded: more than 15 digits before the decimal point. */
class ExcelCellsRoundedNumbersTest {

    @ParameterizedTest
    @CsvSource({"999999999999999, false", "1000000000000000, true", "-1000000000000000, true", "1E+15, true",
            "1.2345678901234568E+16, true", "12345678901234600, true", "1E+20, true",
            "123456789012345678901234567890, true", "999999999999999.99, false", "-999999999999999.5, false",
            "0.30000000000000004, false", "12345678901234.567, false", "0.1234567890123456789, false", "0, false",
            "0E+20, false", "1E-20, false", "-7, false"})
    void countsTheDigitsBeforeTheDecimalPoint(String stored, boolean mayBeRounded) {
        assertThat(ExcelCells.mayBeRounded(new BigDecimal(stored))).isEqualTo(mayBeRounded);
    }
}
