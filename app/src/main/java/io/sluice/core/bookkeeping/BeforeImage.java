package io.sluice.core.bookkeeping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/**
 * A target row as it was before an import updated it, kept so a rollback can restore it. The image is JSON text
 * mapping each column name to its value as text (null for SQL NULL).
 */
@Entity
@Table(name = "sluice_before_image")
public class BeforeImage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "batch_id", nullable = false)
    private long batchId;
    @Column(name = "provenance_id")
    private Long provenanceId;
    @Column(name = "run_id")
    private Long runId;
    @Column(name = "run_index")
    private Integer runIndex;
    @Column(name = "target_table", nullable = false)
    private String targetTable;
    @Column(name = "target_key", nullable = false, length = 2000)
    private String targetKey;
    // TEXT on PostgreSQL, a long CHARACTER VARYING on H2: a string either way, never a large object. The length
    // only keeps Hibernate's expectation at VARCHAR (beyond H2's 1 MiB it would expect a CLOB); it limits nothing.
    @Column(name = "row_image", nullable = false, length = 1_048_576)
    private String rowImage;

    protected BeforeImage() {
        // for Hibernate
    }

    public long id() {
        return id;
    }

    public long batchId() {
        return batchId;
    }

    /** The provenance row of the update that replaced this image, in a batch recorded before bookkeeping V9. */
    public Optional<Long> provenanceId() {
        return Optional.ofNullable(provenanceId);
    }

    /** The provenance run holding the update that replaced this image, in a batch recorded since bookkeeping V9. */
    public Optional<Long> runId() {
        return Optional.ofNullable(runId);
    }

    /** The update's index within its run (see {@link #runId()}). */
    public Optional<Integer> runIndex() {
        return Optional.ofNullable(runIndex);
    }

    public String targetTable() {
        return targetTable;
    }

    public String targetKey() {
        return targetKey;
    }

    /** The row before the update, as JSON text: column name -> value as text. */
    public String rowImage() {
        return rowImage;
    }
}
