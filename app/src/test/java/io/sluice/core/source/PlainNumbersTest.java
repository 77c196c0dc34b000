package io.sluice.core.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A text counts as a value's plain string only where {@link BigDecimal#toPlainString()} prints exactly that text. */
class PlainNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "-7", "12345", "12.5", "1.50", "-0.5", "0.001", "0.000", "0.10", "-1234.567",
            "350.25", "123456789012345678", "-123456789012345678", "0.000000000000000000000000000001",
            "-99999999.9999999999", "100", "10.05"})
    void knowsTheTextOfTheValueItWasReadFrom(String text) {
        BigDecimal value = new BigDecimal(text);

        assertThat(value.toPlainString()).isEqualTo(text);
        assertThat(PlainNumbers.isPlainStringOf(text, value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0", "-0.0", "-0.000", "007", "00.5", "+5", ".5", "5.", "1E+3", "1e3", "1.2E-5",
            "2.5E-7", "-1E+2", "0E+1", "1,000", " 1", "1 ", "", "-", "١٢", "0x10", "1.2.3"})
    void neverTakesATextBigDecimalWouldPrintOtherwise(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            value = BigDecimal.TEN;
        }

        assertThat(value.toPlainString()).isNotEqualTo(text);
        assertThat(PlainNumbers.isPlainStringOf(text, value)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"0.3, 0.30000000000000004", "12.5, 12.50", "12.50, 12.5", "1000, 1E+3", "5, -5", "-5, 5",
            "0.5, 0.05", "123, 1.23", "1234567.1, 1234567.2", "9223372036854775807, 9223372036854775806"})
    void refusesATextThatShowsAnotherValue(String text, String value) {
        assertThat(PlainNumbers.isPlainStringOf(text, new BigDecimal(value))).isFalse();
    }

    @Test
    void leavesTextsOfMoreThanEighteenDigitsToThePrintedValue() {
        for (String text : new String[] {"1234567890123456789", "123456789012345678901234567890", "-0.1234567890123456789",
                "9223372036854775807", "-9223372036854775808", "99999999999999999999.5"}) {
            assertThat(new BigDecimal(text).toPlainString()).isEqualTo(text);
            assertThat(PlainNumbers.isPlainStringOf(text, new BigDecimal(text))).as(text).isFalse();
        }
    }

    @Test
    void agreesWithToPlainStringOnManyTextsAndValues() {
        Random random = new Random(54);
        int taken = 0;
        for (int i = 0; i < 500_000; i++) {
            String text = randomText(random);
            BigDecimal value = valueFor(text, random);
            boolean plain = PlainNumbers.isPlainStringOf(text, value);
            String printed = value.toPlainString();
            if (plain) {
                taken++;
                assertThat(printed).as("%s against %s", text, value).isEqualTo(text);
            } else if (printed.equals(text)) {
                // a refusal is only ever for a text too long to check cheaply, or a value of negative scale
                assertThat(digits(text) > 18 || value.scale() < 0).as("%s against %s", text, value).isTrue();
            }
        }
        assertThat(taken).isGreaterThan(50_000);
    }

    @Test
    void takesThePlainStringOfEveryValueOfAtMostEighteenDigits() {
        Random random = new Random(57);
        for (int i = 0; i < 200_000; i++) {
            long unscaled = random.nextLong() / (1L << random.nextInt(63)) % 1_000_000_000_000_000_000L;
            BigDecimal value = BigDecimal.valueOf(unscaled, random.nextInt(25));

            assertThat(PlainNumbers.isPlainStringOf(value.toPlainString(), value)).as("%s", value).isTrue();
        }
    }

    /** Mostly numbers as a sheet writes them; sometimes signs, zeros and exponents BigDecimal prints otherwise. */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int sign = random.nextInt(10);
        text.append(sign < 4 ? "-" : sign == 4 ? "+" : "");
        int integerDigits = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 6 : 22);
        for (int d = 0; d < integerDigits; d++) {
            text.append(digit(random));
        }
        if (integerDigits == 0 && random.nextInt(5) > 0) {
            text.append('0');
        }
        if (random.nextInt(3) > 0) {
            text.append('.');
            int fractionDigits = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 4 : 22);
            for (int d = 0; d < fractionDigits; d++) {
                text.append(digit(random));
            }
        }
        if (random.nextInt(12) == 0) {
            text.append(random.nextBoolean() ? 'E' : 'e').append(random.nextBoolean() ? "-" : "+")
                    .append(random.nextInt(30));
        }
        return text.toString();
    }

    /** A zero half the time, so that leading and trailing zeros and "-0" come up often. */
    private static char digit(Random random) {
        return random.nextBoolean() ? '0' : (char) ('0' + random.nextInt(10));
    }

    /** The value the text was read as, or another one: rescaled, rounded, stripped, negated, a neighbour. */
    private static BigDecimal valueFor(String text, Random random) {
        BigDecimal read;
        try {
            read = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return BigDecimal.valueOf(random.nextLong(), random.nextInt(10) - 2);
        }
        return switch (random.nextInt(12)) {
            case 0 -> read.setScale(read.scale() + 1);
            case 1 -> read.scale() > 0 ? read.setScale(read.scale() - 1, RoundingMode.HALF_UP) : read.negate();
            case 2 -> read.stripTrailingZeros();
            case 3 -> read.negate();
            case 4 -> read.add(BigDecimal.ONE.movePointLeft(Math.max(0, read.scale())));
            case 5 -> new BigDecimal(read.unscaledValue().add(BigInteger.ONE.shiftLeft(64)), read.scale());
            default -> read;
        };
    }

    private static int digits(String text) {
        return text.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length();
    }
}
