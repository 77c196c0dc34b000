package io.sluice.core.bookkeeping;

import java.math.BigDecimal;

/** The validation's quality scores (0-100, one decimal) recorded with an import batch; any may be unknown (null). */
public record QualityScores(BigDecimal completeness, BigDecimal validity, BigDecimal uniqueness, BigDecimal overall) {

    /** No scores known. */
    public static final QualityScores NONE = new QualityScores(null, null, null, null);
}
