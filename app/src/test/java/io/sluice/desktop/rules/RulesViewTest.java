package io.sluice.desktop.rules;

import io.sluice.core.Progress;
import io.sluice.testing.TemporaryProperty;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.usecase.ValidateFile;
import io.sluice.desktop.Questions;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.app.DesktopShell;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rules step through the screens in a small window (1024x700): the concrete-mix sample is mapped with its
 * profile and validated, its water/cement rule deleted and written again from scratch with the keyboard, its
 * preview counted as a full validation counts it, kept and saved with the profile.
 */
@ExtendWith(ApplicationExtension.class)
class RulesViewTest {

    @TempDir
    static Path home;

    private static TemporaryProperty ownHome;
    private DesktopShell shell;

    @BeforeAll
    static void ownDataDirectory() {
        ownHome = TemporaryProperty.set(SluiceHome.PROPERTY, home.toString());
    }

    @AfterAll
    static void restoreDataDirectory() {
        ownHome.close();
    }

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @Test
    void theWaterCementRuleIsWrittenFromScratchPreviewedKeptAndSaved(FxRobot robot) throws Exception {
        robot.clickOn("#sample-0");
        waitFor(() -> !robot.lookup("#next-mapping").queryButton().isDisabled());
        robot.clickOn("#next-mapping");
        waitFor(() -> robot.lookup("#load-suggested-profile").tryQuery()
                .map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.clickOn("#load-suggested-profile");
        waitFor(() -> !robot.lookup("#validate-review").queryButton().isDisabled());
        assertThat(robot.lookup("#kept-rules").queryLabeled().getText()).endsWith("the Rules step lists and changes them.");
        robot.clickOn("#validate-review");
        waitFor(() -> shell.context().workbench().reviewProperty().get() != null);
        Profile sampleProfile = shell.context().workbench().profileProperty().get();
        long expected = rowsFlaggedByTheSampleRule(sampleProfile);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.context().workbench().stepProperty().get()).isEqualTo(Step.RULES);
        TableView<RuleInfo> table = robot.lookup("#rules-table").queryTableView();
        waitFor(() -> table.getItems().stream().anyMatch(r -> !r.editable()));
        screenshot(robot, "rules-1-list");

        RuleInfo check = table.getItems().stream().filter(r -> r.kind().equals("check")).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(check));
        assertThat(label(robot, "#rules-read-only")).isEqualTo(RulesViewModel.READ_ONLY);

        RuleInfo wc = table.getItems().stream().filter(r -> r.id().equals(Ds1Rules.WC_RATIO)).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(wc));
        robot.clickOn("#rules-delete");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Questions.confirm(robot);
        waitFor(() -> table.getItems().stream().noneMatch(r -> r.id().equals(Ds1Rules.WC_RATIO)));

        add(robot, "rules-add-expression");
        robot.clickOn("#rule-id").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write(Ds1Rules.WC_RATIO);
        robot.clickOn("#rule-expression").write("wat");
        waitFor(() -> label(robot, "#rule-expression-completion")
                .equalsIgnoreCase("Ctrl+Space completes: water_kg"));
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL).write(" / cement_kg");
        robot.clickOn("#rule-min").write("0.25");
        robot.clickOn("#rule-max").write("0.80");
        assertThat(robot.lookup("#rule-expression").queryAs(TextField.class).getText())
                .isEqualToIgnoringCase("water_kg / cement_kg");

        try {
            waitFor(() -> label(robot, "#rules-preview-summary").equals("Would flag " + expected + " of 200 rows."));
        } finally {
            screenshot(robot, "rules-2-preview");
        }
        screenshot(robot, "rules-2-preview");
        assertThat(robot.lookup("#rule-min-exclusive").<Boolean>queryComboBox().getButtonCell().getText())
                .isEqualTo("0.25 or more");
        assertThat(robot.lookup("#rule-max-exclusive").<Boolean>queryComboBox().getButtonCell().getText())
                .isEqualTo("0.80 or less");

        robot.clickOn("#rule-max").type(KeyCode.ENTER);
        waitFor(() -> table.getItems().stream().anyMatch(r -> r.id().equals(Ds1Rules.WC_RATIO) && r.editable()));
        assertThat(shell.context().workbench().profileProperty().get().rules())
                .anyMatch(r -> r.id().equals(Ds1Rules.WC_RATIO)
                        && r.expression().equalsIgnoreCase("water_kg / cement_kg"));

        robot.clickOn("#rule-apply");
        waitFor(() -> label(robot, "#rules-status").startsWith("Rule wc-ratio-plausible applied: "));
        long nowInError = Long.parseLong(label(robot, "#rules-status").replaceAll("^Rule [^:]+: ([0-9]+) .*", "$1"));
        screenshot(robot, "rules-5-applied");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#review-grid").tryQuery().map(g -> !((TableView<?>) g).getItems().isEmpty())
                .orElse(false));
        ChoiceBox<Object> statusFilter = robot.lookup("#status-filter").queryAs(ChoiceBox.class);
        robot.interact(() -> statusFilter.getSelectionModel().select(statusFilter.getItems().stream()
                .filter(i -> i.toString().equals("Changed by the last rule")).findFirst().orElseThrow()));
        TableView<?> grid = robot.lookup("#review-grid").queryAs(TableView.class);
        waitFor(() -> grid.getItems().size() == nowInError);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        Path saved = home.resolve("ds1-rules.profile.json");
        RulesView view = (RulesView) robot.lookup("#rules-step").query().getUserData();
        robot.interact(() -> view.model().save(saved));
        waitFor(() -> Files.exists(saved) && saved.equals(shell.context().workbench().profileFileProperty().get()));
        assertThat(ProfileIO.read(saved).rules()).anyMatch(r -> r.id().equals(Ds1Rules.WC_RATIO)
                && r.expression().equalsIgnoreCase("water_kg / cement_kg") && r.min().toPlainString().equals("0.25")
                && r.max().toPlainString().equals("0.80"));
    }

    @Test
    void anInvalidPatternAndBoundsTheWrongWayRoundAreSaidUnderTheForm(FxRobot robot) throws Exception {
        robot.clickOn("#sample-0");
        waitFor(() -> !robot.lookup("#next-mapping").queryButton().isDisabled());
        robot.clickOn("#next-mapping");
        waitFor(() -> robot.lookup("#load-suggested-profile").tryQuery()
                .map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.clickOn("#load-suggested-profile");
        waitFor(() -> !robot.lookup("#mapping-rules").queryButton().isDisabled());
        robot.clickOn("#mapping-rules");
        waitFor(() -> shell.context().workbench().stepProperty().get() == Step.RULES);
        TableView<RuleInfo> table = robot.lookup("#rules-table").queryTableView();
        waitFor(() -> table.getItems().stream().anyMatch(r -> !r.editable()));

        add(robot, "rules-add-pattern");
        robot.interact(() -> view(robot).model().form().columnProperty().set(
                view(robot).model().mappedColumns().get(0)));
        robot.clickOn("#rule-pattern").write("DS[0-9");
        robot.clickOn("#rule-pattern-test").write("DS1");
        waitFor(() -> label(robot, "#rule-problem").startsWith("The regular expression is not valid at character"));
        assertThat(robot.lookup("#rule-keep").queryButton().isDisabled()).isTrue();
        assertThat(label(robot, "#rules-preview-summary")).isEmpty();
        screenshot(robot, "rules-3-invalid-pattern");

        robot.interact(() -> view(robot).model().form().kindProperty().set(RuleKind.RANGE));
        robot.clickOn("#rule-min").write("5");
        robot.clickOn("#rule-max").write("2");
        waitFor(() -> label(robot, "#rule-problem").equals("Min 5 is above max 2, so no value could pass."));
        robot.interact(() -> view(robot).model().form().minProperty().set("1"));
        waitFor(() -> label(robot, "#rules-preview-summary").equals(RuleHitPreview.NEEDS_REVIEW));
        screenshot(robot, "rules-4-no-review");
    }

    private static RulesView view(FxRobot robot) {
        return (RulesView) robot.lookup("#rules-step").query().getUserData();
    }

    private static long rowsFlaggedByTheSampleRule(Profile profile) {
        AtomicLong flagged = new AtomicLong();
        Path source = home.resolve("ds1-concrete-mix.csv");
        try (TargetDatabase db = TargetDatabase.openDefault()) {
            ValidateFile.run(new ValidateFile.Request(Files.exists(source) ? source : findSource(), null, profile,
                    null, null, false), db, row -> {
                if (row.findings().stream().anyMatch(f -> f.rule().equals(Ds1Rules.WC_RATIO))) {
                    flagged.incrementAndGet();
                }
            }, Progress.NONE);
        }
        return flagged.get();
    }

    private static Path findSource() {
        try (var files = Files.walk(home)) {
            return files.filter(p -> p.getFileName().toString().equals("ds1-concrete-mix.csv")).findFirst()
                    .orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String label(FxRobot robot, String query) {
        String text = robot.lookup(query).queryAs(Label.class).getText();
        return text == null ? "" : text;
    }

    /** Chooses an item of the Add rule menu, as Alt+A and the arrow keys would. */
    private static void add(FxRobot robot, String itemId) {
        MenuButton menu = robot.lookup("#rules-add").queryAs(MenuButton.class);
        robot.interact(() -> menu.getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst()
                .orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.take(robot, shell.stage().getScene(), name);
    }

    private void waitFor(BooleanSupplier condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception | AssertionError e) {
            Screenshots.take(new FxRobot(), shell.stage().getScene(), "rules-timed-out");
            throw e;
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
