package io.sluice.core.review;

import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.ApprovedRowIterator;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.source.SourceRow;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows a steward approved in a review, with their cell edits applied and mapped onto the target, in source
 * order, for the staged import path ({@code import --review R}). Holds the approved row numbers (8 bytes a row) and
 * the edits (made by hand, so few); the rows themselves stream from the review file.
 */
public final class ReviewApprovedRows implements Iterable<ApprovedRow> {

    private final Review review;
    private final Mapper mapper;
    private final int legacyIdColumn;
    private final long[] approved;
    private final Map<Long, Map<Integer, String>> edits;

    /** @param legacyIdColumn 0-based source column of the legacy id, or -1 */
    public ReviewApprovedRows(Review review, Mapper mapper, int legacyIdColumn) {
        this.review = review;
        this.mapper = mapper;
        this.legacyIdColumn = legacyIdColumn;
        this.approved = review.ledger().rowsWith(DecisionStatus.APPROVED);
        this.edits = review.ledger().allEdits();
    }

    /** How many rows were approved. */
    public int count() {
        return approved.length;
    }

    @Override
    public ApprovedRowIterator iterator() {
        RowCursor cursor = review.cursor();
        return new ApprovedRowIterator() {
            private int at;
            private ApprovedRow next;
            private boolean closed;

            @Override
            public boolean hasNext() {
                while (!closed && next == null && at < approved.length) {
                    if (!cursor.hasNext()) {
                        break;
                    }
                    SourceRow raw = cursor.next();
                    if (raw.number() != approved[at]) {
                        continue;
                    }
                    at++;
                    Map<Integer, String> rowEdits = edits.get(raw.number());
                    SourceRow row = rowEdits == null ? raw : CellEdits.apply(raw, rowEdits);
                    next = new ApprovedRow(row.number(),
                            legacyIdColumn < 0 ? null : row.cell(legacyIdColumn).text(), mapper.map(row));
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
        };
    }
}
