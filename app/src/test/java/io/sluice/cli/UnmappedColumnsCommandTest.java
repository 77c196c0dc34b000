package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.bench.LabWorkbookSample;
import io.sluice.bench.SampleProfiles;
import io.sluice.core.profile.ProfileIO;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every replay of a profile names the columns of the file it does not map: validate, validate into a review, the
 * review's summary, validating the review again and the import of a file, for one table and for each sheet of a
 * workbook onto several tables; a workbook Sluice sent back and the sender returned says which columns are Sluice's
 * own and which rows came back, not that the sender added data.
 */
@ExtendWith(FreshSluiceHome.class)
class UnmappedColumnsCommandTest {

    private static final String MIXES_REMARKS = "A column of sheet Mixes the profile does not map (neither checked nor"
            + " imported): Remarks.";
    private static final String SUPPLIERS_CONTACT = "A column of sheet Suppliers the profile does not map (neither"
            + " checked nor imported): Contact.";
    private static final String DS1_REMARKS = "A column of this file the profile does not map (neither checked nor"
            + " imported): Remarks.";
    private static final String SLUICE_COLUMNS = "Columns Sluice added when it sent these rows back: Sluice row,"
            + " Sluice findings; not imported.";

    @TempDir
    Path dir;

    private static CommandRun run(TestDatabases.Database db, Object... args) {
        List<String> text = new ArrayList<>();
        for (Object a : args) {
            text.add(String.valueOf(a));
        }
        return CommandRun.of((Object[]) with(text, CommandRun.targetOptions(db)));
    }

    /** The lab workbook changed by {@code change}, and the lab profile: {workbook, profile}. */
    private Path[] lab(String name, Consumer<Workbook> change) throws IOException {
        Path workbook = LabWorkbookSample.write(dir.resolve("samples")).file();
        Path profile = dir.resolve(SampleProfiles.LAB_PROFILE);
        ProfileIO.write(SampleProfiles.lab(), profile);
        return new Path[] {edit(workbook, dir.resolve(name), change), profile};
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aWorkbookOntoSeveralTablesNamesEachSheetsAddedColumnsInEveryReplay(TestDatabases.Engine engine)
            throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        // a column the sender added to Suppliers and one to Mixes
        Path[] files = lab("added.xlsx", wb -> {
            appendColumn(wb.getSheet("Suppliers"), "Contact", "Ines");
            appendColumn(wb.getSheet("Mixes"), "Remarks", "re-tested");
        });
        Path report = dir.resolve("report.json");

        CommandRun validated = run(db, "validate", files[0], "--profile", files[1], "--report", report);
        assertThat(validated.exit()).as(validated.err()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(validated.out().lines()).containsSubsequence(
                "Source rows: 53   valid: 34   with errors: 19 (left out of an import with every row they make)",
                SUPPLIERS_CONTACT, MIXES_REMARKS);
        assertThat(unmappedBySheet(new ObjectMapper().readTree(report.toFile()).get("sheets"))).isEqualTo(Map.of(
                "Materials", List.of(), "Suppliers", List.of("Contact"), "Mixes", List.of("Remarks")));
        CommandRun json = run(db, "validate", files[0], "--profile", files[1], "--format", "json");
        assertThat(unmappedBySheet(new ObjectMapper().readTree(json.out()).get("sheets")))
                .containsEntry("Mixes", List.of("Remarks"));

        Path review = dir.resolve("lab.sluice");
        CommandRun staged = run(db, "validate", files[0], "--profile", files[1], "--review", review);
        assertThat(staged.out().lines()).contains(SUPPLIERS_CONTACT, MIXES_REMARKS);
        CommandRun shown = CommandRun.of("review", review, "--findings", "0");
        assertThat(shown.out().lines()).contains(SUPPLIERS_CONTACT, MIXES_REMARKS);
        CommandRun shownJson = CommandRun.of("review", review, "--format", "json", "--findings", "0");
        assertThat(unmappedBySheet(new ObjectMapper().readTree(shownJson.out()).get("sheets")))
                .containsEntry("Suppliers", List.of("Contact")).containsEntry("Mixes", List.of("Remarks"));
        CommandRun again = run(db, "validate", "--review", review);
        assertThat(again.out().lines()).contains(SUPPLIERS_CONTACT, MIXES_REMARKS);

        CommandRun imported = run(db, "import", files[0], "--profile", files[1], "--approve", "valid");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out().lines()).contains(SUPPLIERS_CONTACT, MIXES_REMARKS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aWorkbookLackingColumnsOfSeveralTablesIsRefusedNamingThemAll(TestDatabases.Engine engine)
            throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        // concrete_mix reads Supplier, strength_test unpivots the strength columns: two parts of one sheet
        Path[] files = lab("renamed.xlsx", wb -> {
            Row header = wb.getSheet("Mixes").getRow(0);
            for (Cell cell : header) {
                String text = cell.getStringCellValue();
                if (text.equals("Supplier") || text.startsWith("Strength 7d")) {
                    cell.setCellValue(text + " (old)");
                }
            }
        });

        for (String command : List.of("validate", "import")) {
            CommandRun run = command.equals("validate") ? run(db, "validate", files[0], "--profile", files[1])
                    : run(db, "import", files[0], "--profile", files[1], "--approve", "valid");
            assertThat(run.exit()).as(command).isEqualTo(SluiceCommand.INPUT);
            assertThat(run.err()).as(command).contains("needs source columns ").contains("'Supplier'")
                    .contains("'Strength 7d (MPa)'").contains("which sheet Mixes does not have");
            assertThat(run.err().lines()).as(command).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFileOntoOneTableNamesItsUnmappedColumnInTheReviewItsSummaryAndTheImport(TestDatabases.Engine engine)
            throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path file = CommandRun.ds1Head(dir, 5);
        Path review = dir.resolve("ds1.sluice");

        CommandRun staged = run(db, "validate", file, "--profile", profile("ds1.profile.json"), "--review", review);
        assertThat(staged.out().lines()).containsOnlyOnce(DS1_REMARKS);
        CommandRun shown = CommandRun.of("review", review, "--findings", "0");
        assertThat(shown.out().lines()).containsOnlyOnce(DS1_REMARKS);
        JsonNode json = new ObjectMapper().readTree(CommandRun.of("review", review, "--format", "json").out());
        assertThat(json.get("unmappedColumns")).extracting(JsonNode::asText).containsExactly("Remarks");
        assertThat(json.get("sluiceColumns")).isEmpty();
        CommandRun again = run(db, "validate", "--review", review);
        assertThat(again.out().lines()).containsOnlyOnce(DS1_REMARKS);

        CommandRun dryRun = run(db, "import", file, "--profile", profile("ds1.profile.json"), "--approve", "valid",
                "--dry-run");
        assertThat(dryRun.out().lines()).as(dryRun.err()).containsOnlyOnce(DS1_REMARKS);
        CommandRun imported = run(db, "import", file, "--profile", profile("ds1.profile.json"), "--approve",
                "valid");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out().lines()).containsOnlyOnce(DS1_REMARKS);
    }

    @Test
    void aReturnedWorkbookNamesSluicesOwnColumnsAndTheRowsThatCameBack() throws IOException {
        Path review = dir.resolve("ds1.sluice");
        CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"),
                "--review", review);
        Path sent = dir.resolve("back.xlsx");
        CommandRun exported = CommandRun.of("export", "--review", review, "--return-xlsx", sent);
        assertThat(exported.exit()).as(exported.err()).isZero();
        // the sender fixes the supplier of the first row and adds a row of their own, without a Sluice row
        Path returned = edit(sent, dir.resolve("returned.xlsx"), wb -> {
            Sheet rows = wb.getSheet("Rows to fix");
            Row header = rows.getRow(0);
            int supplier = columnOf(header, "Supplier");
            rows.getRow(1).getCell(supplier).setCellValue("NORD");
            Row added = rows.createRow(rows.getLastRowNum() + 1);
            for (Cell cell : rows.getRow(2)) {
                if (cell.getColumnIndex() < columnOf(header, "Sluice row")) {
                    added.createCell(cell.getColumnIndex()).setCellValue(new org.apache.poi.ss.usermodel
                            .DataFormatter().formatCellValue(cell));
                }
            }
            added.getCell(0).setCellValue("DS1-9999999");
        });
        Path report = dir.resolve("returned.json");

        CommandRun run = CommandRun.of("validate", returned, "--profile", profile("ds1.profile.json"), "--report",
                report);

        assertThat(run.out().lines()).as(run.err()).containsSubsequence(DS1_REMARKS, SLUICE_COLUMNS,
                "9 rows of this file are rows Sluice sent back; column Sluice row gives each one's row in the file"
                        + " it came from: 6, 20, 84, 102, 141, 160, 183, 192, 199.");
        assertThat(run.out()).doesNotContain("does not map (neither checked nor imported): Remarks, Sluice");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("unmappedColumns")).extracting(JsonNode::asText).containsExactly("Remarks");
        assertThat(json.get("sluiceColumns")).extracting(JsonNode::asText)
                .containsExactly("Sluice row", "Sluice findings");
        assertThat(json.at("/returnedRows/rows").asLong()).isEqualTo(9);
        assertThat(json.at("/returnedRows/first")).extracting(JsonNode::asText)
                .containsExactly("6", "20", "84", "102", "141", "160", "183", "192", "199");
    }

    /** Each sheet's unmappedColumns of a tables report's (or review's) "sheets". */
    private static Map<String, List<String>> unmappedBySheet(JsonNode sheets) {
        Map<String, List<String>> bySheet = new java.util.LinkedHashMap<>();
        for (JsonNode sheet : sheets) {
            List<String> names = new ArrayList<>();
            sheet.get("unmappedColumns").forEach(n -> names.add(n.asText()));
            bySheet.put(sheet.get("sheet").asText(), names);
        }
        return bySheet;
    }

    private static Path edit(Path from, Path to, Consumer<Workbook> change) throws IOException {
        try (InputStream in = Files.newInputStream(from); Workbook wb = new XSSFWorkbook(in)) {
            change.accept(wb);
            try (OutputStream out = Files.newOutputStream(to)) {
                wb.write(out);
            }
        }
        return to;
    }

    private static void appendColumn(Sheet sheet, String header, String firstValue) {
        Row head = sheet.getRow(0);
        int column = head.getLastCellNum();
        head.createCell(column).setCellValue(header);
        sheet.getRow(1).createCell(column).setCellValue(firstValue);
    }

    private static int columnOf(Row header, String name) {
        for (Cell cell : header) {
            if (cell.getStringCellValue().equals(name)) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + name);
    }
}
