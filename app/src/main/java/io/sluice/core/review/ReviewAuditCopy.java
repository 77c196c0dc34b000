package io.sluice.core.review;

import io.sluice.core.bookkeeping.DecisionAction;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.DecisionAuditWriter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps a review's audit log with the import batch it led to: every decision and edit (who, when, why, old and new
 * value) is copied into the target's {@code sluice_decision_audit}, so the history survives the review file. A value
 * fix arrives as its summary (kind, column, cells, in the reason; on source row 0) and, when it is in effect, one
 * entry per cell it changed: the source row, the column, the value before and after, the fix in the reason, its
 * steward and time, right after the summary. A fix that was undone keeps its summary and the undo's, and no cells;
 * the review's per-pair counts are left out, since the cells say the same row by row. The copy is written on the
 * import's own connection, inside its transaction: the batch and its audit commit together. Entries that say the same
 * on consecutive rows (a bulk decision, a fix setting one value over many cells) are stored as runs (decision 0040).
 */
public final class ReviewAuditCopy {

    private static final int PAGE = 1_000;

    private ReviewAuditCopy() {
    }

    /**
     * Copies the whole audit log of the review, page by page; returns the number of entries copied. The writer keeps
     * a bulk decision's entries as runs (decision 0040).
     */
    public static long copy(Review review, long batchId, Connection connection) throws SQLException {
        String reviewFile = review.file().toAbsolutePath().toString();
        List<String> columns = review.columns();
        CellOrigins origins = review.cellOrigins();
        long after = 0;
        try (DecisionAuditWriter writer = new DecisionAuditWriter(connection)) {
            while (true) {
                List<AuditEntry> page = review.ledger().audit(after, PAGE);
                if (page.isEmpty()) {
                    return writer.entries();
                }
                for (AuditEntry e : page) {
                    after = e.id();
                    if (FixLedger.isPair(e)) {
                        continue;
                    }
                    String column = columnName(columns, e.column());
                    writer.add(new DecisionAudit(batchId, reviewFile, e.row() == null ? 0 : e.row(),
                            DecisionAction.ofCode(e.action().label()), e.reason(), column, e.oldValue(),
                            e.newValue(), e.steward(), e.at()));
                    OptionalLong fix = FixLedger.madeIn(e);
                    if (fix.isPresent()) {
                        copyCells(origins, fix.getAsLong(), batchId, reviewFile, column, writer);
                    }
                }
            }
        }
    }

    /** One entry per cell the fix changed, when it is in effect; a page of cells at a time. */
    private static void copyCells(CellOrigins origins, long fixId, long batchId, String reviewFile, String column,
                                  DecisionAuditWriter writer) throws SQLException {
        Optional<CellChange> fix = origins.fixInEffect(fixId);
        if (fix.isEmpty()) {
            return;
        }
        String reason = "Fix #" + fixId + " (" + fix.get().fix() + "): " + fix.get().description();
        long afterRow = Long.MIN_VALUE;
        while (true) {
            List<CellOrigins.FixedCell> cells = origins.fixedCells(fixId, afterRow, PAGE);
            if (cells.isEmpty()) {
                return;
            }
            for (CellOrigins.FixedCell cell : cells) {
                writer.add(new DecisionAudit(batchId, reviewFile, cell.row(), DecisionAction.EDIT, reason, column,
                        cell.oldValue(), cell.newText(), fix.get().steward(), fix.get().at()));
                afterRow = cell.row();
            }
        }
    }

    private static String columnName(List<String> columns, Integer column) {
        return column == null || column >= columns.size() ? null : columns.get(column);
    }
}
