package io.sluice.desktop.review;

import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.VirtualFlow;

/**
 * The grid's skin: JavaFX's own, except that a jump to a row ({@code TableView.scrollTo}, as accessibility and a jump
 * from code ask for one) sets the scroll position from the row's index and the grid's fixed row height, as dragging
 * the scroll bar does. JavaFX 21's {@code VirtualFlow} instead measures every row up to the one jumped to, one entry
 * a row in a size cache that every later layout sums again (decision 0070).
 */
final class GridSkin<T> extends TableViewSkin<T> {

    GridSkin(TableView<T> table) {
        super(table);
    }

    @Override
    protected VirtualFlow<TableRow<T>> createVirtualFlow() {
        return new FixedRowsFlow<>();
    }

    /** A flow of rows of one fixed height that jumps to a row by its position alone. */
    static final class FixedRowsFlow<R extends TableRow<?>> extends VirtualFlow<R> {

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
    }
}
