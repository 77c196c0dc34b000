package io.sluice.core.source;

import java.nio.file.Path;
import java.util.List;

/**
 * An opened sheet: its header (detected or chosen) and a forward-only stream of the data rows below it. Holds only the
 * rows it is reading, never the whole sheet. Close it to release the file.
 */
public interface SourceTable extends AutoCloseable {

    Path file();

    SourceFormat format();

    /** The sheet being read (the file name for CSV). */
    String sheet();

    /** 1-based header row number, 0 when the file was read without a header. */
    long headerRow();

    /** Column names, made unique and non-blank (see {@link #issues()} for what was renamed). */
    List<String> columns();

    /** Sheet-level issues: renamed headers, merged ranges, encoding fallback, ... */
    List<SourceIssue> issues();

    /** The next data row, or null at the end of the sheet. Blank rows are skipped. */
    SourceRow next();

    @Override
    void close();
}
