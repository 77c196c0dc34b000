package io.sluice.core.review;

import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.ApprovedRowIterator;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.source.SourceRow;

import io.sluice.core.database.ColumnInfo;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.NoSuchElementException;

/**
 * The rows a steward approved in a review, with their cell edits applied and mapped onto the target, in source
 * order, for the staged import path ({@code import --review R}). SQLite chooses the approved rows and hands over only
 * the columns the mapping reads ({@link ApprovedRowCursor}); a review whose mapped columns reach past its wide
 * columns is read row by row in full instead. Holds one row at a time.
 */
public final class ReviewApprovedRows implements Iterable<ApprovedRow> {

    private final Review review;
    private final Mapper mapper;
    private final int legacyIdColumn;
    private final long approved;
    /** The source columns the import reads, or null when one lies beyond the wide columns. */
    private final int[] columns;

    /** @param legacyIdColumn 0-based source column of the legacy id, or -1 */
    public ReviewApprovedRows(Review review, Mapper mapper, int legacyIdColumn) {
        this.review = review;
        this.mapper = mapper;
        this.legacyIdColumn = legacyIdColumn;
        this.approved = review.ledger().counts().approved();
        Set<Integer> read = new TreeSet<>(mapper.sourcesOf(mapper.targetColumns().stream()
                .map(ColumnInfo::name).toList()));
        if (legacyIdColumn >= 0) {
            read.add(legacyIdColumn);
        }
        boolean wideOnly = read.stream().allMatch(c -> c < review.wideColumns());
        this.columns = wideOnly ? read.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    /** How many rows were approved. */
    public long count() {
        return approved;
    }

    /**
     * The same rows, read and mapped on a thread of their own a few chunks ahead of the consumer
     * ({@link ApprovedRowReadAhead}); the consumer must close each iterator, as the commit does, and must not use the
     * review's connection until it has.
     */
    public Iterable<ApprovedRow> readAhead() {
        return () -> new ApprovedRowReadAhead(iterator());
    }

    @Override
    public ApprovedRowIterator iterator() {
        if (columns == null) {
            return new AllColumns(review.cursor(), review.ledger().rowsWith(DecisionStatus.APPROVED),
                    review.ledger().allEdits());
        }
        ApprovedRowCursor cursor = review.guarded(() -> new ApprovedRowCursor(review, review.connection(), columns));
        return new ApprovedRowIterator() {
            private ApprovedRow next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    SourceRow row = cursor.next();
                    next = row == null ? null : approvedRow(row);
                }
                return next != null;
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
                cursor.close();
            }
        };
    }

    private ApprovedRow approvedRow(SourceRow row) {
        return new ApprovedRow(row.number(), legacyIdColumn < 0 ? null : row.cell(legacyIdColumn).text(),
                mapper.map(row));
    }

    /** Every cell of every row, the approved ones kept: for a review with columns beyond its wide ones. */
    private final class AllColumns implements ApprovedRowIterator {
        private final RowCursor cursor;
        private final long[] approvedRows;
        private final Map<Long, Map<Integer, String>> edits;
        private int at;
        private ApprovedRow next;
        private boolean closed;

        AllColumns(RowCursor cursor, long[] approvedRows, Map<Long, Map<Integer, String>> edits) {
            this.cursor = cursor;
            this.approvedRows = approvedRows;
            this.edits = edits;
        }

        @Override
        public boolean hasNext() {
            while (!closed && next == null && at < approvedRows.length) {
                if (!cursor.hasNext()) {
                    break;
                }
                SourceRow raw = cursor.next();
                if (raw.number() != approvedRows[at]) {
                    continue;
                }
                at++;
                Map<Integer, String> rowEdits = edits.get(raw.number());
                next = approvedRow(rowEdits == null ? raw : CellEdits.apply(raw, rowEdits));
            }
            if (next == null) {
                close();
                return false;
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
                cursor.close();
            }
        }
    }
}
