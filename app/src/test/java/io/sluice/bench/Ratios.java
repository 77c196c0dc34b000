package io.sluice.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Keeps w/c and w/b consistent with the masses of a row after any change to them. */
final class Ratios {

    private Ratios() {
    }

    static void update(Object[] v) {
        if (!(v[MixColumn.CEMENT.ordinal()] instanceof BigDecimal cement)
                || !(v[MixColumn.WATER.ordinal()] instanceof BigDecimal water)) {
            return;
        }
        BigDecimal binder = cement.add(mass(v[MixColumn.FLY_ASH.ordinal()])).add(mass(v[MixColumn.SLAG.ordinal()]));
        v[MixColumn.W_C.ordinal()] = cement.signum() == 0 ? SpreadsheetError.DIV_0 : ratio(water, cement);
        v[MixColumn.W_B.ordinal()] = binder.signum() == 0 ? SpreadsheetError.DIV_0 : ratio(water, binder);
    }

    private static BigDecimal mass(Object value) {
        return value instanceof BigDecimal d ? d : BigDecimal.ZERO;
    }

    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return numerator.divide(denominator, 3, RoundingMode.HALF_UP);
    }
}
