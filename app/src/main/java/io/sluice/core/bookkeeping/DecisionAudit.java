package io.sluice.core.bookkeeping;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One steward decision on a review row (approve, reject, edit, undo, redo), kept in the target as an audit trail;
 * linked to the import batch that committed the review, once there is one.
 */
@Entity
@Table(name = "sluice_decision_audit")
public class DecisionAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "batch_id")
    private Long batchId;
    @Column(name = "review_file", nullable = false, length = 1000)
    private String reviewFile;
    @Column(name = "source_row", nullable = false)
    private long sourceRow;
    @Convert(converter = DecisionAction.DbConverter.class)
    @Column(name = "action", nullable = false, length = 20)
    private DecisionAction action;
    @Column(name = "reason", length = 4000)
    private String reason;
    @Column(name = "column_name")
    private String columnName;
    @Column(name = "old_value", length = 4000)
    private String oldValue;
    @Column(name = "new_value", length = 4000)
    private String newValue;
    @Column(name = "steward", nullable = false)
    private String steward;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected DecisionAudit() {
        // for Hibernate
    }

    /** A decision to record; batchId, reason, column and values may be null where they do not apply. */
    public DecisionAudit(Long batchId, String reviewFile, long sourceRow, DecisionAction action, String reason,
                         String columnName, String oldValue, String newValue, String steward, Instant decidedAt) {
        this.batchId = batchId;
        this.reviewFile = Objects.requireNonNull(reviewFile, "reviewFile");
        this.sourceRow = sourceRow;
        this.action = Objects.requireNonNull(action, "action");
        this.reason = reason;
        this.columnName = columnName;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.steward = Objects.requireNonNull(steward, "steward");
        this.decidedAt = Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** The stored id; empty until the decision has been recorded. */
    public Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    public Optional<Long> batchId() {
        return Optional.ofNullable(batchId);
    }

    public String reviewFile() {
        return reviewFile;
    }

    public long sourceRow() {
        return sourceRow;
    }

    public DecisionAction action() {
        return action;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The edited column, for an edit. */
    public Optional<String> columnName() {
        return Optional.ofNullable(columnName);
    }

    public Optional<String> oldValue() {
        return Optional.ofNullable(oldValue);
    }

    public Optional<String> newValue() {
        return Optional.ofNullable(newValue);
    }

    public String steward() {
        return steward;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
