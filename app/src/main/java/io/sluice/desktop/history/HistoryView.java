package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.RowProvenance;
import io.sluice.desktop.AppContext;
import io.sluice.desktop.Step;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/** The history step's screen: binds {@link HistoryViewModel} to {@code history.fxml} and confirms rollbacks. */
public final class HistoryView implements StepView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final AppContext context;
    private final HistoryViewModel model;

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
    @FXML private TableView<RowProvenance> provenanceTable;
    @FXML private Label pageLabel;
    @FXML private Button previousPage;
    @FXML private Button nextPage;
    @FXML private TableView<DecisionAudit> decisionTable;

    public HistoryView(AppContext context) {
        this(context, new HistoryViewModel(context.workbench(), context.tasks()));
    }

    HistoryView(AppContext context, HistoryViewModel model) {
        this.context = context;
        this.model = model;
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
        Views.rememberDivider(split, "history", context.settings());
        var empty = Bindings.isEmpty(model.batches());
        emptyState.visibleProperty().bind(empty);
        main.visibleProperty().bind(empty.not());
        emptyTitle.textProperty().bind(model.emptyTitleProperty());
        emptyText.textProperty().bind(model.emptyTextProperty());
        show(goCommit, model.knownEmptyProperty());
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "%,d import batch%s in %s, newest first.", model.batches().size(),
                model.batches().size() == 1 ? "" : "es", context.workbench().targetProperty().get().name()),
                model.batches(), context.workbench().targetProperty()));
        message.textProperty().bind(model.messageProperty());
        show(message, model.messageProperty().isNotEmpty());
        problem.textProperty().bind(model.problemProperty());
        show(problem, model.problemProperty().isNotEmpty());
        buildBatchTable();
        buildProvenanceTable();
        buildDecisionTable();
        batchTitle.textProperty().bind(Bindings.createStringBinding(() -> title(model.selectedProperty().get()),
                model.selectedProperty()));
        batchSummary.textProperty().bind(Bindings.createStringBinding(
                () -> summary(model.selectedProperty().get()), model.selectedProperty()));
        rollbackButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ImportBatch b = model.selectedProperty().get();
            return b == null || b.status() != BatchStatus.COMMITTED;
        }, model.selectedProperty()));
        pageLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            long total = model.provenanceTotalProperty().get();
            long first = (long) model.pageProperty().get() * HistoryViewModel.PAGE_SIZE;
            return total == 0 ? "" : String.format(Locale.ROOT, "Rows %,d–%,d of %,d", first + 1,
                    Math.min(total, first + HistoryViewModel.PAGE_SIZE), total);
        }, model.pageProperty(), model.provenanceTotalProperty()));
        previousPage.disableProperty().bind(model.pageProperty().isEqualTo(0));
        nextPage.disableProperty().bind(Bindings.createBooleanBinding(() ->
                (long) (model.pageProperty().get() + 1) * HistoryViewModel.PAGE_SIZE
                        >= model.provenanceTotalProperty().get(),
                model.pageProperty(), model.provenanceTotalProperty()));
    }

    private void buildBatchTable() {
        batchTable.setItems(model.batches());
        batchTable.getColumns().setAll(
                column("Batch", 50, b -> String.valueOf(b.id())),
                column("When", 115, b -> WHEN.format(b.startedAt())),
                column("Status", 85, b -> b.status().code().replace('_', ' ')),
                column("File", 140, ImportBatch::sourceFile),
                column("Table", 100, b -> tableName(b.targetTable())),
                column("Mode", 85, b -> b.mode().code()),
                column("Inserted", 72, b -> String.valueOf(b.counts().inserted())),
                column("Updated", 72, b -> String.valueOf(b.counts().updated())),
                column("Skipped", 72, b -> String.valueOf(b.counts().skipped())),
                column("Rejected", 72, b -> String.valueOf(b.counts().rejected())),
                column("Score", 50, b -> score(b.scores().overall())),
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

    private void buildProvenanceTable() {
        provenanceTable.setItems(model.provenance());
        provenanceTable.getColumns().setAll(
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
                column("When", 130, d -> WHEN.format(d.decidedAt())),
                column("Row", 60, d -> d.sourceRow() == 0 ? "" : String.valueOf(d.sourceRow())),
                column("Action", 90, d -> d.action().code()),
                column("Column", 120, d -> d.columnName().orElse("")),
                column("Old", 110, d -> d.oldValue().orElse("")),
                column("New", 110, d -> d.newValue().orElse("")),
                column("Reason", 220, d -> d.reason().orElse("")),
                column("Steward", 100, DecisionAudit::steward));
    }

    /** The table without its schema, as the steward named it in the profile. */
    private static String tableName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static String fileOf(ImportBatch batch) {
        return batch == null ? "" : batch.sourceFile();
    }

    private static String title(ImportBatch b) {
        return b == null ? "Select a batch" : "Batch " + b.id() + " — " + b.status().code().replace('_', ' ');
    }

    private static String summary(ImportBatch b) {
        if (b == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s%s into %s with profile '%s', %s by %s. %,d read, %,d approved, %,d rejected.", b.sourceFile(),
                b.sheet().filter(s -> !s.equals(b.sourceFile())).map(s -> " (sheet '" + s + "')").orElse(""),
                tableName(b.targetTable()), b.profileName(), WHEN.format(b.startedAt()), b.steward(), b.counts().rowsRead(),
                b.counts().approved(), b.counts().rejected()));
        if (b.scores().overall() != null) {
            text.append(String.format(Locale.ROOT, " Scores: completeness %s, validity %s, uniqueness %s.",
                    score(b.scores().completeness()), score(b.scores().validity()),
                    score(b.scores().uniqueness())));
        }
        b.rolledBackAt().ifPresent(at -> text.append(" Rolled back ").append(WHEN.format(at))
                .append(b.rolledBackBy().map(by -> " by " + by).orElse("")).append('.'));
        b.message().ifPresent(m -> text.append(' ').append(m));
        return text.toString();
    }

    private static String score(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    @FXML
    private void rollback() {
        model.prepareRollback(preview -> {
            if (RollbackQuestion.confirmed(context.dialogs(), preview)) {
                model.rollback(preview.batch().id(), preview.needsCascade());
            }
        });
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
        context.workbench().stepProperty().set(Step.COMMIT);
    }

    @Override
    public void close() {
        model.close();
    }
}
