package io.sluice.desktop.review;

import io.sluice.core.cleaning.Correction;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.usecase.BatchHistory;
import io.sluice.core.usecase.Target;
import io.sluice.desktop.Questions;
import io.sluice.desktop.Samples;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.app.DesktopShell;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.testing.TestDatabases;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's flow on the March deliveries sample, through the screens: fix the wrong supplier code of several rows
 * with one accepted suggestion, merge a cluster of plant spellings, undo both (the grid and the findings are exactly
 * as before), redo both (exactly as after), approve the valid rows and commit them into the embedded database, where
 * the rows carry the fixed values and the batch's audit names every cell the fix changed.
 */
@ExtendWith(ApplicationExtension.class)
class CleanReviewCommitFlowTest {

    /** Mix Code, Supplier and Plant: the 1st, 14th and 16th source columns of ds4-deliveries-march.csv. */
    private static final int MIX_CODE = 0;
    private static final int SUPPLIER = 13;
    private static final int PLANT = 15;

    @TempDir
    static Path home;

    private static SampleTarget target;
    private DesktopShell shell;

    @BeforeAll
    static void embeddedTarget() {
        // the embedded target lives in this test's own data directory
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
    }

    @AfterAll
    static void restoreHome() {
        target.close();
    }

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> shell.close());
    }

    @Test
    void fixesMergesUndoesRedoesAndCommitsTheFixedValuesWithTheirAudit(FxRobot robot) throws Exception {
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        waitFor(() -> grid.getItems().size() == 120 && grid.getItems().stream().allMatch(r -> r.row() > 0));
        List<String> suppliersAtFirst = column(grid, SUPPLIER);
        List<String> plantsAtFirst = column(grid, PLANT);
        Map<String, Long> findingsAtFirst = findings(robot);
        Set<String> nrdMixes = new TreeSet<>();
        robot.interact(() -> grid.getItems().stream().filter(r -> "NRD".equals(r.cells().get(SUPPLIER)))
                .forEach(r -> nrdMixes.add(r.cells().get(MIX_CODE))));
        assertThat(nrdMixes).hasSize(15);

        focus(robot, grid, "col-" + SUPPLIER);
        robot.clickOn("#suggestions-tab");
        ListView<Correction> suggestions = robot.lookup("#suggestion-list").queryListView();
        waitFor(() -> suggestions.getItems().stream().anyMatch(c -> c.value().equals("NRD")));
        robot.interact(() -> suggestions.getSelectionModel().select(suggestions.getItems().stream()
                .filter(c -> c.value().equals("NRD")).findFirst().orElseThrow()));
        robot.clickOn("#accept-suggestion");
        waitFor(() -> label(robot, "#last-action").equals("Replace 'NRD' by 'NORD' in 'Supplier': 15 cells changed."));
        waitFor(() -> !column(grid, SUPPLIER).contains("NRD"));
        List<String> suppliersFixed = column(grid, SUPPLIER);
        assertThat(changedPositions(suppliersAtFirst, suppliersFixed)).hasSize(15);
        waitFor(() -> !findings(robot).equals(findingsAtFirst));
        Map<String, Long> findingsFixed = findings(robot);
        assertThat(total(findingsFixed)).isLessThan(total(findingsAtFirst));

        focus(robot, grid, "col-" + PLANT);
        robot.clickOn("#fix-button").clickOn("Cluster values…");
        TableView<ClustersViewModel.Row> clusters = robot.lookup("#cluster-table").queryTableView();
        waitFor(() -> clusters.getItems().stream().anyMatch(r -> r.valuesText().contains("Hamburg Harburg")));
        robot.interact(() -> clusters.getItems().forEach(r -> r.chosenProperty().set(
                r.valuesText().contains("Hamburg Harburg"))));
        ClustersViewModel.Row chosen = clusters.getItems().stream().filter(r -> r.chosenProperty().get())
                .findFirst().orElseThrow();
        String keep = chosen.keepProperty().get();
        Set<String> merged = new TreeSet<>();
        chosen.cluster().values().forEach(v -> merged.add(v.value()));
        merged.remove(keep);
        assertThat(merged).isNotEmpty().allSatisfy(v -> assertThat(plantsAtFirst).contains(v));
        robot.clickOn("Merge chosen clusters");
        waitFor(() -> label(robot, "#last-action").contains("in 'Plant': "));
        waitFor(() -> !column(grid, PLANT).equals(plantsAtFirst));
        List<String> plantsMerged = column(grid, PLANT);
        assertThat(plantsMerged).doesNotContainAnyElementsOf(merged).contains(keep);
        assertThat(findings(robot)).as("Plant has no rule: its spellings raise no findings").isEqualTo(findingsFixed);

        robot.clickOn("#undo-button");
        waitFor(() -> label(robot, "#last-action").startsWith("Undone: Replace ")
                && column(grid, PLANT).equals(plantsAtFirst));
        assertThat(column(grid, SUPPLIER)).isEqualTo(suppliersFixed);
        robot.clickOn("#undo-button");
        waitFor(() -> label(robot, "#last-action").equals("Undone: Replace 'NRD' by 'NORD' in 'Supplier'."));
        waitFor(() -> column(grid, SUPPLIER).equals(suppliersAtFirst));
        waitFor(() -> findings(robot).equals(findingsAtFirst));
        assertThat(column(grid, PLANT)).isEqualTo(plantsAtFirst);

        robot.clickOn("#redo-button");
        waitFor(() -> label(robot, "#last-action").startsWith("Redone: Replace 'NRD' by 'NORD'"));
        waitFor(() -> column(grid, SUPPLIER).equals(suppliersFixed));
        waitFor(() -> findings(robot).equals(findingsFixed));
        robot.clickOn("#redo-button");
        waitFor(() -> column(grid, PLANT).equals(plantsMerged));
        assertThat(findings(robot)).isEqualTo(findingsFixed);

        robot.clickOn("#bulk-button").clickOn("Approve all valid pending rows");
        WaitForAsyncUtils.waitForFxEvents();
        Questions.confirm(robot);
        waitFor(() -> Long.parseLong(label(robot, "#count-approved").replaceAll("\\D", "")) > 0);
        long approved = Long.parseLong(label(robot, "#count-approved").replaceAll("\\D", ""));

        robot.clickOn("#step-commit");
        waitFor(() -> !"–".equals(label(robot, "#plan-insert")));
        assertThat(label(robot, "#plan-insert")).isEqualTo(String.format("%,d", approved));
        robot.clickOn("#commit-button");
        WaitForAsyncUtils.waitForFxEvents();
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#commit-result").query().isVisible());
        assertThat(label(robot, "#commit-result-text")).startsWith("Batch ")
                .contains(String.format("%,d inserted", approved));

        Map<String, String> suppliers = new LinkedHashMap<>();
        Set<String> committedPlants = new TreeSet<>();
        query("SELECT mix_code, supplier_code, plant FROM concrete_mix", rs -> {
            suppliers.put(rs.getString(1), rs.getString(2));
            committedPlants.add(rs.getString(3));
        });
        assertThat(suppliers).hasSize((int) approved).doesNotContainValue("NRD");
        List<String> fixedAndCommitted = nrdMixes.stream().filter(suppliers::containsKey).toList();
        assertThat(fixedAndCommitted).isNotEmpty().allSatisfy(mix -> assertThat(suppliers.get(mix)).isEqualTo("NORD"));
        assertThat(committedPlants).doesNotContainAnyElementsOf(merged).contains(keep);
        List<String> audit = new ArrayList<>();
        long[] batch = new long[1];
        query("SELECT MAX(id) FROM sluice_import_batch", rs -> batch[0] = rs.getLong(1));
        // through the use case: a run of entries (decision 0040) is one stored row
        try (BatchHistory history = BatchHistory.open(new Target(TargetDatabase.defaultUrl(),
                TargetDatabase.DEFAULT_USER, TargetDatabase.DEFAULT_PASSWORD))) {
            history.decisions(batch[0], 0, 100_000).stream()
                    .filter(d -> d.columnName().filter("Supplier"::equals).isPresent())
                    .forEach(d -> audit.add(d.sourceRow() + "|" + d.action().code() + "|"
                            + d.oldValue().orElse(null) + "|" + d.newValue().orElse(null) + "|"
                            + d.reason().orElse(null)));
        }
        assertThat(audit).filteredOn(line -> line.matches("\\d+\\|edit\\|NRD\\|NORD\\|Fix #\\d+ \\(replace\\):"
                + " Replace 'NRD' by 'NORD' in 'Supplier'")).hasSize(15)
                .allSatisfy(line -> assertThat(Long.parseLong(line.substring(0, line.indexOf('|')))).isPositive());
        assertThat(audit).anySatisfy(line -> assertThat(line).startsWith("0|undo|null|null|Undo fix #"))
                .anySatisfy(line -> assertThat(line).startsWith("0|redo|null|null|Redo fix #"));
    }

    /** The column's text in every row of the grid, in grid order. */
    private static List<String> column(TableView<GridRow> grid, int column) {
        List<String> values = new ArrayList<>();
        for (GridRow row : List.copyOf(grid.getItems())) {
            values.add(row.cells().get(column));
        }
        return values;
    }

    private static List<Integer> changedPositions(List<String> before, List<String> after) {
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(i);
            }
        }
        return changed;
    }

    /** The findings panel's count per rule. */
    private static Map<String, Long> findings(FxRobot robot) {
        ListView<FindingFilter> rules = robot.lookup("#rule-list").queryListView();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (FindingFilter f : List.copyOf(rules.getItems())) {
            counts.put(f.value(), f.count());
        }
        return counts;
    }

    private static long total(Map<String, Long> findings) {
        return findings.values().stream().mapToLong(Long::longValue).sum();
    }

    private void validateTheSample(FxRobot robot) {
        Samples.Sample ds4 = Samples.all().stream().filter(s -> s.fileName().equals("ds4-deliveries-march.csv"))
                .findFirst().orElseThrow();
        Path source = Samples.extract(ds4, home);
        robot.interact(() -> {
            workbench().sourceFileProperty().set(source);
            workbench().profileProperty().set(ProfileIO.read(Samples.profileOf(ds4, home)));
            shell.context().validation().start();
            workbench().stepProperty().set(Step.REVIEW);
        });
        waitFor(() -> label(robot, "#count-pending").equals("Pending 120"));
        waitFor(() -> robot.lookup("#review-content").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void focus(FxRobot robot, TableView<GridRow> grid, String columnId) {
        robot.interact(() -> {
            TableColumn<GridRow, ?> column = grid.getColumns().stream()
                    .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
            grid.getSelectionModel().clearAndSelect(0, column);
            grid.getFocusModel().focus(0, column);
            grid.requestFocus();
        });
    }

    private Workbench workbench() {
        return shell.context().workbench();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void query(String sql, RowReader reader) throws SQLException {
        try (TargetDatabase db = TargetDatabase.openDefault();
             Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the screen", e);
        }
    }
}
