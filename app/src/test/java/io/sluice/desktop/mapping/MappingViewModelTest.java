package io.sluice.desktop.mapping;

import io.sluice.bench.SampleProfiles;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.Sources;
import io.sluice.core.database.SampleSchema;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.Samples;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MappingViewModelTest {

    private static final TestDatabases.Database H2 = TestDatabases.h2Mem();

    @TempDir
    Path home;

    private Workbench workbench;
    private MappingViewModel model;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeAll
    static void installSampleSchema() {
        SampleSchema.install(H2.url(), H2.user(), H2.password());
    }

    @BeforeEach
    void setUp() {
        workbench = new Workbench();
        workbench.targetProperty().set(new TargetChoice("Test H2", H2.url(), H2.user(), H2.password()));
        var tasks = SyncTasks.runner();
        var settings = new DesktopSettings();
        model = new MappingViewModel(workbench, tasks, dialogs,
                new ReviewValidation(workbench, tasks, settings, home.resolve("reviews"), (title, error) -> {
                    throw new AssertionError(title + ": " + error.getMessage(), error);
                }));
    }

    private Path open(String fileName) {
        Samples.Sample sample = Samples.all().stream().filter(s -> s.fileName().equals(fileName)).findFirst()
                .orElseThrow();
        openFile(Samples.extract(sample, home));
        return Samples.profileOf(sample, home);
    }

    /** Opens the file with the header row the Source step finds and reads it into the Mapping step. */
    private void openFile(Path file) {
        workbench.openSource(file);
        SourceOptions options = new SourceOptions(null, null, false, null, null);
        workbench.inspectionProperty().set(Sources.inspect(file, options));
        workbench.sourceOptionsProperty().set(options.withHeaderRow((int) workbench.inspectionProperty().get()
                .headerRow()));
        model.refresh();
    }

    private MappingRow row(String source) {
        return model.rows().stream().filter(r -> r.source().equals(source)).findFirst().orElseThrow();
    }

    @Test
    void asksForASourceWhileThereIsNone() {
        model.refresh();

        assertThat(model.sourceMissingProperty().get()).isTrue();
        assertThat(model.blockerProperty().get()).isEqualTo("Load a source first.");
        assertThat(model.emptyTitleBinding().get()).isEqualTo("Load a source first");
    }

    @Test
    void aSourceOpenedButNotYetConfirmedIsNotCalledMissing() throws Exception {
        Path file = Files.writeString(home.resolve("mixes.csv"), "a\n1\n");
        workbench.openSource(file);

        model.refresh();

        assertThat(model.sourceMissingProperty().get()).isTrue();
        assertThat(model.emptyTitleBinding().get()).isEqualTo("Confirm how to read mixes.csv");
        assertThat(model.emptyTextBinding().get()).isEqualTo("Check its sheet and header row in the Source step and"
                + " press Next: Mapping; then map its columns here.");
        assertThat(model.blockerProperty().get()).isEqualTo("Confirm how to read mixes.csv.");
    }

    @Test
    void aReadCancelledInTheStatusBarSaysSoAndTheNextVisitReadsAgain() {
        HeldTasks background = new HeldTasks();
        TaskRunner tasks = HeldTasks.runner(background);
        model = new MappingViewModel(workbench, tasks, dialogs, new ReviewValidation(workbench, tasks,
                new DesktopSettings(), home.resolve("reviews"), (title, error) -> {
                    throw new AssertionError(title + ": " + error.getMessage(), error);
                }));
        background.hold();
        open("ds1-concrete-mix.csv");
        assertThat(model.loadingProperty().get()).isTrue();

        tasks.active().stream().filter(TaskHandle::visible).forEach(TaskHandle::cancel);
        background.runAll();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.rows()).isEmpty();
        assertThat(model.blockerProperty().get()).isEqualTo("Reading ds1-concrete-mix.csv and the target's tables"
                + " was cancelled; Next: Mapping in the Source step reads them again.");

        model.refresh();

        assertThat(model.rows()).hasSize(15);
        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("concrete_mix");
    }

    @Test
    void suggestsTheBestTableAndLeavesEverySuggestionPending() {
        open("ds1-concrete-mix.csv");

        assertThat(model.sourceMissingProperty().get()).isFalse();
        assertThat(model.tables()).extracting(String::toLowerCase).contains("concrete_mix", "supplier");
        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("concrete_mix");
        assertThat(model.rows()).hasSize(15);
        assertThat(row("Cement (kg/m3)").targetProperty().get()).isEqualToIgnoringCase("cement_kg");
        assertThat(row("Cement (kg/m3)").confidenceProperty().get()).isGreaterThanOrEqualTo(70);
        assertThat(row("Cement (kg/m3)").reasonProperty().get()).isNotBlank();
        assertThat(model.rows()).filteredOn(MappingRow::isMapped).allMatch(r -> r.pendingProperty().get());
        assertThat(model.blockerProperty().get()).startsWith("Confirm the ").contains("pending");
        assertThat(model.previewProperty().get().rows()).hasSize(MappingViewModel.PREVIEW_ROWS);
    }

    @Test
    void confirmingAllHighConfidenceLeavesTheLowOnesPending() {
        open("ds1-concrete-mix.csv");
        long low = model.rows().stream().filter(MappingRow::isLowConfidence).count();

        int confirmed = model.edits().confirmAllHighConfidence();

        assertThat(confirmed).isEqualTo(model.rows().stream().filter(MappingRow::isMapped).count() - low);
        assertThat(model.rows()).filteredOn(r -> r.isMapped() && !r.isLowConfidence())
                .allMatch(r -> r.confirmedProperty().get());
        model.rows().stream().filter(MappingRow::isLowConfidence).forEach(model.edits()::confirm);
        assertThat(model.blockerProperty().get()).isNull();
    }

    @Test
    void choosingATargetByHandConfirmsItAndTakesItFromTheColumnThatHadItOnceTheStewardSaysSo() {
        open("ds1-concrete-mix.csv");
        MappingRow remarks = row("Remarks");
        MappingRow code = row("Mix Code");
        String codeTarget = code.targetProperty().get();

        dialogs.declineNext();
        assertThat(model.edits().setTarget(remarks, codeTarget)).isFalse();
        assertThat(dialogs.asked()).singleElement().satisfies(q -> {
            assertThat(q.header()).isEqualTo("'Mix Code' already fills " + codeTarget + ".");
            assertThat(q.text()).isEqualTo("'Remarks' fills " + codeTarget + " instead, and 'Mix Code' is then not"
                    + " mapped.");
        });
        assertThat(remarks.isMapped()).isFalse();
        assertThat(code.targetProperty().get()).as("nothing unmapped without a word").isEqualTo(codeTarget);

        assertThat(model.edits().setTarget(remarks, codeTarget)).isTrue();

        assertThat(remarks.targetProperty().get()).isEqualTo(codeTarget);
        assertThat(remarks.confirmedProperty().get()).isTrue();
        assertThat(code.isMapped()).isFalse();
        assertThat(model.previewProperty().get().rows().get(0).values().get(
                model.previewProperty().get().columns().indexOf(codeTarget)).text()).isEmpty();
    }

    @Test
    void aTargetTakenByAColumnThatHadOneSwapsTheTwoWhenTheStewardSaysSo() {
        open("ds1-concrete-mix.csv");
        MappingRow water = row("Water (kg/m3)");
        MappingRow cement = row("Cement (kg/m3)");
        String waterTarget = water.targetProperty().get();
        String cementTarget = cement.targetProperty().get();

        model.edits().setTarget(water, cementTarget);

        assertThat(dialogs.asked()).singleElement().satisfies(q -> assertThat(q.text()).isEqualTo(
                "Swap: 'Water (kg/m3)' fills " + cementTarget + " and 'Cement (kg/m3)' fills " + waterTarget + "."));
        assertThat(water.targetProperty().get()).isEqualTo(cementTarget);
        assertThat(cement.targetProperty().get()).isEqualTo(waterTarget);
        assertThat(List.of(water, cement)).allMatch(r -> r.confirmedProperty().get());
    }

    @Test
    void undoAndRedoTakeMappingChangesBackAndMakeThemAgain() {
        open("ds1-concrete-mix.csv");
        MappingRow water = row("Water (kg/m3)");
        MappingRow cement = row("Cement (kg/m3)");
        String waterTarget = water.targetProperty().get();
        assertThat(model.edits().canUndoProperty().get()).isFalse();

        model.edits().confirmAllHighConfidence();
        model.edits().setTarget(water, cement.targetProperty().get());
        assertThat(model.edits().undoDescriptionProperty().get()).isEqualTo("Map Water (kg/m3) onto "
                + water.targetProperty().get());

        model.edits().undo();
        assertThat(water.targetProperty().get()).isEqualTo(waterTarget);
        assertThat(cement.targetProperty().get()).isNotEqualTo(waterTarget);
        assertThat(water.confirmedProperty().get()).isTrue();
        assertThat(model.edits().redoDescriptionProperty().get()).startsWith("Map Water (kg/m3) onto ");

        model.edits().undo();
        assertThat(model.rows()).filteredOn(MappingRow::isMapped).allMatch(r -> r.pendingProperty().get());
        assertThat(model.edits().canUndoProperty().get()).isFalse();
        assertThat(model.blockerProperty().get()).startsWith("Confirm the ");

        model.edits().redo();
        model.edits().redo();
        assertThat(water.targetProperty().get()).isNotEqualTo(waterTarget);
        assertThat(cement.targetProperty().get()).isEqualTo(waterTarget);
        assertThat(model.edits().canRedoProperty().get()).isFalse();
    }

    @Test
    void aProfileOntoATableOfAnotherSchemaKeepsTheSchemaSoThatItsTableIsFoundAgain() throws Exception {
        try (Connection c = DriverManager.getConnection(H2.url(), H2.user(), H2.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS lab");
            st.execute("CREATE TABLE IF NOT EXISTS lab.concrete_mix AS SELECT * FROM concrete_mix WHERE 1 = 0");
        }
        Path sampleProfile = open("ds1-concrete-mix.csv");
        Path profileFile = home.resolve("lab.profile.json");
        Files.writeString(profileFile, Files.readString(sampleProfile)
                .replaceFirst("\"table\"\\s*:\\s*\"[^\"]*\"", "\"table\" : \"lab.concrete_mix\""));

        model.loadProfile(profileFile);

        assertThat(model.errorProperty().get()).isNullOrEmpty();
        assertThat(model.profile().table()).as("the schema kept, as suggest writes it").isEqualToIgnoringCase(
                "lab.concrete_mix");
        assertThat(model.profile().rules()).as("the rules the profile brought").isNotEmpty();
    }

    /** lab.sample_test and "Lab Data"."Sample Run": tables outside the default schema, the second in mixed case. */
    private static void labTables() throws Exception {
        try (Connection c = DriverManager.getConnection(H2.url(), H2.user(), H2.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS lab");
            st.execute("CREATE TABLE IF NOT EXISTS lab.sample_test (sample_id VARCHAR(20) PRIMARY KEY,"
                    + " tested_on DATE NOT NULL, cube_strength_mpa DECIMAL(5, 1))");
            st.execute("CREATE SCHEMA IF NOT EXISTS \"Lab Data\"");
            st.execute("CREATE TABLE IF NOT EXISTS \"Lab Data\".\"Sample Run\" (\"Run Id\" INT PRIMARY KEY,"
                    + " \"Sample Id\" VARCHAR(20))");
        }
    }

    private void openSampleTests() throws Exception {
        openFile(Files.writeString(home.resolve("sample-tests.csv"),
                "Sample ID,Tested On,Cube Strength MPa\nS-001,2024-03-01,41.5\nS-002,2024-03-02,38.0\n"));
    }

    @Test
    void thePickerOffersTheTablesOfEverySchemaTheDefaultOnesFirst() throws Exception {
        labTables();

        open("ds1-concrete-mix.csv");

        List<String> tables = List.copyOf(model.tables());
        assertThat(tables.get(0)).as("the default schema's tables first, by their bare names").doesNotContain(".");
        assertThat(tables).contains("CONCRETE_MIX", "LAB.SAMPLE_TEST", "Lab Data.Sample Run")
                .noneMatch(t -> t.startsWith("INFORMATION_SCHEMA"));
        assertThat(model.tableProperty().get()).isEqualTo("CONCRETE_MIX");
    }

    @Test
    void theSameFileReadFromATargetWithoutItsTableSaysSoInsteadOfSwitchingTablesSilently() throws Exception {
        labTables();
        openSampleTests();
        assertThat(model.tableProperty().get()).isEqualTo("LAB.SAMPLE_TEST");

        TestDatabases.Database other = TestDatabases.h2Mem();
        SampleSchema.install(other.url(), other.user(), other.password());
        TargetChoice otherTarget = new TargetChoice("Other H2", other.url(), other.user(), other.password());
        workbench.targetProperty().set(otherTarget);
        model.refresh();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.tableProperty().get()).isNotEqualTo("LAB.SAMPLE_TEST");
        assertThat(model.notesProperty().get()).isEqualTo("Table LAB.SAMPLE_TEST is not among the tables "
                + otherTarget.label() + " offers (it is not there, or your role may only read it): the mapping is"
                + " suggested onto " + model.tableProperty().get() + " instead.");
    }

    @Test
    void aFileLikeATableOfAnotherSchemaIsSuggestedOntoItAndTitledWithItsSchema() throws Exception {
        labTables();

        openSampleTests();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.tableProperty().get()).isEqualTo("LAB.SAMPLE_TEST");
        assertThat(model.tables()).contains(model.tableProperty().get());
        assertThat(model.subtitleBinding().get()).isEqualTo("sample-tests.csv  →  LAB.SAMPLE_TEST");
        assertThat(row("Tested On").targetProperty().get()).isEqualToIgnoringCase("tested_on");
        assertThat(model.profile().table()).isEqualTo("LAB.SAMPLE_TEST");
    }

    @Test
    void aLoadedProfileOntoATableOfAnotherSchemaShowsThatTableChosen() throws Exception {
        labTables();
        openSampleTests();
        Path profileFile = home.resolve("sample-tests.profile.json");
        model.saveProfile(profileFile);
        model.tableProperty().set("CONCRETE_MIX");
        assertThat(model.tableProperty().get()).isEqualTo("CONCRETE_MIX");

        model.loadProfile(profileFile);

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.tableProperty().get()).as("the Table box shows it").isEqualTo("LAB.SAMPLE_TEST");
        assertThat(model.tables()).contains("LAB.SAMPLE_TEST");
        assertThat(model.subtitleBinding().get()).endsWith("→  LAB.SAMPLE_TEST");
        assertThat(model.tableInfoProperty().get().schema()).isEqualTo("LAB");
    }

    @Test
    void aMixedCaseTableOfAnotherSchemaIsChosenByTheNameThePickerShows() throws Exception {
        labTables();
        open("ds1-concrete-mix.csv");

        model.tableProperty().set("Lab Data.Sample Run");

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.tableInfoProperty().get().schema()).isEqualTo("Lab Data");
        assertThat(model.tableInfoProperty().get().name()).isEqualTo("Sample Run");
        assertThat(model.targetColumns()).containsExactly("Run Id", "Sample Id");
        assertThat(model.tableProperty().get()).isEqualTo("Lab Data.Sample Run");
        assertThat(model.profile().table()).isEqualTo("Lab Data.Sample Run");
    }

    @Test
    void loadingAProfileIsOneUndoableStepThatKeepsTheChangesMadeBeforeIt() {
        Path profileFile = open("ds1-concrete-mix.csv");
        MappingRow remarks = row("Remarks");
        MappingRow water = row("Water (kg/m3)");
        model.edits().confirmAllHighConfidence();
        model.edits().setTarget(water, null);
        Profile before = model.profile();

        model.loadProfile(profileFile);

        assertThat(model.edits().undoDescriptionProperty().get()).isEqualTo("Load profile ds1.profile.json");
        assertThat(model.keptRulesProperty().get()).startsWith("7 profile rules kept");
        assertThat(water.isMapped()).isTrue();

        model.edits().undo();

        assertThat(model.profile()).as("the grid, the rules, the key and the name as they were").isEqualTo(before);
        assertThat(water.isMapped()).isFalse();
        assertThat(model.keptRulesProperty().get()).isEmpty();
        assertThat(model.notesProperty().get()).isEmpty();
        assertThat(model.edits().undoDescriptionProperty().get()).isEqualTo("Unmap Water (kg/m3)");

        model.edits().undo();
        assertThat(water.isMapped()).isTrue();

        model.edits().redo();
        model.edits().redo();
        assertThat(model.keptRulesProperty().get()).startsWith("7 profile rules kept");
        assertThat(model.profile().rules()).hasSize(7);
        assertThat(remarks.isMapped()).isFalse();
        assertThat(model.blockerProperty().get()).isNull();
        assertThat(model.edits().canRedoProperty().get()).isFalse();
    }

    @Test
    void aMappingChangedByHandIsWorkInProgressUntilItIsUndoneOrTakenOn() {
        open("ds1-concrete-mix.csv");
        assertThat(workbench.mappingDraftProperty().get()).as("suggestions alone are no work").isNull();

        model.edits().confirmAllHighConfidence();
        assertThat(workbench.mappingDraftProperty().get()).isEqualTo(model.profile());

        model.edits().undo();
        assertThat(workbench.mappingDraftProperty().get()).isNull();

        model.edits().redo();
        model.edits().setTarget(row("Supplier"), null);
        assertThat(workbench.mappingDraftProperty().get()).isEqualTo(model.profile());
    }

    @Test
    void choosingAnotherTableIsOneUndoableStepSoAMappingMadeByHandIsNotLostToASlip() {
        open("ds1-concrete-mix.csv");
        model.edits().confirmAllHighConfidence();
        model.edits().setTarget(row("Supplier"), null);
        Profile mapped = model.profile();

        model.tableProperty().set(model.tables().stream().filter(t -> t.equalsIgnoreCase("supplier")).findFirst()
                .orElseThrow());
        assertThat(model.edits().undoDescriptionProperty().get()).isEqualToIgnoringCase("Choose table supplier");

        model.edits().undo();

        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("concrete_mix");
        assertThat(model.profile()).isEqualTo(mapped);
        assertThat(model.edits().undoDescriptionProperty().get()).isEqualTo("Unmap Supplier");

        model.edits().redo();
        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("supplier");
        assertThat(model.targetColumns()).extracting(String::toLowerCase)
                .containsExactly("supplier_code", "name", "country");
    }

    @Test
    void undoingAProfileForAnotherTableShowsTheTableOnScreenBefore() throws Exception {
        Path profileFile = open("ds1-concrete-mix.csv");
        model.tableProperty().set(model.tables().stream().filter(t -> t.equalsIgnoreCase("supplier")).findFirst()
                .orElseThrow());
        model.edits().confirmAllHighConfidence();
        Profile onSuppliers = model.profile();

        model.loadProfile(profileFile);
        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("concrete_mix");

        model.edits().undo();

        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("supplier");
        assertThat(model.targetColumns()).extracting(String::toLowerCase)
                .containsExactly("supplier_code", "name", "country");
        assertThat(model.profile()).isEqualTo(onSuppliers);
    }

    @Test
    void aNewFileGetsItsBestTableAndNotThePreviousFilesProfile() throws Exception {
        Path profile = open("ds1-concrete-mix.csv");
        workbench.profileFileProperty().set(profile);
        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("concrete_mix");

        openFile(Files.writeString(home.resolve("suppliers.csv"),
                "Supplier Code,Name,Country\nHOL,Holcim,CH\nHEI,Heidelberg Materials,DE\n"));

        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("supplier");
        assertThat(workbench.profileFileProperty().get()).as("ds1's profile is not offered for it").isNull();
    }

    @Test
    void thePreviewShowsValuesThatDoNotConvert() {
        open("ds1-concrete-mix.csv");
        MappingRow castDate = row("Cast Date");
        assertThat(model.previewProperty().get().problems()).isZero();

        model.edits().setTransforms(castDate, List.of(new TransformSpec("date", null, null, null, null, null, null, null,
                List.of("yyyy-MM-dd"), null, null, null)));

        assertThat(model.previewProperty().get().problems()).isPositive();
        assertThat(model.previewProperty().get().rows().get(0).values().stream()
                .filter(v -> v.hasError()).findFirst().orElseThrow().error()).contains("yyyy-MM-dd");
    }

    @Test
    void theBlockerExplainsAnEmptyMapping() {
        open("ds1-concrete-mix.csv");

        model.rows().forEach(r -> model.edits().setTarget(r, null));

        assertThat(model.blockerProperty().get()).isEqualTo("Map at least one column.");
        assertThat(model.missingRequiredProperty().get()).containsIgnoringCase("mix_code")
                .containsIgnoringCase("cement_kg");
        assertThat(model.validateAndReview()).isFalse();
        assertThat(workbench.profileProperty().get()).isNull();
    }

    @Test
    void aReturnedFileNamesSluicesOwnColumnsApartFromTheOnesTheProfileDoesNotMap() throws Exception {
        Path profileFile = open("ds1-concrete-mix.csv");
        List<String> lines = Files.readAllLines(workbench.sourceFileProperty().get());
        Path returned = Files.write(home.resolve("returned.csv"), List.of(
                lines.get(0) + ",Sluice row,Sluice findings", lines.get(1) + ",2,Cement is missing."));
        openFile(returned);

        model.loadProfile(profileFile);

        assertThat(model.notesProperty().get()).isEqualTo("A column of this file the profile does not map (neither"
                + " checked nor imported): Remarks. Columns Sluice added when it sent these rows back: Sluice row,"
                + " Sluice findings; not imported.");
    }

    @Test
    void choosingAnotherTableSuggestsAMappingOntoIt() {
        open("ds1-concrete-mix.csv");

        model.tableProperty().set(model.tables().stream().filter(t -> t.equalsIgnoreCase("supplier")).findFirst()
                .orElseThrow());

        assertThat(model.targetColumns()).extracting(String::toLowerCase)
                .containsExactly("supplier_code", "name", "country");
        assertThat(model.rows()).filteredOn(MappingRow::isMapped)
                .allMatch(r -> model.targetColumns().contains(r.targetProperty().get()));
    }

    @Test
    void aLoadedProfileWithARuleComparingADateWithATextLoadsWholeAndSaysSoInItsNotes() throws Exception {
        Path profileFile = open("ds1-concrete-mix.csv");
        String json = java.nio.file.Files.readString(profileFile).replaceFirst("\"rules\"\\s*:\\s*\\[",
                "\"rules\": [{\"id\": \"recent\", \"type\": \"expression\", \"expression\":"
                        + " \"cast_date > \\\\\"2021-01-01\\\\\"\"}, ");
        Path withRule = java.nio.file.Files.writeString(home.resolve("recent.profile.json"), json);

        model.loadProfile(withRule);

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.keptRulesProperty().get()).startsWith("8 profile rules kept");
        assertThat(model.notesProperty().get()).isEqualTo("A column of this file the profile does not map (neither"
                + " checked nor imported): Remarks. Rule 'recent' of profile 'ds1-concrete-mix' is kept, but its"
                + " expression compares cast_date (a date) with \"2021-01-01\" (a text) at position 11, which can"
                + " never be computed; write cast_date > DATE(\"2021-01-01\") to compare it with that day.");
    }

    @Test
    void aLoadedProfileAppliesAsConfirmedKeepsItsRulesAndGoesToReview() {
        Path profileFile = open("ds1-concrete-mix.csv");

        model.loadProfile(profileFile);

        assertThat(model.rows()).filteredOn(MappingRow::isMapped).hasSize(14)
                .allMatch(r -> r.confirmedProperty().get());
        assertThat(row("Remarks").isMapped()).isFalse();
        assertThat(model.notesProperty().get()).isEqualTo("A column of this file the profile does not map (neither"
                + " checked nor imported): Remarks.");
        assertThat(model.keptRulesProperty().get()).isEqualTo("7 profile rules kept; the Rules step lists and changes them.");
        assertThat(model.blockerProperty().get()).isNull();
        assertThat(model.profileNameProperty().get()).isEqualTo("ds1-concrete-mix");

        assertThat(model.validateAndReview()).isTrue();

        Profile profile = workbench.profileProperty().get();
        assertThat(profile.rules()).hasSize(7);
        assertThat(profile.legacyId()).isEqualTo("Mix Code");
        assertThat(profile.columns()).hasSize(14);
        assertThat(profile.source().headerRow()).isEqualTo(1);
        assertThat(workbench.profileFileProperty().get()).isEqualTo(profileFile);
        assertThat(workbench.reviewProperty().get()).as("validated into a new review before the step shows")
                .isNotNull().hasParent(home.resolve("reviews")).exists();
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.REVIEW);
    }

    @Test
    void rulesHandsTheProfileOverWithoutValidatingAndTakesBackTheRulesWrittenThere() {
        Path profileFile = open("ds1-concrete-mix.csv");
        model.loadProfile(profileFile);

        assertThat(model.writeRules()).isTrue();

        assertThat(workbench.stepProperty().get()).isEqualTo(Step.RULES);
        assertThat(workbench.reviewProperty().get()).as("nothing validated").isNull();
        Profile handedOver = workbench.profileProperty().get();
        assertThat(handedOver.rules()).hasSize(7);

        workbench.profileProperty().set(handedOver.withRules(handedOver.rules().subList(0, 2)));

        assertThat(model.keptRulesProperty().get()).startsWith("2 profile rules kept");
        assertThat(model.profile().rules()).isEqualTo(handedOver.rules().subList(0, 2));
    }

    @Test
    void aLoadedProfileKeepsItsQualityGatesWhenTheMappingIsEditedAndSaved() {
        Path profileFile = open("ds1-concrete-mix.csv");
        List<GateSpec> gates = List.of(new GateSpec("completeness", new BigDecimal("98"), null, null, "block"),
                new GateSpec("errorRows", null, BigDecimal.ZERO, null, "warn"));
        Profile loaded = ProfileIO.read(profileFile);
        ProfileIO.write(new Profile(loaded.format(), loaded.version(), loaded.name(), loaded.source(), loaded.table(),
                loaded.columns(), loaded.nullMarkers(), loaded.rules(), loaded.naturalKey(), loaded.commitMode(),
                loaded.legacyId(), gates), profileFile);
        model.loadProfile(profileFile);

        model.edits().setTarget(row("Slag (kg/m3)"), null);
        Path saved = home.resolve("edited.profile.json");
        model.saveProfile(saved);

        assertThat(model.profile().gates()).isEqualTo(gates);
        assertThat(ProfileIO.read(saved).gates()).isEqualTo(gates);
    }

    @Test
    void aProfileChangedAfterLoadingIsHandedOnWithoutItsFile() {
        Path profileFile = open("ds1-concrete-mix.csv");
        model.loadProfile(profileFile);

        model.edits().setTarget(row("Remarks"), null);
        model.edits().setTarget(row("Slag (kg/m3)"), null);
        model.validateAndReview();

        assertThat(workbench.profileProperty().get().columns()).hasSize(13);
        assertThat(workbench.profileFileProperty().get()).isNull();
    }

    @Test
    void aProfileOntoSeveralTablesOpensTheMappingPerTableAndTheOneTableGridStaysAsItWas() throws Exception {
        open("ds1-concrete-mix.csv");
        List<String> before = model.rows().stream().map(r -> r.source() + "->" + r.targetProperty().get()).toList();
        Path several = home.resolve(SampleProfiles.LAB_PROFILE);
        ProfileIO.write(SampleProfiles.lab(), several);

        model.loadProfile(several);

        assertThat(model.mapsSeveralTablesProperty().get()).isTrue();
        assertThat(model.severalTables().parts()).hasSize(SampleProfiles.lab().tables().size());
        assertThat(model.severalTables().blockerProperty().get()).isNotNull();
        model.mapOneTable();
        assertThat(model.mapsSeveralTablesProperty().get()).isFalse();
        assertThat(model.rows().stream().map(r -> r.source() + "->" + r.targetProperty().get()).toList())
                .isEqualTo(before);
    }

    @Test
    void aKeptRuleOnAColumnNoLongerMappedBlocksValidationAndSaysWhich() {
        model.loadProfile(open("ds1-concrete-mix.csv"));

        model.edits().setTarget(row("Supplier"), null);

        assertThat(model.blockerProperty().get()).isEqualTo("The profile rule 'supplier-known' is about"
                + " supplier_code, which no column maps now: map a column onto supplier_code again.");
        assertThat(model.validateAndReview()).isFalse();
        assertThat(workbench.reviewProperty().get()).isNull();
    }

    @Test
    void savesTheProfileSoThatItLoadsBackTheSame() {
        open("ds1-concrete-mix.csv");
        model.edits().confirmAllHighConfidence();
        model.rows().stream().filter(r -> r.pendingProperty().get()).forEach(model.edits()::confirm);
        Path file = home.resolve("mine.profile.json");

        model.saveProfile(file);

        Profile saved = ProfileIO.read(file);
        assertThat(saved).isEqualTo(model.profile());
        assertThat(saved.table()).isEqualToIgnoringCase("concrete_mix");
        assertThat(workbench.profileFileProperty().get()).isEqualTo(file);
        assertThat(model.savedFileProperty().get()).isEqualTo(file);
    }

    @Test
    void suggestsDecimalCommaNumbersForTheGermanFile() {
        open("ds2-betonmischungen.csv");

        MappingRow cement = row("Zement (kg/m³)");
        assertThat(cement.targetProperty().get()).isEqualToIgnoringCase("cement_kg");
        assertThat(TransformSettings.of(cement.transformsProperty().get()).decimalComma()).isTrue();
        assertThat(workbench.profileProperty().get()).isNull();
    }

    @Test
    void anotherSourceFileDropsTheProfileLoadedForThePreviousOne() {
        Path profileFile = open("ds1-concrete-mix.csv");
        model.loadProfile(profileFile);

        open("ds2-betonmischungen.csv");

        assertThat(model.keptRulesProperty().get()).isEmpty();
        assertThat(model.profile().rules()).isEmpty();
        assertThat(model.profileNameProperty().get()).isEqualTo("ds2-betonmischungen");
        assertThat(model.savedFileProperty().get()).isNull();
    }

    @Test
    void offersTheSamplesProfileUntilItIsLoadedAndSaysWhatTheScreenShows() {
        Path profile = open("ds1-concrete-mix.csv");
        // as the Source step does for a sample: its profile is the one suggested
        workbench.profileFileProperty().set(profile);

        assertThat(model.subtitleBinding().get()).startsWith("ds1-concrete-mix.csv  →  ")
                .endsWithIgnoringCase("concrete_mix");
        assertThat(model.gridPlaceholderBinding().get()).isEqualTo("Reading the source and the target…");
        assertThat(model.profileFile().suggestedOfferedBinding().get()).isTrue();
        assertThat(model.profileFile().suggestedLabelBinding().get()).isEqualTo("Load " + profile.getFileName());
        assertThat(model.canConfirmAllBinding().get()).isTrue();
        assertThat(model.previewProperty().get().summary()).startsWith("the first " + MappingViewModel.PREVIEW_ROWS
                + " rows as they will be imported");

        model.loadSuggested();

        assertThat(model.savedFileProperty().get()).isEqualTo(profile);
        assertThat(model.profileFile().suggestedOfferedBinding().get()).isFalse();
        assertThat(model.canConfirmAllBinding().get()).as("a loaded profile's mappings are confirmed").isFalse();
        assertThat(model.profileFile().directory()).isEqualTo(profile.toAbsolutePath().getParent());
        assertThat(model.profileFileName()).isEqualTo(model.profileNameProperty().get() + ".profile.json");
        model.goToSource();
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.SOURCE);
    }
}
