package io.sluice.desktop.source;

import io.sluice.core.source.SheetInfo;
import io.sluice.core.source.SourceIssue;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.Samples;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Source step's screen: a start page while no file is open, then the reading options, the sheet preview with the
 * header row highlighted and the reader's notes. Binds to a {@link SourceViewModel}; builds the preview's columns.
 */
public final class SourceView implements StepView {

    private final SourceViewModel model;
    private final DesktopSettings settings;

    @FXML private StackPane root;

    @FXML private SplitPane split;
    @FXML private ScrollPane startPane;
    @FXML private BorderPane sourcePane;
    @FXML private Button openButton;
    @FXML private FlowPane samplePane;
    @FXML private VBox recentBox;
    @FXML private VBox recentList;
    @FXML private VBox recentReviewBox;
    @FXML private VBox recentReviewList;
    @FXML private Label fileTitle;
    @FXML private Label summaryLabel;
    @FXML private ProgressIndicator busy;
    @FXML private ComboBox<String> sheetChoice;
    @FXML private Spinner<Integer> headerRow;
    @FXML private HBox csvOptions;
    @FXML private ComboBox<String> encodingChoice;
    @FXML private ComboBox<Character> delimiterChoice;
    @FXML private TableView<SheetPreview.Row> previewTable;
    @FXML private Label previewPlaceholder;
    @FXML private ListView<SourceIssue> issueList;
    @FXML private Label issuesTitle;
    @FXML private Label issuesPlaceholder;
    @FXML private Label errorLabel;
    @FXML private Button readAgainButton;
    @FXML private Button nextButton;

    /** {@code settings} keep where the steward left the split between preview and notes. */
    public SourceView(SourceViewModel model, DesktopSettings settings) {
        this.model = model;
        this.settings = settings;
        Views.load(this, "source-view.fxml", "source.css");
    }

    public SourceViewModel model() {
        return model;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        refreshRecent();
    }

    @FXML
    private void initialize() {
        Views.rememberDivider(split, "source", settings);
        startPane.visibleProperty().bind(model.fileProperty().isNull());
        sourcePane.visibleProperty().bind(model.fileProperty().isNotNull());
        // One Enter key per scene: it opens a file on the start page and goes on once a file is read.
        openButton.defaultButtonProperty().bind(startPane.visibleProperty());
        nextButton.defaultButtonProperty().bind(sourcePane.visibleProperty());
        buildSamples();
        refreshRecent();
        fileTitle.textProperty().bind(Bindings.createStringBinding(() -> model.fileProperty().get() == null ? ""
                : model.fileProperty().get().getFileName().toString(), model.fileProperty()));
        summaryLabel.textProperty().bind(model.summaryProperty());
        busy.visibleProperty().bind(model.loadingProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        nextButton.disableProperty().bind(model.canProceedProperty().not());
        bindSheetChoice();
        bindHeaderRow();
        bindCsvOptions();
        issueList.setItems(model.issues());
        issueList.setCellFactory(list -> new IssueCell());
        issuesPlaceholder.textProperty().bind(model.issuesNoteProperty());
        issuesTitle.textProperty().bind(Bindings.createStringBinding(() -> model.issues().isEmpty()
                ? "What the reader noticed" : "What the reader noticed (" + model.issues().size() + ")",
                model.issues()));
        previewTable.setRowFactory(table -> new PreviewRowCell());
        model.headerRowProperty().addListener((obs, old, now) -> previewTable.refresh());
        model.previewProperty().addListener((obs, old, now) -> showPreview(now));
        previewPlaceholder.textProperty().bind(model.previewNoteProperty());
        readAgainButton.visibleProperty().bind(model.canReadAgainProperty());
        readAgainButton.managedProperty().bind(readAgainButton.visibleProperty());
    }

    private void buildSamples() {
        for (int i = 0; i < Samples.all().size(); i++) {
            Samples.Sample sample = Samples.all().get(i);
            Button button = new Button(sample.title());
            button.setId("sample-" + i);
            button.setMnemonicParsing(false);
            button.getStyleClass().add("sample-button");
            button.setOnAction(e -> model.openSample(sample));
            samplePane.getChildren().add(button);
        }
    }

    private void refreshRecent() {
        List<Path> files = model.recentFiles();
        List<Path> reviews = model.recentReviews();
        fillRecent(recentList, files, model::open);
        fillRecent(recentReviewList, reviews, model::openReview);
        recentBox.setVisible(!files.isEmpty());
        recentBox.setManaged(!files.isEmpty());
        recentReviewBox.setVisible(!reviews.isEmpty());
        recentReviewBox.setManaged(!reviews.isEmpty());
    }

    private static void fillRecent(VBox list, List<Path> paths, Consumer<Path> open) {
        list.getChildren().clear();
        for (Path file : paths) {
            Hyperlink link = new Hyperlink(SourceViewModel.recentLabel(file));
            link.setMnemonicParsing(false);
            link.setTooltip(new Tooltip(file.toString()));
            link.setOnAction(e -> open.accept(file));
            list.getChildren().add(link);
        }
    }

    private void bindSheetChoice() {
        ListChangeListener<SheetInfo> names = c -> {
            List<String> list = model.sheets().stream().map(SheetInfo::name).toList();
            if (!sheetChoice.getItems().equals(list)) {
                sheetChoice.getItems().setAll(list);
            }
        };
        model.sheets().addListener(names);
        sheetChoice.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String name, boolean empty) {
                super.updateItem(name, empty);
                setText(empty || name == null ? null : model.sheetLabel(name));
            }
        });
        sheetChoice.setButtonCell(sheetChoice.getCellFactory().call(null));
        sheetChoice.valueProperty().bindBidirectional(model.sheetProperty());
        sheetChoice.disableProperty().bind(Bindings.size(model.sheets()).lessThan(2));
    }

    private void bindHeaderRow() {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 100_000);
        headerRow.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(model.headerRowProperty());
        // A typed number counts as soon as it is complete, not only when the spinner loses focus.
        headerRow.getEditor().setOnAction(e -> commitHeaderRow());
        headerRow.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commitHeaderRow();
            }
        });
    }

    private void commitHeaderRow() {
        if (!model.headerRowTyped(headerRow.getEditor().getText())) {
            headerRow.getEditor().setText(String.valueOf(model.headerRowProperty().get()));
        }
    }

    private void bindCsvOptions() {
        List<String> encodings = new ArrayList<>();
        encodings.add(null);
        encodings.addAll(SourceViewModel.ENCODINGS);
        encodingChoice.getItems().setAll(encodings);
        encodingChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "Detect" : name;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        encodingChoice.valueProperty().bindBidirectional(model.encodingProperty());
        List<Character> delimiters = new ArrayList<>();
        delimiters.add(null);
        delimiters.addAll(SourceViewModel.DELIMITERS);
        delimiterChoice.getItems().setAll(delimiters);
        delimiterChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Character c) {
                return SourceViewModel.delimiterName(c);
            }

            @Override
            public Character fromString(String text) {
                return null;
            }
        });
        delimiterChoice.valueProperty().bindBidirectional(model.delimiterProperty());
        csvOptions.visibleProperty().bind(model.csvProperty());
        csvOptions.managedProperty().bind(model.csvProperty());
    }

    private void showPreview(SheetPreview preview) {
        if (preview == null) {
            previewTable.getColumns().clear();
            previewTable.getItems().clear();
            return;
        }
        List<TableColumn<SheetPreview.Row, String>> columns = new ArrayList<>();
        TableColumn<SheetPreview.Row, String> number = new TableColumn<>("Row");
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().number())));
        number.getStyleClass().add("row-number");
        number.setPrefWidth(56);
        number.setSortable(false);
        columns.add(number);
        for (int i = 0; i < preview.columns().size(); i++) {
            int index = i;
            TableColumn<SheetPreview.Row, String> column = new TableColumn<>(preview.columns().get(i));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cell(index)));
            column.setSortable(false);
            column.setPrefWidth(120);
            columns.add(column);
        }
        previewTable.getColumns().setAll(columns);
        previewTable.getItems().setAll(preview.rows());
        previewTable.refresh();
    }

    @FXML
    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a spreadsheet or CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Spreadsheets and CSV",
                SourceViewModel.SOURCE_EXTENSIONS));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        Path last = model.lastDirectory();
        if (last != null) {
            chooser.setInitialDirectory(last.toFile());
        }
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.open(file.toPath());
        }
    }

    @FXML
    private void next() {
        model.next();
    }

    @FXML
    private void readAgain() {
        model.readAgain();
    }

    /** Marks the header row and the junk rows above it; a double-click makes a row the header. */
    private final class PreviewRowCell extends TableRow<SheetPreview.Row> {

        PreviewRowCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    model.headerRowProperty().set((int) getItem().number());
                }
            });
        }

        @Override
        protected void updateItem(SheetPreview.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("header-row", "above-header");
            Integer header = model.headerRowProperty().get();
            if (!empty && row != null && header != null) {
                if (row.number() == header) {
                    getStyleClass().add("header-row");
                } else if (row.number() < header) {
                    getStyleClass().add("above-header");
                }
            }
        }
    }

    /** One reader note: where, then what. */
    private static final class IssueCell extends ListCell<SourceIssue> {
        @Override
        protected void updateItem(SourceIssue issue, boolean empty) {
            super.updateItem(issue, empty);
            if (empty || issue == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label kind = new Label(issue.kind());
            kind.getStyleClass().add("issue-kind");
            kind.setMinWidth(130);
            Label message = new Label(issue.message());
            message.setWrapText(true);
            setGraphic(new HBox(10, kind, message));
            setText(null);
        }
    }
}
