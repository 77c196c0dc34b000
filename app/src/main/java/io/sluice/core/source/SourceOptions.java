package io.sluice.core.source;

import java.nio.charset.Charset;

/**
 * How to read a source file; every field is optional (null / false = detect).
 *
 * @param sheet     sheet name; null picks the first visible sheet
 * @param headerRow 1-based header row number; null detects it past junk rows
 * @param noHeader  the data starts at the first row; columns are named after their letters
 * @param encoding  CSV encoding; null detects (BOM, UTF-8, else Windows-1252)
 * @param delimiter CSV delimiter; null detects among , ; TAB |
 */
public record SourceOptions(String sheet, Integer headerRow, boolean noHeader, Charset encoding, Character delimiter) {

    public static final SourceOptions DEFAULTS = new SourceOptions(null, null, false, null, null);

    public SourceOptions withSheet(String sheet) {
        return new SourceOptions(sheet, headerRow, noHeader, encoding, delimiter);
    }

    public SourceOptions withHeaderRow(Integer headerRow) {
        return new SourceOptions(sheet, headerRow, noHeader, encoding, delimiter);
    }
}
