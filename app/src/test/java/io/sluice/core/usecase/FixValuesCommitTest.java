package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.review.FixPreview;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Value fixes through the use case on the ds1 layout, validated against a real target, and what the commit keeps of
 * them: the imported values are the fixed ones, and the batch's audit names each fix and, for a fix in effect, every
 * cell it changed (source row, column, old and new value, the fix, who and when); an undone fix leaves no cells.
 */
class FixValuesCommitTest {

    @TempDir
    Path dir;

    private MixTarget target;

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theBatchAuditSaysWhichFixChangedWhichCellFromWhatToWhat(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Path csv = target.csv("mixes.csv",
                MixTarget.mix("DS1-0000001", "350.0").replace("CEMS", "NRD"),
                MixTarget.mix("DS1-0000002", "350.0").replace("CEMS", "nrd"),
                MixTarget.mix("DS1-0000003", "350.0").replace("CEMS", "NRD"),
                MixTarget.mix("DS1-0000004", "350.0"));
        Path reviewFile = dir.resolve("mixes.sluice");
        ValidateFile.run(new ValidateFile.Request(csv, SourceOptions.DEFAULTS, MixTarget.profile(), "ds1",
                reviewFile, false), target.db, null, Progress.NONE);

        try (OpenReview review = OpenReview.open(reviewFile, () -> target.target().open())) {
            assertThat(review.currentSummary().orElseThrow().withErrors()).isEqualTo(3);
            FixValues.Request request = new FixValues.Request("Supplier", RowFilter.withErrors(),
                    new ValueFix.Replace(Map.of("NRD", "NORD", "nrd", "NORD")));
            FixPreview preview = FixValues.preview(review, request, FixValues.EXAMPLES, Progress.NONE);
            FixOutcome outcome = FixValues.apply(review, request, Progress.NONE);

            assertThat(preview.cells()).isEqualTo(3).isEqualTo(outcome.cells());
            assertThat(review.currentSummary().orElseThrow().withErrors()).isZero();
            FixValues.apply(review, new FixValues.Request("Remarks", RowFilter.all(),
                    new ValueFix.SetValue("checked")), Progress.NONE);
            assertThat(review.session().undo()).isTrue();
            assertThat(review.session().approveAll(RowFilter.valid())).isEqualTo(4);
        }
        try (ImportRows rows = ImportRows.fromReview(target.db, reviewFile,
                new ImportRows.ImportSettings(null, false, "tester"))) {
            rows.commit(Progress.NONE);
        }

        assertThat(TableText.rows(target.db.connection(), "SELECT supplier_code FROM concrete_mix ORDER BY"
                + " mix_code")).containsExactly("NORD", "NORD", "NORD", "CEMS");
        List<String> audit = TableText.rows(target.db.connection(), "SELECT action, source_row, column_name,"
                + " old_value, new_value, reason, steward FROM sluice_decision_audit WHERE column_name IS NOT NULL"
                + " ORDER BY id");
        String fix = "Fix #\\d+ \\(replace\\): Replace 2 values in 'Supplier' \\(rows with errors\\)";
        String steward = System.getProperty("user.name");
        assertThat(audit).hasSize(6);
        assertThat(audit.get(0)).matches("edit\\|0\\|Supplier\\|null\\|null\\|" + fix + ": 3 cells\\|.*");
        assertThat(audit.get(1)).matches("edit\\|2\\|Supplier\\|NRD\\|NORD\\|" + fix + "\\|" + steward);
        assertThat(audit.get(2)).matches("edit\\|3\\|Supplier\\|nrd\\|NORD\\|" + fix + "\\|" + steward);
        assertThat(audit.get(3)).matches("edit\\|4\\|Supplier\\|NRD\\|NORD\\|" + fix + "\\|" + steward);
        assertThat(audit.get(4)).matches("edit\\|0\\|Remarks\\|null\\|null\\|Fix #\\d+ \\(set\\).*: 4 cells\\|.*");
        assertThat(audit.get(5)).matches("undo\\|0\\|Remarks\\|null\\|null\\|Undo fix #\\d+ \\(set\\).*: 4 cells\\|.*");
        assertThat(TableText.rows(target.db.connection(), "SELECT count(*) FROM sluice_decision_audit"
                + " WHERE decided_at IS NULL OR steward IS NULL")).containsExactly("0");
    }
}
