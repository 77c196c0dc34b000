package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery.GridRow;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The value-fix menus of the review grid: each source column header's context menu acts on that column, the
 * toolbar's Fix values button on the focused cell's column (and saves the fixes into the profile).
 */
final class CleaningMenus {

    private final ReviewViewModel vm;
    private final ReviewCleaning cleaning;
    private final TableView<GridRow> grid;
    private final Supplier<Window> owner;

    CleaningMenus(ReviewViewModel vm, ReviewCleaning cleaning, TableView<GridRow> grid, MenuButton fixButton,
                  Supplier<Window> owner) {
        this.vm = vm;
        this.cleaning = cleaning;
        this.grid = grid;
        this.owner = owner;
        for (ValueFixesViewModel.Kind kind : ValueFixesViewModel.Kind.values()) {
            MenuItem item = new MenuItem(kind.label());
            item.setId("fix-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> fixFocused(kind));
            fixButton.getItems().add(item);
        }
        MenuItem cluster = new MenuItem("Cluster values…");
        cluster.setId("fix-clusters");
        cluster.setOnAction(e -> {
            String header = focusedHeader();
            if (header != null) {
                showClusters(header);
            }
        });
        fixButton.getItems().add(cluster);
        MenuItem save = new MenuItem("Save fixes into the profile…");
        save.setId("fix-save-profile");
        save.setOnAction(e -> cleaning.saveFixes().save());
        save.disableProperty().bind(cleaning.saveFixes().canSave().not());
        fixButton.getItems().addAll(new SeparatorMenuItem(), save);
        fixButton.setOnShowing(e -> fixButton.getItems().stream().filter(i -> i != save)
                .forEach(i -> i.setDisable(focusedHeader() == null)));
        // A header's menu is made when the steward first asks for it: made with the columns, fifteen menus (each a
        // popup window with a scene) were a third of the JavaFX thread's work in showing a review's first rows. The
        // grid's filter runs before the header's own handler, which shows the column's menu.
        grid.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            TableColumnHeader header = ReviewGrid.headerOf(e.getTarget(), grid);
            if (header != null) {
                giveMenu(header.getTableColumn());
            }
        });
    }

    /** Each source column's header offers the fixes for that column, in a menu made when first asked for. */
    private void giveMenu(TableColumnBase<?, ?> column) {
        if (column == null || column.getContextMenu() != null
                || !(column.getUserData() instanceof Integer index) || index < 0) {
            return;
        }
        ContextMenu menu = new ContextMenu();
        for (ValueFixesViewModel.Kind kind : ValueFixesViewModel.Kind.values()) {
            MenuItem item = new MenuItem(kind.label());
            item.setOnAction(e -> cleaning.fixes().fix(kind, vm.columns().get(index), focusedValue(index)));
            menu.getItems().add(item);
        }
        MenuItem cluster = new MenuItem("Cluster values…");
        cluster.setOnAction(e -> showClusters(vm.columns().get(index)));
        menu.getItems().add(cluster);
        column.setContextMenu(menu);
    }

    /** Asks for this fix on the focused cell's column; nothing when no source cell is focused. */
    void fixFocused(ValueFixesViewModel.Kind kind) {
        int index = focusedIndex();
        if (index >= 0) {
            cleaning.fixes().fix(kind, vm.columns().get(index), focusedValue(index));
        }
    }

    /** The header of the focused cell's source column, or null. */
    String focusedHeader() {
        int index = focusedIndex();
        return index < 0 ? null : vm.columns().get(index);
    }

    private void showClusters(String column) {
        ClustersDialog.show(owner.get(), cleaning.clusters(column));
    }

    /** The source column index of the focused cell, or -1 (none, or the row number or status column). */
    private int focusedIndex() {
        TablePosition<GridRow, ?> focused = grid.getFocusModel().getFocusedCell();
        return focused != null && focused.getTableColumn() != null
                && focused.getTableColumn().getUserData() instanceof Integer index && index >= 0
                && index < vm.columns().size() ? index : -1;
    }

    /** The focused cell's value when it is in this column, offered as the value to replace; else null. */
    private String focusedValue(int index) {
        TablePosition<GridRow, ?> focused = grid.getFocusModel().getFocusedCell();
        GridRow row = focused == null || focusedIndex() != index ? null : vm.loadedRow(focused.getRow());
        return row == null || index >= row.cells().size() ? null : row.cells().get(index);
    }
}
