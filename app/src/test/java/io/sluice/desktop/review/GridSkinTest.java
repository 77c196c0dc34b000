package io.sluice.desktop.review;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.Event;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The grid's rows made a few a pulse (decision 0100), on a table of 1,000 rows 600 px high: 22 rows fit. */
@ExtendWith(ApplicationExtension.class)
class GridSkinTest {

    private static final double ROW_HEIGHT = 26;

    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane();
        stage.setScene(new Scene(root, 800, 600));
        stage.show();
    }

    @Test
    void makesFreshRowsAFewAPulseUntilTheyFillTheGrid() {
        TableView<String> table = table(1000, 8);
        List<Integer> first = onFx(() -> firstLayout(table));

        assertThat(first).as("rows made by the first layout")
                .isEqualTo(IntStream.range(0, GridSkin.FixedRowsFlow.FIRST_ROWS).boxed().toList());
        assertThat(table.getItems()).as("the rows the grid holds").hasSize(1000);

        waitFor(() -> !flow(table).revealing());
        List<Integer> shown = onFx(() -> rowsShown(table));
        assertThat(shown).as("rows filling the grid")
                .isEqualTo(IntStream.range(0, onFx(() -> rowsFitting(table))).boxed().toList());
        assertThat(onFx(() -> flow(table).getHeight())).as("the flow as tall as the table gives it, below its headers")
                .isEqualTo(onFx(() -> table.getHeight() - headerHeight(table)), within(1.0));
        assertThat(onFx(() -> showsItsOwnRows(table))).isTrue();
        assertThat(onFx(() -> verticalBar(table).isVisible())).isTrue();
    }

    @Test
    void theKeyboardWhileRowsAreComingMovesOverTheRealRows() {
        TableView<String> table = table(1000, 8);
        boolean revealing = onFx(() -> {
            firstLayout(table);
            table.getSelectionModel().clearAndSelect(0);
            table.getFocusModel().focus(0);
            // before the next pulse, while the flow shows only its first rows
            for (int i = 0; i < 8; i++) {
                Event.fireEvent(table, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.DOWN, false, false, false,
                        false));
            }
            return flow(table).revealing();
        });

        assertThat(revealing).as("keys pressed while the rows were coming").isTrue();

        waitFor(() -> !flow(table).revealing());
        assertThat(table.getFocusModel().getFocusedIndex()).isEqualTo(8);
        assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo("row 8");
        assertThat(onFx(() -> rowsShown(table))).contains(8);
        assertThat(onFx(() -> showsItsOwnRows(table))).isTrue();
    }

    @Test
    void rowsAfterAViewWithoutRowsComeAtOnce() {
        assertEveryRowComesAtOnceAfter(table -> {
            table.setItems(items(0, "none"));
            table.layout();
            table.setItems(items(1000, "again"));
        });
    }

    @Test
    void newColumnsShowEveryRowAtOnce() {
        assertEveryRowComesAtOnceAfter(table -> table.getColumns().setAll(columns(12)));
    }

    @Test
    void rowsThatAllFitComeAtOnce() {
        TableView<String> table = table(4, 8);
        List<Integer> first = onFx(() -> firstLayout(table));

        assertThat(first).containsExactly(0, 1, 2, 3);
        assertThat(onFx(() -> flow(table).revealing())).isFalse();
    }

    @Test
    void anotherViewReusesTheRowsMadeAndShowsThemAtOnce() {
        assertEveryRowComesAtOnceAfter(table -> table.setItems(items(500, "other")));
    }

    /** Lets a grid make all its rows, changes it, and checks that the next layout shows every row, as before. */
    private void assertEveryRowComesAtOnceAfter(Consumer<TableView<String>> change) {
        TableView<String> table = table(1000, 8);
        onFx(() -> firstLayout(table));
        waitFor(() -> !flow(table).revealing());

        List<Integer> shown = onFx(() -> {
            change.accept(table);
            table.applyCss();
            table.layout();
            return rowsShown(table);
        });

        assertThat(onFx(() -> flow(table).revealing())).isFalse();
        assertThat(shown).hasSize(onFx(() -> rowsFitting(table)));
        assertThat(onFx(() -> showsItsOwnRows(table))).isTrue();
    }

    /** A grid as the review's: fixed row height, cell selection, this skin; not yet on screen. */
    private TableView<String> table(int rows, int columns) {
        TableView<String> table = new TableView<>(items(rows, "row"));
        table.setFixedCellSize(ROW_HEIGHT);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setSkin(new GridSkin<>(table));
        table.getColumns().setAll(columns(columns));
        return table;
    }

    private static ObservableList<String> items(int rows, String prefix) {
        return FXCollections.observableArrayList(IntStream.range(0, rows).mapToObj(i -> prefix + " " + i).toList());
    }

    private static List<TableColumn<String, String>> columns(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            TableColumn<String, String> column = new TableColumn<>("Column " + i);
            column.setPrefWidth(120);
            column.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue() + " / " + i));
            return column;
        }).toList();
    }

    /** Puts the table on screen and lays it out once, as the pulse that shows it does; the rows it made. */
    private List<Integer> firstLayout(TableView<String> table) {
        root.getChildren().setAll(table);
        root.applyCss();
        root.layout();
        return rowsShown(table);
    }

    /** How many rows the table's area below its headers holds, the last one cut short, above its scroll bar. */
    private static int rowsFitting(TableView<?> table) {
        ScrollBar across = table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.HORIZONTAL).map(ScrollBar.class::cast).findFirst().orElseThrow();
        double rows = table.getHeight() - headerHeight(table) - (across.isVisible() ? across.getHeight() : 0);
        return (int) Math.ceil(rows / ROW_HEIGHT);
    }

    private static double headerHeight(TableView<?> table) {
        return table.lookup(".column-header-background").getLayoutBounds().getHeight() + table.snappedTopInset()
                + table.snappedBottomInset();
    }

    private static GridSkin.FixedRowsFlow<?> flow(TableView<?> table) {
        return (GridSkin.FixedRowsFlow<?>) table.lookup(".virtual-flow");
    }

    private static ScrollBar verticalBar(TableView<?> table) {
        return table.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar bar
                && bar.getOrientation() == Orientation.VERTICAL).map(ScrollBar.class::cast).findFirst().orElseThrow();
    }

    /** The indexes of the rows the table has made and shows, top to bottom. */
    private static List<Integer> rowsShown(TableView<?> table) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.isVisible() && r.getIndex() >= 0 && r.getItem() != null)
                .sorted(Comparator.comparingDouble(Node::getLayoutY))
                .map(n -> ((TableRow<?>) n).getIndex()).toList();
    }

    /** Whether every row shown holds the table's item at its index: no row stands for another. */
    private static boolean showsItsOwnRows(TableView<?> table) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.isVisible() && r.getIndex() >= 0 && r.getItem() != null)
                .allMatch(n -> ((TableRow<?>) n).getItem() == table.getItems().get(((TableRow<?>) n).getIndex()));
    }

    private static <T> T onFx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(call));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code condition} holds on the JavaFX thread, between two pulses. */
    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the screen", e);
        }
    }
}
