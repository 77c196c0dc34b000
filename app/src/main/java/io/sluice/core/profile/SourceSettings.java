package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a profile reads its source; every field optional (null = detect).
 *
 * @param sheet     sheet name
 * @param headerRow 1-based header row
 * @param encoding  CSV encoding name, e.g. windows-1252
 * @param delimiter CSV delimiter, one character (use "\t" for TAB)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceSettings(String sheet, Integer headerRow, String encoding, String delimiter) {
}
