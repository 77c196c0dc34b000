package io.sluice.desktop.mapping;

import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.TableInfo;
import io.sluice.core.mapping.Suggestion;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.desktop.DialogService;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One target table of a mapping onto several tables: the sheet feeding it, its column mappings (the same
 * {@link MappingRow}s and {@link MappingEdits} as the single-table grid), its unpivot, its references to the other
 * tables, its natural key and commit mode. What the screen does not edit (rules, legacy id, constants and joined
 * columns) is kept as loaded, and the order of the loaded mappings is kept, so a profile saves back as it was read.
 */
public final class TablePart {

    /** The commit modes a table may have, as the profile spells them. */
    public static final List<String> COMMIT_MODES = List.of("insert", "upsert", "skip-existing");

    private final String table;
    private final TableMapping loaded;
    private final ReadOnlyObjectWrapper<TableInfo> info = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<String> sheet = new SimpleObjectProperty<>();
    private final ObservableList<MappingRow> rows = FXCollections.observableArrayList(r -> new Observable[] {
            r.targetProperty(), r.confirmedProperty(), r.confidenceProperty(), r.transformsProperty()});
    private final MappingEdits edits;
    private final ObservableList<String> targetColumns = FXCollections.observableArrayList();
    private final ObservableList<String> sheetColumns = FXCollections.observableArrayList();
    private final ObservableList<String> naturalKey = FXCollections.observableArrayList();
    private final ObjectProperty<String> commitMode = new SimpleObjectProperty<>("insert");
    private final ObservableList<TableReference> references = FXCollections.observableArrayList();
    private final UnpivotEditor unpivot = new UnpivotEditor();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper missingRequired = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<MappingPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewError = new ReadOnlyStringWrapper();
    private SourceSample sample;
    private Integer headerRow;
    private List<ColumnMapping> extras = List.of();

    /** A table of {@code loaded}'s profile; {@code info} is null when the target has no such table. */
    TablePart(TableMapping loaded, TableInfo info, DialogService dialogs) {
        this.table = loaded.table();
        this.loaded = loaded;
        this.edits = new MappingEdits(rows, dialogs);
        this.info.set(info);
        sheet.set(loaded.sheet());
        headerRow = loaded.source() == null ? null : loaded.source().headerRow();
        if (info != null) {
            targetColumns.setAll(info.columns().stream().map(ColumnInfo::name).toList());
        }
        naturalKey.setAll(loaded.naturalKey());
        commitMode.set(loaded.commitMode());
        references.setAll(loaded.references());
        unpivot.load(loaded.unpivot());
        extras = loaded.columns().stream().filter(m -> m.source() == null).toList();
    }

    /** The target table's name as the profile spells it. */
    public String table() {
        return table;
    }

    /** The target table, or null when the target has no table of that name. */
    public ReadOnlyObjectProperty<TableInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** The sheet feeding the table; choosing another keeps the mappings of the columns both sheets have. */
    public ObjectProperty<String> sheetProperty() {
        return sheet;
    }

    /** One row per column of the sheet, as in the single-table grid. */
    public ObservableList<MappingRow> rows() {
        return rows;
    }

    /** The steward's undoable changes to this table's grid. */
    public MappingEdits edits() {
        return edits;
    }

    /** The table's column names, for the target pickers. */
    public ObservableList<String> targetColumns() {
        return targetColumns;
    }

    /** The headers of the sheet feeding the table, for the unpivot's column choice. */
    public ObservableList<String> sheetColumns() {
        return sheetColumns;
    }

    /** The target columns naming a row of this table. */
    public ObservableList<String> naturalKey() {
        return naturalKey;
    }

    /** insert, upsert or skip-existing. */
    public ObjectProperty<String> commitModeProperty() {
        return commitMode;
    }

    /** The columns holding a parent's natural key, and the parent table they point at. */
    public ObservableList<TableReference> references() {
        return references;
    }

    public UnpivotEditor unpivot() {
        return unpivot;
    }

    /** The first thing that keeps this table from being imported, as one sentence; null when there is none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What a loaded profile could not apply to this sheet or table; "" when everything applied. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Required columns of the table nothing fills, as a warning; "" when there are none. */
    public ReadOnlyStringProperty missingRequiredProperty() {
        return missingRequired.getReadOnlyProperty();
    }

    /** The rows of this table that the first source rows make (one per unpivoted cell). */
    public ReadOnlyObjectProperty<MappingPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the preview cannot be shown, as one sentence; null when it can. */
    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError.getReadOnlyProperty();
    }

    /** Sets the natural key from a comma-separated list of target columns. */
    public void setNaturalKey(String text) {
        List<String> columns = new ArrayList<>();
        for (String column : (text == null ? "" : text).split(",")) {
            if (!column.isBlank()) {
                columns.add(column.strip());
            }
        }
        naturalKey.setAll(columns);
    }

    /**
     * Makes {@code column} hold the natural key of {@code parentTable} (through {@code key}, blank for the parent's
     * natural key); a null or blank parent takes the reference away.
     */
    public void setReference(String column, String parentTable, String key) {
        int at = indexOfReference(column);
        if (parentTable == null || parentTable.isBlank()) {
            if (at >= 0) {
                references.remove(at);
            }
            return;
        }
        TableReference reference = new TableReference(column, parentTable,
                key == null || key.isBlank() ? List.of() : List.of(key.strip()));
        if (at >= 0) {
            references.set(at, reference);
        } else {
            references.add(reference);
        }
    }

    private int indexOfReference(String column) {
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i).column() != null && references.get(i).column().equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The references the target's foreign keys propose and the table does not have yet: each single-column foreign
     * key onto another of {@code parts} (the table it points at, in its own schema), from a column this table fills.
     */
    public List<TableReference> foreignKeyReferences(List<TablePart> parts) {
        TableInfo target = info.get();
        if (target == null) {
            return List.of();
        }
        List<String> filled = toTableMapping().targetColumns();
        List<TableReference> proposed = new ArrayList<>();
        for (ForeignKey fk : target.foreignKeys()) {
            if (fk.columns().size() != 1 || indexOfReference(fk.columns().get(0)) >= 0) {
                continue;
            }
            String column = filled.stream().filter(c -> c.equalsIgnoreCase(fk.columns().get(0))).findFirst()
                    .orElse(null);
            String parent = parts.stream().filter(p -> p != this && p.info.get() != null
                    && fk.pointsAt(p.info.get()) && !p.table().equalsIgnoreCase(table)).map(TablePart::table)
                    .findFirst().orElse(null);
            if (column != null && parent != null) {
                proposed.add(new TableReference(column, parent, null));
            }
        }
        return proposed;
    }

    /** The sample of the sheet feeding the table; null while it is not read or the workbook has no such sheet. */
    SourceSample sample() {
        return sample;
    }

    Integer headerRow() {
        return headerRow;
    }

    /**
     * Shows the sheet's columns: the first time with the loaded mappings (confirmed), after another sheet was chosen
     * with the mappings of the columns both sheets have; null for a sheet the workbook does not have.
     */
    void showSheet(SourceSample read, Integer header, boolean first) {
        List<ColumnMapping> carried = first || sample == null ? loaded.columns() : singleColumnMappings();
        sample = read;
        headerRow = header;
        rows.clear();
        sheetColumns.clear();
        edits.clear();
        if (read == null) {
            return;
        }
        sheetColumns.setAll(read.columns());
        List<MappingRow> built = new ArrayList<>();
        for (int c = 0; c < read.columns().size(); c++) {
            built.add(new MappingRow(read.columns().get(c), read.examples(c)));
        }
        List<String> missing = new ArrayList<>();
        for (ColumnMapping m : carried) {
            if (m.source() == null) {
                continue;
            }
            MappingRow row = built.stream().filter(r -> r.source().strip().equalsIgnoreCase(m.source().strip()))
                    .findFirst().orElse(null);
            if (row == null) {
                missing.add("'" + m.source() + "' for " + m.target());
            } else {
                row.assign(m.target(), m.transforms(), m.confidence(), first ? "from profile" : m.reason(), true);
            }
        }
        rows.setAll(built);
        notes.set(missing.isEmpty() ? "" : "Sheet " + sheet.get() + " has no column " + String.join(", ", missing)
                + "; " + (missing.size() == 1 ? "that mapping was" : "those mappings were") + " left out.");
    }

    /** Applies a suggestion as pending mappings, as the single-table grid does. */
    void suggest(Suggestion suggestion) {
        MappingRow.suggest(rows, suggestion);
        edits.clear();
    }

    /** The grid's one-to-one mappings as the profile holds them. */
    private List<ColumnMapping> singleColumnMappings() {
        List<ColumnMapping> mappings = new ArrayList<>();
        for (MappingRow r : rows) {
            if (!r.isMapped()) {
                continue;
            }
            ColumnMapping same = loaded.columns().stream().filter(m -> m.source() != null
                    && m.source().equals(r.source()) && m.target().equals(r.targetProperty().get())
                    && m.transforms().equals(r.transformsProperty().get())).findFirst().orElse(null);
            if (same != null) {
                mappings.add(same);
                continue;
            }
            String reason = r.reasonProperty().get();
            mappings.add(new ColumnMapping(r.targetProperty().get(), r.source(), null, null, null,
                    r.transformsProperty().get(), r.confidenceProperty().get(),
                    reason == null || reason.isBlank() || "from profile".equals(reason) ? null : reason));
        }
        return mappings;
    }

    /**
     * The table's part of the profile: the loaded mappings' order first, new ones in the table's column order; a
     * table whose sheet could not be read keeps its loaded mappings.
     */
    public TableMapping toTableMapping() {
        List<ColumnMapping> columns;
        if (sample == null) {
            columns = loaded.columns();
        } else {
            columns = new ArrayList<>(singleColumnMappings());
            columns.addAll(extras);
            List<String> loadedOrder = loaded.columns().stream().map(m -> lower(m.target())).toList();
            List<String> tableOrder = info.get() == null ? List.of()
                    : info.get().columns().stream().map(c -> lower(c.name())).toList();
            columns.sort(Comparator.comparingInt((ColumnMapping m) -> rank(loadedOrder, m.target()))
                    .thenComparingInt(m -> rank(tableOrder, m.target())));
        }
        SourceSettings source = Objects.equals(sheet.get(), loaded.sheet()) ? loaded.source()
                : new SourceSettings(sheet.get(), headerRow, null, null);
        return new TableMapping(table, source, columns, unpivot.build(), List.copyOf(references),
                List.copyOf(naturalKey), commitMode.get(), loaded.rules(), loaded.legacyId());
    }

    /** Mapped rows still waiting for the steward's confirmation. */
    List<String> pending() {
        return rows.stream().filter(r -> r.pendingProperty().get()).map(MappingRow::source).toList();
    }

    void showProblem(String sentence) {
        problem.set(sentence);
    }

    void showMissingRequired(String sentence) {
        missingRequired.set(sentence == null ? "" : sentence);
    }

    void showPreview(MappingPreview shown, String error) {
        preview.set(shown);
        previewError.set(error);
    }

    /** The columns of the table nothing fills although they need a value (not generated, not nullable). */
    List<String> unfilledRequired(TableMapping part) {
        TableInfo target = info.get();
        if (target == null) {
            return List.of();
        }
        Set<String> filled = new java.util.HashSet<>(part.targetColumns().stream().map(TablePart::lower).toList());
        return target.columns().stream().filter(c -> !c.optional() && !filled.contains(lower(c.name())))
                .map(ColumnInfo::name).toList();
    }

    private static int rank(List<String> order, String target) {
        int i = order.indexOf(lower(target));
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return table + " ← " + sheet.get();
    }
}
