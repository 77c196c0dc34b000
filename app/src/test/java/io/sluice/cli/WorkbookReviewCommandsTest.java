package io.sluice.cli;

import io.sluice.bench.LabWorkbookSample;
import io.sluice.bench.SampleProfiles;
import io.sluice.core.profile.ProfileIO;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.assertj.core.api.SoftAssertions;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review path of the lab workbook onto five related tables from the command line: validate --review stages every
 * sheet into a workbook review; an edit in Materials clears the Mixes reference findings (and undo brings them back);
 * a rejected material gives its children a finding; approving the valid rows of every sheet and importing the
 * review writes one batch with provenance per table and the sheets' audit; rollback and a re-import give the same
 * ids; the steps a workbook review cannot take refuse in one sentence.
 */
@ExtendWith(FreshSluiceHome.class)
class WorkbookReviewCommandsTest {

    @TempDir
    Path dir;

    private Path workbook;
    private Path profile;
    private String review;

    @BeforeEach
    void writeTheLabWorkbook() throws IOException {
        workbook = LabWorkbookSample.write(dir.resolve("samples")).file();
        profile = dir.resolve(SampleProfiles.LAB_PROFILE);
        ProfileIO.write(SampleProfiles.lab(), profile);
        review = dir.resolve("lab.sluice").toString();
    }

    private static CommandRun run(TestDatabases.Database db, String... args) {
        return CommandRun.of(with(List.of(args), CommandRun.targetOptions(db)));
    }

    private CommandRun stage(TestDatabases.Database db) {
        CommandRun staged = run(db, "validate", workbook.toString(), "--profile", profile.toString(), "--review",
                review);
        assertThat(staged.exit()).as(staged.out() + staged.err()).isEqualTo(SluiceCommand.FINDINGS);
        return staged;
    }

    /** The sheet's rows of the review listing: "Mixes ... rows ... with errors ...". */
    private String sheetLine(String sheet) {
        CommandRun shown = CommandRun.of("review", review, "--findings", "0");
        assertThat(shown.exit()).as(shown.err()).isZero();
        return shown.out().lines().filter(l -> l.startsWith(sheet + " ")).findFirst().orElseThrow()
                .replaceAll(" {2,}", " | ");
    }

    /** Rows of the Mixes sheet with a reference finding on material Fly ash. */
    private long flyAshFindings() {
        CommandRun shown = CommandRun.of("review", review, "--sheet", "Mixes", "--findings", "500");
        return shown.out().lines().filter(l -> l.contains("reference") && l.contains("'Fly ash'")).count();
    }

    private static List<String> query(TestDatabases.Database db, String sql) throws SQLException {
        try (Connection c = db.connect()) {
            return TableText.rows(c, sql);
        }
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
    void aWorkbookReviewIsFixedDecidedImportedRolledBackAndImportedAgainWithTheSameIds(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);

        CommandRun staged = stage(db);
        assertThat(staged.out()).contains("Source rows: 53   valid: 34   with errors: 19");
        assertThat(Files.isDirectory(Path.of(review + ".sheets"))).isTrue();
        assertThat(sheetLine("Mixes")).startsWith("Mixes | concrete_mix, mix_component, strength_t")
                .contains("| 40 | 19 |");
        long flyAsh = flyAshFindings();
        assertThat(flyAsh).isGreaterThan(10);

        // Materials row 4 spells the material Fly-ash; the Mixes header maps to Fly ash: one edit resolves them all
        CommandRun edit = run(db, "decide", review, "--sheet", "Materials", "--edit", "4:Material=Fly ash");
        assertThat(edit.exit()).as(edit.err()).isZero();
        assertThat(edit.out()).contains("Sheet Materials, row 4, Material set. The row has no findings now.")
                .contains("Sheet Mixes: rows with errors 19 -> 2.").doesNotContain("Sheet Suppliers: rows with");
        assertThat(flyAshFindings()).isZero();
        assertThat(sheetLine("Mixes")).contains("| 40 | 2 |");

        CommandRun undo = run(db, "decide", review, "--sheet", "Materials", "--undo");
        assertThat(undo.out()).contains("Undone in sheet Materials: Edit A4 ('Material').")
                .contains("Sheet Mixes: rows with errors 2 -> 19.");
        assertThat(flyAshFindings()).isEqualTo(flyAsh);
        CommandRun redo = run(db, "decide", review, "--sheet", "Materials", "--redo");
        assertThat(redo.exit()).as(redo.err()).isZero();
        assertThat(flyAshFindings()).isZero();

        // Materials row 2 makes Cement, which every mix uses: rejecting it leaves every mix row without its parent
        CommandRun reject = run(db, "decide", review, "--sheet", "Materials", "--reject", "rows:2", "--reason",
                "not ours");
        assertThat(reject.exit()).as(reject.err()).isZero();
        assertThat(sheetLine("Mixes")).contains("| 40 | 40 |");
        assertThat(reject.out()).contains("Sheet Mixes: rows with errors 2 -> 40.");
        assertThat(CommandRun.of("review", review, "--sheet", "Mixes", "--findings", "1").out())
                .contains("'Cement' names a row of material made by row 2 of sheet Materials, which was rejected"
                        + " and is left out");
        CommandRun clear = run(db, "decide", review, "--sheet", "Materials", "--clear", "rows:2");
        assertThat(clear.exit()).as(clear.err()).isZero();
        assertThat(sheetLine("Mixes")).contains("| 40 | 2 |");

        // one filter, every sheet; validating again keeps the decisions and finds what the findings say
        CommandRun approve = run(db, "decide", review, "--approve", "valid");
        assertThat(approve.out()).contains("Approved 7 row(s) in sheet Materials.")
                .contains("Approved 6 row(s) in sheet Suppliers.").contains("Approved 38 row(s) in sheet Mixes.");
        CommandRun validated = run(db, "validate", "--review", review);
        assertThat(validated.exit()).as(validated.err()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(validated.out()).contains("Source rows: 53   valid: 51   with errors: 2");

        CommandRun dryRun = run(db, "import", "--review", review, "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run of 51 approved source rows into 5 tables:")
                .containsPattern("(?mi)^(public\\.)?concrete_mix +38 +0 +0$").contains("Nothing was written.");
        assertThat(CommandRun.mixes(db)).isEmpty();

        CommandRun imported = run(db, "import", "--review", review);
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        long batch = batchId(imported);
        assertThat(query(db, "SELECT target_table, rows_inserted, rows_skipped FROM sluice_batch_table WHERE"
                + " batch_id = " + batch + " ORDER BY table_order")).extracting(String::toLowerCase).containsExactly(
                "public.material|7|0", "public.supplier|1|5", "public.concrete_mix|38|0",
                "public.mix_component|210|0", "public.strength_test|68|0");
        assertThat(query(db, "SELECT name FROM material WHERE name LIKE 'Fly%'")).containsExactly("Fly ash");
        // provenance names the sheet and source row of every target row; the audit names each sheet's review
        assertThat(query(db, "SELECT source_sheet, SUM(row_count) FROM sluice_provenance_run WHERE batch_id = " + batch
                + " GROUP BY source_sheet ORDER BY source_sheet"))
                .containsExactly("Materials|7", "Mixes|316", "Suppliers|6");
        assertThat(query(db, "SELECT COUNT(*) FROM sluice_decision_audit WHERE batch_id = " + batch
                + " AND review_file LIKE '%01-Materials.sluice' AND action = 'edit' AND new_value = 'Fly ash'"))
                .containsExactly("1");
        // the sheets' audits follow each other in the batch, each entry or run at its position
        assertThat(query(db, "SELECT CASE WHEN review_file LIKE '%Materials.sluice' THEN 'Materials'"
                + " WHEN review_file LIKE '%Suppliers.sluice' THEN 'Suppliers' ELSE 'Mixes' END, source_row, action,"
                + " column_name, new_value, reason, row_count, source_rows, first_entry FROM sluice_decision_audit"
                + " WHERE batch_id = " + batch + " ORDER BY first_entry")).containsExactly(
                "Materials|4|edit|Material|Fly ash|null|1|null|0", "Materials|4|undo|Material|Fly-ash|null|1|null|1",
                "Materials|4|redo|Material|Fly ash|null|1|null|2", "Materials|2|reject|null|rejected|not ours|1|null|3",
                "Materials|2|clear|null|null|null|1|null|4", "Materials|2|approve|null|approved|null|7|2+6|5",
                "Suppliers|2|approve|null|approved|null|6|2+5|12",
                "Mixes|2|approve|null|approved|null|38|2+10,14+17,33+8|18");
        List<String> ids = ids(db);

        CommandRun shown = run(db, "batch", String.valueOf(batch));
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).containsPattern("(?mi)^(public\\.)?mix_component +Mixes +insert +210 +210 +0 +0$");

        CommandRun rolledBack = run(db, "rollback", String.valueOf(batch));
        assertThat(rolledBack.exit()).as(rolledBack.out() + rolledBack.err()).isZero();
        assertThat(CommandRun.mixes(db)).isEmpty();

        CommandRun again = run(db, "import", "--review", review);
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(ids(db)).isEqualTo(ids);
    }

    @Test
    void aDecisionWithTheTargetOutOfReachIsSavedAndSaysWhatWasNotCheckedAgain() {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        stage(db);

        // a server nobody listens on
        CommandRun reject = CommandRun.of("decide", review, "--sheet", "Materials", "--reject", "rows:2", "--reason",
                "not used", "--target", "jdbc:postgresql://127.0.0.1:1/bench", "--user", "bench");

        assertThat(reject.exit()).as(reject.err()).isZero();
        assertThat(reject.out()).contains("Rejected 1 row(s) in sheet Materials.")
                .contains("The change is saved, but the references between the sheets were not checked again, because"
                        + " the target could not be reached (Cannot connect to ")
                .contains("; validating the review again, or its import, checks them.")
                .contains("lab.sluice, sheet Materials: 0 approved, 1 rejected, 6 pending.");
    }

    @Test
    void whatAWorkbookReviewCannotTakeIsRefusedInOneSentence() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        stage(db);
        String member = Path.of(review + ".sheets", "03-Mixes.sluice").toString();

        CommandRun typo = CommandRun.of("review", review, "--sheet", "Mixs");
        CommandRun absentColumn = run(db, "decide", review, "--approve", "value:Mix Code=LAB-0001");
        CommandRun undoWithoutSheet = run(db, "decide", review, "--undo");
        CommandRun fixWithoutSheet = run(db, "fix", review, "--column", "Material", "--trim");
        CommandRun stats = CommandRun.of("stats", review, "--column", "Material");
        CommandRun statsOfMember = CommandRun.of("stats", member, "--column", "Supplier");
        CommandRun memberDecide = run(db, "decide", member, "--approve", "valid");
        CommandRun fixes = run(db, "fixes", review);
        CommandRun clusters = CommandRun.of("clusters", review, "--column", "Material");
        CommandRun rules = run(db, "rules", "--review", review);
        // Mixes rows lean on Materials and Suppliers rows that are not approved, nor (but five) in the target
        CommandRun mixesOnly = run(db, "decide", review, "--sheet", "Mixes", "--approve", "valid");
        CommandRun orphan = run(db, "import", "--review", review);

        assertThat(typo.err().strip()).isEqualTo("sluice review: lab.sluice has no sheet 'Mixs' (sheets: Materials,"
                + " Suppliers, Mixes).");
        assertThat(absentColumn.err().strip()).isEqualTo("sluice decide: Sheet Materials of lab.sluice has no"
                + " column 'Mix Code' (columns: Material, Class).");
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("0         0         7");
        assertThat(undoWithoutSheet.err().strip()).isEqualTo("sluice decide: --undo on the review of a workbook"
                + " needs --sheet SHEET, as each sheet keeps its own rows and history (sheets: Materials, Suppliers,"
                + " Mixes).");
        assertThat(fixWithoutSheet.err().strip()).startsWith("sluice fix: A fix on the review of a workbook needs"
                + " --sheet SHEET");
        assertThat(stats.err().strip()).isEqualTo("sluice stats: Column statistics on the review of a workbook:"
                + " name the sheet with --sheet SHEET, as each sheet has its own columns (sheets: Materials,"
                + " Suppliers, Mixes).");
        assertThat(clusters.err().strip()).isEqualTo("sluice clusters: Clustering values on the review of a"
                + " workbook: name the sheet with --sheet SHEET, as each sheet has its own columns (sheets:"
                + " Materials, Suppliers, Mixes).");
        assertThat(statsOfMember.err().strip()).startsWith("sluice stats: 03-Mixes.sluice is sheet Mixes of the"
                + " workbook review lab.sluice, which is read and changed only as a whole");
        assertThat(memberDecide.err().strip()).isEqualTo("sluice decide: 03-Mixes.sluice is sheet Mixes of the"
                + " workbook review lab.sluice, which is read and changed only as a whole (validate --review, review,"
                + " decide, fix, import --review lab.sluice), so that the references between its sheets stay"
                + " checked.");
        // export --review takes a workbook review (WorkbookCommandsTest, ExportTablesTest)
        assertThat(fixes.err().strip()).isEqualTo("sluice fixes: Suggesting corrections on the review of a"
                + " workbook: name the sheet with --sheet SHEET, as each sheet has its own columns (sheets:"
                + " Materials, Suppliers, Mixes).");
        assertThat(rules.err().strip()).isEqualTo("sluice rules: Rules on the review of a workbook: try one on a"
                + " sheet's table with --sheet SHEET [--table TABLE] --try RULE_JSON (or --try-file, --remove); each"
                + " table's rules are in the profile's \"tables\".");
        assertThat(mixesOnly.exit()).as(mixesOnly.err()).isZero();
        assertThat(orphan.exit()).isEqualTo(SluiceCommand.INPUT);
        // HOLC, the supplier of LAB-0023, is only in the Suppliers sheet, whose rows are pending
        assertThat(orphan.err().strip()).startsWith("sluice import: lab.sluice cannot be imported: approved row 24"
                + " of sheet Mixes makes a ").containsIgnoringCase("concrete_mix row whose parent (Supplier 'HOLC',"
                + " cell B24) is neither in the target nor approved in this review (")
                .endsWith("; approve the parent row, or take row 24 out of the approved ones.");
        assertThat(orphan.err().strip().lines()).hasSize(1);
        assertThat(List.of(typo, absentColumn, undoWithoutSheet, fixWithoutSheet, stats, statsOfMember, memberDecide,
                fixes, clusters, rules, orphan)).allSatisfy(r -> assertThat(r.exit()).isEqualTo(SluiceCommand.INPUT))
                .noneMatch(CommandRun::looksJavaInternal);
        assertThat(CommandRun.batches(db)).isEmpty();
    }

    @Test
    void anExportOfAWorkbookReviewNeverOverwritesTheWorkbookItWasMadeFrom() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        stage(db);
        byte[] before = Files.readAllBytes(workbook);

        CommandRun returned = run(db, "export", "--review", review, "--return-xlsx", workbook.toString());
        CommandRun report = run(db, "export", "--review", review, "--report", workbook.toString());

        assertThat(List.of(returned, report)).allSatisfy(r -> {
            assertThat(r.exit()).isEqualTo(SluiceCommand.INPUT);
            assertThat(r.out()).isEmpty();
        });
        assertThat(returned.err().strip()).isEqualTo("sluice export: --return-xlsx " + workbook + " would overwrite"
                + " the file the review was made from; write it elsewhere.");
        assertThat(Files.readAllBytes(workbook)).isEqualTo(before);
    }

    @Test
    void statisticsAndClustersReadOneSheetOfAWorkbookReviewAsItIsNow() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        stage(db);
        CommandRun before = CommandRun.of("stats", review, "--sheet", "mixes", "--column", "supplier");
        CommandRun edit = run(db, "decide", review, "--sheet", "Mixes", "--edit", "2:Supplier=cems");
        CommandRun after = CommandRun.of("stats", review, "--sheet", "Mixes", "--column", "Supplier", "--format",
                "json");
        CommandRun clusters = CommandRun.of("clusters", review, "--sheet", "Mixes", "--column", "Supplier");
        CommandRun materials = CommandRun.of("clusters", review, "--sheet", "Materials", "--column", "Material",
                "--method", "knn", "--radius", "2");
        CommandRun typoInSheet = CommandRun.of("stats", review, "--sheet", "Mixs", "--column", "Supplier");
        CommandRun typoInColumn = CommandRun.of("clusters", review, "--sheet", "Mixes", "--column", "Suplier");
        String oneSheet = dir.resolve("materials.sluice").toString();
        assertThat(CommandRun.of("load", workbook.toString(), "--sheet", "Materials", "-o", oneSheet).exit()).isZero();
        CommandRun sheetOnOneReview = CommandRun.of("stats", oneSheet, "--sheet", "Materials", "--column", "Class");

        assertThat(before.exit()).as(before.err()).isZero();
        assertThat(before.out()).startsWith("Sheet Mixes, column 'Supplier': 40 rows, 0 blank, 6 distinct values.")
                .contains("for --where of 'sluice decide' and 'sluice fix' with --sheet Mixes:");
        assertThat(edit.exit()).as(edit.err()).isZero();
        // the statistics count the sheet as the steward sees it now, the edit included
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.out()).contains("\"distinct\" : 7").contains("\"value\" : \"cems\"");
        assertThat(clusters.exit()).as(clusters.err()).isZero();
        assertThat(clusters.out()).startsWith("Sheet Mixes, column 'Supplier': 7 distinct value(s), 1 cluster(s)"
                + " by fingerprint.").containsPattern("(?m)^  cems +1$");
        assertThat(materials.exit()).as(materials.err()).isZero();
        assertThat(materials.out()).startsWith("Sheet Materials, column 'Material': 7 distinct value(s)");
        assertThat(typoInSheet.err().strip()).isEqualTo("sluice stats: lab.sluice has no sheet 'Mixs' (sheets:"
                + " Materials, Suppliers, Mixes).");
        assertThat(typoInColumn.err().strip()).startsWith("sluice clusters: Sheet Mixes of lab.sluice has no column"
                + " 'Suplier' (columns: Mix Code, Supplier, ");
        assertThat(sheetOnOneReview.err().strip()).isEqualTo("sluice stats: --sheet goes with the review of a"
                + " workbook onto several tables; materials.sluice is the review of one sheet.");
        assertThat(List.of(typoInSheet, typoInColumn, sheetOnOneReview)).allSatisfy(r -> assertThat(r.exit())
                .isEqualTo(SluiceCommand.INPUT)).noneMatch(CommandRun::looksJavaInternal);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void suggestionsForASheetComeFromItsTablesAndTheParentsSheetsAndAcceptingThemChecksTheReferencesAgain(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        stage(db);
        // a class outside the CHECK's list; a supplier code near one in the target (CEMS), one near a code only the
        // Suppliers sheet brings (HOLC)
        assertThat(run(db, "decide", review, "--sheet", "Materials", "--edit", "2:Class=bindr").exit()).isZero();
        assertThat(run(db, "decide", review, "--sheet", "Mixes", "--edit", "2:Supplier=CEMX").exit()).isZero();
        assertThat(run(db, "decide", review, "--sheet", "Mixes", "--edit", "3:Supplier=HOLX").exit()).isZero();
        assertThat(sheetLine("Mixes")).startsWith("Mixes | concrete_mix, ").contains("| 40 | 40 |");

        CommandRun materials = run(db, "fixes", review, "--sheet", "Materials");
        CommandRun mixes = run(db, "fixes", review, "--sheet", "mixes", "--min", "70");
        assertThat(materials.exit()).as(materials.err()).isZero();
        assertThat(materials.out()).containsPattern("(?m)^Class +bindr +1 +check:\\S+ +binder \\(\\d+, one letter"
                + " missing\\)$");
        assertThat(mixes.exit()).as(mixes.err()).isZero();
        // cement's findings (its Materials row has an error now) and fly ash's name their parent by a header
        assertThat(mixes.out()).startsWith("The reference findings of 'Cement (kg/m3)', 'Cement added on site"
                + " (kg/m3)', 'Fly Ash (kg/m3)' name their parent by the column's header, which no fix of a cell in"
                + " this sheet mends: fix the parent's row in its sheet, or the profile's value map.")
                .containsPattern("(?m)^Supplier +CEMX +1 +reference +CEMS \\(")
                .containsPattern("(?m)^Supplier +HOLX +1 +reference +HOLC \\(")
                .contains("Accepting every suggestion scoring 70 or more would change 2 value(s) in 2 row(s):");

        // a parent row the steward rejected is no valid value any more
        assertThat(run(db, "decide", review, "--sheet", "Suppliers", "--reject", "value:Code=HOLC",
                "--reason", "unknown supplier").exit()).isZero();
        CommandRun withoutHolc = run(db, "fixes", review, "--sheet", "Mixes", "--column", "Supplier");
        assertThat(withoutHolc.out()).containsPattern("(?m)^Supplier +HOLX +1 +reference +\\(nothing close in ");
        assertThat(run(db, "decide", review, "--sheet", "Suppliers", "--clear", "value:Code=HOLC").exit()).isZero();

        CommandRun dryRun = run(db, "fix", review, "--sheet", "Mixes", "--accept-suggestions", "70", "--dry-run");
        CommandRun accepted = run(db, "fix", review, "--sheet", "Mixes", "--accept-suggestions", "70");
        CommandRun accepted2 = run(db, "fix", review, "--sheet", "Materials", "--accept-suggestions", "90");
        assertThat(dryRun.out()).contains("Would accept 2 suggestion(s) scoring 70 or more (dry run: nothing"
                + " written):");
        assertThat(accepted.out()).contains("  Supplier: 'CEMX' -> 'CEMS' (1 row(s))",
                "  Supplier: 'HOLX' -> 'HOLC' (1 row(s))", "Undo each with: sluice decide " + review
                        + " --sheet Mixes --undo");
        assertThat(accepted2.out()).contains("  Class: 'bindr' -> 'binder' (1 row(s))");
        // the class fixed in Materials settles the Mixes rows that lean on cement, in the same call
        assertThat(sheetLine("Materials")).contains("| 7 | 0 |");
        assertThat(sheetLine("Mixes")).contains("| 40 | 19 |");
        assertThat(run(db, "decide", review, "--sheet", "Mixes", "--undo").out()).contains("Undone in sheet Mixes");
        assertThat(run(db, "fixes", review, "--sheet", "Mixes", "--column", "Supplier").out())
                .contains("CEMX", "HOLX");

        CommandRun noSheet = run(db, "fix", review, "--accept-suggestions", "90");
        assertThat(noSheet.err().strip()).isEqualTo("sluice fix: Accepting suggestions on the review of a workbook:"
                + " name the sheet with --sheet SHEET, as each sheet has its own columns (sheets: Materials,"
                + " Suppliers, Mixes).");
        assertThat(noSheet.exit()).isEqualTo(SluiceCommand.INPUT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRuleOnATableOfASheetIsTriedAppliedRemovedAndUndoneAndTheReferencesFollowIt(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        stage(db);
        SoftAssertions softly = new SoftAssertions();
        // every material but cement: the Cement row in error is no parent, so every mix gets a reference finding
        String noCement = "{\"id\": \"no-cement\", \"type\": \"allowed\", \"column\": \"name\", \"values\":"
                + " [\"Water\", \"Fly-ash\", \"Slag\", \"Coarse Aggregate\", \"Fine Aggregate\","
                + " \"Superplasticizer\"], \"ignoreCase\": true}";
        String cementCap = "{\"id\": \"cement-cap\", \"type\": \"range\", \"column\": \"cement_kg\", \"max\": 1}";
        softly.assertThat(run(db, "decide", review, "--sheet", "Mixes", "--reject", "rows:5", "--reason", "kept back")
                .exit()).isZero();
        String mixesBefore = sheetLine("Mixes");
        softly.assertThat(mixesBefore).contains("| 40 | 19 |").endsWith("| 0 | 1 | 39");

        CommandRun tried = run(db, "rules", "--review", review, "--sheet", "Materials", "--try", noCement);
        softly.assertThat(tried.exit()).as(tried.err()).isZero();
        softly.assertThat(tried.out()).startsWith("Rule 'no-cement' would flag 1 of 7 rows (1 finding).")
                .containsPattern("(?m)^2 +A2 +Cement +");
        softly.assertThat(sheetLine("Materials")).contains("| 7 | 0 |");

        CommandRun applied = run(db, "rules", "--review", review, "--sheet", "materials", "--try", noCement,
                "--apply");
        softly.assertThat(applied.exit()).as(applied.err()).isZero();
        softly.assertThat(applied.out()).startsWith("Applied rule 'no-cement' to sheet Materials of lab.sluice: it flags 1"
                + " of 7 rows (1 finding); 1 row now in error, 0 no longer in error.")
                .contains("'sluice decide " + review + " --sheet Materials --undo' takes it back.");
        softly.assertThat(sheetLine("Materials")).contains("| 7 | 1 |");
        // the references of every sheet checked again: no mix finds its cement now; the rejected row stays so
        softly.assertThat(sheetLine("Mixes")).contains("| 40 | 40 |").endsWith("| 0 | 1 | 39");
        // a full validation of the review agrees: it runs the table's rules as the sheet records them
        CommandRun again = run(db, "validate", "--review", review);
        softly.assertThat(again.out()).as(again.err()).contains("Source rows: 53   valid: 12   with errors: 41");
        softly.assertThat(sheetLine("Materials")).contains("| 7 | 1 |");

        softly.assertThat(run(db, "decide", review, "--sheet", "Materials", "--undo").out()).contains("Undone in sheet"
                + " Materials");
        softly.assertThat(sheetLine("Materials")).contains("| 7 | 0 |");
        softly.assertThat(sheetLine("Mixes")).isEqualTo(mixesBefore);
        CommandRun validatedAfterUndo = run(db, "validate", "--review", review);
        softly.assertThat(validatedAfterUndo.out()).contains("Source rows: 53   valid: 34   with errors: 19");

        // a sheet that feeds several tables: the table is named; removing the rule is one step too
        Path saved = dir.resolve("saved.json");
        CommandRun capped = run(db, "rules", "--review", review, "--sheet", "Mixes", "--table", "CONCRETE_MIX",
                "--try", cementCap, "--apply", "--save-to", saved.toString());
        softly.assertThat(capped.exit()).as(capped.err()).isZero();
        softly.assertThat(capped.out()).startsWith("Applied rule 'cement-cap' to sheet Mixes of lab.sluice: it flags 40 of"
                + " 40 rows (40 findings); 21 rows now in error, 0 no longer in error.");
        softly.assertThat(ProfileIO.read(saved).tables()).filteredOn(t -> t.table().equals("concrete_mix")).singleElement()
                .satisfies(t -> softly.assertThat(t.rules()).extracting(r -> r.id()).contains("cement-cap"));
        softly.assertThat(sheetLine("Mixes")).contains("| 40 | 40 |");
        CommandRun removed = run(db, "rules", "--review", review, "--sheet", "Mixes", "--table", "concrete_mix",
                "--remove", "Cement-Cap");
        softly.assertThat(removed.out()).as(removed.err()).startsWith("Removed rule 'cement-cap' from sheet Mixes of"
                + " lab.sluice: 21 rows no longer in error, 0 now in error.");
        softly.assertThat(sheetLine("Mixes")).isEqualTo(mixesBefore);
        softly.assertThat(run(db, "decide", review, "--sheet", "Mixes", "--undo").exit()).isZero();
        softly.assertThat(sheetLine("Mixes")).contains("| 40 | 40 |");
        softly.assertThat(run(db, "decide", review, "--sheet", "Mixes", "--undo").exit()).isZero();
        softly.assertThat(sheetLine("Mixes")).isEqualTo(mixesBefore);

        CommandRun sheetTypo = run(db, "rules", "--review", review, "--sheet", "Mixs", "--try", cementCap);
        CommandRun tableTypo = run(db, "rules", "--review", review, "--sheet", "Mixes", "--table", "concrete_mixes",
                "--try", cementCap);
        CommandRun noTable = run(db, "rules", "--review", review, "--sheet", "Mixes", "--try", cementCap);
        CommandRun noSheet = run(db, "rules", "--review", review, "--try", cementCap);
        CommandRun unique = run(db, "rules", "--review", review, "--sheet", "Mixes", "--table", "concrete_mix",
                "--try", "{\"id\": \"one-cast-date\", \"type\": \"unique\", \"columns\": [\"cast_date\"]}", "--apply");
        CommandRun unknownColumn = run(db, "rules", "--review", review, "--sheet", "Mixes", "--table",
                "concrete_mix", "--try", "{\"id\": \"x\", \"type\": \"range\", \"column\": \"cement\", \"max\": 1}");
        CommandRun removeUnknown = run(db, "rules", "--review", review, "--sheet", "Mixes", "--table",
                "concrete_mix", "--remove", "cement-cap");
        CommandRun mixedKinds = run(db, "rules", "--review", review, "--sheet", "Mixes", "--table", "concrete_mix",
                "--try", "{\"id\": \"recent\", \"type\": \"expression\", \"expression\": \"cast_date >"
                        + " '2021-01-01'\"}", "--apply");
        softly.assertThat(sheetTypo.err().strip()).isEqualTo("sluice rules: lab.sluice has no sheet 'Mixs' (sheets:"
                + " Materials, Suppliers, Mixes).");
        softly.assertThat(tableTypo.err().strip()).isEqualTo("sluice rules: Sheet Mixes of lab.sluice feeds no table"
                + " 'concrete_mixes' (its tables: concrete_mix, mix_component, strength_test).");
        softly.assertThat(noTable.err().strip()).isEqualTo("sluice rules: Sheet Mixes feeds 3 tables (concrete_mix,"
                + " mix_component, strength_test): name the table the rule is on with --table TABLE.");
        softly.assertThat(noSheet.err().strip()).startsWith("sluice rules: A rule on the review of a workbook: name the"
                + " sheet with --sheet SHEET");
        softly.assertThat(unique.err().strip()).startsWith("sluice rules: Rule 'one-cast-date' looks for repeats, which are"
                + " judged over the whole workbook");
        softly.assertThat(unknownColumn.err().strip()).startsWith("sluice rules: The rule 'x' of profile"
                + " 'ds4-lab-workbook / concrete_mix' is about 'cement', which the profile does not map (mapped: ")
                .containsIgnoringCase("(mapped: mix_code, cement_kg, water_kg,");
        softly.assertThat(removeUnknown.err().strip()).isEqualTo("sluice rules: Table concrete_mix of the profile has no"
                + " rule 'cement-cap' (its rules: strength-plausible).");
        softly.assertThat(mixedKinds.err().strip()).isEqualTo("sluice rules: The rule 'recent' cannot run: its"
                + " expression compares cast_date (a date) with '2021-01-01' (a text) at position 11, which can never"
                + " be computed; write cast_date > DATE(\"2021-01-01\") to compare it with that day.");
        softly.assertThat(List.of(sheetTypo, tableTypo, noTable, noSheet, unique, unknownColumn, removeUnknown,
                        mixedKinds))
                .allSatisfy(r -> softly.assertThat(r.exit()).as(r.err()).isEqualTo(SluiceCommand.INPUT))
                .allSatisfy(r -> softly.assertThat(r.err().strip().lines()).hasSize(1))
                .noneMatch(CommandRun::looksJavaInternal);
        softly.assertThat(sheetLine("Mixes")).isEqualTo(mixesBefore);
        softly.assertAll();
    }

    @Test
    void theReplacementsOfASheetAreRememberedInTheProfileOfEveryTableItFeedsAndTheNextWorkbookGetsThem()
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        stage(db);
        String kept = Files.readString(profile);
        Path oneTable = dir.resolve("one-table.json");
        ProfileIO.write(SampleProfiles.ds1(), oneTable);

        CommandRun nothing = run(db, "fix", review, "--sheet", "Materials", "--remember-in", profile.toString());
        assertThat(nothing.out().strip()).isEqualTo("Nothing to remember: sheet Materials of lab.sluice holds no"
                + " value replacements; " + profile + " is unchanged.");
        // the material the Mixes header means, a mix code every Mixes table reads, a dosage an unpivot reads
        CommandRun material = run(db, "fix", review, "--sheet", "Materials", "--column", "Material", "--replace",
                "Fly-ash=Fly ash");
        CommandRun mixCode = run(db, "fix", review, "--sheet", "mixes", "--column", "Mix Code", "--replace",
                "LAB-0007=lab-0007 ");
        CommandRun dosage = run(db, "fix", review, "--sheet", "Mixes", "--column", "Coarse Aggregate (kg/m3)",
                "--replace", "8989.0=898.9");
        // undone, so not remembered; a rejected row's replacement is remembered like any other
        assertThat(run(db, "fix", review, "--sheet", "Suppliers", "--column", "Country", "--replace", "DE=Germany")
                .exit()).isZero();
        assertThat(run(db, "decide", review, "--sheet", "Suppliers", "--undo").exit()).isZero();
        assertThat(run(db, "decide", review, "--sheet", "Mixes", "--reject", "rows:8", "--reason",
                "kept back").out()).contains("Rejected 1 row(s) in sheet Mixes");
        assertThat(List.of(material, mixCode, dosage)).allSatisfy(r -> assertThat(r.out()).as(r.err())
                .contains("Changed 1 cell(s) of sheet "));

        CommandRun typo = run(db, "fix", review, "--sheet", "Mixs", "--remember-in", profile.toString());
        CommandRun wrongProfile = run(db, "fix", review, "--remember-in", oneTable.toString());
        CommandRun withColumn = run(db, "fix", review, "--sheet", "Mixes", "--column", "Supplier", "--remember-in",
                profile.toString());
        assertThat(typo.err().strip()).isEqualTo("sluice fix: lab.sluice has no sheet 'Mixs' (sheets: Materials,"
                + " Suppliers, Mixes).");
        assertThat(wrongProfile.err().strip()).isEqualTo("sluice fix: Profile " + oneTable + " maps one table; the"
                + " review of a workbook remembers its fixes in a profile onto several tables (version 2), such as"
                + " the one it was validated with.");
        assertThat(withColumn.err().strip()).startsWith("sluice fix: --remember-in saves the replacements the review"
                + " already holds; it takes no --column");
        assertThat(List.of(typo, wrongProfile, withColumn)).allSatisfy(r -> assertThat(r.exit())
                .isEqualTo(SluiceCommand.INPUT)).noneMatch(CommandRun::looksJavaInternal);
        assertThat(Files.readString(profile)).isEqualTo(kept);

        CommandRun materials = run(db, "fix", review, "--sheet", "Materials", "--remember-in", profile.toString());
        assertThat(materials.exit()).as(materials.err()).isZero();
        assertThat(materials.out().strip()).isEqualTo("Saved the replacements of sheet Materials, column 'Material'"
                + " into " + profile + ": the map transforms of material now hold 1 value(s).");
        CommandRun every = run(db, "fix", review, "--remember-in", profile.toString());
        assertThat(every.exit()).as(every.err()).isZero();
        assertThat(every.out().lines()).containsExactly(
                "Saved the replacements of sheet Materials, column 'Material' into " + profile + ": the map"
                        + " transforms of material now hold 1 value(s).",
                "Saved the replacements of sheet Mixes, column 'Mix Code' into " + profile + ": the map transforms"
                        + " of concrete_mix, mix_component, strength_test now hold 1 value(s).",
                "Not saved for sheet Mixes, column 'Coarse Aggregate (kg/m3)': the unpivot of table mix_component"
                        + " reads it with other columns, where a map would change them all, and the other tables"
                        + " must read the cell as it does.");

        io.sluice.core.profile.Profile saved = ProfileIO.read(profile);
        Map<String, Map<String, String>> maps = new LinkedHashMap<>();
        saved.tables().forEach(part -> part.columns().forEach(mapping -> mapping.transforms().stream()
                .filter(t -> "map".equals(t.op())).forEach(t -> maps.put(part.table() + "." + mapping.target(),
                        t.map()))));
        assertThat(maps).containsOnly(Map.entry("material.name", Map.of("Fly-ash", "Fly ash")),
                Map.entry("concrete_mix.mix_code", Map.of("LAB-0007", "lab-0007 ")),
                Map.entry("mix_component.mix_id", Map.of("LAB-0007", "lab-0007 ")),
                Map.entry("strength_test.mix_id", Map.of("LAB-0007", "lab-0007 ")));
        assertThat(saved.tables().get(0).columns().get(0).transforms().get(0).op()).isEqualTo("map");
        // the next workbook gets the material's spelling on load: only the dosage and the second cement are left
        CommandRun next = run(db, "validate", workbook.toString(), "--profile", profile.toString());
        assertThat(next.out()).as(next.err()).contains("Source rows: 53   valid: 51   with errors: 2");
    }

    @Test
    void aWorkbookReviewIsReplacedWithItsSheetsOnlyWithForce() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        stage(db);
        assertThat(run(db, "decide", review, "--approve", "valid").exit()).isZero();
        assertThat(sheetLine("Materials")).isEqualTo("Materials | material | 7 | 0 | 0 | 7 | 0 | 0");
        Path sheets = Path.of(review + ".sheets");
        long members;
        try (var listed = Files.list(sheets)) {
            members = listed.filter(p -> p.toString().endsWith(".sluice")).count();
        }

        CommandRun refused = run(db, "validate", workbook.toString(), "--profile", profile.toString(), "--review",
                review);
        assertThat(refused.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(refused.err()).contains("already exists; choose another review name, or add --force");

        // a replacement that fails puts the review it was to replace back, its sheets and decisions with it
        Path broken = dir.resolve("broken.xlsx");
        Files.writeString(broken, "not a workbook");
        CommandRun failed = run(db, "validate", broken.toString(), "--profile", profile.toString(), "--review",
                review, "--force");
        assertThat(failed.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(sheetLine("Materials")).isEqualTo("Materials | material | 7 | 0 | 0 | 7 | 0 | 0");
        assertThat(Path.of(review + ".replaced")).doesNotExist();
        assertThat(Path.of(review + ".replaced.sheets")).doesNotExist();

        CommandRun replaced = run(db, "validate", workbook.toString(), "--profile", profile.toString(), "--review",
                review, "--force");
        assertThat(replaced.exit()).as(replaced.err()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(replaced.out()).contains("Source rows: 53   valid: 34   with errors: 19");
        try (var listed = Files.list(sheets)) {
            assertThat(listed.filter(p -> p.toString().endsWith(".sluice")).count()).isEqualTo(members);
        }
        // the decisions of the review it replaced are gone: every row pending again
        assertThat(sheetLine("Materials")).isEqualTo("Materials | material | 7 | 0 | 0 | 0 | 0 | 7");

        Path stray = sheets.resolve("my-notes.txt");
        Files.writeString(stray, "mine");
        CommandRun strayRefused = run(db, "validate", workbook.toString(), "--profile", profile.toString(),
                "--review", review, "--force");
        assertThat(strayRefused.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(strayRefused.err().strip()).isEqualTo("sluice validate: The folder " + sheets + " holds other"
                + " files than a workbook review's sheets, so it is not replaced; move it or choose another review"
                + " name.");
        assertThat(stray).hasContent("mine");
        assertThat(Path.of(review)).exists();
    }
}
