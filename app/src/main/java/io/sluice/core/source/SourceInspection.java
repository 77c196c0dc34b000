package io.sluice.core.source;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code inspect} reports about a file.
 *
 * @param file         the file
 * @param format       CSV, XLSX or XLS
 * @param sheets       all sheets, hidden ones flagged, each counted the way validate reads it
 * @param defaultSheet the sheet Sluice reads when none is named (the first visible one holding data)
 * @param encoding     detected or chosen encoding name (CSV only, else null)
 * @param delimiter    detected or chosen delimiter (CSV only, else null)
 * @param headerRow    detected or chosen header row of the default sheet (1-based), 0 without one
 * @param columns      header names of the default sheet
 * @param issues       sheet-level issues of the default sheet
 */
public record SourceInspection(Path file, SourceFormat format, List<SheetInfo> sheets, String defaultSheet,
                               String encoding, Character delimiter, long headerRow, List<String> columns,
                               List<SourceIssue> issues) {
}
