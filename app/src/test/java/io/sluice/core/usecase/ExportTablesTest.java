package io.sluice.core.usecase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.export.BackToSenderWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.RowFilter;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every output of an export of the sample lab workbook with its profile onto five tables, on H2 and PostgreSQL, with
 * the planted faults of {@code sample-data/README.md}: the misspelt material (Materials row 4 writes "Fly-ash", so
 * every fly-ash dosage of Mixes names a material found nowhere), the dosage out of range (H13), the supplier only in
 * the workbook (row 24, no finding) and the duplicate component (row 32).
 */
class ExportTablesTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final Path WORKBOOK = SAMPLES.resolve("ds4-lab-workbook.xlsx");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Mixes rows holding a fly-ash dosage, each rejected for its component's reference to "Fly ash". */
    private static final List<Long> FLY_ASH_ROWS = List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 14L, 22L, 23L, 26L, 27L,
            30L, 31L, 32L, 33L, 34L, 41L);
    /** The rejected Mixes rows: those and row 13, whose coarse aggregate dosage is out of range. */
    private static final List<Long> REJECTED_MIXES = List.of(5L, 6L, 7L, 8L, 9L, 10L, 11L, 13L, 14L, 22L, 23L, 26L,
            27L, 30L, 31L, 32L, 33L, 34L, 41L);

    @TempDir
    Path dir;

    private static Profile profile() {
        return ProfileIO.read(SAMPLES.resolve("profiles").resolve("ds4-lab.profile.json"));
    }

    private static TargetDatabase sampleTarget(TestDatabases.Engine engine) {
        return open(sampleDatabase(engine));
    }

    private static TestDatabases.Database sampleDatabase(TestDatabases.Engine engine) {
        TestDatabases.Database database = engine.fresh();
        SampleSchema.install(database.url(), database.user(), database.password());
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        return database;
    }

    private static TargetDatabase open(TestDatabases.Database database) {
        return TargetDatabase.open(database.url(), database.user(), database.password());
    }

    private static ExportRows.Settings settings() {
        return new ExportRows.Settings(CsvOptions.DEFAULTS.withLineEnding(CsvOptions.LF), 10_000);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The data rows of a CSV (header left out), lower case so that H2's and PostgreSQL's names compare. */
    private static List<String> rows(Path file) throws IOException {
        return lines(file).stream().skip(1).map(l -> l.toLowerCase(Locale.ROOT)).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void approvedRowsAreOneCsvPerTableOfEveryValidSourceRowWithReferencesAsTheParentsNaturalKeys(
            TestDatabases.Engine engine) throws Exception {
        Path ok = dir.resolve("ok");
        ExportTables.Written written;
        try (TargetDatabase db = sampleTarget(engine)) {
            written = ExportTables.fromFile(db, WORKBOOK, SourceOptions.DEFAULTS, profile(), "ds4-lab",
                    new ExportRows.Outputs(ok, null, null, null, null), settings(), Progress.NONE);
        }

        assertThat(written.approved()).extracting(f -> f.name() + " " + f.rows() + " " + ok.relativize(f.file()))
                .containsExactly("material 7 material.csv", "supplier 6 supplier.csv",
                        "concrete_mix 21 concrete_mix.csv", "mix_component 107 mix_component.csv",
                        "strength_test 39 strength_test.csv");
        assertThat(written.rejected()).isEmpty();
        assertThat(written.findings()).isNull();
        try (Stream<Path> files = Files.list(ok)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("material.csv",
                    "supplier.csv", "concrete_mix.csv", "mix_component.csv", "strength_test.csv");
        }
        // the header is the table's mapped columns in table order
        assertThat(lines(ok.resolve("material.csv")).get(0).toLowerCase(Locale.ROOT)).isEqualTo("name,material_class");
        assertThat(lines(ok.resolve("mix_component.csv")).get(0).toLowerCase(Locale.ROOT))
                .isEqualTo("mix_id,material_id,dosage_kg");
        assertThat(lines(ok.resolve("strength_test.csv")).get(0).toLowerCase(Locale.ROOT))
                .isEqualTo("mix_id,age_days,strength_mpa");
        // the misspelt material is exported as the sheet has it: the Materials sheet itself has no fault
        assertThat(rows(ok.resolve("material.csv"))).hasSize(7).contains("fly-ash,binder");
        assertThat(rows(ok.resolve("supplier.csv"))).hasSize(6).anyMatch(r -> r.startsWith("holc,"));
        // a reference holds the parent's natural key: the mix code and the material's name, not their ids
        List<String> components = rows(ok.resolve("mix_component.csv"));
        assertThat(components).hasSize(107).contains("lab-0001,cement,288.9", "lab-0001,water,158.3");
        assertThat(components).noneMatch(r -> r.contains(",fly ash,"));
        List<String> mixes = rows(ok.resolve("concrete_mix.csv"));
        // the mix whose supplier is only in the workbook is valid; the faulty mixes are left out with their rows
        assertThat(mixes).hasSize(21).anyMatch(r -> r.startsWith("lab-0023,") && r.endsWith(",holc"));
        for (String leftOut : List.of("lab-0004", "lab-0012", "lab-0031")) {
            assertThat(mixes).noneMatch(r -> r.startsWith(leftOut + ","));
            assertThat(components).noneMatch(r -> r.startsWith(leftOut + ","));
            assertThat(rows(ok.resolve("strength_test.csv"))).noneMatch(r -> r.startsWith(leftOut + ","));
        }
        assertThat(rows(ok.resolve("strength_test.csv"))).hasSize(39).contains("lab-0001,7,27.44",
                "lab-0001,28,40.56");
        assertThat(written.summary().rowsWithErrors()).isEqualTo(19);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void rejectedRowsAndFindingsNameEveryTableSheetRowAndCellOfThePlantedFaults(TestDatabases.Engine engine)
            throws Exception {
        Path bad = dir.resolve("lab-{sheet}-rejected.csv");
        Path findings = dir.resolve("findings.json");
        Path findingsCsv = dir.resolve("findings.csv");
        ExportTables.Written written;
        ExportTables.Written asCsv;
        try (TargetDatabase db = sampleTarget(engine)) {
            written = ExportTables.fromFile(db, WORKBOOK, SourceOptions.DEFAULTS, profile(), "ds4-lab",
                    new ExportRows.Outputs(null, bad, findings, null, null), settings(), Progress.NONE);
            asCsv = ExportTables.fromFile(db, WORKBOOK, SourceOptions.DEFAULTS, profile(), "ds4-lab",
                    new ExportRows.Outputs(null, null, findingsCsv, null, null), settings(), Progress.NONE);
        }

        assertThat(written.rejected()).extracting(f -> f.name() + " " + f.rows() + " " + f.file().getFileName())
                .containsExactly("Materials 0 lab-Materials-rejected.csv", "Suppliers 0 lab-Suppliers-rejected.csv",
                        "Mixes 19 lab-Mixes-rejected.csv");
        assertThat(lines(dir.resolve("lab-Materials-rejected.csv"))).containsExactly(
                "source_row,Material,Class,reject_reason,findings");
        List<String> mixes = lines(dir.resolve("lab-Mixes-rejected.csv"));
        assertThat(mixes.get(0)).isEqualTo("source_row,Mix Code,Supplier,Cast Date,Cement (kg/m3),Water (kg/m3),"
                + "Fly Ash (kg/m3),Slag (kg/m3),Coarse Aggregate (kg/m3),Fine Aggregate (kg/m3),"
                + "Superplasticizer (kg/m3),Cement added on site (kg/m3),Strength 7d (MPa),Strength 28d (MPa),"
                + "reject_reason,findings");
        List<Long> rejectedRows = mixes.stream().skip(1).map(l -> Long.parseLong(l.substring(0, l.indexOf(','))))
                .toList();
        assertThat(rejectedRows).isEqualTo(REJECTED_MIXES);
        // H13: the source row as the sheet has it, and every table's findings on it, each naming its table
        String row13 = mixes.stream().filter(l -> l.startsWith("13,")).findFirst().orElseThrow();
        assertThat(row13).startsWith("13,LAB-0012,").contains(",8989.0,").contains(",has error findings,");
        assertThat(row13.toLowerCase(Locale.ROOT)).endsWith(",has error findings,\"mix_component"
                + " check:ck_component_dosage: coarse aggregate (kg/m3) 8989.0 is outside the allowed range (0,"
                + " 2500].\"");
        // two tables' worth of findings on one source row: the duplicate cement and the fly ash
        String row32 = mixes.stream().filter(l -> l.startsWith("32,")).findFirst().orElseThrow();
        assertThat(row32.toLowerCase(Locale.ROOT)).startsWith("32,lab-0031,").contains(",has error findings,\""
                + "mix_component duplicate-key: the key mix_id + material_id '(lab-0031, cement)' already appears in"
                + " row 32. | mix_component reference: fly ash (kg/m3) 'fly ash' is neither in material (name) nor in"
                + " sheet materials of this workbook.\"");
        assertThat(mixes).noneMatch(l -> l.startsWith("24,"));

        assertThat(written.findings()).isEqualTo(25);
        List<String> json = new ArrayList<>();
        for (JsonNode f : JSON.readTree(findings.toFile())) {
            json.add((f.get("table").asText() + "|" + f.get("sheet").asText() + "|" + f.get("row").asText() + "|"
                    + f.get("cell").asText() + "|" + f.get("rule").asText() + "|" + f.get("severity").asText())
                    .toLowerCase(Locale.ROOT));
        }
        assertThat(json).hasSize(25)
                .contains("mix_component|mixes|13|h13|check:ck_component_dosage|error",
                        "mix_component|mixes|32|a32|duplicate-key|error",
                        "supplier|suppliers|2|a2|unique-table|warning");
        assertThat(json).filteredOn(f -> f.contains("|reference|")).hasSize(18)
                .allMatch(f -> f.startsWith("mix_component|mixes|") && f.contains("|f1|"))
                .extracting(f -> Long.parseLong(f.split("\\|")[2])).isEqualTo(FLY_ASH_ROWS);
        assertThat(json).noneMatch(f -> f.startsWith("material|") || f.contains("|mixes|24|"));

        assertThat(asCsv.findings()).isEqualTo(25);
        List<String> csv = lines(findingsCsv);
        assertThat(csv.get(0)).isEqualTo("table,sheet,row,cell,column,target,rule,severity,message,value");
        assertThat(csv).hasSize(26).anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith(
                "mix_component,mixes,13,h13,coarse aggregate (kg/m3),dosage_kg,check:ck_component_dosage,error,"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theBackToSenderWorkbookHasOneSheetPerSourceSheetWithItsFailedRowsHighlightedAndTheReportCountsPerTable(
            TestDatabases.Engine engine) throws Exception {
        Path back = dir.resolve("to-fix.xlsx");
        Path report = dir.resolve("report.html");
        ExportTables.Written written;
        try (TargetDatabase db = sampleTarget(engine)) {
            written = ExportTables.fromFile(db, WORKBOOK, SourceOptions.DEFAULTS, profile(), "ds4-lab",
                    new ExportRows.Outputs(null, null, null, back, report), settings(), Progress.NONE);
        }

        assertThat(written.failedRows()).isEqualTo(19);
        assertThat(written.report()).isTrue();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(back))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2),
                    book.getSheetName(3))).containsExactly("Materials", "Suppliers", "Mixes", "Sluice summary");
            // a sheet without failed rows keeps its header, on the original header row
            XSSFSheet materials = book.getSheet("Materials");
            assertThat(materials.getLastRowNum()).isZero();
            assertThat(texts(materials.getRow(0), text)).containsExactly("Material", "Class",
                    BackToSenderWriter.ROW_COLUMN, BackToSenderWriter.FINDINGS_COLUMN);

            XSSFSheet mixes = book.getSheet("Mixes");
            assertThat(mixes.getLastRowNum()).isEqualTo(19);
            int rowColumn = 13;
            List<Long> rows = new ArrayList<>();
            for (int r = 1; r <= 19; r++) {
                rows.add((long) mixes.getRow(r).getCell(rowColumn).getNumericCellValue());
            }
            assertThat(rows).isEqualTo(REJECTED_MIXES);
            XSSFRow row13 = mixes.getRow(rows.indexOf(13L) + 1);
            assertThat(text.formatCellValue(row13.getCell(0))).isEqualTo("LAB-0012");
            // the dosage out of range keeps its value and type, filled red with the message as a comment
            XSSFCell coarse = row13.getCell(7);
            assertThat(coarse.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(coarse.getNumericCellValue()).isEqualTo(8989.0);
            assertThat(coarse.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(coarse.getCellComment().getString().getString().toLowerCase(Locale.ROOT))
                    .contains("error: (mix_component) coarse aggregate (kg/m3) 8989.0 is outside the allowed range");
            assertThat(row13.getCell(rowColumn + 1).getStringCellValue().toLowerCase(Locale.ROOT)).isEqualTo(
                    "error mix_component check:ck_component_dosage (coarse aggregate (kg/m3)): coarse aggregate"
                            + " (kg/m3) 8989.0 is outside the allowed range (0, 2500].");
            // row 32: the fly-ash cell is marked for the material its header names, the reasons name both faults
            XSSFRow row32 = mixes.getRow(rows.indexOf(32L) + 1);
            XSSFCell flyAsh = row32.getCell(5);
            assertThat(flyAsh.getNumericCellValue()).isEqualTo(109.9);
            assertThat(flyAsh.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(flyAsh.getCellComment().getString().getString()).contains("'Fly ash' is neither in material");
            String reasons = row32.getCell(rowColumn + 1).getStringCellValue().toLowerCase(Locale.ROOT);
            assertThat(reasons).contains("error mix_component duplicate-key (mix code): the key")
                    .contains(" | error mix_component reference (fly ash (kg/m3)):");
            // an untouched cell of a failed row is not filled
            assertThat(row13.getCell(1).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);

            List<String> summary = new ArrayList<>();
            book.getSheet("Sluice summary").forEach(r -> summary.add(String.join("=", texts((XSSFRow) r, text))));
            assertThat(summary).contains("Rows to fix=19", "  in sheet Materials=0", "  in sheet Suppliers=0",
                    "  in sheet Mixes=19", "Error findings=20", "Sheets=Materials, Suppliers, Mixes");
            assertThat(summary).anyMatch(l -> l.equalsIgnoreCase("mix_component=20"));
        }

        String html = Files.readString(report).replaceAll("\\s+", " ");
        assertThat(html).contains("<tr><td>Materials</td><td class=\"num\">7</td><td class=\"num\">7</td>"
                + "<td class=\"num\">0</td><td class=\"num\">7</td><td class=\"num\">0</td></tr>");
        assertThat(html).contains("<td>Mixes</td><td class=\"num\">40</td><td class=\"num\">21</td>"
                + "<td class=\"num\">19</td><td class=\"num\">334</td><td class=\"num\">20</td></tr>");
        assertThat(html.toLowerCase(Locale.ROOT)).contains("<tr><td>mix_component</td><td>mixes</td>"
                + "<td class=\"num\">222</td><td class=\"num\">107</td><td class=\"num\">20</td>"
                + "<td class=\"num\">0</td></tr>")
                .contains("<tr><td>strength_test</td><td>mixes</td><td class=\"num\">72</td>"
                        + "<td class=\"num\">39</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>");
        assertThat(html).contains("against 5 tables").contains("Findings by table").doesNotContain("<script");
        // the worst row is row 32: two errors, the duplicate cement and the fly ash
        assertThat(html).containsPattern("<td>Mixes</td><td class=\"num\">32</td><td class=\"num\">2</td>");
    }

    @Test
    void anApprovedFileThatIsNotAFolderNorAPatternIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path existing = Files.writeString(dir.resolve("ok.csv"), "keep");
        try (TargetDatabase db = sampleTarget(TestDatabases.Engine.H2)) {
            assertThatThrownBy(() -> ExportTables.fromFile(db, WORKBOOK, SourceOptions.DEFAULTS, profile(), null,
                    new ExportRows.Outputs(existing, null, dir.resolve("f.json"), null, null), settings(),
                    Progress.NONE))
                    .isInstanceOf(SluiceException.class)
                    .hasMessage("--approved " + existing + " is a file, but a profile onto several tables writes one"
                            + " file per table: give a folder, or a file name with {table}.");
            assertThatThrownBy(() -> ExportTables.fromFile(db, WORKBOOK, SourceOptions.DEFAULTS, profile(), null,
                    new ExportRows.Outputs(dir.resolve("x-{table}.csv"), dir.resolve("x-{table}.csv"), null, null,
                            null), settings(), Progress.NONE))
                    .isInstanceOf(SluiceException.class)
                    .hasMessage("--rejected writes one file per sheet: use {sheet} in its name, not {table}.");
        }
        assertThat(Files.readString(existing)).isEqualTo("keep");
        assertThat(dir.resolve("f.json")).doesNotExist();
    }

    private static final Progress CANCELLED = new Progress() {
        @Override
        public boolean isCancelled() {
            return true;
        }
    };

    /** Last month's outputs of the workbook: a folder of table files, a folder of sheet files, the others. */
    private ExportRows.Outputs lastMonths() throws IOException {
        Path ok = Files.createDirectories(dir.resolve("ok"));
        Path bad = Files.createDirectories(dir.resolve("bad"));
        for (String table : List.of("material", "supplier", "concrete_mix", "mix_component", "strength_test")) {
            Files.writeString(ok.resolve(table + ".csv"), "last month's " + table);
        }
        for (String sheet : List.of("Materials", "Suppliers", "Mixes")) {
            Files.writeString(bad.resolve(sheet + ".csv"), "last month's " + sheet);
        }
        return new ExportRows.Outputs(ok, bad, Files.writeString(dir.resolve("findings.json"), "last month's findings"),
                Files.writeString(dir.resolve("to-fix.xlsx"), "last month's workbook"),
                Files.writeString(dir.resolve("report.html"), "last month's report"));
    }

    /** Every output file under the test's folder, hidden files included, with its bytes as Latin-1 text. */
    private Map<String, String> everyFile() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(f).toString();
                if (name.startsWith("ok") || name.startsWith("bad") || f.getFileName().toString().startsWith(".")
                        || List.of("findings.json", "to-fix.xlsx", "report.html").contains(name)) {
                    files.put(name, new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    /**
     * An export cancelled once its files are open leaves last month's files byte for byte as they were and no hidden
     * file; the same export finished replaces every one of them.
     */
    private void assertWholeOrNotAtAll(Consumer<Progress> export) throws IOException {
        Map<String, String> before = everyFile();
        assertThatThrownBy(() -> export.accept(CANCELLED)).isInstanceOf(CancellationException.class);
        assertThat(everyFile()).isEqualTo(before);

        export.accept(Progress.NONE);
        Map<String, String> after = everyFile();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after.values()).noneMatch(v -> v.startsWith("last month's"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anExportOfAWorkbookStoppedHalfWayLeavesLastMonthsFilesAsTheyWere(TestDatabases.Engine engine)
            throws Exception {
        ExportRows.Outputs outputs = lastMonths();
        try (TargetDatabase db = sampleTarget(engine)) {
            assertWholeOrNotAtAll(progress -> ExportTables.fromFile(db, WORKBOOK, SourceOptions.DEFAULTS, profile(),
                    "ds4-lab", outputs, settings(), progress));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anExportOfAWorkbookReviewStoppedHalfWayLeavesLastMonthsFilesAsTheyWere(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database database = sampleDatabase(engine);
        Path review = dir.resolve("lab.sluice");
        try (TargetDatabase db = open(database)) {
            ValidateWorkbookReview.stage(WORKBOOK, SourceOptions.DEFAULTS, profile(), "ds4-lab", review, db, null,
                    Progress.NONE);
        }
        try (OpenWorkbookReview lab = OpenWorkbookReview.open(review, () -> open(database))) {
            lab.approveAll(null, sheet -> RowFilter.valid());
        }
        ExportRows.Outputs outputs = lastMonths();
        try (TargetDatabase db = open(database)) {
            assertWholeOrNotAtAll(progress -> ExportTables.fromReview(db, review, outputs, settings(), progress));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aWorkbookReviewExportsTheStewardsDecisionsApprovedRowsPerTableRejectedRowsPerSheetWithReasons(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database database = sampleDatabase(engine);
        Path review = dir.resolve("lab.sluice");
        try (TargetDatabase db = open(database)) {
            ValidateWorkbookReview.stage(WORKBOOK, SourceOptions.DEFAULTS, profile(), "ds4-lab", review, db, null,
                    Progress.NONE);
        }
        try (OpenWorkbookReview lab = OpenWorkbookReview.open(review, () -> open(database))) {
            lab.approveAll(null, sheet -> RowFilter.valid());
            // LAB-0001 (row 2) is valid but the steward rejects it; LAB-0012 (row 13) has the dosage typed wrong
            lab.rejectAll("Mixes", sheet -> sheet.rows(List.of(2L, 13L)), "lab resends it");
        }
        Path ok = dir.resolve("ok");
        Path bad = dir.resolve("bad");
        Path findings = dir.resolve("findings.json");
        Path back = dir.resolve("to-fix.xlsx");
        Path report = dir.resolve("report.html");
        ExportTables.Written written;
        try (TargetDatabase db = open(database)) {
            written = ExportTables.fromReview(db, review, new ExportRows.Outputs(ok, bad, findings, back, report),
                    settings(), Progress.NONE);
        }

        // approved: every approved source row with all the rows it makes; LAB-0001 is left out with its rows
        assertThat(written.approved()).extracting(f -> f.name() + " " + f.rows())
                .containsExactly("material 7", "supplier 6", "concrete_mix 20", "mix_component 101",
                        "strength_test 37");
        assertThat(rows(ok.resolve("concrete_mix.csv"))).noneMatch(r -> r.startsWith("lab-0001,"))
                .anyMatch(r -> r.startsWith("lab-0023,") && r.endsWith(",holc"));
        assertThat(rows(ok.resolve("mix_component.csv"))).noneMatch(r -> r.startsWith("lab-0001,"))
                .contains("lab-0002,cement,274.3");
        // rejected: the steward's reason and every table's findings on the row
        assertThat(written.rejected()).extracting(f -> f.name() + " " + f.rows())
                .containsExactly("Materials 0", "Suppliers 0", "Mixes 2");
        List<String> rejected = rows(bad.resolve("Mixes.csv"));
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).startsWith("2,lab-0001,").endsWith(",lab resends it,");
        assertThat(rejected.get(1)).startsWith("13,lab-0012,").contains(",lab resends it,\"mix_component"
                + " check:ck_component_dosage: coarse aggregate (kg/m3) 8989.0 is outside the allowed range");
        // findings: each with its table apart from its message again
        assertThat(written.findings()).isEqualTo(25);
        List<String> json = new ArrayList<>();
        for (JsonNode f : JSON.readTree(findings.toFile())) {
            json.add((f.get("table").asText() + "|" + f.get("sheet").asText() + "|" + f.get("row").asText() + "|"
                    + f.get("cell").asText() + "|" + f.get("rule").asText() + "|" + f.get("message").asText())
                    .toLowerCase(Locale.ROOT));
        }
        assertThat(json).contains("mix_component|mixes|13|h13|check:ck_component_dosage|coarse aggregate (kg/m3)"
                + " 8989.0 is outside the allowed range (0, 2500].");
        assertThat(json).filteredOn(f -> f.contains("|reference|")).hasSize(18);
        // back to sender: the rejected rows and the rows with errors the steward did not approve
        assertThat(written.failedRows()).isEqualTo(20);
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(back))) {
            XSSFSheet mixes = book.getSheet("Mixes");
            assertThat(mixes.getLastRowNum()).isEqualTo(20);
            assertThat(text.formatCellValue(mixes.getRow(1).getCell(0))).isEqualTo("LAB-0001");
            assertThat(mixes.getRow(1).getCell(14).getStringCellValue()).isEqualTo("Rejected: lab resends it");
            assertThat(book.getSheet("Materials").getLastRowNum()).isZero();
        }
        String html = Files.readString(report).replaceAll("\\s+", " ");
        assertThat(html).contains("<h2>Decisions</h2>")
                .contains("<tr><td>Mixes</td><td class=\"num\">20</td><td class=\"num\">2</td>"
                        + "<td class=\"num\">18</td></tr>")
                .contains("<tr><td>Materials</td><td class=\"num\">7</td><td class=\"num\">0</td>"
                        + "<td class=\"num\">0</td></tr>");
        assertThat(html.toLowerCase(Locale.ROOT)).contains("<tr><td>concrete_mix</td><td>mixes</td>"
                + "<td class=\"num\">40</td><td class=\"num\">20</td>");
    }

    private static List<String> texts(XSSFRow row, DataFormatter text) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(text.formatCellValue(c)));
        return texts;
    }
}
