package io.sluice.core.export;

import io.sluice.core.review.CellChange;
import io.sluice.core.review.ChangedCell;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.sluice.core.export.ExportFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

class RejectedRowsCsvWriterTest {

    @TempDir
    Path dir;

    private static final List<String> HEADERS = List.of("Mix", "Cast on", "W/C", "Note");

    @Test
    void writesSourceRowOriginalTextsReasonAndFindings() {
        Path file = dir.resolve("rejected.csv");
        List<Finding> findings = List.of(
                new Finding(17, "W/C", "C17", "WC_RATIO", "range", Severity.ERROR, "W/C 1,9 is above 0.7.", "1,9"),
                new Finding(17, null, null, null, "mix-code", Severity.WARNING, "Mix code looks odd.", null));
        try (RejectedRowsCsvWriter writer = new RejectedRowsCsvWriter(file, HEADERS, CsvOptions.DEFAULTS)) {
            writer.write(row(17, Cell.text("00123"), Cell.date("03.02.2024", LocalDate.of(2024, 2, 3)),
                    Cell.number("1,9", new BigDecimal("1.9")), Cell.text("a \"quoted\", multi\nline ü")),
                    "Lab will resend", findings);
            writer.write(row(18, Cell.text("M2")), null, List.of());
            assertThat(writer.rows()).isEqualTo(2);
        }

        List<List<String>> back = ExportFixture.readBack(file, ',');

        assertThat(back.get(0)).containsExactly("source_row", "Mix", "Cast on", "W/C", "Note", "reject_reason",
                "findings");
        assertThat(back.get(1)).containsExactly("17", "00123", "03.02.2024", "1,9", "a \"quoted\", multi\nline ü",
                "Lab will resend", "range: W/C 1,9 is above 0.7. | mix-code: Mix code looks odd.");
        assertThat(back.get(2)).containsExactly("18", "M2", "", "", "", "", "");
    }

    @Test
    void guardsFormulasButLeavesPlainNumbersAsTheOwnerWroteThem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RejectedRowsCsvWriter writer = new RejectedRowsCsvWriter(out, List.of("=Header", "n", "t"),
                CsvOptions.DEFAULTS)) {
            writer.write(row(2, Cell.text("@cmd"), Cell.number("-12.5", new BigDecimal("-12.5")), Cell.text("-1+1")),
                    "=bad reason", List.of(new Finding(2, "t", "C2", null, "x", Severity.ERROR, "-oops", "-12.5")));
        }

        List<List<String>> records = ExportFixture.records(out.toString(StandardCharsets.UTF_8), ',');
        assertThat(records.get(0)).containsExactly("source_row", "'=Header", "n", "t", "reject_reason", "findings");
        assertThat(records.get(1)).containsExactly("2", "'@cmd", "-12.5", "'-1+1", "'=bad reason", "x: -oops");
    }

    @Test
    void leavesANegativeNumberFromACsvSourceANumber() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RejectedRowsCsvWriter writer = new RejectedRowsCsvWriter(out, List.of("water"), CsvOptions.DEFAULTS)) {
            writer.write(row(20, Cell.text("-309.4")), "negative water", List.of());
        }
        List<List<String>> records = ExportFixture.records(out.toString(StandardCharsets.UTF_8), ',');
        assertThat(records.get(1)).containsExactly("20", "-309.4", "negative water", "");
    }

    @Test
    void namesEachChangedCellFromWhatToWhatAndGuardsTheTextLikeEveryOther() {
        Instant at = Instant.parse("2026-12-06T10:00:00Z");
        CellChange fix = new CellChange(3, "replace", "Replace 'NRD' by 'NORD' in '=Header'", "alice", at);
        CellChange edit = new CellChange(5, null, "Edit row 2", "bob", at);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RejectedRowsCsvWriter writer = new RejectedRowsCsvWriter(out, List.of("=Header", "n", "t"),
                CsvOptions.DEFAULTS, true)) {
            writer.write(row(2, Cell.text("NORD"), Cell.text("=1+1"), Cell.BLANK), "sent back", List.of(),
                    List.of(new ChangedCell(0, "NRD", "NORD", List.of(fix)),
                            new ChangedCell(1, "x", "=1+1", List.of(fix, edit)),
                            new ChangedCell(2, "n/a", "", List.of(edit))));
            writer.write(row(3, Cell.text("CEMS")), null, List.of());
        }

        List<List<String>> records = ExportFixture.records(out.toString(StandardCharsets.UTF_8), ',');
        assertThat(records.get(0)).containsExactly("source_row", "'=Header", "n", "t", "reject_reason", "findings",
                RejectedRowsCsvWriter.ORIGINAL_VALUES);
        assertThat(records.get(1)).containsExactly("2", "NORD", "'=1+1", "", "sent back", "",
                "'=Header: 'NRD' -> 'NORD' (fix #3); n: 'x' -> '=1+1' (fix #3 then edit); t: 'n/a' -> '' (edit)");
        assertThat(records.get(2)).containsExactly("3", "CEMS", "", "", "", "", "");
    }

    @Test
    void leavesTheUsualLayoutWithoutTheOriginalValues() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RejectedRowsCsvWriter writer = new RejectedRowsCsvWriter(out, List.of("a"), CsvOptions.DEFAULTS,
                false)) {
            writer.write(row(2, Cell.text("NORD")), null, List.of(), List.of(new ChangedCell(0, "NRD", "NORD",
                    List.of(new CellChange(1, "replace", "Replace", "alice", Instant.EPOCH)))));
        }
        List<List<String>> records = ExportFixture.records(out.toString(StandardCharsets.UTF_8), ',');
        assertThat(records.get(0)).containsExactly("source_row", "a", "reject_reason", "findings");
        assertThat(records.get(1)).containsExactly("2", "NORD", "", "");
    }
}
