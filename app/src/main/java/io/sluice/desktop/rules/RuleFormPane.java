package io.sluice.desktop.rules;

import io.sluice.core.review.ColumnStats;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The fields of the {@link RuleForm} the Rules step edits, one row per parameter, each shown only for the kinds of
 * rule that have it. It binds, and forwards the buttons to {@link RulesViewModel}; it decides nothing.
 */
final class RuleFormPane {

    private final RulesViewModel model;
    private final RuleForm form;
    private final VBox box;
    private final VBox actions;
    private final Map<String, SimpleBooleanProperty> uniqueChecks = new HashMap<>();

    /** Fills {@code box} with the fields, {@code actions} (kept in view below them) with the problem and the buttons. */
    RuleFormPane(RulesViewModel model, VBox box, VBox actions) {
        this.model = model;
        this.form = model.form();
        this.box = box;
        this.actions = actions;
        build();
    }

    private void build() {
        ComboBox<RuleKind> kind = new ComboBox<>(FXCollections.observableArrayList(RuleKind.values()));
        kind.setId("rule-kind");
        kind.valueProperty().bindBidirectional(form.kindProperty());
        row("_Type", kind, EnumSet.allOf(RuleKind.class));

        TextField id = field("rule-id", "a short name, e.g. wc-ratio");
        id.textProperty().bindBidirectional(form.idProperty());
        row("_Id", id, EnumSet.allOf(RuleKind.class));

        ComboBox<String> column = new ComboBox<>(model.mappedColumns());
        column.setId("rule-column");
        column.valueProperty().bindBidirectional(form.columnProperty());
        row("_Column", column, EnumSet.of(RuleKind.REQUIRED, RuleKind.REQUIRED_WHEN, RuleKind.RANGE,
                RuleKind.PATTERN, RuleKind.ALLOWED, RuleKind.LOOKUP));

        row("Col_umns", uniqueColumns(), EnumSet.of(RuleKind.UNIQUE));
        row("Condi_tion", condition(), EnumSet.of(RuleKind.REQUIRED_WHEN));

        TextField expression = field("rule-expression", "e.g. water_kg / cement_kg");
        expression.textProperty().bindBidirectional(form.expressionProperty());
        Label completion = completeColumnNames(expression);
        Label columnsHint = new Label();
        columnsHint.getStyleClass().add("muted");
        columnsHint.setWrapText(true);
        columnsHint.textProperty().bind(Bindings.createStringBinding(() -> "Columns: "
                + String.join(", ", model.mappedColumns()) + ". Functions and operators: below.",
                model.mappedColumns()));
        row("E_xpression", new VBox(4, expression, completion, marker("rule-expression-marker"), columnsHint,
                functions(), valueOnRow()), EnumSet.of(RuleKind.EXPRESSION));

        TextField min = field("rule-min", "none");
        min.textProperty().bindBidirectional(form.minProperty());
        TextField max = field("rule-max", "none");
        max.textProperty().bindBidirectional(form.maxProperty());
        ComboBox<Boolean> minExclusive = boundChoice("rule-min-exclusive", form::lowerBoundReading,
                form.minExclusiveProperty(), form.minProperty(), "Whether a value equal to the lower bound passes"
                        + " (\"or more\") or fails (\"above\").");
        ComboBox<Boolean> maxExclusive = boundChoice("rule-max-exclusive", form::upperBoundReading,
                form.maxExclusiveProperty(), form.maxProperty(), "Whether a value equal to the upper bound passes"
                        + " (\"or less\") or fails (\"below\").");
        FlowPane bounds = new FlowPane(6, 6, new Label("from"), min, new Label("to"), max);
        FlowPane passes = new FlowPane(6, 6, new Label("a value passes when it is"), minExclusive,
                new Label("and"), maxExclusive);
        min.setPrefColumnCount(6);
        max.setPrefColumnCount(6);
        row("_Between", new VBox(4, bounds, passes), EnumSet.of(RuleKind.RANGE, RuleKind.EXPRESSION));

        TextField pattern = field("rule-pattern", "e.g. DS[0-9]-[0-9]{6}");
        pattern.textProperty().bindBidirectional(form.patternProperty());
        TextField sample = field("rule-pattern-test", "type a value to try the pattern");
        sample.textProperty().bindBidirectional(form.patternSampleProperty());
        Label verdict = new Label();
        verdict.setId("rule-pattern-verdict");
        verdict.getStyleClass().add("pattern-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(form.patternVerdictBinding());
        row("_Pattern", new VBox(4, pattern, sample, verdict), EnumSet.of(RuleKind.PATTERN));

        row("_Values", allowedValues(), EnumSet.of(RuleKind.ALLOWED));

        ComboBox<String> table = new ComboBox<>(model.tables());
        table.setId("rule-table");
        table.valueProperty().bindBidirectional(form.tableProperty());
        ComboBox<String> key = new ComboBox<>(model.keyColumns());
        key.setId("rule-key");
        key.valueProperty().bindBidirectional(form.keyProperty());
        row("T_able", table, EnumSet.of(RuleKind.LOOKUP));
        row("_Key column", key, EnumSet.of(RuleKind.LOOKUP));

        ComboBox<String> severity = new ComboBox<>(FXCollections.observableArrayList(RuleForm.ERROR,
                RuleForm.WARNING));
        severity.setId("rule-severity");
        severity.valueProperty().bindBidirectional(form.severityProperty());
        row("Se_verity", severity, EnumSet.allOf(RuleKind.class));

        TextField message = field("rule-message", "optional: what the steward reads on a finding");
        message.textProperty().bindBidirectional(form.messageProperty());
        row("_Message", message, EnumSet.allOf(RuleKind.class));

        Label problem = new Label();
        problem.setId("rule-problem");
        problem.getStyleClass().add("rule-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(form.problemProperty());
        problem.managedProperty().bind(form.problemProperty().isNotNull());
        problem.visibleProperty().bind(problem.managedProperty());

        Button keep = new Button("_Keep rule");
        keep.setId("rule-keep");
        keep.getStyleClass().add("primary-button");
        keep.setDefaultButton(true);
        keep.disableProperty().bind(form.problemProperty().isNotNull().or(form.changedProperty().not()));
        keep.setOnAction(e -> model.keep());
        Button revert = new Button("_Revert");
        revert.setId("rule-revert");
        revert.disableProperty().bind(form.changedProperty().not());
        revert.setOnAction(e -> model.revert());
        Button apply = new Button("Appl_y to review");
        apply.setId("rule-apply");
        apply.disableProperty().bind(form.problemProperty().isNotNull());
        apply.setOnAction(e -> model.apply());
        actions.getChildren().addAll(problem, new HBox(8, keep, revert, apply));
    }

    /**
     * The expression with a caret under the character where it breaks; hidden while it checks. Its two lines must
     * stay aligned, so they do not wrap: a long expression scrolls sideways in its own strip, which follows the
     * caret, where a shortened line would hide the very character the caret points at.
     */
    private Node marker(String id) {
        Label marker = new Label();
        marker.setId(id);
        marker.getStyleClass().add("expression-marker");
        marker.setMinWidth(Region.USE_PREF_SIZE);
        marker.textProperty().bind(form.expressionMarkerBinding());
        ScrollPane strip = new ScrollPane(marker);
        strip.setId(id + "-strip");
        strip.getStyleClass().add("edge-to-edge");
        strip.setFitToHeight(true);
        strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // "as needed" would not count the scroll bar in the strip's height, and the bar would cover the caret's line
        strip.hbarPolicyProperty().bind(Bindings.createObjectBinding(() -> marker.prefWidth(-1) > strip.getWidth()
                ? ScrollPane.ScrollBarPolicy.ALWAYS : ScrollPane.ScrollBarPolicy.NEVER,
                marker.textProperty(), strip.widthProperty()));
        strip.managedProperty().bind(marker.textProperty().isNotEmpty());
        strip.visibleProperty().bind(strip.managedProperty());
        marker.textProperty().addListener((o, was, now) -> strip.setHvalue(caretShare(now)));
        return strip;
    }

    /** Where the caret of a marker's second line lies across its longest line, from 0 to 1. */
    static double caretShare(String marker) {
        int newline = marker == null ? -1 : marker.indexOf('\n');
        if (newline < 0) {
            return 0;
        }
        int caret = marker.length() - newline - 1;
        return Math.min(1, caret / (double) Math.max(1, Math.max(newline, caret)));
    }

    private Node functions() {
        Label list = new Label(ExpressionTryout.functionsHelp());
        list.setWrapText(true);
        list.getStyleClass().add("muted");
        TitledPane pane = new TitledPane("Functions", list);
        pane.setId("rule-functions");
        pane.setExpanded(false);
        return pane;
    }

    private Node valueOnRow() {
        TextField row = field("rule-try-row", "row");
        row.setPrefColumnCount(5);
        row.textProperty().bindBidirectional(model.expressionTryout().rowToTryProperty());
        row.setOnAction(e -> model.expressionTryout().evaluateOnRow());
        Button evaluate = new Button("Value on row");
        evaluate.setId("rule-evaluate");
        evaluate.setOnAction(e -> model.expressionTryout().evaluateOnRow());
        Label value = new Label();
        value.setId("rule-row-value");
        value.setWrapText(true);
        value.textProperty().bind(model.expressionTryout().rowValueProperty());
        // the value wraps below the button: in the flow beside it, a long value would widen the form
        HBox line = new HBox(6, evaluate, row);
        line.setAlignment(Pos.CENTER_LEFT);
        value.managedProperty().bind(value.textProperty().isNotEmpty());
        value.visibleProperty().bind(value.managedProperty());
        return new VBox(4, line, value);
    }

    private Node uniqueColumns() {
        ListView<String> list = new ListView<>(model.mappedColumns());
        list.setId("rule-columns");
        list.setPrefHeight(110);
        list.setCellFactory(CheckBoxListCell.forListView(name -> uniqueChecks.computeIfAbsent(name, n -> {
            SimpleBooleanProperty checked = new SimpleBooleanProperty(form.columns().contains(n));
            checked.addListener((o, was, now) -> {
                if (now && !form.columns().contains(n)) {
                    form.columns().add(n);
                } else if (!now) {
                    form.columns().remove(n);
                }
            });
            return checked;
        })));
        form.columns().addListener((ListChangeListener<String>) c -> uniqueChecks.forEach((name, checked) ->
                checked.set(form.columns().contains(name))));
        list.setOnKeyPressed(e -> {
            String item = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.SPACE && item != null) {
                SimpleBooleanProperty checked = uniqueChecks.get(item);
                if (checked != null) {
                    checked.set(!checked.get());
                }
                e.consume();
            }
        });
        return list;
    }

    private Node condition() {
        ToggleGroup how = new ToggleGroup();
        RadioButton built = new RadioButton("Column, operator, value");
        built.setId("rule-condition-built");
        RadioButton typed = new RadioButton("Typed expression");
        typed.setId("rule-condition-typed");
        built.setToggleGroup(how);
        typed.setToggleGroup(how);
        built.setSelected(!form.conditionTypedProperty().get());
        typed.setSelected(form.conditionTypedProperty().get());
        form.conditionTypedProperty().addListener((o, was, now) -> (now ? typed : built).setSelected(true));
        typed.selectedProperty().addListener((o, was, now) -> form.conditionTypedProperty().set(now));

        ComboBox<String> column = new ComboBox<>(model.mappedColumns());
        column.setId("rule-when-column");
        column.valueProperty().bindBidirectional(form.whenColumnProperty());
        ComboBox<String> operator = new ComboBox<>(FXCollections.observableArrayList(RuleCondition.OPERATORS));
        operator.setId("rule-when-operator");
        operator.valueProperty().bindBidirectional(form.whenOperatorProperty());
        TextField value = field("rule-when-value", "value");
        value.textProperty().bindBidirectional(form.whenValueProperty());
        value.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> RuleCondition.needsValue(form.whenOperatorProperty().get()), form.whenOperatorProperty()));
        value.managedProperty().bind(value.visibleProperty());
        // the column and its test share the row's width: a long column name shortens in its box, never widens the
        // form past the window (at 800x600 the form is about 300 pixels wide)
        column.setMaxWidth(Double.MAX_VALUE);
        column.setMinWidth(80);
        value.setPrefColumnCount(6);
        HBox test = new HBox(6, operator, value);
        HBox.setHgrow(value, Priority.ALWAYS);
        VBox parts = new VBox(6, column, test);
        parts.visibleProperty().bind(form.conditionTypedProperty().not());
        parts.managedProperty().bind(parts.visibleProperty());

        TextField when = field("rule-when", "e.g. age_days != null");
        when.textProperty().bindBidirectional(form.whenProperty());
        Label completion = completeColumnNames(when);
        VBox typedBox = new VBox(4, when, completion, marker("rule-when-marker"));
        typedBox.visibleProperty().bind(form.conditionTypedProperty());
        typedBox.managedProperty().bind(typedBox.visibleProperty());
        return new VBox(6, new FlowPane(12, 4, built, typed), parts, typedBox);
    }

    private Node allowedValues() {
        TextArea values = new TextArea();
        values.setId("rule-values");
        values.setPromptText("one value a line");
        values.setPrefRowCount(4);
        values.textProperty().bindBidirectional(form.valuesProperty());
        // a short text: a check box keeps its whole text, and the form is about 300 pixels wide at 800x600
        CheckBox ignoreCase = new CheckBox("Ignore case");
        ignoreCase.setTooltip(new Tooltip("A value passes whatever its upper and lower case: 'nord' as 'NORD'."));
        ignoreCase.setId("rule-ignore-case");
        ignoreCase.selectedProperty().bindBidirectional(form.ignoreCaseProperty());
        Button read = new Button("Column's v_alues");
        read.setId("rule-read-values");
        read.setOnAction(e -> model.readColumnValues());
        ListView<ColumnStats.ValueCount> found = new ListView<>(model.columnValues());
        found.setId("rule-column-values");
        found.setPrefHeight(100);
        found.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ColumnStats.ValueCount item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : String.format(Locale.ROOT, "%s  (%,d rows)", item.value(), item.count()));
            }
        });
        found.visibleProperty().bind(Bindings.isNotEmpty(model.columnValues()));
        found.managedProperty().bind(found.visibleProperty());
        Runnable addSelected = () -> {
            ColumnStats.ValueCount item = found.getSelectionModel().getSelectedItem();
            if (item != null) {
                model.addAllowedValue(item.value());
            }
        };
        found.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                addSelected.run();
            }
        });
        found.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                addSelected.run();
                e.consume();
            }
        });
        Label hint = new Label("Enter or a double click adds the selected value.");
        hint.getStyleClass().add("muted");
        hint.visibleProperty().bind(found.visibleProperty());
        hint.managedProperty().bind(found.visibleProperty());
        return new VBox(6, values, ignoreCase, read, found, hint);
    }

    /**
     * Names the mapped columns that complete the word being typed under the field; Ctrl+Space puts the first one
     * in. A hint, not a popup: the typing stays in the field.
     */
    private Label completeColumnNames(TextField field) {
        Label hint = new Label();
        hint.setId(field.getId() + "-completion");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        List<String> matches = new java.util.ArrayList<>();
        Runnable follow = () -> {
            String word = wordBeforeCaret(field.getText(), Math.min(field.getCaretPosition(),
                    field.getText().length()));
            matches.clear();
            if (!word.isEmpty()) {
                String lower = word.toLowerCase(Locale.ROOT);
                model.mappedColumns().stream().filter(c -> c.toLowerCase(Locale.ROOT).startsWith(lower)
                        && !c.equalsIgnoreCase(word)).limit(6).forEach(matches::add);
            }
            hint.setText(matches.isEmpty() ? "" : "Ctrl+Space completes: " + String.join(", ", matches));
        };
        field.caretPositionProperty().addListener((o, was, now) -> follow.run());
        field.textProperty().addListener((o, was, now) -> follow.run());
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && e.isShortcutDown() && !matches.isEmpty()) {
                int end = Math.min(field.getCaretPosition(), field.getText().length());
                String word = wordBeforeCaret(field.getText(), end);
                String match = matches.get(0);
                field.replaceText(end - word.length(), end, match);
                field.positionCaret(end - word.length() + match.length());
                e.consume();
            }
        });
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        hint.visibleProperty().bind(hint.managedProperty());
        return hint;
    }

    /** The identifier that ends at {@code end} in {@code text}; "" when the caret follows no identifier. */
    static String wordBeforeCaret(String text, int end) {
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
            start--;
        }
        return text.substring(start, end);
    }

    /**
     * A choice between a bound's two readings, "0.25 or more" and "above 0.25", following the bound as typed; the
     * second makes the bound exclusive. Disabled while there is no bound.
     */
    private static ComboBox<Boolean> boundChoice(String id, java.util.function.Function<Boolean, String> reading,
                                                 BooleanProperty exclusive, StringProperty bound, String tip) {
        ComboBox<Boolean> box = new ComboBox<>(FXCollections.observableArrayList(false, true));
        box.setId(id);
        box.setTooltip(new Tooltip(tip));
        box.disableProperty().bind(bound.isEmpty());
        javafx.util.Callback<ListView<Boolean>, ListCell<Boolean>> cells = v -> new ListCell<>() {
            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                textProperty().unbind();
                if (empty || item == null) {
                    setText(null);
                } else {
                    textProperty().bind(Bindings.createStringBinding(() -> reading.apply(item), bound));
                }
            }
        };
        box.setCellFactory(cells);
        box.setButtonCell(cells.call(null));
        box.setValue(exclusive.get());
        exclusive.addListener((o, was, now) -> box.setValue(now));
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != exclusive.get()) {
                exclusive.set(now);
            }
        });
        return box;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private void row(String label, Node control, Set<RuleKind> kinds) {
        Label name = new Label(label);
        name.setMnemonicParsing(true);
        name.setLabelFor(control instanceof VBox v && !v.getChildren().isEmpty() ? v.getChildren().get(0) : control);
        name.setMinWidth(90);
        name.setPrefWidth(90);
        HBox row = new HBox(8, name, control);
        row.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        if (control instanceof javafx.scene.control.Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
        }
        row.visibleProperty().bind(Bindings.createBooleanBinding(() -> kinds.contains(form.kindProperty().get()),
                form.kindProperty()));
        row.managedProperty().bind(row.visibleProperty());
        box.getChildren().add(row);
    }
}
