package io.sluice.core.commit;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.NoSuchElementException;

/**
 * The rows of a file that validated without errors, read again from the file and mapped: a validation pass marks rows
 * with errors in a bit set (one bit per row number); this pass streams the file once more and skips them. The import
 * itself no longer reads twice (it validates while it writes, decision 0022); the commit benchmark uses this to feed
 * the commit engine alone.
 */
public final class ValidRows implements Iterable<ApprovedRow> {

    private final Path file;
    private final SourceOptions options;
    private final Mapper mapper;
    private final BitSet withErrors;
    private final int legacyIdColumn;

    /**
     * @param withErrors     row numbers that had error findings
     * @param legacyIdColumn 0-based source column of the legacy id, or -1
     */
    public ValidRows(Path file, SourceOptions options, Mapper mapper, BitSet withErrors, int legacyIdColumn) {
        this.file = file;
        this.options = options;
        this.mapper = mapper;
        this.withErrors = withErrors;
        this.legacyIdColumn = legacyIdColumn;
    }

    @Override
    public ApprovedRowIterator iterator() {
        SourceTable table = Sources.open(file, options);
        return new ApprovedRowIterator() {
            private ApprovedRow next;
            private boolean closed;

            @Override
            public boolean hasNext() {
                while (next == null) {
                    SourceRow row = closed ? null : table.next();
                    if (row == null) {
                        close();
                        return false;
                    }
                    if (row.number() <= Integer.MAX_VALUE && withErrors.get((int) row.number())) {
                        continue;
                    }
                    MappedRow mapped = mapper.map(row);
                    next = new ApprovedRow(row.number(),
                            legacyIdColumn < 0 ? null : row.cell(legacyIdColumn).text(), mapped);
                }
                return true;
            }

            @Override
            public ApprovedRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ApprovedRow row = next;
                next = null;
                return row;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    table.close();
                }
            }
        };
    }
}
