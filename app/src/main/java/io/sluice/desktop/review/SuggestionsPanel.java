package io.sluice.desktop.review;

import io.sluice.core.cleaning.Candidate;
import io.sluice.core.cleaning.Correction;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * The fix suggestions side panel: the bad values, the candidates of the one selected, and the buttons that accept
 * one candidate or every suggestion above a score; {@link SuggestionsViewModel} does the work.
 */
final class SuggestionsPanel {

    SuggestionsPanel(SuggestionsViewModel vm, VBox box) {
        Label status = new Label();
        status.setId("suggestions-status");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        ListView<Correction> values = new ListView<>(vm.corrections());
        values.setId("suggestion-list");
        values.setCellFactory(l -> new TextCell<>(SuggestionsViewModel::describe));
        values.setPrefHeight(220);
        VBox.setVgrow(values, Priority.ALWAYS);
        ListView<Candidate> candidates = new ListView<>();
        candidates.setId("candidate-list");
        candidates.setCellFactory(l -> new TextCell<>(SuggestionsViewModel::describe));
        candidates.setPrefHeight(90);
        values.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            candidates.getItems().setAll(n == null ? List.of() : n.candidates());
            candidates.getSelectionModel().selectFirst();
        });
        Button accept = new Button("Accept");
        accept.setId("accept-suggestion");
        accept.disableProperty().bind(candidates.getSelectionModel().selectedItemProperty().isNull());
        Runnable acceptSelected = () -> vm.accept(values.getSelectionModel().getSelectedItem(),
                candidates.getSelectionModel().getSelectedItem());
        accept.setOnAction(e -> acceptSelected.run());
        candidates.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                acceptSelected.run();
            }
        });
        Spinner<Integer> minScore = new Spinner<>(1, 100, SuggestionsViewModel.DEFAULT_MIN_SCORE);
        minScore.setId("min-score");
        minScore.setEditable(true);
        minScore.setPrefWidth(80);
        Button acceptAll = new Button();
        acceptAll.setId("accept-all-suggestions");
        acceptAll.textProperty().bind(minScore.valueProperty().asString("Accept every suggestion ≥ %d…"));
        acceptAll.setOnAction(e -> vm.acceptAll(minScore.getValue()));
        box.getChildren().setAll(status, values, section("Candidates"), candidates, accept,
                section("Accept many"), new HBox(6, minScore, acceptAll));
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static final class TextCell<T> extends ListCell<T> {
        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            setText(isEmpty || item == null ? null : text.apply(item));
        }
    }
}
