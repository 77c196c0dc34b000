package io.sluice.core.bookkeeping;

import java.util.Objects;

/**
 * What is known when an import batch starts: the source file and profile (with their SHA-256), the target table, the
 * import mode, the validation's quality scores and the steward (the OS user running Sluice).
 */
public record BatchStart(String sourceFile, String sourceSha256, String sheet, String profileName,
                         String profileSha256, String targetTable, ImportMode mode, QualityScores scores,
                         String steward) {

    public BatchStart {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(profileSha256, "profileSha256");
        Objects.requireNonNull(targetTable, "targetTable");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(steward, "steward");
    }
}
