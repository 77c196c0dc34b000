package io.sluice.core.usecase;

import io.sluice.core.source.Columns;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.review.CellEdits;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.Review;
import io.sluice.core.review.RowCursor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A review's rows as a sheet to validate: each raw row with the steward's edits laid over it, in source order. A
 * reader's note on a cell the steward has since edited is dropped, as an edit's re-validation drops it.
 * <p>
 * The rows are read on the validation's reader thread, so this table reads through a review connection of its own.
 */
final class ReviewRows implements SourceTable {

    private final Review review;
    private final Map<Long, Map<Integer, String>> edits;
    private Set<Integer> onlyColumns;
    private RowCursor cursor;
    /** The only rows read, ascending, or null for every row. */
    private final long[] onlyRows;
    private int nextOnly;

    ReviewRows(Path file) {
        this(file, null);
    }

    private ReviewRows(Path file, DecisionStatus only) {
        this.review = Review.open(file);
        try {
            this.edits = review.ledger().allEdits();
            this.onlyRows = only == null ? null : review.ledger().rowsWith(only);
        } catch (RuntimeException e) {
            review.close();
            throw e;
        }
    }

    /** Only the rows the steward approved, with their edits. */
    static ReviewRows approved(Path file) {
        return new ReviewRows(file, DecisionStatus.APPROVED);
    }

    @Override
    public Path file() {
        return review.file();
    }

    @Override
    public SourceFormat format() {
        return review.info().format();
    }

    @Override
    public String sheet() {
        return review.info().sheet();
    }

    @Override
    public long headerRow() {
        return review.info().headerRow();
    }

    @Override
    public List<String> columns() {
        return review.columns();
    }

    @Override
    public List<SourceIssue> issues() {
        return review.sourceIssues();
    }

    /**
     * Reads only these source columns (0-based) of each row, the others blank (edits are laid over as ever); to be
     * called before the first row is read.
     */
    void readOnly(Set<Integer> columns) {
        if (cursor != null) {
            throw new IllegalStateException("The rows are already being read.");
        }
        onlyColumns = Set.copyOf(columns);
    }

    @Override
    public SourceRow next() {
        if (cursor == null) {
            cursor = onlyColumns == null ? review.cursor() : review.cursor(onlyColumns);
        }
        SourceRow raw = null;
        while (raw == null) {
            if (!cursor.hasNext() || onlyRows != null && nextOnly >= onlyRows.length) {
                return null;
            }
            SourceRow candidate = cursor.next();
            if (onlyRows == null) {
                raw = candidate;
            } else if (candidate.number() == onlyRows[nextOnly]) {
                nextOnly++;
                raw = candidate;
            }
        }
        Map<Integer, String> rowEdits = edits.get(raw.number());
        if (rowEdits == null || rowEdits.isEmpty()) {
            return raw;
        }
        List<SourceIssue> kept = new ArrayList<>(raw.issues().size());
        for (SourceIssue issue : raw.issues()) {
            if (issue.column() == null || !rowEdits.containsKey(Columns.index(issue.column()))) {
                kept.add(issue);
            }
        }
        SourceRow edited = CellEdits.apply(raw, rowEdits);
        return new SourceRow(edited.number(), edited.cells(), List.copyOf(kept));
    }

    @Override
    public void close() {
        try {
            if (cursor != null) {
                cursor.close();
            }
        } finally {
            review.close();
        }
    }
}
