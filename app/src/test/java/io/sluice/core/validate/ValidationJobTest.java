package io.sluice.core.validate;

import io.sluice.core.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.SluiceException;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TestDatabases;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The streaming validation path: rows in order, source problems as findings, scores, cancel, failures. */
class ValidationJobTest {

    private static TargetDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        TestDatabases.Database h2 = TestDatabases.h2Mem();
        SampleSchema.install(h2.url(), h2.user(), h2.password());
        db = TargetDatabase.open(h2.url(), h2.user(), h2.password());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Profile profile() {
        List<ColumnMapping> columns = new ArrayList<>();
        for (String c : List.of("mix_code", "cement_kg", "water_kg", "coarse_agg_kg", "fine_agg_kg", "age_days")) {
            columns.add(ColumnMapping.of(c, c));
        }
        return new Profile(null, 0, "job-test", null, "concrete_mix", columns, null, null, null, null, null);
    }

    private Path csv(String... lines) throws IOException {
        Path file = dir.resolve("mix.csv");
        Files.writeString(file, "mix_code,cement_kg,water_kg,coarse_agg_kg,fine_agg_kg,age_days\n"
                + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private Path manyRows(int count) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("M-" + i + ",350,175,1000,800," + (i % 7 == 0 ? "5" : "28"));
        }
        return csv(lines.toArray(String[]::new));
    }

    @Test
    void deliversEveryRowInSourceOrderWithItsScore() throws IOException {
        Path file = manyRows(2_500);
        List<Long> rows = new ArrayList<>();
        ValidationSummary summary;
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db)) {
            summary = job.run(r -> {
                rows.add(r.source().number());
                assertThat(r.score().validity()).isEqualTo(r.hasErrors() ? 83 : 100);
            }, Progress.NONE);
        }
        assertThat(rows).hasSize(2_500).isSorted().startsWith(2L).endsWith(2_501L);
        long sevenDay = (2_500 + 6) / 7;
        assertThat(summary.rows()).isEqualTo(2_500);
        assertThat(summary.withErrors()).isEqualTo(sevenDay);
        assertThat(summary.valid()).isEqualTo(2_500 - sevenDay);
        assertThat(summary.byRule()).containsKey("check:CK_AGE_DAYS");
        assertThat(summary.scores().completeness()).isEqualTo(100.0);
    }

    @Test
    void turnsRaggedRowsIntoErrorFindings() throws IOException {
        Path file = csv("M-1,350,175,1000,800,28", "M-2,350,175,1000,800,28,surplus");
        List<Finding> findings = new ArrayList<>();
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db)) {
            job.run(r -> findings.addAll(r.findings()), Progress.NONE);
        }
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("source:ragged-row");
            assertThat(f.row()).isEqualTo(3);
            assertThat(f.message()).contains("7 fields");
        });
    }

    @Test
    void warnsOnANumberCellOfMoreThan15DigitsButNotOnItsDigitsAsText() throws IOException {
        Path file = dir.resolve("mix.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Mixes");
            String[] header = {"mix_code", "cement_kg", "water_kg", "coarse_agg_kg", "fine_agg_kg", "age_days",
                    "account"};
            var first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= 2; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue("M-" + r);
                for (int c = 1; c <= 4; c++) {
                    row.createCell(c).setCellValue(350);
                }
                row.createCell(5).setCellValue(28);
            }
            sheet.getRow(1).createCell(6).setCellValue(12345678901234567d);
            sheet.getRow(2).createCell(6).setCellValue("12345678901234567");
            try (var out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        List<Finding> findings = new ArrayList<>();
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db)) {
            job.run(r -> findings.addAll(r.findings()), Progress.NONE);
        }
        assertThat(findings).filteredOn(f -> f.rule().startsWith("source:")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("source:rounded-number");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.row()).isEqualTo(2);
            assertThat(f.cell()).isEqualTo("G2");
            assertThat(f.column()).isEqualTo("account");
            assertThat(f.value()).isEqualTo("12345678901234568");
            assertThat(f.message()).contains("about 15 significant digits");
        });
    }

    @Test
    void countsDuplicatesAgainstUniqueness() throws IOException {
        Path file = csv("M-1,350,175,1000,800,28", "M-1,360,175,1000,800,28", "M-2,350,175,1000,800,28",
                "M-3,350,175,1000,800,28");
        ValidationSummary summary;
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db)) {
            summary = job.run(r -> { }, Progress.NONE);
        }
        assertThat(summary.scores().uniqueness()).isEqualTo(75.0);
        assertThat(summary.byRule()).containsEntry("duplicate-key", 1L);
    }

    @Test
    void findsRepeatedKeysAcrossChunkBoundariesOnTheRowsThatRepeatThem() throws IOException {
        int size = Validation.CHUNK_SIZE;
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3 * size + 10; i++) {
            lines.add("M-" + i + ",350,175,1000,800,28");
        }
        lines.set(size, "M-" + (size - 1) + ",350,175,1000,800,28");
        lines.set(3 * size + 9, "M-0,350,175,1000,800,28");
        Path file = csv(lines.toArray(String[]::new));
        List<Finding> repeats = new ArrayList<>();
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db)) {
            job.run(r -> r.findings().stream().filter(f -> f.rule().equals("duplicate-key")).forEach(repeats::add),
                    Progress.NONE);
        }
        assertThat(repeats).extracting(Finding::row).containsExactly(size + 2L, 3L * size + 11);
        assertThat(repeats.get(0).message()).contains("row " + (size + 1));
        assertThat(repeats.get(1).message()).contains("row 2.");
    }

    @Test
    void stopsWhenCancelled() throws IOException {
        Path file = manyRows(5_000);
        AtomicLong seen = new AtomicLong();
        Progress cancelAfterFirstChunk = new Progress() {
            @Override
            public boolean isCancelled() {
                return seen.get() > 0;
            }
        };
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db)) {
            assertThatThrownBy(() -> job.run(r -> seen.incrementAndGet(), cancelAfterFirstChunk))
                    .isInstanceOf(CancellationException.class);
        }
        assertThat(seen.get()).as("stopped before the last row").isLessThan(5_000);
    }

    @Test
    void reportsAReadFailureAfterTheRowsBeforeIt() throws IOException {
        Path file = csv("M-1,350,175,1000,800,28", "\"M-2,350,175,1000,800,28");
        assertThatThrownBy(() -> {
            try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db)) {
                job.run(r -> { }, Progress.NONE);
            }
        }).isInstanceOf(SluiceException.class).hasMessageContaining("mix.csv").hasMessageContaining("quote");
    }

    @Test
    void refusesAProfileThatDoesNotFitTheFile() throws IOException {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "code,cement\nA,1\n");
        assertThatThrownBy(() -> ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db))
                .isInstanceOf(SluiceException.class).hasMessageContaining("mix_code");
    }

    @Test
    void writesAReportWithEveryFinding() throws IOException {
        Path file = csv("M-1,350,175,1000,800,5", "M-2,0,175,,800,28");
        StringWriter out = new StringWriter();
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db);
             JsonReportWriter report = new JsonReportWriter()) {
            ValidationSummary summary = job.run(report, Progress.NONE);
            report.write(job.reportSource(null), summary, job.table().issues(), out);
            assertThat(report.findings()).isEqualTo(3);
        }
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("format").asText()).isEqualTo("sluice-report");
        assertThat(json.get("counts").get("withErrors").asInt()).isEqualTo(2);
        assertThat(json.get("findings")).hasSize(3).anySatisfy(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("required");
            assertThat(f.get("cell").asText()).isEqualTo("D3");
        });
    }

    @Test
    void validatesAFileOpenedAheadAsAFileOpenedInPlace() throws IOException {
        Path file = Files.writeString(dir.resolve("mix.csv"), "mix_code,cement_kg,water_kg,coarse_agg_kg,fine_agg_kg,"
                + "age_days,note\nM-1,350,175,1000,800,5,Béton\nM-2,0,175,,800,28,°C\nM-1,350.0,175,1000,800,7,\n",
                StandardCharsets.UTF_8);
        String inPlace;
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile(), db)) {
            inPlace = report(job);
        }
        String ahead;
        try (FileOpening opening = FileOpening.start(file, SourceOptions.DEFAULTS);
             ValidationJob job = ValidationJob.prepare(opening, profile(), db)) {
            ahead = report(job);
        }
        assertThat(ahead).isEqualTo(inPlace).contains("\"D3\"");
    }

    @Test
    void failsAsOpeningTheFileInPlaceFailsWhenOpenedAhead() {
        Path missing = dir.resolve("missing.csv");
        String inPlace = catchThrowableOfType(
                () -> ValidationJob.prepare(missing, SourceOptions.DEFAULTS, profile(), db), SluiceException.class)
                .getMessage();
        try (FileOpening opening = FileOpening.start(missing, SourceOptions.DEFAULTS)) {
            assertThatThrownBy(() -> ValidationJob.prepare(opening, profile(), db))
                    .isInstanceOf(SluiceException.class).hasMessage(inPlace);
        }
    }

    @Test
    void closesAnOpeningNeverTakenWithoutFailing() throws IOException {
        Path good = csv("M-1,350,175,1000,800,5");
        Path unreadable = Files.writeString(dir.resolve("bad.csv"), "a,\"b\n1,2\n");
        FileOpening unused = FileOpening.start(good, SourceOptions.DEFAULTS);
        FileOpening failed = FileOpening.start(unreadable, SourceOptions.DEFAULTS);
        assertThatCode(unused::close).doesNotThrowAnyException();
        assertThatCode(failed::close).doesNotThrowAnyException();
    }

    @Test
    void tellsAFileRewrittenOrReplacedSinceItsOpeningBegan() throws IOException {
        Path kept = csv("M-1,350,175,1000,800,5");
        Path rewritten = Files.writeString(dir.resolve("rewritten.csv"), Files.readString(kept));
        Path replaced = Files.writeString(dir.resolve("replaced.csv"), Files.readString(kept));
        try (FileOpening keptOpening = FileOpening.start(kept, SourceOptions.DEFAULTS);
             FileOpening rewrittenOpening = FileOpening.start(rewritten, SourceOptions.DEFAULTS);
             FileOpening replacedOpening = FileOpening.start(replaced, SourceOptions.DEFAULTS)) {
            keptOpening.table();
            Files.writeString(rewritten, Files.readString(kept).replace("350", "lots"));
            Path other = Files.writeString(dir.resolve("other.csv"), Files.readString(kept));
            Files.move(other, replaced, StandardCopyOption.REPLACE_EXISTING);

            assertThat(keptOpening.fileUnchanged()).isTrue();
            assertThat(rewrittenOpening.fileUnchanged()).isFalse();
            assertThat(replacedOpening.fileUnchanged()).isFalse();
        }
    }

    private static String report(ValidationJob job) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonReportWriter report = new JsonReportWriter()) {
            ValidationSummary summary = job.run(report, Progress.NONE);
            report.write(job.reportSource(null), summary, job.table().issues(), out);
        }
        return out.toString();
    }
}
