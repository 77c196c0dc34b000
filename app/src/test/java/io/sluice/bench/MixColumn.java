package io.sluice.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The columns the generator can write, in file order. The first 15 are the lab export proper; the rest pad a file out
 * to 20 realistic columns for benchmarks.
 */
public enum MixColumn {
    MIX_CODE("Mix Code", "Mischung", Kind.TEXT, 0),
    CEMENT("Cement (kg/m3)", "Zement (kg/m³)", Kind.NUMBER, 1),
    WATER("Water (kg/m3)", "Wasser (kg/m³)", Kind.NUMBER, 1),
    FLY_ASH("Fly Ash (kg/m3)", "Flugasche (kg/m³)", Kind.NUMBER, 1),
    SLAG("Slag (kg/m3)", "Hüttensand (kg/m³)", Kind.NUMBER, 1),
    COARSE_AGGREGATE("Coarse Aggregate (kg/m3)", "Grobzuschlag (kg/m³)", Kind.NUMBER, 1),
    FINE_AGGREGATE("Fine Aggregate (kg/m3)", "Feinzuschlag (kg/m³)", Kind.NUMBER, 1),
    SUPERPLASTICIZER("Superplasticizer (kg/m3)", "Fließmittel (kg/m³)", Kind.NUMBER, 2),
    W_C("w/c", "w/z", Kind.NUMBER, 3),
    W_B("w/b", "w/b", Kind.NUMBER, 3),
    AGE_DAYS("Age (days)", "Alter (Tage)", Kind.NUMBER, 0),
    STRENGTH("Strength (MPa)", "Festigkeit (MPa)", Kind.NUMBER, 2),
    CAST_DATE("Cast Date", "Gießdatum", Kind.DATE, 0),
    SUPPLIER("Supplier", "Lieferant", Kind.TEXT, 0),
    REMARKS("Remarks", "Bemerkung", Kind.TEXT, 0),
    SLUMP("Slump (mm)", "Ausbreitmaß (mm)", Kind.NUMBER, 0),
    AIR_CONTENT("Air Content (%)", "Luftgehalt (%)", Kind.NUMBER, 1),
    TEMPERATURE("Temperature (°C)", "Frischbetontemperatur (°C)", Kind.NUMBER, 1),
    BATCH_PLANT("Batch Plant", "Mischwerk", Kind.TEXT, 0),
    OPERATOR("Operator", "Laborant", Kind.TEXT, 0);

    /** What a column holds when the row has no fault in it. */
    public enum Kind { TEXT, NUMBER, DATE }

    /** The number of columns of a lab export without padding. */
    public static final int CORE_COUNT = 15;

    private final String english;
    private final String german;
    private final Kind kind;
    private final int scale;

    MixColumn(String english, String german, Kind kind, int scale) {
        this.english = english;
        this.german = german;
        this.kind = kind;
        this.scale = scale;
    }

    public String english() {
        return english;
    }

    public String german() {
        return german;
    }

    public Kind kind() {
        return kind;
    }

    /** Decimal places a value of this column carries. */
    public int scale() {
        return scale;
    }

    /** The first {@code count} columns (1 to 20), in file order. */
    public static List<MixColumn> first(int count) {
        if (count < 1 || count > values().length) {
            throw new IllegalArgumentException("Column count must be between 1 and " + values().length + ", not "
                    + count + ".");
        }
        return Arrays.asList(values()).subList(0, count);
    }
}
