package io.sluice.desktop.rules;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.review.ColumnStats;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Debounce;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rules step on the lab workbook's profile onto several tables ({@code ds4-lab.profile.json}): a table chooser
 * with the profile's tables, the rules of the chosen table, a rule on {@code mix_component} previewed on the rows
 * of the Mixes sheet of the workbook review, applied as one undoable step of that sheet, and saved into the
 * version-2 profile; a table the profile does not map is answered with the tables it maps.
 */
class RulesOnSeveralTablesTest {

    private static final String DOSE_CAP = "dose-cap";

    @TempDir
    Path home;

    private final Workbench workbench = new Workbench();
    private final List<Throwable> failures = new ArrayList<>();
    private final TaskRunner tasks = SyncTasks.runner(failures);
    private final List<Runnable> pending = new ArrayList<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private RulesViewModel vm;
    private ReviewValidation validation;

    private void openTheLabWorkbook() {
        Samples.Sample lab = Samples.all().stream().filter(s -> s.fileName().equals("ds4-lab-workbook.xlsx"))
                .findFirst().orElseThrow();
        workbench.sourceFileProperty().set(Samples.extract(lab, home));
        workbench.profileProperty().set(ProfileIO.read(Samples.profileOf(lab, home)));
        validation = new ReviewValidation(workbench, tasks, new DesktopSettings(), home.resolve("reviews"),
                (title, error) -> failures.add(error));
        Debounce.Delay byHand = (wait, action) -> {
            pending.add(action);
            return () -> pending.remove(action);
        };
        vm = new RulesViewModel(workbench, tasks, dialogs, byHand);
    }

    private void pause() {
        List.copyOf(pending).forEach(Runnable::run);
        pending.clear();
    }

    private static List<RuleSpec> rulesOf(Profile profile, String table) {
        return profile.tables().stream().filter(t -> t.table().equals(table)).findFirst()
                .map(TableMapping::rules).orElseThrow();
    }

    private void writeTheDoseCap() {
        vm.add(RuleKind.RANGE);
        vm.form().idProperty().set(DOSE_CAP);
        vm.form().columnProperty().set("dosage_kg");
        vm.form().maxProperty().set("100");
    }

    @Test
    void theTablesOfTheProfileAreOfferedAndTheChosenOnesRulesListed() {
        openTheLabWorkbook();
        vm.refresh();

        assertThat(vm.ruleTables().tables()).containsExactly("material", "supplier", "concrete_mix",
                "mix_component", "strength_test");
        assertThat(vm.ruleTables().chosenProperty().get()).isEqualTo("material");

        assertThat(vm.chooseTable("MIX_COMPONENT")).isTrue();

        assertThat(vm.ruleTables().chosenProperty().get()).isEqualTo("mix_component");
        assertThat(vm.mappedColumns()).containsExactly("mix_id", "material_id", "dosage_kg");
        assertThat(vm.rules()).extracting(RuleInfo::id).contains("check:CK_COMPONENT_DOSAGE", "duplicate-key")
                .doesNotContain("fk");
        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void theStepOpensOnATableOfTheWorkbookSheetTheReviewShowsAndKeepsTheStewardsOwnChoice() {
        openTheLabWorkbook();
        workbench.reviewedSheetProperty().set("Mixes");
        vm.refresh();
        assertThat(vm.ruleTables().chosenProperty().get()).isEqualTo("concrete_mix");

        assertThat(vm.chooseTable("strength_test")).isTrue();
        vm.refresh();
        assertThat(vm.ruleTables().chosenProperty().get()).as("the steward's own choice, the same sheet shown")
                .isEqualTo("strength_test");

        workbench.reviewedSheetProperty().set("Suppliers");
        vm.refresh();
        assertThat(vm.ruleTables().chosenProperty().get()).isEqualTo("supplier");
        assertThat(vm.rules()).extracting(RuleInfo::id).doesNotContain("check:CK_COMPONENT_DOSAGE");

        // a rule being written is not left for the sheet shown
        vm.add(RuleKind.REQUIRED);
        vm.form().idProperty().set("named");
        workbench.reviewedSheetProperty().set("Materials");
        vm.refresh();
        assertThat(vm.ruleTables().chosenProperty().get()).isEqualTo("supplier");
        assertThat(dialogs.asked()).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void aTableTheProfileDoesNotMapIsAnsweredWithTheTablesItMaps() {
        openTheLabWorkbook();
        vm.refresh();
        vm.chooseTable("concrete_mix");

        assertThat(vm.chooseTable("mix_components")).isFalse();

        assertThat(vm.statusProperty().get()).isEqualTo("Profile 'ds4-lab-workbook' maps no table 'mix_components'"
                + " (its tables: material, supplier, concrete_mix, mix_component, strength_test).");
        assertThat(vm.ruleTables().chosenProperty().get()).isEqualTo("concrete_mix");
    }

    @Test
    void aRuleOnMixComponentIsPreviewedOnTheMixesSheetAppliedAsOneStepOfItUndoneAndSavedIntoTheProfile()
            throws Exception {
        openTheLabWorkbook();
        validation.start();
        Path review = workbench.reviewProperty().get();
        assertThat(review).as(failures.toString()).isNotNull();
        vm.refresh();
        vm.chooseTable("mix_component");

        writeTheDoseCap();
        pause();

        String preview = vm.preview().summaryProperty().get();
        assertThat(preview).matches("Would flag [1-9][0-9]* of 40 rows\\.");
        assertThat(vm.preview().examples()).isNotEmpty().allMatch(e -> e.message().contains("100"));

        vm.apply();

        assertThat(vm.statusProperty().get()).as(failures.toString()).startsWith("Rule dose-cap applied: ");
        assertThat(rulesOf(workbench.profileProperty().get(), "mix_component")).extracting(RuleSet::idOf)
                .containsExactly(DOSE_CAP);
        assertThat(rulesOf(workbench.profileProperty().get(), "concrete_mix")).extracting(RuleSet::idOf)
                .doesNotContain(DOSE_CAP);
        try (OpenWorkbookReview workbook = OpenWorkbookReview.open(review, TargetChoice.embedded()::open)) {
            assertThat(rulesOf(workbook.profile(), "mix_component")).extracting(RuleSet::idOf)
                    .containsExactly(DOSE_CAP);
            assertThat(workbook.undo("Mixes")).isTrue();
            assertThat(rulesOf(workbook.profile(), "mix_component")).isEmpty();
        }

        Path saved = home.resolve("lab-with-cap.profile.json");
        vm.save(saved);
        Profile written = ProfileIO.read(saved);
        assertThat(written.mapsSeveralTables()).isTrue();
        assertThat(rulesOf(written, "mix_component")).extracting(RuleSet::idOf).containsExactly(DOSE_CAP);
        assertThat(failures).isEmpty();
    }

    @Test
    void deletingTheRuleTakesItsFindingsOutOfTheSheetAsOneStep() {
        openTheLabWorkbook();
        validation.start();
        Path review = workbench.reviewProperty().get();
        vm.refresh();
        vm.chooseTable("mix_component");
        writeTheDoseCap();
        vm.apply();
        assertThat(vm.statusProperty().get()).as(failures.toString()).startsWith("Rule dose-cap applied: ");
        RuleInfo kept = vm.rules().stream().filter(r -> r.id().equals(DOSE_CAP)).findFirst().orElseThrow();
        vm.select(kept);
        dialogs.formNext(RulesViewModel.TAKE_OUT);

        vm.delete();

        assertThat(vm.statusProperty().get()).startsWith("Rule dose-cap deleted and its findings taken out of the"
                + " review: ");
        assertThat(rulesOf(workbench.profileProperty().get(), "mix_component")).isEmpty();
        try (OpenWorkbookReview workbook = OpenWorkbookReview.open(review, TargetChoice.embedded()::open)) {
            assertThat(rulesOf(workbook.profile(), "mix_component")).isEmpty();
            // the removal is a step of the Mixes sheet: its undo puts the rule back
            assertThat(workbook.undo("Mixes")).isTrue();
            assertThat(rulesOf(workbook.profile(), "mix_component")).extracting(RuleSet::idOf)
                    .containsExactly(DOSE_CAP);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theAllowedValuesComeFromTheSheetFeedingTheTableAndTheValueOnOneRowSaysWhereItIsWorkedOut() {
        openTheLabWorkbook();
        validation.start();
        vm.refresh();
        vm.chooseTable("supplier");
        vm.add(RuleKind.ALLOWED);
        vm.form().columnProperty().set("country");

        vm.readColumnValues();

        assertThat(vm.statusProperty().get()).isEmpty();
        assertThat(vm.columnValues()).extracting(ColumnStats.ValueCount::value).isNotEmpty()
                .allMatch(v -> v == null || v.strip().length() <= 3);
        vm.add(RuleKind.EXPRESSION);
        vm.form().expressionProperty().set("dosage_kg > 0");
        vm.expressionTryout().rowToTryProperty().set("2");
        vm.expressionTryout().evaluateOnRow();
        assertThat(vm.expressionTryout().rowValueProperty().get()).isEqualTo("The value on one row is worked out on"
                + " the review of one sheet; on a workbook review the hit preview lists the rows the rule flags.");
        assertThat(failures).isEmpty();
    }

    @Test
    void anotherTableWaitsForTheFormsChangesToBeKeptOrDiscarded() {
        openTheLabWorkbook();
        vm.refresh();
        vm.chooseTable("mix_component");
        writeTheDoseCap();
        dialogs.declineNext();

        assertThat(vm.chooseTable("supplier")).isFalse();

        assertThat(vm.ruleTables().chosenProperty().get()).isEqualTo("mix_component");
        assertThat(vm.form().idProperty().get()).isEqualTo(DOSE_CAP);
        assertThat(vm.keep()).isTrue();
        assertThat(vm.chooseTable("supplier")).isTrue();
        assertThat(vm.rules()).noneMatch(r -> r.id().equals(DOSE_CAP));
        assertThat(vm.chooseTable("mix_component")).isTrue();
        assertThat(vm.rules()).anyMatch(r -> r.editable() && r.id().equals(DOSE_CAP));
        assertThat(rulesOf(workbench.profileProperty().get(), "mix_component")).extracting(RuleSet::idOf)
                .containsExactly(DOSE_CAP);
    }
}
