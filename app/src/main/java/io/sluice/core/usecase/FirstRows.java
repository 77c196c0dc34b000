package io.sluice.core.usecase;

import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;

import java.nio.file.Path;
import java.util.List;

/** The first rows of a sheet, then its end: a sample to validate quickly. Closing it closes the sheet. */
final class FirstRows implements SourceTable {

    private final SourceTable rows;
    private final long limit;
    private long read;

    FirstRows(SourceTable rows, long limit) {
        this.rows = rows;
        this.limit = limit;
    }

    @Override
    public Path file() {
        return rows.file();
    }

    @Override
    public SourceFormat format() {
        return rows.format();
    }

    @Override
    public String sheet() {
        return rows.sheet();
    }

    @Override
    public long headerRow() {
        return rows.headerRow();
    }

    @Override
    public List<String> columns() {
        return rows.columns();
    }

    @Override
    public List<SourceIssue> issues() {
        return rows.issues();
    }

    @Override
    public SourceRow next() {
        if (read >= limit) {
            return null;
        }
        SourceRow row = rows.next();
        if (row != null) {
            read++;
        }
        return row;
    }

    @Override
    public void close() {
        rows.close();
    }
}
