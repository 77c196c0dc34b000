package io.sluice.core.bookkeeping;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One steward decision on a review row (approve, reject, edit, undo, redo), kept in the target as an audit trail;
 * linked to the import batch that committed the review, once there is one. A stored row may hold a run of entries
 * that differ only in their source row (decision 0040); readers get them one entry each, through
 * {@link Bookkeeping}.
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
    /** How many entries this row holds: 1, or a run's length (decision 0040). */
    @Column(name = "row_count", nullable = false)
    private int rowCount = 1;
    /** The run's source rows as ranges, or null for a single entry. */
    // declared unbounded in V10 (TEXT, or H2's longest CHARACTER VARYING); Hibernate only checks that it is text
    @Column(name = "source_rows")
    private String sourceRows;
    /** The position of this row's first entry in its batch's audit; null for rows recorded before V10. */
    @Column(name = "first_entry")
    private Long firstEntry;

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

    /** The same decision on another source row, as one entry of a stored run reads back. */
    DecisionAudit onRow(long row) {
        DecisionAudit entry = new DecisionAudit(batchId, reviewFile, row, action, reason, columnName, oldValue,
                newValue, steward, decidedAt);
        entry.id = id;
        return entry;
    }

    /** Whether {@code other} says the same as this entry on another row: the same batch, file, action and texts. */
    boolean sameExceptRow(DecisionAudit other) {
        return action == other.action && Objects.equals(batchId, other.batchId)
                && reviewFile.equals(other.reviewFile) && Objects.equals(reason, other.reason)
                && Objects.equals(columnName, other.columnName) && Objects.equals(oldValue, other.oldValue)
                && Objects.equals(newValue, other.newValue) && steward.equals(other.steward)
                && decidedAt.equals(other.decidedAt);
    }

    /** The entries this stored row holds, in order: itself, or each row of its run. */
    List<DecisionAudit> entries() {
        if (rowCount == 1) {
            return List.of(this);
        }
        long[] rows = ProvenanceRun.sourceRows(sourceRows, rowCount);
        List<DecisionAudit> entries = new ArrayList<>(rows.length);
        for (long row : rows) {
            entries.add(onRow(row));
        }
        return entries;
    }

    /** The entries of the stored rows {@code runs} (in order) at positions {@code offset} to before {@code end}. */
    static List<DecisionAudit> page(List<DecisionAudit> runs, long offset, long end) {
        List<DecisionAudit> page = new ArrayList<>();
        for (DecisionAudit run : runs) {
            List<DecisionAudit> entries = run.entries();
            long from = Math.max(offset, run.firstEntry) - run.firstEntry;
            long to = Math.min(end, run.firstEntry + entries.size()) - run.firstEntry;
            if (from < to) {
                page.addAll(entries.subList((int) from, (int) to));
            }
        }
        return page;
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
