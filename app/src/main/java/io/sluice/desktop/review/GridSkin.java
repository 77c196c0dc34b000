package io.sluice.desktop.review;

import javafx.animation.AnimationTimer;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The grid's skin: JavaFX's own, except for two things its rows' flow does. A jump to a row ({@code
 * TableView.scrollTo}, as accessibility and a jump from code ask for one) sets the scroll position from the row's
 * index and the grid's fixed row height, as dragging the scroll bar does; JavaFX 21's {@code VirtualFlow} instead
 * measures every row up to the one jumped to, one entry a row in a size cache that every later layout sums again
 * (decision 0070). And a flow that makes its rows anew (its first rows, new columns) makes them a few a pulse, top
 * down (decision 0100).
 */
final class GridSkin<T> extends TableViewSkin<T> {

    GridSkin(TableView<T> table) {
        super(table);
    }

    @Override
    protected VirtualFlow<TableRow<T>> createVirtualFlow() {
        return new FixedRowsFlow<>();
    }

    /**
     * A flow of rows of one fixed height that jumps to a row by its position alone, and that makes its rows anew a
     * few a pulse: {@link #FIRST_ROWS} in the pulse that lays it out, {@link #ROWS_A_PULSE} in each pulse after. A
     * grid row is a cell a column, each styled and laid out in the pulse that makes it (4-7 ms of the JavaFX thread a
     * row of 17 cells in a cold JVM), and that pulse also makes the grid's headers and the step's side lists, so the
     * 18 rows of a screen made at once were a pulse of 130-170 ms. While its rows are coming the flow is only as tall
     * as the rows made so far, its scroll bars with it, and the grid below it is blank: every row it shows is a real
     * row, scrolling, the keyboard and the mouse work on them as ever, and nothing on screen refers to a row not
     * shown yet.
     */
    static final class FixedRowsFlow<R extends TableRow<?>> extends VirtualFlow<R> {

        /** The rows made by the layout that makes the flow's rows anew. */
        static final int FIRST_ROWS = 4;
        /** The rows made in each pulse after it, until the flow has the height the table gives it. */
        static final int ROWS_A_PULSE = 7;

        /** The height the table lays the flow out at. */
        private double givenHeight;
        /** The rows the flow is as tall as while its rows are coming; 0 when it has the height the table gives. */
        private int rowsRevealed;
        /**
         * Whether the next layout with rows makes them all anew: the flow has made none yet, or its cells are thrown
         * away. A flow that has made rows keeps them for reuse, also through a view without rows.
         */
        private boolean fresh = true;
        private AnimationTimer growing;

        @Override
        public void scrollToTop(int index) {
            double position = positionOf(index);
            if (Double.isNaN(position)) {
                super.scrollToTop(index);
                return;
            }
            setPosition(position);
            requestLayout();
        }

        /**
         * The scroll position that puts the row at {@code index} at the top, as {@code VirtualFlow} maps a position
         * to pixels (the position times the rows' whole height less the viewport's); NaN when the rows have no
         * fixed height, the flow is not laid out yet, or every row fits, where JavaFX's own way is as quick.
         */
        double positionOf(int index) {
            double size = getFixedCellSize();
            int count = getCellCount();
            ScrollBar across = getHbar();
            double viewport = getHeight() - (across.isVisible() ? across.getHeight() : 0);
            double range = size * count - viewport;
            if (size <= 0 || viewport <= 0 || range <= 0 || index < 0 || index >= count) {
                return Double.NaN;
            }
            return Math.min(1, index * size / range);
        }

        /** Whether the flow is still making its rows, and so shorter than the table lays it out. */
        boolean revealing() {
            return rowsRevealed > 0;
        }

        @Override
        protected void recreateCells() {
            fresh = true;
            super.recreateCells();
        }

        @Override
        protected void setHeight(double value) {
            givenHeight = value;
            super.setHeight(revealing() ? Math.min(value, revealedHeight()) : value);
        }

        @Override
        protected void layoutChildren() {
            if (fresh && getCellCount() > 0 && getWidth() > 0 && givenHeight > 0) {
                fresh = false;
                reveal(FIRST_ROWS);
            }
            super.layoutChildren();
        }

        /** Makes the flow as tall as {@code rows} rows, or the height the table gives once that is reached. */
        private void reveal(int rows) {
            rowsRevealed = rows;
            double height = revealedHeight();
            if (getFixedCellSize() <= 0 || rows >= getCellCount() || height >= givenHeight) {
                rowsRevealed = 0;
                stopGrowing();
                super.setHeight(givenHeight);
                return;
            }
            super.setHeight(height);
            if (growing == null) {
                // a timer's turn comes at the start of each pulse, before its CSS and layout
                growing = new AnimationTimer() {
                    @Override
                    public void handle(long now) {
                        reveal(rowsRevealed + ROWS_A_PULSE);
                    }
                };
                growing.start();
            }
        }

        private void stopGrowing() {
            if (growing != null) {
                growing.stop();
                growing = null;
            }
        }

        /** The rows revealed and the horizontal scroll bar below them, as the flow lays them out. */
        private double revealedHeight() {
            ScrollBar across = getHbar();
            return rowsRevealed * getFixedCellSize() + (across.isVisible() ? across.getHeight() : 0);
        }
    }
}
