package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.bench.LabWorkbookSample;
import io.sluice.bench.SampleProfiles;
import io.sluice.core.profile.ProfileIO;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab workbook onto five related tables from the command line: validate finds the planted faults on their sheet,
 * row and cell; import writes one batch with counts per table; batch lists them; rollback takes the batch back and a
 * re-import gives the same ids; export writes a file per table and per sheet, from the workbook or its review;
 * options that do not fit such a profile refuse in one sentence (its review path is
 * {@link WorkbookReviewCommandsTest}).
 */
@ExtendWith(FreshSluiceHome.class)
class WorkbookCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path workbook;
    private Path profile;

    @BeforeEach
    void writeTheLabWorkbook() throws IOException {
        workbook = LabWorkbookSample.write(dir.resolve("samples")).file();
        profile = dir.resolve(SampleProfiles.LAB_PROFILE);
        ProfileIO.write(SampleProfiles.lab(), profile);
    }

    private List<String> command(String command, TestDatabases.Database db, String... more) {
        List<String> args = new ArrayList<>(List.of(command, workbook.toString(), "--profile", profile.toString()));
        if (command.equals("import")) {
            args.addAll(List.of("--approve", "valid"));
        }
        args.addAll(List.of(CommandRun.targetOptions(db)));
        args.addAll(List.of(more));
        return args;
    }

    /** Each finding of a JSON report as "sheet|row|cell|table|rule|severity", lower case. */
    private static List<String> findings(Path report) throws IOException {
        List<String> findings = new ArrayList<>();
        for (JsonNode f : JSON.readTree(report.toFile()).get("findings")) {
            findings.add((f.get("sheet").asText() + "|" + f.get("row").asText() + "|" + f.get("cell").asText() + "|"
                    + f.get("table").asText() + "|" + f.get("rule").asText() + "|" + f.get("severity").asText())
                    .toLowerCase());
        }
        return findings;
    }

    private static List<String> query(TestDatabases.Database db, String sql) throws SQLException {
        try (Connection c = db.connect()) {
            return TableText.rows(c, sql);
        }
    }

    /** Rows per table of the lab, in the order material, supplier, concrete_mix, mix_component, strength_test. */
    private static List<String> counts(TestDatabases.Database db) throws SQLException {
        List<String> counts = new ArrayList<>();
        for (String table : List.of("material", "supplier", "concrete_mix", "mix_component", "strength_test")) {
            counts.add(table + " " + query(db, "SELECT COUNT(*) FROM " + table).get(0));
        }
        return counts;
    }

    /** Every id the batch's tables hold, with the natural key it belongs to. */
    private static List<String> ids(TestDatabases.Database db) throws SQLException {
        List<String> ids = new ArrayList<>();
        ids.addAll(query(db, "SELECT name, id FROM material ORDER BY id"));
        ids.addAll(query(db, "SELECT mix_code, id FROM concrete_mix ORDER BY id"));
        ids.addAll(query(db, "SELECT m.mix_code, t.name, c.id FROM mix_component c JOIN concrete_mix m"
                + " ON m.id = c.mix_id JOIN material t ON t.id = c.material_id ORDER BY c.id"));
        ids.addAll(query(db, "SELECT m.mix_code, s.age_days, s.id FROM strength_test s JOIN concrete_mix m"
                + " ON m.id = s.mix_id ORDER BY s.id"));
        return ids;
    }

    private static long batchId(CommandRun run) {
        Matcher m = Pattern.compile("Imported batch (\\d+) into 5 tables").matcher(run.out());
        assertThat(m.find()).as(run.out() + run.err()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void validateFindsThePlantedFaultsOnTheirSheetRowAndCell(TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path report = dir.resolve("report.json");

        CommandRun run = CommandRun.of(with(command("validate", db, "--report", report.toString())));

        assertThat(run.exit()).as(run.err()).isEqualTo(SluiceCommand.FINDINGS);
        List<String> findings = findings(report);
        // a dosage of 8989 kg/m3 in the coarse aggregate column of data row 12 breaks the component's CHECK
        assertThat(findings).contains("mixes|13|h13|mix_component|check:ck_component_dosage|error");
        // cement twice in mix LAB-0031 (row 32): the second cement column repeats the component's key
        assertThat(findings).contains("mixes|32|a32|mix_component|duplicate-key|error");
        // "Fly ash", the Mixes header's material, is spelt "Fly-ash" in Materials: every fly-ash dosage is refused,
        // on the header cell its material comes from
        assertThat(findings).filteredOn(f -> f.endsWith("|mix_component|reference|error"))
                .isNotEmpty().allMatch(f -> f.startsWith("mixes|") && f.contains("|f1|"));
        // the supplier of LAB-0023 (row 24) is only in the Suppliers sheet: found in the same batch, no finding
        assertThat(findings).noneMatch(f -> f.startsWith("mixes|24|"));
        assertThat(findings).noneMatch(f -> f.startsWith("materials|"));
        assertThat(run.out()).contains("Source rows: 53   valid: 34   with errors: 19")
                .contains("Fly Ash (kg/m3) 'Fly ash' is neither in material (name) nor in sheet Materials of this"
                        + " workbook.");
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.get("format").asText()).isEqualTo("sluice-tables-report");
        assertThat(json.get("tables")).extracting(t -> t.get("table").asText().toLowerCase() + " "
                + t.get("targetRows").asLong() + " " + t.get("toImport").asLong())
                .containsExactly("material 7 7", "supplier 6 6", "concrete_mix 40 21", "mix_component 222 107",
                        "strength_test 72 39");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void importWritesOneBatchIntoFiveTablesAndARollbackAndReimportGiveTheSameIds(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        List<String> empty = counts(db);

        CommandRun dryRun = CommandRun.of(with(command("import", db, "--dry-run")));
        assertThat(dryRun.exit()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run into 5 tables").contains("Nothing was written.");
        assertThat(counts(db)).isEqualTo(empty);

        CommandRun imported = CommandRun.of(with(command("import", db)));
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        long batch = batchId(imported);
        assertThat(imported.out()).contains("19 of 53 source rows have errors and are left out");
        assertThat(query(db, "SELECT target_table, rows_inserted, rows_skipped FROM sluice_batch_table WHERE batch_id = "
                + batch + " ORDER BY table_order")).extracting(String::toLowerCase).containsExactly(
                "public.material|7|0", "public.supplier|1|5", "public.concrete_mix|21|0",
                "public.mix_component|107|0", "public.strength_test|39|0");
        assertThat(query(db, "SELECT supplier_code FROM concrete_mix WHERE mix_code = 'LAB-0023'"))
                .containsExactly("HOLC");
        // provenance: every component row names its sheet and source row
        assertThat(query(db, "SELECT source_sheet, SUM(row_count) FROM sluice_provenance_run WHERE batch_id = " + batch
                + " AND LOWER(target_table) LIKE '%mix_component' GROUP BY source_sheet")).containsExactly("Mixes|107");
        List<String> ids = ids(db);

        CommandRun shown = CommandRun.of(with(List.of("batch", String.valueOf(batch)),
                CommandRun.targetOptions(db)));
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("each table's mode below");
        // a key is looked up in every table of the batch, and each origin names its table
        CommandRun byKey = CommandRun.of(with(List.of("batch", String.valueOf(batch), "--key", "LAB-0001"),
                CommandRun.targetOptions(db)));
        assertThat(byKey.exit()).as(byKey.err()).isZero();
        assertThat(byKey.out().lines().filter(l -> l.contains("LAB-0001")).toList()).singleElement()
                .satisfies(l -> assertThat(l.toLowerCase()).contains("concrete_mix").contains("inserted")
                        .contains("Mixes".toLowerCase()));

        CommandRun rolledBack = CommandRun.of(with(List.of("rollback", String.valueOf(batch)),
                CommandRun.targetOptions(db)));
        assertThat(rolledBack.exit()).as(rolledBack.out() + rolledBack.err()).isZero();
        assertThat(counts(db)).isEqualTo(empty);

        CommandRun again = CommandRun.of(with(command("import", db)));
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(ids(db)).isEqualTo(ids);
    }

    @Test
    void optionsThatDoNotFitSeveralTablesRefuseInOneSentence() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);

        CommandRun sheet = CommandRun.of(with(command("validate", db, "--sheet", "Mixes")));
        CommandRun mode = CommandRun.of(with(command("import", db, "--mode", "upsrt")));
        CommandRun approve = CommandRun.of(with(List.of("import", workbook.toString(), "--profile",
                profile.toString(), "--approve", "vaild"), CommandRun.targetOptions(db)));

        assertThat(sheet.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(sheet.err().strip()).isEqualTo("sluice validate: Profile 'ds4-lab-workbook' maps onto several"
                + " tables and names the sheet and header row of each; leave out --sheet, --header-row and"
                + " --no-header.");
        assertThat(mode.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(mode.err()).contains("upsrt").doesNotContain("Exception");
        assertThat(approve.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(approve.err()).contains("--approve takes only 'valid'");
        assertThat(List.of(sheet, mode, approve)).noneMatch(CommandRun::looksJavaInternal);
        assertThat(CommandRun.batches(db)).isEmpty();
    }

    @Test
    void exportWritesOneCsvPerTableAndPerSheetAndSaysWhereEachWent() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        Path ok = dir.resolve("lab-{table}.csv");
        Path bad = dir.resolve("rejected");

        CommandRun run = CommandRun.of(with(command("export", db, "--approved", ok.toString(), "--rejected",
                bad.toString(), "--findings", dir.resolve("findings.csv").toString(), "--return-xlsx",
                dir.resolve("to-fix.xlsx").toString(), "--report", dir.resolve("report.html").toString(), "--lf")));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly(
                "Source rows: 53   valid: 34   with errors: 19 (rejected with every row they make)",
                "Approved rows of table material: 7 written to " + dir.resolve("lab-material.csv"),
                "Approved rows of table supplier: 6 written to " + dir.resolve("lab-supplier.csv"),
                "Approved rows of table concrete_mix: 21 written to " + dir.resolve("lab-concrete_mix.csv"),
                "Approved rows of table mix_component: 107 written to " + dir.resolve("lab-mix_component.csv"),
                "Approved rows of table strength_test: 39 written to " + dir.resolve("lab-strength_test.csv"),
                "Rejected rows of sheet Materials: 0 written to " + bad.resolve("Materials.csv"),
                "Rejected rows of sheet Suppliers: 0 written to " + bad.resolve("Suppliers.csv"),
                "Rejected rows of sheet Mixes: 19 written to " + bad.resolve("Mixes.csv"),
                "Findings: 25 written to " + dir.resolve("findings.csv"),
                "Failed rows: 19 written to " + dir.resolve("to-fix.xlsx") + ", one sheet per source sheet (20 cells"
                        + " commented)",
                "Report written to " + dir.resolve("report.html"));
        assertThat(Files.readAllLines(dir.resolve("lab-mix_component.csv"))).hasSize(108)
                .contains("LAB-0023,Cement,431.3");
        assertThat(Files.readAllLines(bad.resolve("Mixes.csv"))).hasSize(20);
    }

    @Test
    void exportOfAWorkbookReviewWritesTheApprovedRowsPerTableAndTheRejectedRowsPerSheet() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        Path review = dir.resolve("lab.sluice");
        CommandRun validated = CommandRun.of(with(command("validate", db, "--review", review.toString())));
        assertThat(validated.exit()).as(validated.out() + validated.err()).isEqualTo(SluiceCommand.FINDINGS);
        CommandRun decided = CommandRun.of(with(List.of("decide", review.toString(), "--approve", "valid"),
                CommandRun.targetOptions(db)));
        assertThat(decided.exit()).as(decided.out() + decided.err()).isZero();
        Path ok = dir.resolve("ok");

        CommandRun run = CommandRun.of(with(List.of("export", "--review", review.toString(), "--approved",
                ok.toString(), "--rejected", dir.resolve("bad").toString()), CommandRun.targetOptions(db)));
        CommandRun original = CommandRun.of(with(List.of("export", "--review", review.toString(), "--rejected",
                dir.resolve("bad2").toString(), "--original-values"), CommandRun.targetOptions(db)));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Source rows: 53   with errors: 19")
                .contains("Approved rows of table concrete_mix: 21 written to " + ok.resolve("concrete_mix.csv"))
                .contains("Approved rows of table mix_component: 107 written to " + ok.resolve("mix_component.csv"))
                .contains("Rejected rows of sheet Mixes: 0 written to " + dir.resolve("bad").resolve("Mixes.csv"));
        assertThat(Files.readAllLines(ok.resolve("strength_test.csv"))).hasSize(40);
        assertThat(original.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(original.err().strip()).isEqualTo("sluice export: lab.sluice is the review of a workbook onto"
                + " several tables; the original values (--original-values) are not shown for such a review yet.");
        assertThat(dir.resolve("bad2")).doesNotExist();
    }

    @Test
    void exportRefusesInOneSentenceWhatCannotApplyToSeveralTables() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        Path existing = Files.writeString(dir.resolve("ok.csv"), "keep");

        CommandRun file = CommandRun.of(with(command("export", db, "--approved", existing.toString())));
        CommandRun sheet = CommandRun.of(with(command("export", db, "--sheet", "Mixes", "--findings",
                dir.resolve("f.csv").toString())));
        CommandRun original = CommandRun.of(with(command("export", db, "--original-values", "--rejected",
                dir.resolve("bad").toString())));

        assertThat(file.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(file.err().strip()).isEqualTo("sluice export: --approved " + existing + " is a file, but a profile"
                + " onto several tables writes one file per table: give a folder, or a file name with {table}.");
        assertThat(sheet.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(sheet.err().strip()).isEqualTo("sluice export: Profile 'ds4-lab-workbook' maps onto several"
                + " tables and names the sheet and header row of each; leave out --sheet, --header-row and"
                + " --no-header.");
        assertThat(original.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(original.err()).contains("--original-values goes with --review");
        // the first sentence names the placeholder {table}, so only the others go through the braces check
        assertThat(List.of(sheet, original)).noneMatch(CommandRun::looksJavaInternal);
        assertThat(file.err()).doesNotContain("Exception");
        assertThat(Files.readString(existing)).isEqualTo("keep");
        assertThat(dir.resolve("f.csv")).doesNotExist();
        assertThat(dir.resolve("bad")).doesNotExist();
    }

    @Test
    void suggestProposesOneMappingPerTableFromTheSheetThatMatchesIt() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        Path out = dir.resolve("suggested.profile.json");

        CommandRun run = CommandRun.of(with(List.of("suggest", workbook.toString(), "--table", "supplier",
                "--table", "concrete_mix", "--table", "mix_component", "-o", out.toString()),
                CommandRun.targetOptions(db)));

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(json.get("version").asInt()).isEqualTo(2);
        assertThat(json.get("tables")).extracting(t -> t.get("table").asText().toLowerCase() + " "
                + t.get("source").get("sheet").asText())
                .containsExactly("supplier Suppliers", "concrete_mix Mixes", "mix_component Mixes");
        // the child is fed from its parent's sheet, its reference mapped from the parent's natural key
        JsonNode component = json.get("tables").get(2);
        assertThat(component.get("columns").get(0).get("source").asText()).isEqualTo("Mix Code");
        assertThat(component.get("references")).extracting(r -> r.get("column").asText().toLowerCase() + " -> "
                + r.get("table").asText().toLowerCase()).containsExactly("mix_id -> concrete_mix");
        assertThat(run.out()).contains("Unpivots (one row per non-blank cell of a set of columns) are not suggested");
    }

    @Test
    void suggestTakesTheSheetNamedAfterATableOverAnotherSheetWhoseColumnsLookAlike() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        Path out = dir.resolve("materials.profile.json");

        // the Suppliers sheet's "Name" column matches material.name as well as the Materials sheet's columns do
        CommandRun run = CommandRun.of(with(List.of("suggest", workbook.toString(), "--table", "material",
                "--table", "supplier", "-o", out.toString()), CommandRun.targetOptions(db)));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(JSON.readTree(out.toFile()).get("tables")).extracting(t -> t.get("table").asText().toLowerCase()
                + " " + t.get("source").get("sheet").asText()).containsExactly("material Materials",
                "supplier Suppliers");
    }
}
