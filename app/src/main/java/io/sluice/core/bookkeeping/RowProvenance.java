package io.sluice.core.bookkeeping;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.Optional;

/**
 * Which source row became which target row in an import batch, and what the import did to it. The target key is the
 * row's canonical key as text; a composite key is a JSON array text such as {@code ["A-1",3]}. Batches recorded since
 * bookkeeping V9 keep these rows compactly in runs ({@link ProvenanceReader} reads both forms); the entity maps the
 * per-row table of older batches.
 */
@Entity
@Table(name = "sluice_row_provenance")
public class RowProvenance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "batch_id", nullable = false)
    private long batchId;
    @Column(name = "target_table", nullable = false)
    private String targetTable;
    @Column(name = "target_key", nullable = false, length = 2000)
    private String targetKey;
    @Column(name = "source_sheet")
    private String sourceSheet;
    @Column(name = "source_row", nullable = false)
    private long sourceRow;
    @Column(name = "legacy_id")
    private String legacyId;
    @Convert(converter = RowAction.DbConverter.class)
    @Column(name = "action", nullable = false, length = 20)
    private RowAction action;

    protected RowProvenance() {
        // for Hibernate
    }

    /** A row to record; its batch is given when it is written. */
    public RowProvenance(String targetTable, String targetKey, String sourceSheet, long sourceRow, String legacyId,
                         RowAction action) {
        this.targetTable = Objects.requireNonNull(targetTable, "targetTable");
        this.targetKey = Objects.requireNonNull(targetKey, "targetKey");
        this.sourceSheet = sourceSheet;
        this.sourceRow = sourceRow;
        this.legacyId = legacyId;
        this.action = Objects.requireNonNull(action, "action");
    }

    /** A row read back from the bookkeeping of that batch. */
    static RowProvenance read(Long id, long batchId, String targetTable, String targetKey, String sourceSheet,
                              long sourceRow, String legacyId, RowAction action) {
        RowProvenance row = new RowProvenance(targetTable, targetKey, sourceSheet, sourceRow, legacyId, action);
        row.id = id;
        row.batchId = batchId;
        return row;
    }

    /** The id of a row of a batch recorded before bookkeeping V9; empty for a row not read back, or kept in a run. */
    public Optional<Long> id() {
        return Optional.ofNullable(id);
    }

    public long batchId() {
        return batchId;
    }

    public String targetTable() {
        return targetTable;
    }

    public String targetKey() {
        return targetKey;
    }

    public Optional<String> sourceSheet() {
        return Optional.ofNullable(sourceSheet);
    }

    /** The 1-based row number in the source sheet, as the steward sees it. */
    public long sourceRow() {
        return sourceRow;
    }

    public Optional<String> legacyId() {
        return Optional.ofNullable(legacyId);
    }

    public RowAction action() {
        return action;
    }
}
