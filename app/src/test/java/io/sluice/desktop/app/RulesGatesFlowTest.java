package io.sluice.desktop.app;

import io.sluice.core.Progress;
import io.sluice.testing.TemporaryProperty;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.usecase.ValidateFile;
import io.sluice.desktop.Questions;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.rules.RuleKind;
import io.sluice.desktop.rules.RulesView;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule written in the Rules step decides a commit through a quality gate, through the screens only: the
 * concrete-mix sample is validated into a review, a cement range rule is previewed (counting what a full validation
 * counts) and applied, the valid rows approved, a blocking completeness gate above the review's completeness refuses
 * the commit with its sentence, the gate lowered lets it go, and the History step's quality trend draws the batch's
 * scores with the gate's line.
 */
@ExtendWith(ApplicationExtension.class)
class RulesGatesFlowTest {

    private static final String RULE = "range-cement-kg";
    private static final Pattern COMPLETENESS = Pattern.compile("completeness is ([0-9.]+)%");

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
    void aRuleAppliedInTheRulesStepAndACompletenessGateDecideTheCommitAndShowInTheTrend(FxRobot robot)
            throws Exception {
        robot.clickOn("#sample-0");
        waitFor(() -> !robot.lookup("#next-mapping").queryButton().isDisabled());
        robot.clickOn("#next-mapping");
        waitFor(() -> robot.lookup("#load-suggested-profile").tryQuery()
                .map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.clickOn("#load-suggested-profile");
        waitFor(() -> !robot.lookup("#validate-review").queryButton().isDisabled());
        robot.clickOn("#validate-review");
        waitFor(() -> "Pending 200".equals(label(robot, "#count-pending")));
        Path review = shell.context().workbench().reviewProperty().get();

        // the Rules step: a cement range rule, previewed as a full validation counts it
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.context().workbench().stepProperty().get()).isEqualTo(Step.RULES);
        RulesView rules = (RulesView) robot.lookup("#rules-step").query().getUserData();
        waitFor(() -> rules.model().rules().stream().anyMatch(r -> !r.editable()));
        robot.interact(() -> rules.model().add(RuleKind.RANGE));
        ComboBox<String> column = robot.lookup("#rule-column").queryComboBox();
        robot.interact(() -> column.setValue(column.getItems().stream().filter(c -> c.equalsIgnoreCase("cement_kg"))
                .findFirst().orElseThrow()));
        robot.clickOn("#rule-max").write("300");
        assertThat(rules.model().form().effectiveId()).isEqualTo(RULE);
        List<RuleSpec> withRule = new ArrayList<>(shell.context().workbench().profileProperty().get().rules());
        withRule.add(rules.model().form().toSpec());
        long expected = rowsFlagged(shell.context().workbench().profileProperty().get().withRules(withRule));
        assertThat(expected).isPositive();
        waitFor(() -> label(robot, "#rules-preview-summary").equals("Would flag " + expected + " of 200 rows."));
        screenshot(robot, "flow-gates-1-rule-preview");

        robot.clickOn("#rule-apply");
        waitFor(() -> label(robot, "#rules-status").startsWith("Rule " + RULE + " applied: "));
        long nowInError = Long.parseLong(label(robot, "#rules-status").replaceAll("^Rule [^:]+: ([0-9,]+) .*", "$1")
                .replace(",", ""));
        assertThat(nowInError).as("rows the rule put into error").isPositive();
        assertThat(shell.context().workbench().profileProperty().get().rules())
                .anyMatch(r -> RULE.equals(r.id()));
        screenshot(robot, "flow-gates-2-rule-applied");

        // the Review step: approve every valid row, as the steward does before a commit
        robot.clickOn("#step-review");
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        waitFor(() -> grid.getItems().size() == 200 && "Pending 200".equals(label(robot, "#count-pending")));
        robot.clickOn("#bulk-button").clickOn("Approve all valid pending rows");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor(() -> Long.parseLong(label(robot, "#count-approved").replaceAll("\\D", "")) > 0);
        long approved = Long.parseLong(label(robot, "#count-approved").replaceAll("\\D", ""));
        assertThat(approved).as("the rows the rule put into error are not approved").isLessThanOrEqualTo(
                200 - nowInError);

        // the Commit step: a blocking completeness gate above the review's completeness refuses the commit
        robot.clickOn("#step-commit");
        waitFor(() -> !"–".equals(label(robot, "#plan-insert")) && !commitButton(robot).isDisabled());
        robot.clickOn("#gate-add");
        fillGateValue(robot, "100");
        waitFor(() -> commitButton(robot).isDisabled() && label(robot, "#gates-verdict").startsWith("The commit is"
                + " blocked") && label(robot, "#commit-problem").startsWith("The import is refused"));
        Matcher measured = COMPLETENESS.matcher(label(robot, "#gates-verdict"));
        assertThat(measured.find()).as(label(robot, "#gates-verdict")).isTrue();
        double completeness = Double.parseDouble(measured.group(1));
        assertThat(completeness).isLessThan(100);
        assertThat(label(robot, "#commit-problem")).startsWith("The import is refused by a blocking quality gate")
                .contains("completeness " + measured.group(1) + "% (needs at least 100%)");
        assertThat(review).isEqualTo(shell.context().workbench().reviewProperty().get());
        screenshot(robot, "flow-gates-3-commit-refused");

        // lowered below the completeness, the gate passes and the commit goes
        String below = String.valueOf((long) Math.floor(completeness) - 1);
        robot.interact(() -> gates(robot).getSelectionModel().select(0));
        robot.clickOn("#gate-edit");
        fillGateValue(robot, below);
        waitFor(() -> !commitButton(robot).isDisabled());
        assertThat(label(robot, "#gates-verdict")).isEqualTo("The quality gate passes.");
        assertThat(label(robot, "#plan-insert")).isEqualTo(String.format("%,d", approved));
        robot.clickOn("#commit-button");
        WaitForAsyncUtils.waitForFxEvents();
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#commit-result").query().isVisible());
        assertThat(label(robot, "#commit-result-text")).startsWith("Batch ")
                .contains(String.format("%,d inserted", approved));
        screenshot(robot, "flow-gates-4-committed");

        // the History step: the quality trend draws the batch's scores and the gate's line
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.context().workbench().stepProperty().get()).isEqualTo(Step.HISTORY);
        TableView<?> batches = robot.lookup("#batches-table").queryAs(TableView.class);
        waitFor(() -> batches.getItems().size() == 1);
        robot.interact(() -> batches.getSelectionModel().select(0));
        TabPane tabs = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(t -> t.getTabs().stream().anyMatch(tab -> "trend-tab".equals(tab.getId()))).findFirst()
                .orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(tab -> "trend-tab".equals(tab.getId())).findFirst().orElseThrow()));
        waitFor(() -> robot.lookup("#trend-chart").tryQuery().isPresent());
        LineChart<Number, Number> chart = trendChart(robot);
        String gateLine = "completeness gate ≥ " + below + "% (blocks)";
        waitFor(() -> chart.getData().stream().anyMatch(s -> s.getName().equals(gateLine)));
        XYChart.Series<Number, Number> scores = chart.getData().stream()
                .filter(s -> s.getName().equals("completeness")).findFirst().orElseThrow();
        assertThat(scores.getData()).singleElement().satisfies(point -> assertThat(point.getYValue().doubleValue())
                .isCloseTo(completeness, org.assertj.core.data.Offset.offset(0.1)));
        assertThat(chart.getData()).extracting(XYChart.Series::getName)
                .contains("completeness", "validity", "uniqueness", "overall", gateLine);
        XYChart.Series<Number, Number> gate = chart.getData().stream().filter(s -> s.getName().equals(gateLine))
                .findFirst().orElseThrow();
        assertThat(gate.getData()).allSatisfy(p -> assertThat(p.getYValue().doubleValue())
                .isEqualTo(Double.parseDouble(below)));
        assertThat(chart.isVisible()).isTrue();
        Node line = gate.getNode();
        assertThat(line).isNotNull();
        assertThat(line.getStyleClass()).contains("trend-threshold");
        assertThat(label(robot, "#trend-caption")).startsWith("Scores of the 1 committed batch into concrete_mix")
                .contains("the straight lines are the loaded profile's gates");
        screenshot(robot, "flow-gates-5-trend");
    }

    /** Rows a full validation of the sample with {@code profile} flags with the cement rule. */
    private static long rowsFlagged(Profile profile) throws Exception {
        AtomicLong flagged = new AtomicLong();
        Path source;
        try (var files = java.nio.file.Files.walk(home)) {
            source = files.filter(p -> p.getFileName().toString().equals("ds1-concrete-mix.csv")).findFirst()
                    .orElseThrow();
        }
        try (TargetDatabase db = TargetDatabase.openDefault()) {
            ValidateFile.run(new ValidateFile.Request(source, null, profile, null, null, false), db, row -> {
                if (row.findings().stream().anyMatch(f -> f.rule().equals(RULE))) {
                    flagged.incrementAndGet();
                }
            }, Progress.NONE);
        }
        return flagged.get();
    }

    /** In the open gate form, sets the value and presses OK; the other fields keep what they show. */
    private static void fillGateValue(FxRobot robot, String value) throws Exception {
        waitFor(() -> robot.lookup("#form-dialog").tryQuery().isPresent());
        DialogPane form = robot.lookup("#form-dialog").queryAs(DialogPane.class);
        robot.interact(() -> robot.lookup("#form-field-2").queryAs(TextField.class).setText(value));
        robot.clickOn(form.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button commitButton(FxRobot robot) {
        return robot.lookup("#commit-button").queryAs(Button.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<Object> gates(FxRobot robot) {
        return robot.lookup("#gates-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> trendChart(FxRobot robot) {
        return robot.lookup("#trend-chart").queryAs(LineChart.class);
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.take(robot, shell.stage().getScene(), name)).exists();
    }

    private static String label(FxRobot robot, String id) {
        String text = robot.lookup(id).queryAs(Label.class).getText();
        return text == null ? "" : text;
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
