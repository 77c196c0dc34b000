package io.sluice.desktop.review;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * Sets a grid's columns, those right of the window a pulse after the grid has made its first rows with the others
 * (decision 0070). JavaFX 21 puts a cell of every column in each row it first lays out, on screen or not, and styles
 * and lays them all out: 323 cells for the 19 rows of the benchmark's first screen, where 10 of the 17 columns reach
 * across the window. Columns added afterwards get cells in a row only once they are scrolled into view, so the first
 * layout and every later change of the rows shown do a third less, and nothing on screen changes but the scroll bar's
 * thumb. JavaFX thread only.
 */
final class LateColumns<S> {

    /**
     * The longest wait, for a grid that makes no rows (an empty view adds them at once); the columns waiting are right
     * of the window, so until then only the scroll bar's thumb is shorter than it will be.
     */
    private static final long LONGEST_WAIT_NS = 2_000_000_000L;

    private final TableView<S> table;
    private Waiting waiting;

    LateColumns(TableView<S> table) {
        this.table = table;
    }

    /** Replaces the grid's columns with {@code columns}: at once those that fill the window, the rest later. */
    void set(List<TableColumn<S, ?>> columns) {
        stop();
        int shown = columnsToFill(columns);
        if (shown >= columns.size()) {
            // one change for the table and its header rather than one per column
            table.getColumns().setAll(columns);
            return;
        }
        table.getColumns().setAll(columns.subList(0, shown));
        List<TableColumn<S, ?>> rest = List.copyOf(columns.subList(shown, columns.size()));
        waiting = new Waiting(columns.get(0), () -> table.getColumns().addAll(rest));
        waiting.start();
    }

    /** Adds the columns still waiting, if any: there are no rows to make. */
    void addNow() {
        if (waiting != null) {
            waiting.add();
        }
    }

    /**
     * How many of {@code columns}, from the left, fill the window's width, and one more so that the horizontal scroll
     * bar shows from the first frame; all of them when the grid is not on screen.
     */
    private int columnsToFill(List<TableColumn<S, ?>> columns) {
        if (table.getScene() == null) {
            return columns.size();
        }
        // the window's width: the grid is never wider, and before the step's first layout it has no width of its own
        double width = table.getScene().getWidth();
        double filled = 0;
        int count = 0;
        while (count < columns.size() && filled <= width) {
            filled += columns.get(count++).getPrefWidth();
        }
        return Math.min(columns.size(), count + 1);
    }

    private void stop() {
        if (waiting != null) {
            waiting.stop();
            waiting = null;
        }
    }

    /** Checks at each pulse whether the grid has made its first rows with the columns set, then adds the rest. */
    private final class Waiting extends AnimationTimer {
        private final TableColumn<?, ?> first;
        private final Runnable addRest;
        private long since;

        Waiting(TableColumn<?, ?> first, Runnable addRest) {
            this.first = first;
            this.addRest = addRest;
        }

        @Override
        public void handle(long now) {
            if (since == 0) {
                since = now;
            }
            if (rowsMade() || now - since > LONGEST_WAIT_NS) {
                add();
            }
        }

        /** Whether a row on screen has cells of the columns set: the grid's first layout with them is done. */
        private boolean rowsMade() {
            for (Node node : table.lookupAll(".table-row-cell")) {
                if (node instanceof TableRow<?> row && row.isVisible() && row.getIndex() >= 0 && row.getItem() != null
                        && row.getChildrenUnmodifiable().stream().anyMatch(cell ->
                        cell instanceof TableCell<?, ?> c && c.getTableColumn() == first)) {
                    return true;
                }
            }
            return false;
        }

        void add() {
            stop();
            if (waiting == this) {
                waiting = null;
                addRest.run();
            }
        }
    }
}
