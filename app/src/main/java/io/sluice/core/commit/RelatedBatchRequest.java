package io.sluice.core.commit;

import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.validate.GateResult;

import java.util.List;
import java.util.Objects;

/**
 * One import batch into several related tables of the target: the source and profile (with their SHA-256, for the
 * duplicate-import check), the validation's scores and counts (source rows read, approved and rejected), whether a
 * repeat is allowed, the
 * steward, the quality gates as measured, and the rows per table in any order (the commit orders them by the
 * target's foreign keys).
 */
public record RelatedBatchRequest(String sourceFile, String sourceSha256, String profileName, String profileSha256,
                                  QualityScores scores, long rowsRead, long approved, long rejected,
                                  boolean allowDuplicateImport, String steward, List<GateResult> gates,
                                  List<TableRows> tables) {

    /** A request whose approved source rows are those read and not rejected (an import straight from a file). */
    public RelatedBatchRequest(String sourceFile, String sourceSha256, String profileName, String profileSha256,
                               QualityScores scores, long rowsRead, long rejected, boolean allowDuplicateImport,
                               String steward, List<GateResult> gates, List<TableRows> tables) {
        this(sourceFile, sourceSha256, profileName, profileSha256, scores, rowsRead, rowsRead - rejected, rejected,
                allowDuplicateImport, steward, gates, tables);
    }

    public RelatedBatchRequest {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(profileSha256, "profileSha256");
        scores = scores == null ? QualityScores.NONE : scores;
        Objects.requireNonNull(steward, "steward");
        gates = gates == null ? List.of() : List.copyOf(gates);
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("A related-tables batch needs at least one table");
        }
    }

    /** Whether the tables are written with different modes. */
    boolean modePerTable() {
        return tables.stream().map(TableRows::mode).distinct().count() > 1;
    }

    /** The single-table request {@link ImportRun} and the batch record use for one of the tables. */
    CommitRequest forTable(TableRows table) {
        return new CommitRequest(sourceFile, sourceSha256, table.sheet(), profileName, profileSha256, table.mode(),
                table.naturalKey(), null, scores, rowsRead, rejected, allowDuplicateImport, steward, gates);
    }
}
