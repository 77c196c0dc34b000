package io.sluice.desktop.review;

import io.sluice.core.review.FindingCounts;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The findings panel and the finding filter: findings per rule and per column, most frequent first, each a click
 * away from filtering the grid; the filter's choice box lists the same rules and columns.
 */
final class FindingsPanel {

    private final ReviewViewModel vm;
    private final ComboBox<FindingFilter> choice;
    private final ListView<FindingFilter> rules;
    private final ListView<FindingFilter> columns;
    private boolean listing;

    FindingsPanel(ReviewViewModel vm, ComboBox<FindingFilter> choice, ListView<FindingFilter> rules,
                  ListView<FindingFilter> columns) {
        this.vm = vm;
        this.choice = choice;
        this.rules = rules;
        this.columns = columns;
        choice.getItems().setAll(FindingFilter.ALL, FindingFilter.VALID, FindingFilter.ERRORS);
        choice.setValue(vm.filters().findingFilterProperty().get());
        choice.valueProperty().addListener((obs, o, n) -> {
            if (!listing && n != null) {
                vm.filters().findingFilterProperty().set(n);
            }
        });
        vm.filters().findingFilterProperty().addListener((obs, o, n) -> select(n));
        for (ListView<FindingFilter> list : List.of(rules, columns)) {
            list.setCellFactory(l -> new CountCell());
            list.setOnMouseClicked(e -> filterBy(list.getSelectionModel().getSelectedItem()));
            list.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    filterBy(list.getSelectionModel().getSelectedItem());
                }
            });
        }
    }

    void show(FindingCounts counts) {
        List<FindingFilter> byRule = new ArrayList<>();
        List<FindingFilter> byColumn = new ArrayList<>();
        if (counts != null) {
            counts.byRule().forEach((rule, n) -> byRule.add(FindingFilter.rule(rule, n)));
            counts.byColumn().forEach((column, n) -> byColumn.add(FindingFilter.column(column, n)));
        }
        Comparator<FindingFilter> mostFirst = Comparator.comparingLong(FindingFilter::count).reversed();
        byRule.sort(mostFirst);
        byColumn.sort(mostFirst);
        rules.getItems().setAll(byRule);
        columns.getItems().setAll(byColumn);
        List<FindingFilter> choices = new ArrayList<>(List.of(FindingFilter.ALL, FindingFilter.VALID,
                FindingFilter.ERRORS));
        choices.addAll(byRule);
        choices.addAll(byColumn);
        listing = true;
        try {
            choice.getItems().setAll(choices);
        } finally {
            listing = false;
        }
        select(vm.filters().findingFilterProperty().get());
    }

    /** Shows the filter in the choice box as listed there (with its count), without filtering again. */
    private void select(FindingFilter filter) {
        listing = true;
        try {
            choice.setValue(choice.getItems().stream().filter(f -> f.sameAs(filter)).findFirst().orElse(filter));
        } finally {
            listing = false;
        }
    }

    private void filterBy(FindingFilter filter) {
        if (filter != null) {
            vm.filters().findingFilterProperty().set(filter);
        }
    }

    /**
     * A rule or column with its finding count at the right; clicking it filters the grid. Its labels and tooltip
     * are made once per cell and given each item's text: the lists are filled again whenever the counts change.
     */
    private static final class CountCell extends ListCell<FindingFilter> {
        private final Label name = new Label();
        private final Label count = new Label();
        private final HBox line;
        private final Tooltip tooltip = new Tooltip();

        CountCell() {
            // Without this a long rule name widens the cell past the list and brings up a horizontal scroll bar.
            setPrefWidth(0);
            name.setMinWidth(0);
            count.getStyleClass().add("finding-count");
            count.setMinWidth(Control.USE_PREF_SIZE);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            line = new HBox(6, name, gap, count);
        }

        @Override
        protected void updateItem(FindingFilter item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            name.setText(item.value());
            count.setText(String.format("%,d", item.count()));
            tooltip.setText("Show the rows with findings "
                    + (item.kind() == FindingFilter.Kind.RULE ? "of rule " : "on column ") + item.value());
            setText(null);
            setGraphic(line);
            setTooltip(tooltip);
        }
    }
}
