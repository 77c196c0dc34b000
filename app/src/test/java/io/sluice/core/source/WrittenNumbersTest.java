package io.sluice.core.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A number's written text stands for its display only where deriving the display from the value gives it. */
class WrittenNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-7", "12345", "9007199254740993", "123456789012345678901234567890", "12.5",
            "-0.5", "0.001", "350.25", "-1234.567", "123456789012345", "12345678901234.5", "0.000123456789012345"})
    void takesTheWrittenTextAsTheGeneralDisplay(String written) {
        assertThat(WrittenNumbers.isGeneralDisplay(written)).isTrue();
        assertThat(ExcelCells.general(new BigDecimal(written))).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "007", "-012", "12.50", "1.0", "12.", ".5", "1E+3", "1e3", "+5", " 5", "5 ",
            "0.30000000000000004", "1234567890123456.5", "0.1234567890123456", "-", "", "1.2.3", "12a", "0.30000000000000"})
    void leavesEveryOtherTextToTheValue(String written) {
        assertThat(WrittenNumbers.isGeneralDisplay(written)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"340.3, 1, 340.3", "180.0, 0, 180", "3.0, 1, 3.0", "2.25, 2, 2.25", "0.42, 3, 0.420", "7, 2, 7.00",
            "0.0, 0, 0", "0, 1, 0.0", "-12.0, 0, -12", "-12.5, 2, -12.50", "1057.10, 1, 1057.1"})
    void showsAFixedFormatFromTheWrittenDigits(String written, int scale, String expected) {
        assertThat(WrittenNumbers.fixed(written, scale)).isEqualTo(expected);
        assertThat(ExcelFastFormats.fixed(new BigDecimal(written), scale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"12.35, 1", "0.005, 2", "-0.0, 0", "-0.4, 0", "1E+3, 0", "1234567890123456.5, 1", "0.49, 0"})
    void leavesRoundingAndSignsToTheValue(String written, int scale) {
        assertThat(WrittenNumbers.fixed(written, scale)).isNull();
    }

    @Test
    void agreesWithTheDisplayOfTheValueOnManyNumbers() {
        Random random = new Random(14);
        for (int i = 0; i < 200_000; i++) {
            String written = randomNumberText(random);
            BigDecimal value = new BigDecimal(written);
            if (WrittenNumbers.isGeneralDisplay(written)) {
                assertThat(ExcelCells.general(value)).as(written).isEqualTo(written);
            }
            int scale = random.nextInt(5);
            String fixed = WrittenNumbers.fixed(written, scale);
            if (fixed != null) {
                assertThat(ExcelFastFormats.fixed(value, scale)).as(written + " at scale " + scale).isEqualTo(fixed);
            }
        }
    }

    @Test
    void aCellShowsTheSameTextWhetherOrNotItsWrittenTextIsGiven() {
        ExcelCells cells = new ExcelCells(false);
        for (String written : List.of("12.5", "12.50", "1E+3", "0.30000000000000004", "-0", "123456789012345678",
                "2.5E-7", "340.3", "180.0", "-0.0", "-0.04", "0.005")) {
            BigDecimal value = new BigDecimal(written);
            for (int format : new int[] {0, 1, 2}) { // General, 0, 0.00
                List<SourceIssue> textIssues = new ArrayList<>();
                List<SourceIssue> valueIssues = new ArrayList<>();
                Cell fromText = cells.number(value, written, format, null, 2, 0, textIssues);
                Cell fromValue = cells.number(value, format, null, 2, 0, valueIssues);
                assertThat(fromText).as(written + " in format " + format).isEqualTo(fromValue);
                assertThat(textIssues).as(written + " in format " + format).isEqualTo(valueIssues);
            }
        }
    }

    private static String randomNumberText(Random random) {
        StringBuilder text = new StringBuilder();
        if (random.nextBoolean()) {
            text.append('-');
        }
        int integerDigits = random.nextInt(20);
        for (int d = 0; d < integerDigits; d++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (integerDigits == 0) {
            text.append('0');
        }
        if (random.nextBoolean()) {
            int fractionDigits = 1 + random.nextInt(19);
            text.append('.');
            for (int d = 0; d < fractionDigits; d++) {
                text.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
            }
        }
        return text.toString();
    }
}
