package io.sluice.core.bookkeeping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * One quality gate of the profile as measured for an import batch: metric, unit, threshold, action, the value
 * measured (null when unknown) and its outcome (passed, warned, blocked). Written by the commit engine with the batch.
 */
@Entity
@Table(name = "sluice_batch_gate")
public class BatchGate {

    @Id
    private Long id;
    @Column(name = "batch_id", nullable = false)
    private long batchId;
    @Column(name = "gate_order", nullable = false)
    private int gateOrder;
    @Column(name = "metric", nullable = false, length = 40)
    private String metric;
    @Column(name = "unit", nullable = false, length = 20)
    private String unit;
    @Column(name = "min_value", precision = 19, scale = 4)
    private BigDecimal min;
    @Column(name = "max_value", precision = 19, scale = 4)
    private BigDecimal max;
    @Column(name = "action", nullable = false, length = 20)
    private String action;
    @Column(name = "measured", precision = 19, scale = 4)
    private BigDecimal measured;
    @Column(name = "outcome", nullable = false, length = 20)
    private String outcome;

    protected BatchGate() {
        // for Hibernate
    }

    public long batchId() {
        return batchId;
    }

    public int order() {
        return gateOrder;
    }

    public String metric() {
        return metric;
    }

    /** count or percent. */
    public String unit() {
        return unit;
    }

    public BigDecimal min() {
        return min;
    }

    public BigDecimal max() {
        return max;
    }

    /** warn or block. */
    public String action() {
        return action;
    }

    public BigDecimal measured() {
        return measured;
    }

    /** passed, warned or blocked. */
    public String outcome() {
        return outcome;
    }
}
