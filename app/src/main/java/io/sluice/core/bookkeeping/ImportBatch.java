package io.sluice.core.bookkeeping;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** One import Sluice committed (or tried to) into a target table: what went in, from where, by whom, and its fate. */
@Entity
@Table(name = "sluice_import_batch")
public class ImportBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "source_file", nullable = false, length = 1000)
    private String sourceFile;
    @Column(name = "source_sha256", nullable = false, length = 64)
    private String sourceSha256;
    @Column(name = "sheet")
    private String sheet;
    @Column(name = "profile_name", nullable = false)
    private String profileName;
    @Column(name = "profile_sha256", nullable = false, length = 64)
    private String profileSha256;
    @Column(name = "target_table", nullable = false)
    private String targetTable;
    @Convert(converter = ImportMode.DbConverter.class)
    @Column(name = "import_mode", nullable = false, length = 20)
    private ImportMode mode;
    @Column(name = "rows_read", nullable = false)
    private long rowsRead;
    @Column(name = "rows_approved", nullable = false)
    private long rowsApproved;
    @Column(name = "source_rows_approved")
    private Long sourceRowsApproved;
    @Column(name = "mode_per_table", nullable = false)
    private boolean modePerTable;
    @Column(name = "rows_rejected", nullable = false)
    private long rowsRejected;
    @Column(name = "rows_inserted", nullable = false)
    private long rowsInserted;
    @Column(name = "rows_updated", nullable = false)
    private long rowsUpdated;
    @Column(name = "rows_skipped", nullable = false)
    private long rowsSkipped;
    @Column(name = "completeness", precision = 5, scale = 1)
    private BigDecimal completeness;
    @Column(name = "validity", precision = 5, scale = 1)
    private BigDecimal validity;
    @Column(name = "uniqueness", precision = 5, scale = 1)
    private BigDecimal uniqueness;
    @Column(name = "overall", precision = 5, scale = 1)
    private BigDecimal overall;
    @Column(name = "steward", nullable = false)
    private String steward;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Convert(converter = BatchStatus.DbConverter.class)
    @Column(name = "status", nullable = false, length = 20)
    private BatchStatus status;
    @Column(name = "rolled_back_at")
    private Instant rolledBackAt;
    @Column(name = "rolled_back_by")
    private String rolledBackBy;
    @Column(name = "message", length = 4000)
    private String message;

    protected ImportBatch() {
        // for Hibernate
    }

    ImportBatch(BatchStart start, Instant startedAt) {
        this.sourceFile = start.sourceFile();
        this.sourceSha256 = start.sourceSha256();
        this.sheet = start.sheet();
        this.profileName = start.profileName();
        this.profileSha256 = start.profileSha256();
        this.targetTable = start.targetTable();
        this.mode = start.mode();
        this.completeness = start.scores().completeness();
        this.validity = start.scores().validity();
        this.uniqueness = start.scores().uniqueness();
        this.overall = start.scores().overall();
        this.steward = start.steward();
        this.startedAt = startedAt;
        this.status = BatchStatus.RUNNING;
    }

    void finish(BatchCounts counts, BatchStatus finalStatus, String failure, Instant at) {
        this.rowsRead = counts.rowsRead();
        this.rowsApproved = counts.approved();
        this.rowsRejected = counts.rejected();
        this.rowsInserted = counts.inserted();
        this.rowsUpdated = counts.updated();
        this.rowsSkipped = counts.skipped();
        this.status = finalStatus;
        this.message = failure;
        this.finishedAt = at;
    }

    void rollBack(String by, Instant at) {
        this.status = BatchStatus.ROLLED_BACK;
        this.rolledBackBy = by;
        this.rolledBackAt = at;
    }

    public long id() {
        return id;
    }

    public String sourceFile() {
        return sourceFile;
    }

    public String sourceSha256() {
        return sourceSha256;
    }

    public Optional<String> sheet() {
        return Optional.ofNullable(sheet);
    }

    public String profileName() {
        return profileName;
    }

    public String profileSha256() {
        return profileSha256;
    }

    public String targetTable() {
        return targetTable;
    }

    public ImportMode mode() {
        return mode;
    }

    public BatchCounts counts() {
        return new BatchCounts(rowsRead, rowsApproved, rowsRejected, rowsInserted, rowsUpdated, rowsSkipped);
    }

    /**
     * Whether the batch went into several related tables: then rows read, approved (see
     * {@link #sourceRowsApproved()}) and rejected count source rows, and the approved, inserted, updated and skipped
     * of {@link #counts()} count target rows.
     */
    public boolean related() {
        return sourceRowsApproved != null || targetTable.contains(",");
    }

    /**
     * The source rows a related batch approved (each may give several target rows); empty for a single-table batch,
     * whose {@code counts().approved()} are source and target rows alike, and for a related batch recorded before
     * Sluice kept this count.
     */
    public OptionalLong sourceRowsApproved() {
        return sourceRowsApproved == null ? OptionalLong.empty() : OptionalLong.of(sourceRowsApproved);
    }

    /** Whether the tables of a related batch were written with different modes, so {@link #mode()} is not its mode. */
    public boolean modePerTable() {
        return modePerTable;
    }

    public QualityScores scores() {
        return new QualityScores(completeness, validity, uniqueness, overall);
    }

    public String steward() {
        return steward;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public BatchStatus status() {
        return status;
    }

    public Optional<Instant> rolledBackAt() {
        return Optional.ofNullable(rolledBackAt);
    }

    public Optional<String> rolledBackBy() {
        return Optional.ofNullable(rolledBackBy);
    }

    /** Why the batch failed, when it did. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    @Override
    public String toString() {
        return "ImportBatch " + id + " (" + status.code() + ", " + sourceFile + " -> " + targetTable + ")";
    }
}
