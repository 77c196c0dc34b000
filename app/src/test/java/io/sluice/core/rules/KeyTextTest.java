package io.sluice.core.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class KeyTextTest {

    @ParameterizedTest
    @CsvSource({"7.0,7", "7,7", "7.50,7.5", "0.050,0.05", "100.00,100", "1E+2,100", "-0.10,-0.1", "0.000,0",
            "-12.3400,-12.34", "12345678901234567890.1200,12345678901234567890.12", "1E-3,0.001", "-5E+1,-50"})
    void writesADecimalWithoutTrailingZerosInPlainNotation(String decimal, String key) {
        assertThat(KeyText.of(new BigDecimal(decimal))).isEqualTo(key);
    }

    @Test
    void givesEqualNumbersOfAnyTypeOrScaleTheSameKey() {
        assertThat(List.of(KeyText.of(7), KeyText.of(7L), KeyText.of((short) 7), KeyText.of((byte) 7),
                KeyText.of(7.0), KeyText.of(new BigDecimal("7.000")), KeyText.of(BigInteger.valueOf(7))))
                .containsOnly("7");
        assertThat(KeyText.of(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    }

    @Test
    void agreesWithStrippingTheDecimalForAnyUnscaledValueAndScale() {
        Random random = new Random(20261206);
        for (int n = 0; n < 50_000; n++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(90), random);
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            if (random.nextInt(4) == 0) {
                unscaled = unscaled.multiply(BigInteger.TEN.pow(random.nextInt(6)));
            }
            BigDecimal d = new BigDecimal(unscaled, random.nextInt(30) - 8);
            String stripped = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
            assertThat(KeyText.of(d)).as(d.toString()).isEqualTo(stripped);
            long l = random.nextLong() >> random.nextInt(64);
            assertThat(KeyText.of(l)).isEqualTo(new BigDecimal(Long.toString(l)).stripTrailingZeros().toPlainString()
                    .replaceAll("^-?0$", "0"));
        }
    }
}
