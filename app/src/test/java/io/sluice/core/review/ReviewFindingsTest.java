package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewFindingsTest {

    @TempDir
    Path dir;

    private static Finding error(long row, String column, String rule) {
        return new Finding(row, column, column == null ? null : "D" + row, "w_c_ratio", rule, Severity.ERROR,
                "Ratio 0.9 is above the maximum 0.7.", "0.9");
    }

    private static Finding warning(long row, String column, String rule) {
        return new Finding(row, column, null, null, rule, Severity.WARNING, "Looks unusual.", null);
    }

    private Review reviewWithRows(String name, int rows) {
        Review review = Review.create(dir.resolve(name), ReviewTestSupport.info(), SampleRows.columns());
        try (RowWriter writer = review.rowWriter()) {
            for (long n = 2; n < rows + 2; n++) {
                writer.append(SampleRows.row(n));
            }
        }
        return review;
    }

    @Test
    void returnsEachRowsFindingsInTheOrderWritten() {
        Path file = dir.resolve("findings.sluice");
        List<Finding> rowTwo = List.of(error(2, "Ratio", "range"), warning(2, null, "duplicate"));
        try (Review review = reviewWithRows("findings.sluice", 5); FindingWriter writer = review.findingWriter()) {
            writer.appendAll(rowTwo);
            writer.append(error(3, "Supplier", "fk"));
        }

        try (Review review = Review.open(file)) {
            assertThat(review.findings(2)).isEqualTo(rowTwo);
            assertThat(review.findings(3)).containsExactly(error(3, "Supplier", "fk"));
            assertThat(review.findings(4)).isEmpty();
        }
    }

    @Test
    void streamsEveryFindingInSourceOrder() {
        try (Review review = reviewWithRows("stream.sluice", 5)) {
            try (FindingWriter writer = review.findingWriter()) {
                writer.append(error(4, "Ratio", "range"));
                writer.append(error(2, "Supplier", "fk"));
                writer.append(warning(2, null, "duplicate"));
            }
            List<Finding> streamed = new ArrayList<>();
            review.forEachFinding(streamed::add);
            assertThat(streamed).containsExactly(error(2, "Supplier", "fk"), warning(2, null, "duplicate"),
                    error(4, "Ratio", "range"));
        }
    }

    @Test
    void countsRowsSeveritiesRulesAndColumns() {
        try (Review review = reviewWithRows("counts.sluice", 10)) {
            try (FindingWriter writer = review.findingWriter()) {
                writer.append(error(2, "Ratio", "range"));
                writer.append(error(2, "Supplier", "fk"));
                writer.append(warning(2, "Ratio", "pattern"));
                writer.append(error(3, "Ratio", "range"));
                writer.append(warning(4, null, "duplicate"));
                writer.append(warning(5, "Supplier", "pattern"));
            }

            FindingCounts counts = review.counts();

            assertThat(counts.rowsWithErrors()).isEqualTo(2);
            assertThat(counts.rowsWithWarnings()).isEqualTo(3);
            assertThat(counts.rowsWithFindings()).isEqualTo(4);
            assertThat(counts.errors()).isEqualTo(3);
            assertThat(counts.warnings()).isEqualTo(3);
            assertThat(counts.byRule()).containsExactly(Map.entry("duplicate", 1L), Map.entry("fk", 1L),
                    Map.entry("pattern", 2L), Map.entry("range", 2L));
            assertThat(counts.byColumn()).containsExactly(Map.entry("Ratio", 3L), Map.entry("Supplier", 2L));
        }
    }

    @Test
    void countsNothingInACleanReview() {
        try (Review review = reviewWithRows("clean.sluice", 3)) {
            assertThat(review.counts()).isEqualTo(new FindingCounts(0, 0, 0, 0, 0, Map.of(), Map.of()));
        }
    }

    @Test
    void replacesOneRowsFindingsAfterAnEdit() {
        Path file = dir.resolve("replace.sluice");
        try (Review review = reviewWithRows("replace.sluice", 5)) {
            try (FindingWriter writer = review.findingWriter()) {
                writer.append(error(2, "Ratio", "range"));
                writer.append(error(3, "Ratio", "range"));
            }
            review.replaceFindings(2, List.of(warning(2, "Ratio", "pattern")));
            review.replaceFindings(3, List.of());
        }

        try (Review review = Review.open(file)) {
            assertThat(review.findings(2)).containsExactly(warning(2, "Ratio", "pattern"));
            assertThat(review.findings(3)).isEmpty();
            assertThat(review.counts().rowsWithErrors()).isZero();
        }
    }

    @Test
    void refusesToReplaceARowsFindingsWithAnotherRows() {
        try (Review review = reviewWithRows("wrong-row.sluice", 3)) {
            assertThatThrownBy(() -> review.replaceFindings(2, List.of(error(3, "Ratio", "range"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("row 3");
        }
    }

    @Test
    void revalidatesEveryRowWhileStreamingThem() {
        int rows = 12_000;
        try (Review review = reviewWithRows("revalidate.sluice", rows)) {
            try (FindingWriter writer = review.findingWriter()) {
                writer.append(error(2, "Ratio", "stale"));
            }
            review.clearFindings();

            try (RowCursor cursor = review.cursor(); FindingWriter writer = review.findingWriter()) {
                while (cursor.hasNext()) {
                    SourceRow row = cursor.next();
                    writer.append(warning(row.number(), "Column 1", "checked"));
                }
            }

            FindingCounts counts = review.counts();
            assertThat(counts.rowsWithWarnings()).isEqualTo(rows);
            assertThat(counts.byRule()).containsOnlyKeys("checked");
        }
    }
}
