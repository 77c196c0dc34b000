package io.sluice.desktop.review;

import io.sluice.core.cleaning.ClusterMethod;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.List;

/**
 * The clusters dialog of one column: the method, the clusters with their values and counts, the value to keep per
 * cluster (editable) and whether to merge it; "Merge" hands the chosen ones to {@link ClustersViewModel#merge}.
 */
final class ClustersDialog {

    private static final int MAX_RADIUS = 3;

    private ClustersDialog() {
    }

    static void show(Window owner, ClustersViewModel vm) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Sluice");
        dialog.setHeaderText("Clusters of the values of '" + vm.column() + "'");
        dialog.setResizable(true);
        ChoiceBox<ClusterMethod> method = new ChoiceBox<>();
        method.setId("cluster-method");
        method.getItems().setAll(ClusterMethod.values());
        method.valueProperty().bindBidirectional(vm.methodProperty());
        Spinner<Integer> radius = new Spinner<>(1, MAX_RADIUS, vm.radiusProperty().get());
        radius.setId("cluster-radius");
        radius.disableProperty().bind(vm.methodProperty().isNotEqualTo(ClusterMethod.KNN));
        radius.valueProperty().addListener((obs, o, n) -> vm.radiusProperty().set(n));
        Label status = new Label();
        status.setId("cluster-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        TableView<ClustersViewModel.Row> table = new TableView<>(vm.rows());
        table.setId("cluster-table");
        table.setEditable(true);
        table.setPrefSize(720, 360);
        TableColumn<ClustersViewModel.Row, Boolean> chosen = new TableColumn<>("Merge");
        chosen.setCellValueFactory(f -> f.getValue().chosenProperty());
        chosen.setCellFactory(CheckBoxTableCell.forTableColumn(chosen));
        chosen.setPrefWidth(60);
        TableColumn<ClustersViewModel.Row, String> values = new TableColumn<>("Values (rows)");
        values.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().valuesText()));
        values.setEditable(false);
        values.setPrefWidth(440);
        TableColumn<ClustersViewModel.Row, String> keep = new TableColumn<>("Value to keep");
        keep.setCellValueFactory(f -> f.getValue().keepProperty());
        keep.setCellFactory(TextFieldTableCell.forTableColumn());
        keep.setPrefWidth(200);
        table.getColumns().setAll(List.of(chosen, values, keep));
        table.setPlaceholder(new Label("No clusters."));
        VBox.setVgrow(table, Priority.ALWAYS);

        HBox options = new HBox(8, new Label("Method"), method, new Label("Radius"), radius);
        dialog.getDialogPane().setContent(new VBox(8, options, status, table));
        ButtonType merge = new ButtonType("Merge chosen clusters", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(merge, ButtonType.CLOSE);
        dialog.getDialogPane().setId("clusters-dialog");
        dialog.getDialogPane().lookupButton(merge).disableProperty().bind(
                Bindings.isEmpty(vm.rows()));
        vm.find();
        dialog.showAndWait().filter(merge::equals).ifPresent(b -> vm.merge());
    }
}
