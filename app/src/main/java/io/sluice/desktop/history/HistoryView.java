package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.BatchTableCounts;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.RowProvenance;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import io.sluice.core.validate.GateResult;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/** The history step's screen: binds {@link HistoryViewModel} to {@code history.fxml} and confirms rollbacks. */
public final class HistoryView implements StepView {

    /** Height of a row of the per-table counts, its header row alike. */
    private static final double TABLE_ROW_HEIGHT = 26;

    private final HistoryViewModel model;
    private final QualityTrendViewModel trend;
    private final DesktopSettings settings;

    @FXML private StackPane root;

    @FXML private SplitPane split;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private Button goCommit;
    @FXML private VBox main;
    @FXML private Label subtitle;
    @FXML private Label message;
    @FXML private Label problem;
    @FXML private TableView<ImportBatch> batchTable;
    @FXML private Label batchTitle;
    @FXML private Label batchSummary;
    @FXML private Button rollbackButton;
    @FXML private TableView<BatchTableCounts> batchTablesTable;
    @FXML private TableView<RowProvenance> provenanceTable;
    @FXML private Label pageLabel;
    @FXML private Button previousPage;
    @FXML private Button nextPage;
    @FXML private TableView<DecisionAudit> decisionTable;
    @FXML private TableView<GateResult> gateTable;
    @FXML private LineChart<Number, Number> trendChart;
    @FXML private NumberAxis trendTime;
    @FXML private Label trendCaption;

    /**
     * {@code trend} follows the model's batches and selection; {@code settings} keep where the steward left the
     * split between batches and details.
     */
    public HistoryView(HistoryViewModel model, QualityTrendViewModel trend, DesktopSettings settings) {
        this.model = model;
        this.trend = trend;
        this.settings = settings;
        Views.load(this, "history.fxml", "history.css");
    }

    public HistoryViewModel model() {
        return model;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @FXML
    private void initialize() {
        Views.rememberDivider(split, "history", settings);
        var empty = Bindings.isEmpty(model.batches());
        emptyState.visibleProperty().bind(empty);
        main.visibleProperty().bind(empty.not());
        emptyTitle.textProperty().bind(model.emptyTitleProperty());
        emptyText.textProperty().bind(model.emptyTextProperty());
        show(goCommit, model.knownEmptyProperty());
        subtitle.textProperty().bind(model.subtitleBinding());
        message.textProperty().bind(model.messageProperty());
        show(message, model.messageProperty().isNotEmpty());
        problem.textProperty().bind(model.problemProperty());
        show(problem, model.problemProperty().isNotEmpty());
        buildBatchTable();
        buildBatchTablesTable();
        buildProvenanceTable();
        buildDecisionTable();
        buildGateTable();
        TrendChart.bind(trendChart, trendTime, trend);
        trendCaption.textProperty().bind(trend.captionProperty());
        batchTitle.textProperty().bind(model.selectedTitleBinding());
        batchSummary.textProperty().bind(model.selectedSummaryBinding());
        rollbackButton.disableProperty().bind(model.canRollBackBinding().not());
        pageLabel.textProperty().bind(model.pageTextBinding());
        previousPage.disableProperty().bind(model.pageProperty().isEqualTo(0));
        nextPage.disableProperty().bind(model.hasNextPageBinding().not());
    }

    private void buildBatchTable() {
        batchTable.setItems(model.batches());
        batchTable.getColumns().setAll(
                column("Batch", 50, b -> String.valueOf(b.id())),
                column("When", 130, b -> BatchText.when(b.startedAt())),
                column("Status", 85, BatchText::status),
                column("File", 140, ImportBatch::sourceFile),
                column("Table", 100, b -> BatchText.tableName(b.targetTable())),
                column("Mode", 85, BatchText::mode),
                column("Inserted", 72, b -> String.valueOf(b.counts().inserted())),
                column("Updated", 72, b -> String.valueOf(b.counts().updated())),
                column("Skipped", 72, b -> String.valueOf(b.counts().skipped())),
                column("Rejected", 72, BatchText::rejected),
                column("Score", 50, b -> BatchText.score(b.scores().overall())),
                column("Steward", 80, ImportBatch::steward));
        batchTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ImportBatch batch, boolean empty) {
                super.updateItem(batch, empty);
                getStyleClass().removeAll("batch-rolled-back", "batch-failed");
                if (!empty && batch != null && batch.status() == BatchStatus.ROLLED_BACK) {
                    getStyleClass().add("batch-rolled-back");
                } else if (!empty && batch != null && batch.status() == BatchStatus.FAILED) {
                    getStyleClass().add("batch-failed");
                }
            }
        });
        model.selectedProperty().addListener((obs, old, batch) -> {
            if (batchTable.getSelectionModel().getSelectedItem() != batch) {
                batchTable.getSelectionModel().select(batch);
            }
        });
        batchTable.getSelectionModel().selectedItemProperty().addListener((obs, old, batch) -> {
            if (batch != null && batch != model.selectedProperty().get()) {
                model.selectedProperty().set(batch);
            }
        });
    }

    private void buildBatchTablesTable() {
        batchTablesTable.setItems(model.tables());
        batchTablesTable.getColumns().setAll(
                column("Table (parents first)", 170, t -> BatchText.tableName(t.table())),
                column("Sheet", 120, t -> t.sheet() == null ? "" : t.sheet()),
                column("Mode", 100, t -> t.mode().code()),
                column("Approved", 80, t -> String.valueOf(t.approved())),
                column("Inserted", 80, t -> String.valueOf(t.inserted())),
                column("Updated", 80, t -> String.valueOf(t.updated())),
                column("Skipped", 80, t -> String.valueOf(t.skipped())));
        show(batchTablesTable, model.relatedBinding());
        // every table of the batch in view without scrolling (a related batch has a handful): the details pane
        // scrolls instead when the window is small
        batchTablesTable.setFixedCellSize(TABLE_ROW_HEIGHT);
        DoubleBinding fit = Bindings.createDoubleBinding(
                () -> TABLE_ROW_HEIGHT * (model.tables().size() + 1) + 6, model.tables());
        batchTablesTable.prefHeightProperty().bind(fit);
        batchTablesTable.minHeightProperty().bind(fit);
    }

    private void buildProvenanceTable() {
        provenanceTable.setItems(model.provenance());
        TableColumn<RowProvenance, String> table = column("Table", 120, p -> BatchText.tableName(p.targetTable()));
        table.visibleProperty().bind(model.relatedBinding());
        provenanceTable.getColumns().setAll(table,
                column("Target row key", 160, RowProvenance::targetKey),
                column("Action", 80, p -> p.action().code()),
                column("File", 200, p -> fileOf(model.selectedProperty().get())),
                column("Sheet", 150, p -> p.sourceSheet().orElse("")),
                column("Row", 60, p -> String.valueOf(p.sourceRow())),
                column("Legacy id", 140, p -> p.legacyId().orElse("")));
    }

    private void buildDecisionTable() {
        decisionTable.setItems(model.decisions());
        decisionTable.getColumns().setAll(
                column("When", 130, d -> BatchText.when(d.decidedAt())),
                column("Row", 60, d -> d.sourceRow() == 0 ? "" : String.valueOf(d.sourceRow())),
                column("Action", 90, d -> d.action().code()),
                column("Column", 120, d -> d.columnName().orElse("")),
                column("Old", 110, d -> d.oldValue().orElse("")),
                column("New", 110, d -> d.newValue().orElse("")),
                column("Reason", 220, d -> d.reason().orElse("")),
                column("Steward", 100, DecisionAudit::steward));
    }

    private void buildGateTable() {
        gateTable.setItems(model.gates());
        gateTable.getColumns().setAll(
                column("Gate", 130, GateResult::metric),
                column("Measured", 100, GateResult::measuredText),
                column("Needed", 150, GateResult::threshold),
                column("Action", 80, GateResult::action),
                column("Outcome", 90, g -> g.status().code()));
        gateTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(GateResult gate, boolean empty) {
                super.updateItem(gate, empty);
                getStyleClass().removeAll("gate-warned", "gate-blocked");
                if (!empty && gate != null && gate.failed()) {
                    getStyleClass().add("gate-" + gate.status().code());
                }
            }
        });
    }

    private static String fileOf(ImportBatch batch) {
        return batch == null ? "" : batch.sourceFile();
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    @FXML
    private void rollback() {
        model.rollbackSelected();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void previousPage() {
        model.previousPage();
    }

    @FXML
    private void nextPage() {
        model.nextPage();
    }

    @FXML
    private void goToCommit() {
        model.goToCommit();
    }

    @Override
    public void close() {
        model.close();
    }
}
