package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;

import java.nio.file.Path;
import java.util.List;

/**
 * A review of ten rows (numbered 2 to 11, as under a header in row 1) with planted findings:
 * row 3 error "required" on Cement, row 4 error "fk" on Supplier, row 5 warning "range" on Cement,
 * row 6 error "required" on Water.
 */
final class SmallReview {

    static final List<String> COLUMNS = List.of("Mix Code", "Cement", "Water", "Supplier");

    private SmallReview() {
    }

    static Review create(Path file) {
        Review review = Review.create(file, ReviewInfo.of(Path.of("mixes.csv"), null, SourceFormat.CSV, "mixes.csv", 1),
                COLUMNS);
        try (RowWriter writer = review.rowWriter()) {
            for (long row = 2; row <= 11; row++) {
                writer.append(new SourceRow(row, List.of(Cell.text("M-" + row), Cell.text("350"), Cell.text("175"),
                        Cell.text("NORD"))), findings(row));
            }
        }
        return review;
    }

    private static List<Finding> findings(long row) {
        if (row == 3) {
            return List.of(finding(row, "Cement", "B", "required", Severity.ERROR));
        }
        if (row == 4) {
            return List.of(finding(row, "Supplier", "D", "fk", Severity.ERROR));
        }
        if (row == 5) {
            return List.of(finding(row, "Cement", "B", "range", Severity.WARNING));
        }
        if (row == 6) {
            return List.of(finding(row, "Water", "C", "required", Severity.ERROR));
        }
        return List.of();
    }

    private static Finding finding(long row, String column, String letter, String rule, Severity severity) {
        return new Finding(row, column, letter + row, column.toUpperCase(), rule, severity, "Planted " + rule + ".",
                "x");
    }
}
