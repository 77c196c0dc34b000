package io.sluice.desktop.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.profile.TableReference;
import io.sluice.core.profile.TransformSpec;
import io.sluice.core.profile.Unpivot;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.Sources;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.rules.RulesViewModel;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.sluice.core.usecase.ValidateWorkbookReview;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

class TablesMappingViewModelTest {

    private static final TestDatabases.Database H2 = TestDatabases.h2Mem();
    private static final String WORKBOOK = "ds4-lab-workbook.xlsx";

    @TempDir
    Path home;

    private Workbench workbench;
    private MappingViewModel mapping;
    private TablesMappingViewModel model;
    private ReviewValidation validation;
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
        validation = new ReviewValidation(workbench, tasks, new DesktopSettings(), home.resolve("reviews"),
                (title, error) -> { });
        mapping = new MappingViewModel(workbench, tasks, dialogs, validation);
        model = mapping.severalTables();
    }

    /** Opens the lab workbook as the Source step leaves it; returns its version-2 profile's file. */
    private Path openWorkbook() {
        Samples.Sample sample = Samples.all().stream().filter(s -> s.fileName().equals(WORKBOOK)).findFirst()
                .orElseThrow();
        Path file = Samples.extract(sample, home);
        workbench.openSource(file);
        SourceOptions options = new SourceOptions(null, null, false, null, null);
        workbench.inspectionProperty().set(Sources.inspect(file, options));
        workbench.sourceOptionsProperty().set(options.withHeaderRow((int) workbench.inspectionProperty().get()
                .headerRow()));
        mapping.refresh();
        return Samples.profileOf(sample, home);
    }

    /** Opens the workbook with the sample profile changed by {@code change}, written next to it. */
    private void openWith(UnaryOperator<List<TableMapping>> change) {
        Path sampleProfile = openWorkbook();
        Profile lab = ProfileIO.read(sampleProfile);
        Path changed = home.resolve("changed.profile.json");
        ProfileIO.write(Profile.ofTables(lab.name(), lab.nullMarkers(), change.apply(new ArrayList<>(lab.tables())),
                lab.gates()), changed);
        mapping.loadProfile(changed);
    }

    private TablePart part(String table) {
        return model.parts().stream().filter(p -> p.table().equals(table)).findFirst().orElseThrow();
    }

    private TableMapping partOf(Profile profile, String table) {
        return profile.tables().stream().filter(p -> p.table().equals(table)).findFirst().orElseThrow();
    }

    @Test
    void readingAProfileOrSuggestingStoppedWithCancelSaysSoInsteadOfLoadingForEver() {
        HeldTasks background = new HeldTasks();
        TaskRunner tasks = HeldTasks.runner(background);
        mapping = new MappingViewModel(workbench, tasks, dialogs, validation);
        model = mapping.severalTables();
        background.release();
        Path sampleProfile = openWorkbook();

        background.hold();
        mapping.loadProfile(sampleProfile);
        // the profile file is read first; then the workbook's sheets and the target's tables
        while (!model.loadingProperty().get() && !background.waiting().isEmpty()) {
            background.runNext();
        }
        assertThat(model.loadingProperty().get()).isTrue();
        tasks.active().stream().filter(TaskHandle::visible).forEach(TaskHandle::cancel);
        background.runAll();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.parts()).isEmpty();
        assertThat(model.blockerProperty().get()).isEqualTo("Reading the sheets and tables of profile "
                + ProfileIO.read(sampleProfile).name() + " was cancelled; load the profile again to map the workbook"
                + " with it.");

        mapping.loadProfile(sampleProfile);
        assertThat(model.parts()).hasSize(5);
        assertThat(model.blockerProperty().get()).isNull();

        background.hold();
        model.suggest();
        tasks.active().stream().filter(TaskHandle::visible).forEach(TaskHandle::cancel);
        background.runAll();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.blockerProperty().get()).startsWith("Suggesting a mapping onto material, supplier,")
                .endsWith(" was cancelled; suggest again to map the workbook onto them.");
    }

    @Test
    void aVersionTwoProfileShowsOneMappingPerTableAndSavesBackAsItWasRead() throws Exception {
        Path sampleProfile = openWorkbook();

        mapping.loadProfile(sampleProfile);

        assertThat(mapping.mapsSeveralTablesProperty().get()).isTrue();
        assertThat(model.parts()).extracting(TablePart::table)
                .containsExactly("material", "supplier", "concrete_mix", "mix_component", "strength_test");
        assertThat(model.parts()).extracting(p -> p.sheetProperty().get())
                .containsExactly("Materials", "Suppliers", "Mixes", "Mixes", "Mixes");
        assertThat(model.sheets()).containsExactly("Materials", "Suppliers", "Mixes");
        TablePart mixes = part("concrete_mix");
        assertThat(mixes.rows()).filteredOn(MappingRow::isMapped).allMatch(r -> r.confirmedProperty().get());
        assertThat(mixes.naturalKey()).containsExactly("mix_code");
        assertThat(part("material").commitModeProperty().get()).isEqualTo("skip-existing");
        assertThat(part("mix_component").unpivot().columns()).hasSize(8).contains("Fly Ash (kg/m3)");
        assertThat(part("mix_component").unpivot().headerValue("Fly Ash (kg/m3)")).isEqualTo("Fly ash");
        assertThat(model.orderProperty().get()).isEqualTo("Written in this order: material → supplier"
                + " → concrete_mix → mix_component → strength_test");
        assertThat(model.parts()).allMatch(p -> p.problemProperty().get() == null);
        assertThat(model.blockerProperty().get()).isNull();
        assertThat(mapping.savedFileProperty().get()).as("the profile shown is the file's").isEqualTo(sampleProfile);

        Path saved = home.resolve("saved.profile.json");
        model.saveProfile(saved);

        ObjectMapper json = new ObjectMapper();
        JsonNode read = json.readTree(sampleProfile.toFile());
        JsonNode written = json.readTree(saved.toFile());
        assertThat(written).isEqualTo(read);
    }

    @Test
    void rulesFromTheMappingOfSeveralTablesShowsTheRulesStepWithTheProfilesTables() {
        mapping.loadProfile(openWorkbook());
        RulesViewModel rules = new RulesViewModel(workbench, SyncTasks.runner(), dialogs, (wait, action) -> () -> { });

        assertThat(model.writeRules()).isTrue();

        assertThat(workbench.stepProperty().get()).isEqualTo(Step.RULES);
        assertThat(workbench.profileProperty().get().mapsSeveralTables()).isTrue();
        rules.refresh();
        assertThat(rules.ruleTables().tables()).containsExactly("material", "supplier", "concrete_mix",
                "mix_component", "strength_test");
        assertThat(rules.chooseTable("concrete_mix")).isTrue();
        assertThat(rules.rules()).anyMatch(r -> r.editable() && r.id().equals("strength-plausible"));
    }

    @Test
    void thePreviewShowsTheChildRowsTheFirstSourceRowsMake() {
        mapping.loadProfile(openWorkbook());

        model.selectedProperty().set(part("mix_component"));

        MappingPreview preview = part("mix_component").previewProperty().get();
        assertThat(part("mix_component").previewErrorProperty().get()).isNull();
        assertThat(preview.columns()).extracting(String::toLowerCase)
                .containsExactly("mix_id", "material_id", "dosage_kg");
        assertThat(preview.rows().size()).isGreaterThan(TablesSources.PREVIEW_SOURCE_ROWS);
        assertThat(preview.rows().get(0).values().get(1).value()).isEqualTo("Cement");
        assertThat(preview.rows().stream().map(r -> r.values().get(1).value()).toList()).contains("Fly ash");
    }

    @Test
    void anUnpivotEditedOnScreenIsTheProfilesUnpivot() throws Exception {
        mapping.loadProfile(openWorkbook());
        model.selectedProperty().set(part("mix_component"));
        UnpivotEditor unpivot = part("mix_component").unpivot();

        unpivot.choose("Cement added on site (kg/m3)", false);
        unpivot.setHeaderValue("Fly Ash (kg/m3)", "Fly ash (class F)");
        unpivot.valueTransformsProperty().set(List.of(TransformSpec.of("trim")));

        Unpivot edited = partOf(model.profile(), "mix_component").unpivot();
        assertThat(edited.columns()).hasSize(7).doesNotContain("Cement added on site (kg/m3)");
        assertThat(edited.header().target()).isEqualTo("material_id");
        assertThat(edited.header().transforms()).singleElement().satisfies(t -> {
            assertThat(t.op()).isEqualTo("map");
            assertThat(t.map()).containsEntry("Fly Ash (kg/m3)", "Fly ash (class F)")
                    .doesNotContainKey("Cement added on site (kg/m3)").hasSize(7);
        });
        assertThat(edited.value().transforms()).containsExactly(TransformSpec.of("trim"));
        assertThat(part("mix_component").previewProperty().get().rows().stream()
                .map(r -> r.values().get(1).value()).toList()).contains("Fly ash (class F)");

        unpivot.enabledProperty().set(false);
        assertThat(part("mix_component").problemProperty().get()).isEqualTo("Table mix_component: natural key"
                + " column material_id is not mapped, so no row would have a key (mapped: mix_id).");
        assertThat(partOf(model.profile(), "mix_component").unpivot()).isNull();
    }

    @Test
    void aReferenceTakenAwayAndProposedAgainFromTheTargetsForeignKeysGivesTheProfileBack() {
        Path sampleProfile = openWorkbook();
        mapping.loadProfile(sampleProfile);
        TablePart components = part("mix_component");

        components.setReference("material_id", null, null);

        assertThat(partOf(model.profile(), "mix_component").references()).extracting(TableReference::column)
                .containsExactly("mix_id");
        assertThat(model.orderProperty().get()).isEqualTo("Written in this order: material → supplier"
                + " → concrete_mix → mix_component → strength_test");

        assertThat(model.addForeignKeyReferences(components)).isEqualTo(1);

        assertThat(partOf(model.profile(), "mix_component").references())
                .containsExactly(new TableReference("mix_id", "concrete_mix", null),
                        new TableReference("material_id", "material", null));
        assertThat(model.profile()).isEqualTo(ProfileIO.read(sampleProfile));
        assertThat(model.parentKeyOf(components.references().get(1))).isEqualTo("name");
    }

    @Test
    void aForeignKeyProposesTheReferenceOntoThePartOfItsParentsOwnSchemaNotOneOfTheSameName() throws Exception {
        TestDatabases.Database database = TestDatabases.h2Mem();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA lab");
            s.execute("CREATE SCHEMA ref");
            s.execute("CREATE TABLE material (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " code VARCHAR(10) NOT NULL UNIQUE)");
            s.execute("CREATE TABLE ref.material (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " code VARCHAR(10) NOT NULL UNIQUE)");
            s.execute("CREATE TABLE lab.sample_test (sample_id VARCHAR(10) PRIMARY KEY,"
                    + " material_id INT NOT NULL REFERENCES ref.material (id))");
        }
        workbench.targetProperty().set(new TargetChoice("Schemas H2", database.url(), database.user(),
                database.password()));
        Path file = home.resolve("samples.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet materials = wb.createSheet("Materials");
            materials.createRow(0).createCell(0).setCellValue("Code");
            materials.createRow(1).createCell(0).setCellValue("CEM-1");
            Sheet samples = wb.createSheet("Sample tests");
            samples.createRow(0).createCell(0).setCellValue("Sample Id");
            samples.getRow(0).createCell(1).setCellValue("Material");
            samples.createRow(1).createCell(0).setCellValue("S1");
            samples.getRow(1).createCell(1).setCellValue("CEM-1");
            wb.write(out);
        }
        workbench.openSource(file);
        SourceOptions options = new SourceOptions(null, null, false, null, null);
        workbench.inspectionProperty().set(Sources.inspect(file, options));
        workbench.sourceOptionsProperty().set(options.withHeaderRow(1));
        mapping.refresh();
        Path profile = home.resolve("samples.profile.json");
        SourceSettings fromMaterials = new SourceSettings("Materials", 1, null, null);
        ProfileIO.write(Profile.ofTables("samples", null, List.of(
                new TableMapping("material", fromMaterials, List.of(ColumnMapping.of("Code", "code")), null, null,
                        List.of("code"), "skip-existing", null, null),
                new TableMapping("ref.material", fromMaterials, List.of(ColumnMapping.of("Code", "code")), null,
                        null, List.of("code"), "skip-existing", null, null),
                new TableMapping("lab.sample_test", new SourceSettings("Sample tests", 1, null, null),
                        List.of(ColumnMapping.of("Sample Id", "sample_id"), ColumnMapping.of("Material",
                                "material_id")), null, null, List.of("sample_id"), "insert", null, null)), null),
                profile);
        mapping.loadProfile(profile);

        assertThat(model.addForeignKeyReferences(part("lab.sample_test"))).isEqualTo(1);

        assertThat(partOf(model.profile(), "lab.sample_test").references())
                .containsExactly(new TableReference("material_id", "ref.material", null));
    }

    @Test
    void aReferenceThroughAColumnThatIsNotTheParentsNaturalKeyIsASentenceOnTheChild() {
        mapping.loadProfile(openWorkbook());
        TablePart components = part("mix_component");
        assertThat(model.keyChoices("material")).first().isEqualTo("name");
        String materialClass = model.keyChoices("material").stream().filter("material_class"::equalsIgnoreCase)
                .findFirst().orElseThrow();

        components.setReference("material_id", "material", materialClass);

        assertThat(partOf(model.profile(), "mix_component").referenceOf("material_id").orElseThrow().key())
                .containsExactly(materialClass);
        assertThat(components.problemProperty().get()).isEqualTo("Reference mix_component.material_id goes"
                + " through material." + materialClass + ", which is not that table's natural key (name).");
        assertThat(part("material").problemProperty().get()).isNull();
        assertThat(model.blockerProperty().get()).isEqualTo(components.problemProperty().get());

        components.setReference("material_id", "material", "name");
        assertThat(components.problemProperty().get()).isNull();
    }

    @Test
    void referencesThatGoRoundAreOneSentenceAndNoOrderIsShown() {
        mapping.loadProfile(openWorkbook());

        part("supplier").setReference("name", "concrete_mix", null);

        String sentence = "The references among tables supplier, concrete_mix go round in a cycle (supplier →"
                + " concrete_mix → supplier), so no table can be written first: take one of these references away.";
        assertThat(model.cycleProperty().get()).isEqualTo(sentence);
        assertThat(model.orderProperty().get()).isEmpty();
        assertThat(model.blockerProperty().get()).isEqualTo(sentence);
        assertThat(model.validateAndReview()).isFalse();
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.SOURCE);

        part("supplier").setReference("name", null, null);
        assertThat(model.cycleProperty().get()).isNull();
        assertThat(model.blockerProperty().get()).isNull();
    }

    @Test
    void aSheetMissingFromTheWorkbookIsASentenceOnItsTableUntilAnotherIsChosen() throws Exception {
        openWith(parts -> {
            TableMapping mixes = parts.get(2);
            parts.set(2, new TableMapping(mixes.table(), new io.sluice.core.profile.SourceSettings("Mixtures", 1,
                    null, null), mixes.columns(), mixes.unpivot(), mixes.references(), mixes.naturalKey(),
                    mixes.commitMode(), mixes.rules(), mixes.legacyId()));
            return parts;
        });

        TablePart mixes = part("concrete_mix");
        assertThat(mixes.problemProperty().get()).isEqualTo("Sheet 'Mixtures', which feeds table concrete_mix, is"
                + " not in " + WORKBOOK + "; choose one of its sheets: Materials, Suppliers, Mixes.");
        assertThat(part("material").problemProperty().get()).isNull();
        assertThat(model.blockerProperty().get()).isEqualTo(mixes.problemProperty().get());
        assertThat(partOf(model.profile(), "concrete_mix").columns()).as("nothing lost while the sheet is missing")
                .hasSize(12);

        mixes.sheetProperty().set("Mixes");

        assertThat(mixes.problemProperty().get()).isNull();
        assertThat(mixes.rows()).filteredOn(MappingRow::isMapped).hasSize(11);
        assertThat(partOf(model.profile(), "concrete_mix").columns()).hasSize(12);
        assertThat(model.blockerProperty().get()).isNull();
    }

    @Test
    void aColumnOfASheetThatNoTableOfTheProfileMapsIsNamedInTheNotes() {
        mapping.loadProfile(openWorkbook());
        assertThat(model.notesProperty().get()).as("the sample profile maps every column").isEmpty();

        openWith(parts -> {
            TableMapping mixes = parts.get(2);
            parts.set(2, new TableMapping(mixes.table(), mixes.source(), mixes.columns().stream()
                    .filter(c -> !"Cast Date".equals(c.source())).toList(), mixes.unpivot(), mixes.references(),
                    mixes.naturalKey(), mixes.commitMode(), mixes.rules(), mixes.legacyId()));
            return parts;
        });

        assertThat(model.notesProperty().get()).isEqualTo("A column of sheet Mixes the profile does not map"
                + " (neither checked nor imported): Cast Date.");
    }

    @Test
    void aTableMissingFromTheTargetIsASentenceOnItsTableAndItsPartIsKept() {
        openWith(parts -> {
            TableMapping tests = parts.get(4);
            parts.set(4, new TableMapping("strength_result", tests.source(), tests.columns(), tests.unpivot(),
                    tests.references(), tests.naturalKey(), tests.commitMode(), tests.rules(), tests.legacyId()));
            return parts;
        });

        TablePart missing = part("strength_result");
        assertThat(missing.problemProperty().get()).startsWith("Table strength_result is not in the target Test H2")
                .endsWith("; choose another target, or remove the table from the profile.");
        assertThat(model.blockerProperty().get()).isEqualTo(missing.problemProperty().get());
        assertThat(partOf(model.profile(), "strength_result").unpivot().columns()).hasSize(2);
        assertThat(model.validateAndReview()).isFalse();
    }

    @Test
    void anotherTargetReadsTheSameTablesAgainAndNamesThoseItLacks() throws Exception {
        mapping.loadProfile(openWorkbook());
        Profile before = model.profile();
        TestDatabases.Database empty = TestDatabases.h2Mem();
        TestDatabases.Database missing = TestDatabases.h2Mem();
        try (var created = java.sql.DriverManager.getConnection(empty.url(), empty.user(), empty.password())) {
            assertThat(created.isValid(1)).isTrue();
        }

        workbench.targetProperty().set(new TargetChoice("Missing H2", missing.url(), missing.user(),
                missing.password()));

        assertThat(model.errorProperty().get()).startsWith("There is no H2 database named");
        assertThat(model.blockerProperty().get()).as("tables read from another target hold nothing back")
                .isEqualTo(model.errorProperty().get());
        assertThat(model.validateAndReview()).isFalse();

        workbench.targetProperty().set(new TargetChoice("Empty H2", empty.url(), empty.user(), empty.password()));

        assertThat(mapping.mapsSeveralTablesProperty().get()).isTrue();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.parts()).allSatisfy(p -> assertThat(p.problemProperty().get())
                .startsWith("Table " + p.table() + " is not in the target Empty H2"));
        assertThat(model.profile()).as("nothing of the mapping lost").isEqualTo(before);
        assertThat(model.validateAndReview()).isFalse();
    }

    @Test
    void tablesPickedFromTheTargetGetASuggestionPerTableThatWaitsForConfirmation() {
        openWorkbook();
        mapping.mapSeveralTables();
        assertThat(model.targetTables()).extracting(String::toLowerCase).contains("material", "concrete_mix");

        model.pickedTables().setAll(List.of("material", "concrete_mix").stream().map(t -> model.targetTables()
                .stream().filter(t::equalsIgnoreCase).findFirst().orElseThrow()).toList());
        model.suggest();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.parts()).extracting(p -> p.table().toLowerCase()).containsExactly("material",
                "concrete_mix");
        assertThat(model.parts()).extracting(p -> p.sheetProperty().get()).allMatch(model.sheets()::contains);
        TablePart mixes = model.parts().get(1);
        assertThat(mixes.sheetProperty().get()).isEqualTo("Mixes");
        assertThat(mixes.rows()).anyMatch(r -> r.pendingProperty().get());
        assertThat(model.blockerProperty().get()).startsWith("Table ").contains(": confirm the ");

        TablePart materials = model.parts().get(0);
        materials.sheetProperty().set("Materials");
        assertThat(materials.sheetColumns()).contains("Material", "Class");
        String name = materials.targetColumns().stream().filter("name"::equalsIgnoreCase).findFirst().orElseThrow();
        materials.edits().setTarget(materials.rows().stream().filter(r -> r.source().equals("Material"))
                .findFirst().orElseThrow(), name);
        materials.setNaturalKey(name);
        model.parts().forEach(p -> p.rows().stream().filter(r -> r.pendingProperty().get())
                .forEach(p.edits()::confirm));

        assertThat(materials.problemProperty().get()).isNull();
        assertThat(partOf(model.profile(), materials.table()).source().sheet()).isEqualTo("Materials");
        assertThat(model.parts()).allMatch(p -> p.problemProperty().get() == null || !p.problemProperty().get()
                .contains("pending"));
    }

    @Test
    void pickingOneTableIsRefusedInOneSentence() {
        openWorkbook();
        mapping.mapSeveralTables();
        model.pickedTables().setAll(model.targetTables().get(0));

        model.suggest();

        assertThat(model.errorProperty().get()).isEqualTo("Pick at least two tables to map the workbook onto; for"
                + " one table, use the mapping onto one table.");
        assertThat(model.parts()).isEmpty();
    }

    @Test
    void goingOnHandsTheVersionTwoProfileToTheReviewsValidation() {
        Path sampleProfile = openWorkbook();
        mapping.loadProfile(sampleProfile);
        List<Profile> validated = new ArrayList<>();
        validation.runningProperty().addListener((obs, was, running) -> {
            if (running) {
                validated.add(workbench.profileProperty().get());
            }
        });

        assertThat(model.validateAndReview()).isTrue();

        assertThat(validated).as("the Review step's validation started with the profile on screen")
                .containsExactly(ProfileIO.read(sampleProfile));
        assertThat(workbench.profileFileProperty().get()).isEqualTo(sampleProfile);
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.REVIEW);
        assertThat(validation.outcomeProperty().get()).isEmpty();
        Path review = workbench.reviewProperty().get();
        assertThat(review.getParent()).isEqualTo(home.resolve("reviews"));
        assertThat(ValidateWorkbookReview.isWorkbookReview(review)).as("a review per sheet, listed by " + review)
                .isTrue();
    }
}
