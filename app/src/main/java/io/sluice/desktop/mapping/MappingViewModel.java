package io.sluice.desktop.mapping;

import io.sluice.core.mapping.Suggestion;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.desktop.AppContext;
import io.sluice.desktop.ErrorText;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.TaskHandle;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Mapping step's state: the target table, one {@link MappingRow} per source column (suggested, pending until
 * confirmed), a live preview of the mapped values, and the profile they make. Reads the source and the database in
 * the background; "Validate and review" puts the profile into the {@link Workbench} for the Review step.
 */
public final class MappingViewModel {

    /** How many source rows the preview maps. */
    public static final int PREVIEW_ROWS = 20;

    private final AppContext context;
    private final ReadOnlyBooleanWrapper sourceMissing = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObjectProperty<String> table = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TableInfo> tableInfo = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> targetColumns = FXCollections.observableArrayList();
    // The extractor tells the grid when a row's mapping changes, so its styles follow.
    private final ObservableList<MappingRow> rows = FXCollections.observableArrayList(r -> new Observable[] {
            r.targetProperty(), r.confirmedProperty(), r.confidenceProperty(), r.transformsProperty()});
    private final ReadOnlyObjectWrapper<MappingPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewError = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper("Load a source first.");
    private final ReadOnlyStringWrapper missingRequired = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keptRules = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final StringProperty profileName = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Path> savedFile = new ReadOnlyObjectWrapper<>();
    private final ProfileDraft draft = new ProfileDraft();
    private final MappingHistory history = new MappingHistory();
    private SourceSample sample;
    private Path loadedFile;
    private Key loaded;
    private Profile lastSaved;
    private TaskHandle previewTask;
    /** Set while a background result is written back, so those writes do not start more work. */
    private boolean applying;

    /** What the grid was built from; when any of it changes the grid is rebuilt. */
    private record Key(Path file, SourceOptions options, TargetChoice target) {
    }

    public MappingViewModel(AppContext context) {
        this.context = context;
        table.addListener((obs, old, now) -> {
            if (!applying && now != null && !now.equals(old)) {
                chooseTable(now);
            }
        });
        context.workbench().targetProperty().addListener((obs, old, now) -> refresh());
    }

    /** True while there is no source to map (no file, or the Source step not finished). */
    public ReadOnlyBooleanProperty sourceMissingProperty() {
        return sourceMissing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The target database's tables. */
    public ObservableList<String> tables() {
        return tables;
    }

    /** The chosen target table; choosing another suggests a mapping onto it. */
    public ObjectProperty<String> tableProperty() {
        return table;
    }

    public ReadOnlyObjectProperty<TableInfo> tableInfoProperty() {
        return tableInfo.getReadOnlyProperty();
    }

    /** The target table's column names, for the target pickers. */
    public ObservableList<String> targetColumns() {
        return targetColumns;
    }

    /** One row per source column, in file order. */
    public ObservableList<MappingRow> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<MappingPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Why the preview cannot be shown, as one sentence; null when it can. */
    public ReadOnlyStringProperty previewErrorProperty() {
        return previewError.getReadOnlyProperty();
    }

    /** Why the source or the target could not be read, as one sentence; null when they could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Why "Validate and review" is not possible yet, as one sentence; null when it is. */
    public ReadOnlyStringProperty blockerProperty() {
        return blocker.getReadOnlyProperty();
    }

    /** Required target columns nothing fills, as a sentence; "" when there are none. */
    public ReadOnlyStringProperty missingRequiredProperty() {
        return missingRequired.getReadOnlyProperty();
    }

    /** "N profile rules kept" once a profile with rules was loaded, else "". */
    public ReadOnlyStringProperty keptRulesProperty() {
        return keptRules.getReadOnlyProperty();
    }

    /** What a loaded profile could not apply to this file or table; "" when everything applied. */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** The profile's name, saved with it and shown in batches. */
    public StringProperty profileNameProperty() {
        return profileName;
    }

    /** Where the profile was last saved or loaded from. */
    public ReadOnlyObjectProperty<Path> savedFileProperty() {
        return savedFile.getReadOnlyProperty();
    }

    /** Reads the source and the target again when either changed since the grid was built. */
    public void refresh() {
        Workbench workbench = context.workbench();
        Path file = workbench.sourceFileProperty().get();
        SourceOptions options = workbench.sourceOptionsProperty().get();
        if (file == null || options == null) {
            sourceMissing.set(true);
            updateBlocker();
            return;
        }
        sourceMissing.set(false);
        Key key = new Key(file, options, workbench.targetProperty().get());
        if (key.equals(loaded)) {
            return;
        }
        loaded = key;
        load(key);
    }

    private void load(Key key) {
        boolean newFile = loadedFile == null || !loadedFile.equals(key.file());
        // a new file gets the table that matches it best; the same file read again keeps the steward's table
        String wanted = newFile ? null : table.get();
        loading.set(true);
        error.set(null);
        // not "Load a source first": the source is there, its columns are being read
        blocker.set("Reading " + key.file().getFileName() + " and the target's tables…");
        context.tasks().run("Suggesting a mapping for " + key.file().getFileName(),
                ctx -> MappingSources.load(key.file(), key.options(), key.target(), wanted, ctx), result -> {
            loadedFile = key.file();
            sample = result.sample();
            // A profile loaded for another file or target no longer applies: the steward loads one again.
            draft.clear();
            history.clear();
            notes.set("");
            savedFile.set(null);
            lastSaved = null;
            List<MappingRow> built = new ArrayList<>();
            for (int c = 0; c < sample.columns().size(); c++) {
                MappingRow row = new MappingRow(sample.columns().get(c), sample.examples(c));
                row.targetProperty().addListener((obs, old, now) -> mappingChanged());
                row.transformsProperty().addListener((obs, old, now) -> mappingChanged());
                row.confirmedProperty().addListener((obs, old, now) -> updateBlocker());
                built.add(row);
            }
            applying = true;
            try {
                tables.setAll(result.tables());
                rows.setAll(built);
                if (newFile || profileName.get() == null || profileName.get().isBlank()) {
                    profileName.set(baseName(key.file()));
                }
                showTable(result.table(), result.suggestion());
            } finally {
                applying = false;
            }
            loading.set(false);
            mappingChanged();
        }, this::failed);
    }

    private void chooseTable(String name) {
        if (sample == null) {
            return;
        }
        TargetChoice target = context.workbench().targetProperty().get();
        SourceSample read = sample;
        loading.set(true);
        context.tasks().run("Suggesting a mapping onto " + name, ctx -> MappingSources.onto(name, read, target),
                result -> {
            draft.clear();
            history.clear();
            notes.set("");
            applying = true;
            try {
                showTable(result.table(), result.suggestion());
            } finally {
                applying = false;
            }
            loading.set(false);
            mappingChanged();
        }, this::failed);
    }

    private void showTable(TableInfo info, Suggestion suggestion) {
        tableInfo.set(info);
        table.set(info == null ? null : info.name());
        targetColumns.setAll(info == null ? List.of() : info.columns().stream().map(ColumnInfo::name).toList());
        rows.forEach(r -> r.assign(null, List.of(), null, "", false));
        if (suggestion != null) {
            for (ColumnMapping m : suggestion.mappings()) {
                rows.stream().filter(r -> r.source().equals(m.source())).findFirst()
                        .ifPresent(r -> r.assign(m.target(), m.transforms(), m.confidence(), m.reason(), false));
            }
            suggestion.unmapped().forEach(u -> rows.stream().filter(r -> r.source().equals(u.source()))
                    .findFirst().ifPresent(r -> r.reasonProperty().set(u.reason())));
        }
        keptRules.set("");
    }

    private void failed(Throwable failure) {
        loading.set(false);
        error.set(ErrorText.sentence(failure));
        updateBlocker();
    }

    /** Confirms one suggested mapping. */
    public void confirm(MappingRow row) {
        if (row.isMapped()) {
            history.record("Confirm " + row.source(), rows, () -> row.confirmedProperty().set(true));
        }
    }

    /** Confirms every pending suggestion at or above {@link MappingRow#HIGH_CONFIDENCE}; returns how many. */
    public int confirmAllHighConfidence() {
        List<MappingRow> high = rows.stream().filter(r -> r.pendingProperty().get() && !r.isLowConfidence())
                .toList();
        history.record("Confirm " + high.size() + " high-confidence mappings", rows,
                () -> high.forEach(r -> r.confirmedProperty().set(true)));
        return high.size();
    }

    /**
     * Maps a source column onto a target column chosen by hand (null: not mapped), which confirms it. A target
     * feeds from one column only: when another column fills it, the steward is asked first, and a yes swaps the
     * two columns' targets (or unmaps the other one when this column had none). False when nothing changed.
     */
    public boolean setTarget(MappingRow row, String target) {
        String previous = row.targetProperty().get();
        if (Objects.equals(previous, target)) {
            return false;
        }
        MappingRow holder = target == null ? null : rows.stream()
                .filter(r -> r != row && target.equals(r.targetProperty().get())).findFirst().orElse(null);
        if (holder != null && !context.dialogs().confirm("'" + holder.source() + "' already fills " + target + ".",
                previous == null
                        ? "'" + row.source() + "' fills " + target + " instead, and '" + holder.source()
                        + "' is then not mapped."
                        : "Swap: '" + row.source() + "' fills " + target + " and '" + holder.source() + "' fills "
                        + previous + ".", previous == null ? "Move the mapping" : "Swap")) {
            return false;
        }
        history.record(target == null ? "Unmap " + row.source() : "Map " + row.source() + " onto " + target, rows,
                () -> {
            if (holder != null) {
                holder.assign(previous, previous == null ? List.of() : holder.transformsProperty().get(), null,
                        previous == null ? "its target went to '" + row.source() + "'"
                                : "swapped with '" + row.source() + "'", previous != null);
            }
            row.assign(target, target == null ? List.of() : row.transformsProperty().get(), null,
                    target == null ? "not mapped by choice" : "chosen by hand", target != null);
        });
        return true;
    }

    public void setTransforms(MappingRow row, List<io.sluice.core.profile.TransformSpec> transforms) {
        history.record("Transforms of " + row.source(), rows,
                () -> row.transformsProperty().set(List.copyOf(transforms)));
    }

    /** Takes the last change to the mapping back. */
    public void undo() {
        history.undo(rows);
    }

    /** Makes the last undone change to the mapping again. */
    public void redo() {
        history.redo(rows);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** What undo would take back, e.g. "Map Water onto WATER_KG"; "" when nothing. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return history.undoDescriptionProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return history.redoDescriptionProperty();
    }

    /** The profile the screen shows now, or null before a table is chosen. */
    public Profile profile() {
        TableInfo info = tableInfo.get();
        if (info == null) {
            return null;
        }
        String name = profileName.get() == null || profileName.get().isBlank() ? "unnamed" : profileName.get().strip();
        return draft.build(name, sourceSettings(), info, rows);
    }

    /** Loads a profile from a file: its mappings apply as confirmed, its rules and settings are kept. */
    public void loadProfile(Path file) {
        if (sample == null) {
            error.set("Load a source first, then its profile.");
            return;
        }
        TargetChoice target = context.workbench().targetProperty().get();
        SourceSample read = sample;
        context.tasks().run("Loading profile " + file.getFileName(), ctx -> MappingSources.profile(file, target),
                result -> {
            Profile profile = result.profile();
            TableInfo info = result.table();
            applying = true;
            try {
                tableInfo.set(info);
                table.set(info.name());
                targetColumns.setAll(info.columns().stream().map(ColumnInfo::name).toList());
                notes.set(String.join(" ", draft.load(profile, rows, info, read.columns())));
                profileName.set(profile.name() == null ? baseName(file) : profile.name());
            } finally {
                applying = false;
            }
            history.clear();
            int n = draft.rules().size();
            keptRules.set(n == 0 ? "" : n + (n == 1 ? " profile rule kept" : " profile rules kept"));
            savedFile.set(file);
            lastSaved = profile();
            context.workbench().profileFileProperty().set(file);
            mappingChanged();
        }, failure -> error.set(ErrorText.sentence(failure)));
    }

    /** Saves the profile as JSON; it becomes the workbench's profile file. */
    public void saveProfile(Path file) {
        Profile profile = profile();
        if (profile == null) {
            error.set("Choose a target table before saving a profile.");
            return;
        }
        context.tasks().run("Saving profile " + file.getFileName(), ctx -> {
            ProfileIO.write(profile, file);
            return file;
        }, written -> {
            savedFile.set(written);
            lastSaved = profile;
            context.workbench().profileFileProperty().set(written);
        });
    }

    /**
     * Makes the profile the workbench's, starts validating the source with it into a new review and shows the
     * Review step, where the validation's progress and then the review appear; false (and nothing changed) while
     * {@link #blockerProperty()} says why not or a validation is already running.
     */
    public boolean validateAndReview() {
        updateBlocker();
        if (blocker.get() != null || context.validation().runningProperty().get()) {
            return false;
        }
        Profile profile = profile();
        Workbench workbench = context.workbench();
        workbench.profileProperty().set(profile);
        workbench.profileFileProperty().set(profile.equals(lastSaved) ? savedFile.get() : null);
        context.validation().start();
        workbench.stepProperty().set(Step.REVIEW);
        return true;
    }

    private void mappingChanged() {
        if (applying) {
            return;
        }
        updateBlocker();
        refreshPreview();
    }

    private void updateBlocker() {
        TableInfo info = tableInfo.get();
        if (sourceMissing.get() || info == null) {
            blocker.set(sourceMissing.get() ? "Load a source first."
                    : error.get() != null ? error.get() : "Choose a target table.");
            missingRequired.set("");
            return;
        }
        Profile profile = profile();
        blocker.set(MappingCheck.blocker(rows, profile));
        missingRequired.set(MappingCheck.missingRequired(info, profile));
    }

    private void refreshPreview() {
        if (previewTask != null) {
            previewTask.cancel();
        }
        TableInfo info = tableInfo.get();
        Profile profile = profile();
        if (sample == null || info == null || profile.columns().isEmpty()) {
            preview.set(null);
            previewError.set(null);
            return;
        }
        SourceSample read = sample;
        // A mapping that cannot compile (a bad date pattern, say) is part of what the preview shows, not a failure.
        previewTask = context.tasks().quiet("Previewing the mapping", ctx -> {
            try {
                return new PreviewResult(MappingSources.preview(profile, read, info, PREVIEW_ROWS), null);
            } catch (RuntimeException e) {
                return new PreviewResult(null, ErrorText.sentence(e));
            }
        }, result -> {
            previewError.set(result.error());
            preview.set(result.preview());
        });
    }

    private record PreviewResult(MappingPreview preview, String error) {
    }

    /** How the profile reads its source next time: as the Source step read it. */
    private SourceSettings sourceSettings() {
        SourceOptions options = context.workbench().sourceOptionsProperty().get();
        SourceInspection inspection = context.workbench().inspectionProperty().get();
        if (options == null) {
            return null;
        }
        boolean csv = inspection != null && inspection.format() == SourceFormat.CSV;
        String encoding = options.encoding() != null ? options.encoding().name()
                : csv ? inspection.encoding() : null;
        Character delimiter = options.delimiter() != null ? options.delimiter()
                : csv ? inspection.delimiter() : null;
        return new SourceSettings(csv ? null : options.sheet(), options.headerRow(), csv ? encoding : null,
                csv && delimiter != null ? String.valueOf(delimiter) : null);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
