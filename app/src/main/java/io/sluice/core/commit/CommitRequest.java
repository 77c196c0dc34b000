package io.sluice.core.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.validate.GateResult;

import java.util.List;
import java.util.Objects;

/**
 * What to import and how: the source and profile (with their SHA-256, for the duplicate-import check), the mode, the
 * natural key (target column names, non-empty), the legacy id source column (or null), the validation's scores and
 * counts, whether a repeat of an already committed import is allowed, the steward, and the profile's quality gates
 * as measured (stored with the batch).
 */
public record CommitRequest(String sourceFile, String sourceSha256, String sheet, String profileName,
                            String profileSha256, ImportMode mode, List<String> naturalKey, String legacyIdColumn,
                            QualityScores scores, long rowsRead, long rejected, boolean allowDuplicateImport,
                            String steward, List<GateResult> gates) {

    public CommitRequest {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(profileSha256, "profileSha256");
        Objects.requireNonNull(mode, "mode");
        naturalKey = List.copyOf(Objects.requireNonNull(naturalKey, "naturalKey"));
        if (naturalKey.isEmpty()) {
            throw new IllegalArgumentException("An import needs a natural key of at least one column");
        }
        scores = scores == null ? QualityScores.NONE : scores;
        Objects.requireNonNull(steward, "steward");
        gates = gates == null ? List.of() : List.copyOf(gates);
    }

    /** A request without quality gates. */
    public CommitRequest(String sourceFile, String sourceSha256, String sheet, String profileName,
                         String profileSha256, ImportMode mode, List<String> naturalKey, String legacyIdColumn,
                         QualityScores scores, long rowsRead, long rejected, boolean allowDuplicateImport,
                         String steward) {
        this(sourceFile, sourceSha256, sheet, profileName, profileSha256, mode, naturalKey, legacyIdColumn, scores,
                rowsRead, rejected, allowDuplicateImport, steward, List.of());
    }
}
