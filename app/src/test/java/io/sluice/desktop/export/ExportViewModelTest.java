package io.sluice.desktop.export;

import io.sluice.desktop.ScriptedDialogs;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.sluice.core.Progress;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.export.RejectedRowsCsvWriter;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.usecase.FixValues;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.Review;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ExportViewModelTest {

    @TempDir
    Path home;

    private SampleTarget target;
    private final Workbench workbench = new Workbench();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ExportViewModel model = new ExportViewModel(workbench, SyncTasks.runner(), dialogs);

    @AfterEach
    void tearDown() {
        if (target != null) {
            target.close();
        }
    }

    private Path review(TestDatabases.Engine engine) {
        target = SampleTarget.of(engine, home);
        workbench.targetProperty().set(target.choice());
        Path review = target.review("mixes");
        workbench.reviewProperty().set(review);
        return review;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void writesTheApprovedRowsInTargetColumns(TestDatabases.Engine engine) throws IOException {
        Path review = review(engine);
        Path out = home.resolve("approved.csv");

        model.export(ExportKind.APPROVED_ROWS, CsvOptions.DEFAULTS, out);

        List<CsvRecord> records = read(out, ',');
        long approved = SampleTarget.approved(review);
        assertThat(records).hasSize((int) approved + 1);
        assertThat(records.get(0).getFields()).map(f -> f.toLowerCase(Locale.ROOT))
                .contains("mix_code", "cement_kg", "supplier_code");
        assertThat(records.get(1).getField(0)).startsWith("DS1-");
        assertThat(model.lastResultProperty().get()).isEqualTo(approved + " approved rows written to " + out + ".");
        assertThat(dialogs.told()).singleElement().satisfies(told -> {
            assertThat(told.header()).isEqualTo("Export finished");
            assertThat(told.text()).isEqualTo(model.lastResultProperty().get());
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void writesTheRejectedRowsWithTheStewardsReason(TestDatabases.Engine engine) throws IOException {
        Path review = review(engine);
        Path out = home.resolve("rejected.csv");

        model.export(ExportKind.REJECTED_ROWS, CsvOptions.DEFAULTS.withDelimiter(';'), out);

        List<CsvRecord> records = read(out, ';');
        long rejected;
        try (Review open = Review.open(review)) {
            rejected = open.ledger().rowsWith(DecisionStatus.REJECTED).length;
        }
        assertThat(rejected).isPositive();
        assertThat(records).hasSize((int) rejected + 1);
        assertThat(String.join(";", records.get(1).getFields())).contains("Fails validation");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void writesEveryFindingOfTheReview(TestDatabases.Engine engine) throws IOException {
        Path review = review(engine);
        Path out = home.resolve("findings.csv");
        AtomicLong findings = new AtomicLong();
        try (Review open = Review.open(review)) {
            open.forEachFinding(f -> findings.incrementAndGet());
        }

        model.export(ExportKind.FINDINGS, CsvOptions.DEFAULTS.withBom(true), out);

        assertThat(findings.get()).isPositive();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(read(out, ',')).hasSize((int) findings.get() + 1);
    }

    @Test
    void writesTheOriginalValueOfEachFixedCellOfTheRejectedRowsWhenAsked() throws IOException {
        Path review = review(TestDatabases.Engine.H2);
        try (OpenReview open = OpenReview.open(review, () -> workbench.targetProperty().get().open())) {
            FixValues.apply(open, new FixValues.Request("Supplier", RowFilter.all(), ValueFix.Replace.of("NRD",
                    "NORD")), Progress.NONE);
        }
        Path out = home.resolve("rejected.csv");

        model.export(ExportKind.REJECTED_ROWS, CsvOptions.DEFAULTS, true, out);

        List<CsvRecord> records = read(out, ',');
        List<String> header = records.get(0).getFields();
        assertThat(header.get(header.size() - 1)).isEqualTo(RejectedRowsCsvWriter.ORIGINAL_VALUES);
        List<String> changes = records.stream().skip(1).map(r -> r.getField(header.size() - 1))
                .filter(text -> !text.isEmpty()).toList();
        assertThat(changes).singleElement().asString().matches("Supplier: 'NRD' -> 'NORD' \\(fix #\\d+\\)");
    }

    @Test
    void writesTheRowsToFixAsAWorkbookWithTheRejectReasonAndComments() throws IOException {
        Path review = review(TestDatabases.Engine.H2);
        Path out = home.resolve("to-fix.xlsx");

        model.export(ExportKind.RETURN_WORKBOOK, CsvOptions.DEFAULTS, out);

        long rejected;
        try (Review open = Review.open(review)) {
            rejected = open.ledger().rowsWith(DecisionStatus.REJECTED).length;
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(out))) {
            Sheet rows = book.getSheetAt(0);
            assertThat(rows.getLastRowNum()).isGreaterThanOrEqualTo((int) rejected);
            assertThat(book.getSheet("Sluice summary")).isNotNull();
            assertThat(rows.getCellComments()).isNotEmpty();
        }
        assertThat(model.lastResultProperty().get()).endsWith("rows to fix written to " + out + ".");
    }

    @Test
    void writesTheReportAsOneHtmlFile() throws IOException {
        review(TestDatabases.Engine.H2);
        Path out = home.resolve("report.html");

        model.export(ExportKind.REPORT, CsvOptions.DEFAULTS, out);

        String html = Files.readString(out);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("ds1-concrete-mix").doesNotContain("<script");
    }

    @Test
    void isUnavailableAndExportsNothingWithoutAReview() {
        assertThat(model.availableBinding().get()).isFalse();
        assertThat(model.export(ExportKind.FINDINGS, CsvOptions.DEFAULTS, home.resolve("f.csv"))).isNull();
        assertThat(home.resolve("f.csv")).doesNotExist();
    }

    @Test
    void suggestsAFileNamedAfterTheReview() {
        workbench.reviewProperty().set(home.resolve("mixes-2024.sluice"));
        assertThat(model.suggestedName(ExportKind.REJECTED_ROWS)).isEqualTo("mixes-2024-rejected.csv");
        assertThat(model.availableBinding().get()).isTrue();
    }

    private static List<CsvRecord> read(Path csv, char delimiter) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(csv)) {
            List<CsvRecord> records = new ArrayList<>();
            reader.forEach(records::add);
            return records;
        }
    }
}
