package io.sluice.bench;

/** A known fault the generator plants in a row, so that a test or a benchmark knows which findings to expect. */
public enum Fault {
    /** Coarse or fine aggregate left empty although the mix was tested. */
    MISSING_AGGREGATE("aggregate missing"),
    /** Water dosed so that w/c lands far outside 0.25-0.80 (e.g. 1.35 or 0.12); the ratio column agrees. */
    WC_OUT_OF_RANGE("w/c out of range"),
    /** The mix code of an earlier row again. */
    DUPLICATE_MIX_CODE("duplicate mix code"),
    /** A cast date no parser accepts: 31/02/2021, n/a, sometime in May. */
    UNPARSEABLE_DATE("unparseable date"),
    /** A supplier code or name that is not in the supplier table. */
    UNKNOWN_SUPPLIER("unknown supplier"),
    /** A negative water mass (a sign typed by mistake). */
    NEGATIVE_WATER("negative water"),
    /** Free text in a numeric column ("ca. 350", "n.m."). */
    TEXT_IN_NUMBER("text in numeric column"),
    /** Cement recorded as 0, so w/c is a division by zero (#DIV/0! in a spreadsheet). */
    ZERO_CEMENT("zero cement"),
    /** A strength above 120 MPa: plausible only as a typo, worth a warning. */
    STRENGTH_OUTLIER("strength above 120 MPa");

    private final String label;

    Fault(String label) {
        this.label = label;
    }

    /** Plain words for reports and the sample README. */
    public String label() {
        return label;
    }
}
