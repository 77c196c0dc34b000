package io.sluice.desktop.mapping;

import io.sluice.core.mapping.MappedValue;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * The cells of the Mapping step's grids. Each shows a value bound to its row (target, transforms, confidence,
 * status), so a cell follows its row whenever the mapping changes — by hand, by a suggestion, a profile or undo.
 */
final class MappingCells {

    /** The target pickers' entry for "this column is not imported". */
    static final String NOT_MAPPED = "(not mapped)";

    private MappingCells() {
    }

    /**
     * A grid row styled by its mapping (low confidence, unmapped), following the row's state as it changes rather
     * than only when the row is redrawn.
     */
    static final class StyledRow extends TableRow<MappingRow> {
        private final ChangeListener<String> restyle = (obs, old, style) -> style(style);

        StyledRow() {
            itemProperty().addListener((obs, old, row) -> {
                if (old != null) {
                    old.rowStyleProperty().removeListener(restyle);
                }
                if (row != null) {
                    row.rowStyleProperty().addListener(restyle);
                }
                style(row == null ? null : row.rowStyleProperty().get());
            });
        }

        private void style(String style) {
            getStyleClass().removeAll("confidence-low", "unmapped");
            if (style != null) {
                getStyleClass().add(style);
            }
        }
    }

    /**
     * The target picker of one row: the table's columns and "(not mapped)". A choice applies when the popup closes,
     * on Enter or when the picker loses focus — not for each value the arrow keys pass — and Escape puts the
     * row's target back.
     */
    static final class TargetCell extends TableCell<MappingRow, String> {
        private final MappingEdits model;
        private final ComboBox<String> box;
        private final InvalidationListener choicesChanged = o -> showTarget();
        private boolean updating;

        TargetCell(MappingEdits model, ObservableList<String> targetChoices) {
            this.model = model;
            this.box = new ComboBox<>(targetChoices);
            box.setMaxWidth(Double.MAX_VALUE);
            targetChoices.addListener(new WeakInvalidationListener(choicesChanged));
            box.setOnHidden(e -> apply());
            box.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused && !box.isShowing()) {
                    apply();
                }
            });
            box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    showTarget();
                } else if (e.getCode() == KeyCode.ENTER && !box.isShowing()) {
                    apply();
                    e.consume();
                }
            });
        }

        private MappingRow row() {
            return getTableRow() == null ? null : getTableRow().getItem();
        }

        private void apply() {
            MappingRow row = row();
            if (updating || row == null || box.getValue() == null) {
                return;
            }
            updating = true;
            try {
                model.setTarget(row, NOT_MAPPED.equals(box.getValue()) ? null : box.getValue());
            } finally {
                updating = false;
            }
            // declined, or taken elsewhere: the picker shows what the row maps to now
            showTarget();
        }

        private void showTarget() {
            MappingRow row = row();
            if (row == null || updating && box.isShowing()) {
                return;
            }
            boolean was = updating;
            updating = true;
            box.setValue(row.targetProperty().get() == null ? NOT_MAPPED : row.targetProperty().get());
            updating = was;
        }

        @Override
        protected void updateItem(String target, boolean empty) {
            super.updateItem(target, empty);
            if (empty) {
                setGraphic(null);
                return;
            }
            boolean was = updating;
            updating = true;
            box.setValue(target == null ? NOT_MAPPED : target);
            box.setId("target-" + getIndex());
            updating = was;
            setGraphic(box);
        }
    }

    /** The transform summary with a button that opens the transform dialog. */
    static final class TransformCell extends TableCell<MappingRow, String> {
        private final Label text = new Label();
        private final Button edit = new Button("Edit…");

        TransformCell(MappingEdits model, Supplier<Window> window) {
            edit.getStyleClass().add("cell-button");
            edit.setOnAction(e -> {
                MappingRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && row.isMapped()) {
                    TransformDialog.edit(window.get(), row).ifPresent(specs -> model.setTransforms(row, specs));
                }
            });
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(String summary, boolean empty) {
            super.updateItem(summary, empty);
            if (empty || summary == null) {
                setGraphic(null);
                return;
            }
            text.setText(summary);
            edit.setId("transforms-" + getIndex());
            setGraphic(new HBox(6, text, edit));
        }
    }

    /** The suggestion's confidence as a badge, amber when low. */
    static final class ConfidenceCell extends TableCell<MappingRow, Integer> {
        @Override
        protected void updateItem(Integer confidence, boolean empty) {
            super.updateItem(confidence, empty);
            if (empty || confidence == null) {
                setGraphic(null);
                return;
            }
            Label badge = new Label(confidence + "%");
            badge.getStyleClass().add("confidence-badge");
            if (confidence < MappingRow.HIGH_CONFIDENCE) {
                badge.getStyleClass().add("low");
            }
            setGraphic(badge);
        }
    }

    /** "Confirm" while a mapping is pending, a check mark once confirmed, nothing when unmapped. */
    static final class StatusCell extends TableCell<MappingRow, MappingRow.Status> {
        private final Button confirm = new Button("Confirm");
        private final Label done = new Label("✓ Confirmed");

        StatusCell(MappingEdits model) {
            confirm.getStyleClass().add("cell-button");
            done.getStyleClass().add("mapping-confirmed");
            confirm.setOnAction(e -> {
                MappingRow row = getTableRow() == null ? null : getTableRow().getItem();
                if (row != null) {
                    model.confirm(row);
                }
            });
        }

        @Override
        protected void updateItem(MappingRow.Status status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null || status == MappingRow.Status.UNMAPPED) {
                setGraphic(null);
                return;
            }
            confirm.setId("confirm-" + getIndex());
            setGraphic(status == MappingRow.Status.CONFIRMED ? done : confirm);
        }
    }

    /** A mapped value, red with the reason as tooltip when it does not convert. */
    static final class PreviewCell extends TableCell<MappingPreview.Row, MappedValue> {
        @Override
        protected void updateItem(MappedValue value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().remove("severity-error");
            setTooltip(null);
            if (empty || value == null) {
                setText(null);
                return;
            }
            if (value.hasError()) {
                setText(value.text());
                getStyleClass().add("severity-error");
                setTooltip(new Tooltip(value.error()));
            } else {
                setText(value.value() == null ? "" : value.value().toString());
            }
        }
    }
}
