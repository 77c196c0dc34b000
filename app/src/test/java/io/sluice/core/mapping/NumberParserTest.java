package io.sluice.core.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** A parsed number is exactly the file's number: the same digits and the same scale, whatever path parsed it. */
class NumberParserTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-0", "-0.0", "0.000", "7", "+7", "007", "340.3", "-340.30", ".5", "5.", "1057.1",
            "0.282", "123456789012345678", "-123456789012345678", "999999999999999999", "1234567890123456789",
            "12345678901234567890.5", "0.1234567890123456789", "-9223372036854775808", "9223372036854775807",
            "18446744073709551616", "1e3", "-2.5E-4", "+1.5e2", "-1e3", "+12345678901234567890.25",
            "-12345678901234567890", "00000000000000000000001", "-0000000000000000000.000000000000000000001",
            "1234567890123456789e-5"})
    void keepsEveryDigitAndTheScaleOfPlainNumbers(String text) {
        BigDecimal parsed = NumberParser.PLAIN.parse(text);

        BigDecimal expected = new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        assertThat(parsed).isEqualTo(expected); // BigDecimal.equals compares scale too
        assertThat(parsed.toPlainString()).isEqualTo(expected.toPlainString());
        assertThat(parsed.precision()).isEqualTo(expected.precision());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12.345,6", "1.234.567.890.123.456.789,25", "-0,5", "999.999.999.999.999.999",
            "-1.234.567.890.123.456.789,25", "+1.234.567.890.123.456.789,000", "-0,000000000000000000001"})
    void keepsEveryDigitOfNumbersWithSeparators(String text) {
        BigDecimal parsed = NumberParser.forLocale(Locale.GERMANY).parse(text);

        assertThat(parsed).isEqualTo(new BigDecimal(text.replace(".", "").replace(',', '.')));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1\u00A0234\u00A0567\u00A0890\u00A0123\u00A0456\u00A0789,5",
            "-12 345 678 901 234 567 890,25", "12\u202F345,6"})
    void keepsEveryDigitOfNumbersGroupedWithSpaces(String text) {
        BigDecimal parsed = NumberParser.forLocale(Locale.FRANCE).parse(text);

        assertThat(parsed).isEqualTo(new BigDecimal(text.replaceAll("[ \u00A0\u202F]", "").replace(',', '.')));
    }

    @ParameterizedTest(name = "'{0}'")
    @ValueSource(strings = {"", "-", "+", ".", "1e", "1e+", "e5", "1.2.3", "12,5x", "1 2", "--1", "1e1234567890"})
    void refusesWhatIsNotAPlainNumber(String text) {
        assertThat(NumberParser.PLAIN.parse(text)).isNull();
    }
}
