package io.sluice.core.validate;

/**
 * What a report is about.
 *
 * @param path          source file path as given
 * @param sha256        SHA-256 of the source file
 * @param format        CSV, XLSX or XLS
 * @param sheet         sheet read
 * @param headerRow     header row used (1-based; 0 without header)
 * @param profileName   profile name
 * @param profilePath   profile file, or null
 * @param profileSha256 hash of the profile's canonical JSON
 * @param target        target database URL (never with a password)
 * @param table         target table
 */
public record ReportSource(String path, String sha256, String format, String sheet, long headerRow,
                           String profileName, String profilePath, String profileSha256, String target,
                           String table) {
}
