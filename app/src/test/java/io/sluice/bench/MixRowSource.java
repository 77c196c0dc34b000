package io.sluice.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * Produces the rows of one generated file, one at a time, from a seeded random sequence. Memory stays constant
 * whatever the row count: the only state kept is a short ring of recent mix codes for planting duplicates.
 */
final class MixRowSource implements Iterator<MixRow> {

    static final String[] SUPPLIER_CODES = {"NORD", "ALPC", "CEMS", "RHEI", "EVIA"};
    static final int[] AGES = {1, 3, 7, 14, 28, 56, 90, 180, 365};
    // 28 days is the standard test age, so it dominates as in a real lab database.
    private static final int[] AGE_WEIGHTS = {1, 2, 4, 2, 8, 2, 2, 1, 1};
    private static final int AGE_WEIGHT_TOTAL = Arrays.stream(AGE_WEIGHTS).sum();
    private static final LocalDate FIRST_CAST = LocalDate.of(2019, 1, 1);
    private static final int CAST_SPAN_DAYS = 5 * 365;

    // Every text is encodable in Windows-1252, so the German CSV never loses a character.
    private static final String[] REMARKS = {
        "Prüfkörper 150 mm Würfel, Wasserlagerung",
        "béton prêt à l'emploi; livraison à 7h30",
        "Cured at 20 °C, 95 % RH",
        "Slump low, added SP on site, re-tested",
        "Sample labelled \"B-7\", see lab sheet",
        "Two cubes cracked during demoulding.\nThird cube tested twice.",
        "Ø 100 mm cores, drilled after 28 d",
        "Festigkeit außerhalb Erwartung,\nbitte prüfen; Rückfrage an Labor",
        "hormigón con cenizas volantes – muestra B",
        "Fog room 2, rack 3 (see \"LabDB\" note), tested by J. Müller",
        "Price 112 €/m³ incl. transport",
        "Sieblinie A/B 16; Konsistenz F3",
    };
    private static final String[] PLANTS = {"Werk Nord", "Plant 2 – Harbour", "Usine de Lyon", "Planta Sevilla"};
    private static final String[] OPERATORS = {"J. Müller", "A. Ødegård", "C. Núñez", "M. Dubois", "K. Schmidt",
        "L. Björk"};

    private final GeneratorOptions options;
    private final Random random;
    private final FaultPlanter planter;
    private long produced;

    MixRowSource(GeneratorOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.planter = new FaultPlanter(options, random);
    }

    @Override
    public boolean hasNext() {
        return produced < options.rows();
    }

    @Override
    public MixRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("All " + options.rows() + " rows have been generated.");
        }
        long number = ++produced;
        Object[] values = new Object[MixColumn.values().length];
        fillCleanRow(number, values);
        InjectedFault fault = planter.maybePlant(number, values);
        planter.remember(((String) values[MixColumn.MIX_CODE.ordinal()]).trim().toUpperCase(Locale.ROOT));
        return new MixRow(number, Collections.unmodifiableList(Arrays.asList(values)), fault);
    }

    private void fillCleanRow(long number, Object[] v) {
        v[MixColumn.MIX_CODE.ordinal()] = messy(mixCode(number));
        BigDecimal cement = decimal(between(260, 520), 1);
        v[MixColumn.CEMENT.ordinal()] = cement;
        v[MixColumn.WATER.ordinal()] = decimal(cement.doubleValue() * between(0.32, 0.68), 1);
        v[MixColumn.FLY_ASH.ordinal()] = optionalMass(0.45, 40, 180);
        v[MixColumn.SLAG.ordinal()] = optionalMass(0.60, 50, 250);
        v[MixColumn.COARSE_AGGREGATE.ordinal()] = decimal(between(850, 1150), 1);
        v[MixColumn.FINE_AGGREGATE.ordinal()] = decimal(between(600, 900), 1);
        v[MixColumn.SUPERPLASTICIZER.ordinal()] = random.nextDouble() < 0.3 ? null : decimal(between(0.5, 12), 2);
        int age = age();
        v[MixColumn.AGE_DAYS.ordinal()] = age;
        Ratios.update(v);
        v[MixColumn.STRENGTH.ordinal()] = strength((BigDecimal) v[MixColumn.W_B.ordinal()], age);
        v[MixColumn.CAST_DATE.ordinal()] = FIRST_CAST.plusDays(random.nextInt(CAST_SPAN_DAYS));
        v[MixColumn.SUPPLIER.ordinal()] = messy(SUPPLIER_CODES[random.nextInt(SUPPLIER_CODES.length)]);
        v[MixColumn.REMARKS.ordinal()] = random.nextDouble() < 0.55 ? null : pick(REMARKS);
        v[MixColumn.SLUMP.ordinal()] = 30 + 5 * random.nextInt(39);
        v[MixColumn.AIR_CONTENT.ordinal()] = decimal(between(1.0, 6.5), 1);
        v[MixColumn.TEMPERATURE.ordinal()] = decimal(between(8, 30), 1);
        v[MixColumn.BATCH_PLANT.ordinal()] = pick(PLANTS);
        v[MixColumn.OPERATOR.ordinal()] = pick(OPERATORS);
    }

    /**
     * DS1-000123 mostly; about one in eight as 00123-B, the form whose leading zeros a spreadsheet loses when it
     * takes the code for a number. Both forms derive from the row number, so codes are unique up to 2.6 million rows.
     */
    private String mixCode(long number) {
        if (random.nextDouble() < 0.125) {
            return "%05d-%c".formatted(number % 100_000, (char) ('A' + (number / 100_000) % 26));
        }
        return "%s-%06d".formatted(options.codePrefix(), number);
    }

    /** A few codes arrive lower-case or padded, as typed by hand: trim and upper in the profile repair them. */
    private String messy(String text) {
        double r = random.nextDouble();
        if (r < 0.02) {
            return text.toLowerCase(Locale.ROOT);
        }
        if (r < 0.04) {
            return " " + text + " ";
        }
        return text;
    }

    private BigDecimal optionalMass(double absentShare, double min, double max) {
        if (random.nextDouble() < absentShare) {
            return random.nextBoolean() ? null : BigDecimal.ZERO.setScale(1);
        }
        return decimal(between(min, max), 1);
    }

    private int age() {
        int r = random.nextInt(AGE_WEIGHT_TOTAL);
        for (int i = 0; i < AGES.length; i++) {
            r -= AGE_WEIGHTS[i];
            if (r < 0) {
                return AGES[i];
            }
        }
        return 28;
    }

    /** Abrams-style strength from w/b, scaled by the ACI 209 age curve t / (4 + 0.85 t), with 5 % scatter. */
    private BigDecimal strength(BigDecimal waterBinder, int age) {
        double f28 = 95 * Math.exp(-1.9 * waterBinder.doubleValue());
        double ageFactor = age / (4 + 0.85 * age);
        double scatter = 1 + 0.05 * random.nextGaussian();
        return decimal(Math.max(2, f28 * ageFactor * scatter), 2);
    }

    private double between(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    static BigDecimal decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
