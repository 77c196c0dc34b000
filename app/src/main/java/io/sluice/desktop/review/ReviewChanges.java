package io.sluice.desktop.review;

import io.sluice.core.review.ReviewSession;
import io.sluice.core.review.RowFilter;
import io.sluice.core.rules.Finding;

import java.util.List;
import java.util.Optional;

/**
 * The steward's changes to the open review — decisions, cell edits, undo and redo — each one undoable step written
 * before it returns. One sheet's review makes them on its {@link ReviewSession}; a sheet of a workbook review makes
 * them through the workbook's use case, which checks the other sheets' references again afterwards.
 */
interface ReviewChanges {

    void approve(long row);

    int approveAll(RowFilter filter);

    void reject(long row, String reason);

    int rejectAll(RowFilter filter, String reason);

    /** Sets one cell's text and validates the row again; returns the row's findings now. */
    List<Finding> edit(long row, int column, String text);

    boolean undo();

    boolean redo();

    /** What the latest change could not do although it was made (see {@link ReviewSession#notice()}), or empty. */
    Optional<String> notice();

    /** The changes of one sheet's review, straight on its session. */
    static ReviewChanges of(ReviewSession session) {
        return new ReviewChanges() {
            @Override
            public void approve(long row) {
                session.approve(row);
            }

            @Override
            public int approveAll(RowFilter filter) {
                return session.approveAll(filter);
            }

            @Override
            public void reject(long row, String reason) {
                session.reject(row, reason);
            }

            @Override
            public int rejectAll(RowFilter filter, String reason) {
                return session.rejectAll(filter, reason);
            }

            @Override
            public List<Finding> edit(long row, int column, String text) {
                return session.edit(row, column, text);
            }

            @Override
            public boolean undo() {
                return session.undo();
            }

            @Override
            public boolean redo() {
                return session.redo();
            }

            @Override
            public Optional<String> notice() {
                return session.notice();
            }
        };
    }
}
