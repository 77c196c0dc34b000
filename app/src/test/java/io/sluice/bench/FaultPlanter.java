package io.sluice.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Decides which rows get a fault and plants it. Fault kinds take turns in a shuffled cycle, so a small file with a
 * dozen faulty rows still shows every kind.
 */
final class FaultPlanter {

    private static final double[] BAD_WC = {1.35, 0.12, 0.92, 1.18};
    private static final ImpossibleDate[] IMPOSSIBLE_DATES = {
        new ImpossibleDate(31, 2, 2021), new ImpossibleDate(30, 2, 2022), new ImpossibleDate(31, 4, 2020),
        new ImpossibleDate(29, 2, 2021), new ImpossibleDate(31, 6, 2023)};
    private static final String[] DATE_TEXTS = {"n/a", "sometime in May", "TBD", "Q3 2021"};
    private static final String[] UNKNOWN_SUPPLIERS = {"HOLC", "LAFA", "Heidelberg Materials", "XXXX", "NRD"};
    private static final MixColumn[] TEXT_TARGETS = {MixColumn.CEMENT, MixColumn.WATER, MixColumn.FLY_ASH,
        MixColumn.COARSE_AGGREGATE, MixColumn.FINE_AGGREGATE, MixColumn.AGE_DAYS, MixColumn.STRENGTH,
        MixColumn.SLUMP, MixColumn.AIR_CONTENT};
    private static final int RECENT_CODES = 64;

    private final GeneratorOptions options;
    private final Random random;
    private final List<Fault> kinds;
    private final List<Fault> cycle = new ArrayList<>();
    private final String[] recent = new String[RECENT_CODES];
    private int recentCount;

    FaultPlanter(GeneratorOptions options, Random random) {
        this.options = options;
        this.random = random;
        this.kinds = options.faults().stream().filter(this::visible).toList();
    }

    /** Records a code as written, so a later duplicate copies a code that really is in the file. */
    void remember(String code) {
        recent[recentCount % RECENT_CODES] = code;
        recentCount++;
    }

    /** Plants a fault in the row with the configured probability; returns it, or null for a clean row. */
    InjectedFault maybePlant(long number, Object[] v) {
        if (kinds.isEmpty() || random.nextDouble() >= options.faultRate()) {
            return null;
        }
        Fault fault = nextKind();
        while (fault == Fault.DUPLICATE_MIX_CODE && recentCount == 0) {
            // The first row has nothing to duplicate yet.
            if (kinds.size() == 1) {
                return null;
            }
            fault = nextKind();
        }
        MixColumn column = plant(fault, v);
        return new InjectedFault(number, fault, column, TextValues.plain(v[column.ordinal()]));
    }

    private Fault nextKind() {
        if (cycle.isEmpty()) {
            cycle.addAll(kinds);
            Collections.shuffle(cycle, random);
        }
        return cycle.remove(cycle.size() - 1);
    }

    private MixColumn plant(Fault fault, Object[] v) {
        return switch (fault) {
            case MISSING_AGGREGATE -> {
                MixColumn column = visible(MixColumn.FINE_AGGREGATE) && random.nextBoolean()
                        ? MixColumn.FINE_AGGREGATE : MixColumn.COARSE_AGGREGATE;
                v[column.ordinal()] = null;
                yield column;
            }
            case WC_OUT_OF_RANGE -> {
                BigDecimal cement = (BigDecimal) v[MixColumn.CEMENT.ordinal()];
                double wc = BAD_WC[random.nextInt(BAD_WC.length)];
                v[MixColumn.WATER.ordinal()] = MixRowSource.decimal(cement.doubleValue() * wc, 1);
                Ratios.update(v);
                yield MixColumn.W_C;
            }
            case DUPLICATE_MIX_CODE -> {
                v[MixColumn.MIX_CODE.ordinal()] = recent[random.nextInt(Math.min(recentCount, RECENT_CODES))];
                yield MixColumn.MIX_CODE;
            }
            case UNPARSEABLE_DATE -> {
                v[MixColumn.CAST_DATE.ordinal()] = random.nextBoolean()
                        ? IMPOSSIBLE_DATES[random.nextInt(IMPOSSIBLE_DATES.length)]
                        : DATE_TEXTS[random.nextInt(DATE_TEXTS.length)];
                yield MixColumn.CAST_DATE;
            }
            case UNKNOWN_SUPPLIER -> {
                v[MixColumn.SUPPLIER.ordinal()] = UNKNOWN_SUPPLIERS[random.nextInt(UNKNOWN_SUPPLIERS.length)];
                yield MixColumn.SUPPLIER;
            }
            case NEGATIVE_WATER -> {
                v[MixColumn.WATER.ordinal()] = ((BigDecimal) v[MixColumn.WATER.ordinal()]).negate();
                Ratios.update(v);
                yield MixColumn.WATER;
            }
            case TEXT_IN_NUMBER -> plantText(v);
            case ZERO_CEMENT -> {
                v[MixColumn.CEMENT.ordinal()] = BigDecimal.ZERO.setScale(1);
                if (!(v[MixColumn.FLY_ASH.ordinal()] instanceof BigDecimal ash) || ash.signum() == 0) {
                    // A binder of fly ash alone keeps w/b computable, so only w/c shows the division by zero.
                    v[MixColumn.FLY_ASH.ordinal()] = MixRowSource.decimal(180 + 120 * random.nextDouble(), 1);
                }
                Ratios.update(v);
                yield MixColumn.CEMENT;
            }
            case STRENGTH_OUTLIER -> {
                v[MixColumn.STRENGTH.ordinal()] = MixRowSource.decimal(121 + 78 * random.nextDouble(), 2);
                yield MixColumn.STRENGTH;
            }
        };
    }

    private MixColumn plantText(Object[] v) {
        List<MixColumn> targets = new ArrayList<>();
        for (MixColumn c : TEXT_TARGETS) {
            if (visible(c)) {
                targets.add(c);
            }
        }
        MixColumn column = targets.get(random.nextInt(targets.size()));
        Object clean = v[column.ordinal()];
        String number = clean instanceof BigDecimal d ? d.setScale(0, RoundingMode.HALF_UP).toPlainString()
                : String.valueOf(clean);
        String[] texts = {"ca. " + number, number + unit(column), "n.m.", "?", "see remark"};
        v[column.ordinal()] = texts[random.nextInt(texts.length)];
        return column;
    }

    private static String unit(MixColumn column) {
        return switch (column) {
            case AGE_DAYS -> " d";
            case STRENGTH -> " MPa";
            case SLUMP -> " mm";
            case AIR_CONTENT -> " %";
            default -> " kg";
        };
    }

    private boolean visible(MixColumn column) {
        return column.ordinal() < options.columns();
    }

    /** A fault kind is planted only when the columns it touches are written. */
    private boolean visible(Fault fault) {
        return switch (fault) {
            case MISSING_AGGREGATE -> visible(MixColumn.COARSE_AGGREGATE);
            case WC_OUT_OF_RANGE -> visible(MixColumn.W_C);
            case DUPLICATE_MIX_CODE -> visible(MixColumn.MIX_CODE);
            case UNPARSEABLE_DATE -> visible(MixColumn.CAST_DATE);
            case UNKNOWN_SUPPLIER -> visible(MixColumn.SUPPLIER);
            case NEGATIVE_WATER -> visible(MixColumn.WATER);
            case TEXT_IN_NUMBER, ZERO_CEMENT -> visible(MixColumn.CEMENT);
            case STRENGTH_OUTLIER -> visible(MixColumn.STRENGTH);
        };
    }
}
