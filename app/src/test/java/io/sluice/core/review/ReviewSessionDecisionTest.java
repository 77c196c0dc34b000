package io.sluice.core.review;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Approve, reject, clear, bulk decisions, undo/redo and the audit log on a real review file. */
class ReviewSessionDecisionTest {

    @TempDir
    Path dir;

    private Path file;
    private Review review;
    private ReviewSession session;

    @BeforeEach
    void open() {
        file = dir.resolve("mixes.sluice");
        review = SmallReview.create(file);
        session = ReviewSession.open(review, null);
    }

    @AfterEach
    void close() {
        session.close();
        review.close();
    }

    private void reopen() {
        session.close();
        review.close();
        review = Review.open(file);
        session = ReviewSession.open(review, null);
    }

    private List<Long> rowsWith(DecisionStatus status) {
        return LongStream.rangeClosed(2, 11).filter(r -> session.decision(r).map(Decision::status)
                .orElse(null) == status).boxed().toList();
    }

    @Test
    void approvesRejectsAndClearsOneRow() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        session.approve(2);
        session.reject(3, "Cement missing in the lab sheet");
        assertThat(session.decision(2)).get().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DecisionStatus.APPROVED);
            assertThat(d.reason()).isNull();
            assertThat(d.steward()).isEqualTo(System.getProperty("user.name"));
            assertThat(d.at()).isAfterOrEqualTo(before);
        });
        assertThat(session.decision(3)).get().extracting(Decision::status, Decision::reason)
                .containsExactly(DecisionStatus.REJECTED, "Cement missing in the lab sheet");
        assertThat(session.counts()).isEqualTo(new DecisionCounts(8, 1, 1));

        session.clear(2);

        assertThat(session.decision(2)).isEmpty();
        assertThat(session.counts()).isEqualTo(new DecisionCounts(9, 0, 1));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void refusesRejectionWithoutReason(String reason) {
        assertThatThrownBy(() -> session.reject(4, reason)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> session.rejectAll(RowFilter.withErrors(), reason))
                .isInstanceOf(SluiceException.class).hasMessageContaining("needs a reason");
        assertThat(session.counts().rejected()).isZero();
        assertThat(session.undoDescription()).isEmpty();
    }

    @Test
    void refusesRowTheReviewDoesNotHold() {
        assertThatThrownBy(() -> session.approve(99)).isInstanceOf(SluiceException.class)
                .hasMessageContaining("has no row 99");
    }

    @Test
    void bulkApprovesValidRowsAndUndoesInOneStep() {
        int approved = session.approveAll(RowFilter.valid());

        // Row 5 has only a warning, so it is valid.
        assertThat(approved).isEqualTo(7);
        assertThat(rowsWith(DecisionStatus.APPROVED)).containsExactly(2L, 5L, 7L, 8L, 9L, 10L, 11L);
        assertThat(session.undoDescription()).contains("Approve valid rows");

        assertThat(session.undo()).isTrue();

        assertThat(session.counts()).isEqualTo(new DecisionCounts(10, 0, 0));
        assertThat(session.undo()).isFalse();
    }

    @Test
    void bulkRejectsByRuleByColumnAndSelectionEachUndoneInOneStep() {
        assertThat(session.rejectAll(RowFilter.withRule("required"), "Required value missing")).isEqualTo(2);
        assertThat(rowsWith(DecisionStatus.REJECTED)).containsExactly(3L, 6L);

        assertThat(session.rejectAll(RowFilter.onColumn("Supplier"), "Unknown supplier")).isEqualTo(1);
        assertThat(rowsWith(DecisionStatus.REJECTED)).containsExactly(3L, 4L, 6L);

        assertThat(session.approveAll(RowFilter.rows(List.of(8L, 9L, 3L)))).isEqualTo(3);
        assertThat(rowsWith(DecisionStatus.APPROVED)).containsExactly(3L, 8L, 9L);

        session.undo();
        assertThat(rowsWith(DecisionStatus.APPROVED)).isEmpty();
        // The approval of row 3 is undone back to its earlier rejection, reason and all.
        assertThat(session.decision(3)).get().extracting(Decision::reason).isEqualTo("Required value missing");
        session.undo();
        assertThat(rowsWith(DecisionStatus.REJECTED)).containsExactly(3L, 6L);
        session.undo();
        assertThat(session.counts()).isEqualTo(new DecisionCounts(10, 0, 0));
    }

    @Test
    void combinesFiltersAndSkipsRowsAlreadyDecided() {
        session.reject(2, "Duplicate of a mix from last week");

        int approved = session.approveAll(RowFilter.pending().and(RowFilter.valid()));

        assertThat(approved).isEqualTo(6);
        assertThat(session.decision(2)).get().extracting(Decision::status).isEqualTo(DecisionStatus.REJECTED);
        assertThat(session.approveAll(RowFilter.valid().and(RowFilter.rows(List.of(5L, 7L))))).isZero();
        assertThat(session.undoDescription()).contains("Approve pending rows and valid rows");
    }

    @Test
    void redoReappliesAndANewCommandClearsRedo() {
        session.approve(2);
        session.rejectAll(RowFilter.withErrors(), "Errors");
        session.undo();
        session.undo();
        assertThat(session.redoDescription()).contains("Approve row 2");

        assertThat(session.redo()).isTrue();
        assertThat(session.decision(2)).get().extracting(Decision::status).isEqualTo(DecisionStatus.APPROVED);
        assertThat(session.redoDescription()).contains("Reject rows with errors");

        session.approve(7);

        assertThat(session.redoDescription()).isEmpty();
        assertThat(session.redo()).isFalse();
        assertThat(session.counts()).isEqualTo(new DecisionCounts(8, 2, 0));
        session.undo();
        session.undo();
        assertThat(session.undo()).isFalse();
        assertThat(session.counts()).isEqualTo(new DecisionCounts(10, 0, 0));
    }

    @Test
    void decisionsAndHistorySurviveReopening() {
        session.approveAll(RowFilter.valid());
        session.reject(4, "Supplier unknown");
        session.undo();

        reopen();

        assertThat(session.counts()).isEqualTo(new DecisionCounts(3, 7, 0));
        assertThat(session.redoDescription()).contains("Reject row 4");
        assertThat(session.redo()).isTrue();
        assertThat(session.decision(4)).get().extracting(Decision::reason).isEqualTo("Supplier unknown");
        assertThat(session.undo()).isTrue();
        assertThat(session.undo()).isTrue();
        assertThat(session.counts()).isEqualTo(new DecisionCounts(10, 0, 0));
    }

    @Test
    void decisionIsOnDiskBeforeTheReviewIsClosed() throws SQLException {
        session.reject(6, "Water missing");

        // A second connection sees what a crash right now would leave behind.
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = other.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, reason, steward FROM decision WHERE row_no = 6")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("rejected");
            assertThat(rs.getString(2)).isEqualTo("Water missing");
            assertThat(rs.getString(3)).isEqualTo(System.getProperty("user.name"));
        }
    }

    @Test
    void auditRecordsWhoAndWhenOfEveryAction() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        session.approve(2);
        session.reject(2, "Changed my mind");
        session.clear(2);
        session.undo();
        session.redo();
        session.rejectAll(RowFilter.rows(List.of(3L, 4L)), "Bad rows");

        List<AuditEntry> audit = session.audit(0, 100);

        assertThat(audit).extracting(AuditEntry::action).containsExactly(AuditAction.APPROVE, AuditAction.REJECT,
                AuditAction.CLEAR, AuditAction.UNDO, AuditAction.REDO, AuditAction.REJECT, AuditAction.REJECT);
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.steward()).isEqualTo(System.getProperty("user.name"));
            assertThat(e.at()).isAfterOrEqualTo(before);
        });
        assertThat(audit.get(1)).extracting(AuditEntry::row, AuditEntry::oldValue, AuditEntry::newValue,
                AuditEntry::reason).containsExactly(2L, "approved", "rejected", "Changed my mind");
        assertThat(audit.get(3)).extracting(AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(null, "rejected");
        assertThat(audit).extracting(AuditEntry::id).isSorted().doesNotHaveDuplicates();
        assertThat(session.audit(audit.get(4).id(), 10)).extracting(AuditEntry::row).containsExactly(3L, 4L);
    }

    @Test
    void aBulkDecisionsEntriesReadTheSameInEveryPageSizeAndKeepTheirOwnRows() {
        session.approveAll(RowFilter.all());
        session.rejectAll(RowFilter.rows(List.of(3L, 4L)), "Bad rows");
        session.reject(5, "Bad rows");
        session.clearAll(RowFilter.rows(List.of(6L, 7L)));
        List<AuditEntry> all = session.audit(0, 100);

        assertThat(all).hasSize(15);
        assertThat(all.subList(0, 10)).extracting(AuditEntry::row).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
                10L, 11L);
        assertThat(all.subList(0, 10)).allSatisfy(e -> assertThat(e).extracting(AuditEntry::action,
                AuditEntry::oldValue, AuditEntry::newValue, AuditEntry::reason, AuditEntry::at)
                .containsExactly(AuditAction.APPROVE, null, "approved", null, all.get(0).at()));
        assertThat(all.subList(10, 15)).extracting(AuditEntry::row, AuditEntry::action, AuditEntry::oldValue,
                AuditEntry::newValue, AuditEntry::reason).containsExactly(
                tuple(3L, AuditAction.REJECT, "approved", "rejected", "Bad rows"),
                tuple(4L, AuditAction.REJECT, "approved", "rejected", "Bad rows"),
                tuple(5L, AuditAction.REJECT, "approved", "rejected", "Bad rows"),
                tuple(6L, AuditAction.CLEAR, "approved", null, null),
                tuple(7L, AuditAction.CLEAR, "approved", null, null));
        assertThat(all.get(12).at()).isAfterOrEqualTo(all.get(11).at());
        for (int page = 1; page <= 4; page++) {
            List<AuditEntry> read = new ArrayList<>();
            for (long after = 0; ; ) {
                List<AuditEntry> next = session.audit(after, page);
                if (next.isEmpty()) {
                    break;
                }
                read.addAll(next);
                after = next.get(next.size() - 1).id();
            }
            assertThat(read).as("pages of %d", page).isEqualTo(all);
        }
    }
}
