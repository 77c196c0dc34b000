package io.sluice.core.commit;

import java.math.BigDecimal;

/**
 * A decimal's magnitude as PostgreSQL's {@code numeric} holds it: base-10000 digits, most significant first, and the
 * weight (power of 10000) of the first, without leading or trailing zero groups. Reused value to value.
 */
final class NumericGroups {

    private static final long[] TENS = new long[19];

    static {
        TENS[0] = 1;
        for (int i = 1; i < TENS.length; i++) {
            TENS[i] = TENS[i - 1] * 10;
        }
    }

    private short[] digits = new short[64];
    private int first;
    private int count;
    private int weight;

    /** Takes {@code d}'s magnitude; false when its weight is beyond what a numeric can hold. */
    boolean of(BigDecimal d) {
        int all;
        int wholeGroups;
        if (d.scale() >= 0 && d.scale() <= 14 && d.precision() <= 18) {
            // below 10^18 and its fraction padded to whole groups below 10^16: all in longs. longValue reads a
            // compact value without making a BigInteger (as CopyCsv does)
            long unscaled = Math.abs((d.scale() == 0 ? d : d.scaleByPowerOfTen(d.scale())).longValue());
            long whole = unscaled / TENS[d.scale()];
            int fractionGroups = (d.scale() + 3) / 4;
            long fraction = unscaled % TENS[d.scale()] * TENS[fractionGroups * 4 - d.scale()];
            wholeGroups = 0;
            for (long w = whole; w != 0; w /= 10_000) {
                wholeGroups++;
            }
            all = wholeGroups + fractionGroups;
            for (int i = wholeGroups - 1; i >= 0; i--) {
                digits[i] = (short) (whole % 10_000);
                whole /= 10_000;
            }
            for (int i = all - 1; i >= wholeGroups; i--) {
                digits[i] = (short) (fraction % 10_000);
                fraction /= 10_000;
            }
        } else {
            String decimal = d.unscaledValue().abs().toString();
            int fractionDigits = d.scale();
            if (fractionDigits < 0) {
                decimal = decimal + "0".repeat(-fractionDigits);
                fractionDigits = 0;
            }
            int wholeDigits = decimal.length() - fractionDigits;
            // padded to whole groups of four on both sides of the point
            int leftPad = wholeDigits > 0 ? (4 - wholeDigits % 4) % 4 : 0;
            String padded = "0".repeat(leftPad) + (wholeDigits < 0 ? "0".repeat(-wholeDigits) : "") + decimal
                    + "0".repeat((4 - fractionDigits % 4) % 4);
            wholeGroups = wholeDigits > 0 ? (wholeDigits + leftPad) / 4 : 0;
            all = padded.length() / 4;
            if (all > digits.length) {
                digits = new short[all];
            }
            for (int i = 0; i < all; i++) {
                digits[i] = Short.parseShort(padded.substring(i * 4, i * 4 + 4));
            }
        }
        weight = wholeGroups - 1;
        first = 0;
        while (first < all && digits[first] == 0) {
            first++;
            weight--;
        }
        int last = all;
        while (last > first && digits[last - 1] == 0) {
            last--;
        }
        count = last - first;
        if (count == 0) {
            weight = 0;
        }
        return weight >= Short.MIN_VALUE && weight <= Short.MAX_VALUE;
    }

    int count() {
        return count;
    }

    int weight() {
        return weight;
    }

    /** The {@code i}-th digit, 0 to 9999. */
    int digit(int i) {
        return digits[first + i];
    }
}
