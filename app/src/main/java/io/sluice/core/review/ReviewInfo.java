package io.sluice.core.review;

import io.sluice.core.source.SourceFormat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a review came from: the source sheet it holds, the profile and target it was checked against, and who made it
 * when. Build one with {@link #of} when creating a review.
 *
 * @param source      the source file as the steward chose it
 * @param sha256      hex SHA-256 of the source file, so a later run can tell whether the file changed; may be null
 * @param format      CSV, XLSX or XLS
 * @param sheet       the sheet read (the file name for CSV)
 * @param headerRow   1-based header row, 0 when read without a header
 * @param profileJson the mapping profile as JSON, or null before one is chosen
 * @param targetUrl   JDBC URL of the target database, or null; any password in it is removed before it is stored
 * @param createdAt   when the review was created
 * @param createdBy   the operating-system user who created it
 */
public record ReviewInfo(Path source, String sha256, SourceFormat format, String sheet, long headerRow,
                         String profileJson, String targetUrl, Instant createdAt, String createdBy) {

    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:?;]*):[^/@]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;])password=[^&;]*[&;]?");

    public ReviewInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(createdAt, "createdAt");
        targetUrl = withoutPassword(targetUrl);
    }

    /** Info for a review created now by the current OS user, with no profile or target yet. */
    public static ReviewInfo of(Path source, String sha256, SourceFormat format, String sheet, long headerRow) {
        return new ReviewInfo(source, sha256, format, sheet, headerRow, null, null,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), System.getProperty("user.name"));
    }

    public ReviewInfo withProfileJson(String json) {
        return new ReviewInfo(source, sha256, format, sheet, headerRow, json, targetUrl, createdAt, createdBy);
    }

    public ReviewInfo withTargetUrl(String url) {
        return new ReviewInfo(source, sha256, format, sheet, headerRow, profileJson, url, createdAt, createdBy);
    }

    /**
     * The URL with its password removed, both {@code user:secret@host} and {@code password=secret} parameters
     * (PostgreSQL {@code ?...&...}, H2 {@code ;...}), because a review file is shared and never holds secrets.
     */
    static String withoutPassword(String url) {
        if (url == null) {
            return null;
        }
        String cleaned = USER_INFO_PASSWORD.matcher(url).replaceAll("$1@");
        cleaned = PASSWORD_PARAMETER.matcher(cleaned).replaceAll("$1");
        while (cleaned.endsWith("?") || cleaned.endsWith("&") || cleaned.endsWith(";")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned;
    }
}
