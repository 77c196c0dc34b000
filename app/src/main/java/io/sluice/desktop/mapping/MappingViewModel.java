package io.sluice.desktop.mapping;

import io.sluice.core.mapping.Suggestion;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.ProfileFile;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
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

/**
 * The Mapping step's state: the target table, one {@link MappingRow} per source column (suggested, pending until
 * confirmed), a live preview of the mapped values, and the profile they make. Reads the source and the database in
 * the background; "Validate and review" puts the profile into the {@link Workbench} for the Review step.
 */
public final class MappingViewModel {

    /** How many source rows the preview maps. */
    public static final int PREVIEW_ROWS = 20;

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final ReviewValidation validation;
    private final ReadOnlyBooleanWrapper sourceMissing = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ObjectProperty<String> table = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TableInfo> tableInfo = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> targetColumns = FXCollections.observableArrayList();
    // The extractor tells the grid when a row's mapping changes, so its styles follow.
    private final ObservableList<MappingRow> rows = FXCollections.observableArrayList(r -> new Observable[] {
            r.targetProperty(), r.confirmedProperty(), r.confidenceProperty(), r.transformsProperty()});
    private final LivePreview preview;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper("Load a source first.");
    private final ReadOnlyStringWrapper missingRequired = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keptRules = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final StringProperty profileName = new SimpleStringProperty("");
    private final ProfileFile profileFile;
    private final ProfileDraft draft = new ProfileDraft();
    private final MappingEdits edits;
    private final TablesMappingViewModel severalTables;
    private final ReadOnlyBooleanWrapper mapsSeveralTables = new ReadOnlyBooleanWrapper();
    private SourceSample sample;
    private Path loadedFile;
    private Key loaded;
    /** Set while a background result is written back, so those writes do not start more work. */
    private boolean applying;

    /** What the grid was built from; when any of it changes the grid is rebuilt. */
    private record Key(Path file, SourceOptions options, TargetChoice target) {
    }

    /** {@code validation} is shared with the Review step, which shows the validation this step starts. */
    public MappingViewModel(Workbench workbench, TaskRunner tasks, DialogService dialogs,
                            ReviewValidation validation) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.validation = validation;
        this.preview = new LivePreview(tasks, PREVIEW_ROWS);
        this.edits = new MappingEdits(rows, dialogs);
        this.profileFile = new ProfileFile(workbench, tasks);
        this.severalTables = new TablesMappingViewModel(workbench, tasks, dialogs, validation, profileFile);
        table.addListener((obs, old, now) -> {
            if (!applying && now != null && !now.equals(old)) {
                chooseTable(now);
            }
        });
        workbench.targetProperty().addListener((obs, old, now) -> refresh());
        // a change becomes undoable after the rows moved: the first one, and undoing the last one, show here
        edits.canUndoProperty().addListener((obs, old, now) -> showDraft());
        workbench.profileProperty().addListener((obs, old, now) -> takeRules(now));
    }

    /**
     * The Rules step changes the workbench's profile: its rules become the ones this step keeps, so that "Validate
     * and review" validates with them, as long as the profile is about the table on screen.
     */
    private void takeRules(Profile profile) {
        TableInfo info = tableInfo.get();
        if (profile == null || info == null || !info.reference().equalsIgnoreCase(profile.table())
                || profile.rules().equals(draft.rules())) {
            return;
        }
        draft.takeRules(profile.rules());
        showKeptRules();
        updateBlocker();
    }

    private void showKeptRules() {
        int n = draft.rules().size();
        keptRules.set(n == 0 ? "" : n + (n == 1 ? " profile rule kept" : " profile rules kept")
                + "; the Rules step lists and changes them.");
    }

    /** The mapping onto several tables, shown instead of the grid while {@link #mapsSeveralTablesProperty()}. */
    public TablesMappingViewModel severalTables() {
        return severalTables;
    }

    /** True while the step maps the workbook onto several tables (a version-2 profile) rather than one. */
    public ReadOnlyBooleanProperty mapsSeveralTablesProperty() {
        return mapsSeveralTables.getReadOnlyProperty();
    }

    /** Shows the mapping onto several tables, with the target's tables to pick from ("Map onto several tables…"). */
    public void mapSeveralTables() {
        severalTables.offerTables(List.copyOf(tables));
        mapsSeveralTables.set(true);
        severalTables.changed();
    }

    /** Back to the mapping onto one table; the several tables' mapping is kept until another file is opened. */
    public void mapOneTable() {
        mapsSeveralTables.set(false);
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
        return preview.previewProperty();
    }

    /** Why the preview cannot be shown, as one sentence; null when it can. */
    public ReadOnlyStringProperty previewErrorProperty() {
        return preview.errorProperty();
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

    /** "N profile rules kept; the Rules step lists and changes them." once the profile has rules, else "". */
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
        return profileFile.fileProperty();
    }

    /** "file  →  table" above the grid. */
    public StringBinding subtitleBinding() {
        return Bindings.createStringBinding(() -> {
            Path file = workbench.sourceFileProperty().get();
            return (file == null ? "" : file.getFileName().toString()) + "  →  "
                    + (table.get() == null ? "choose a table" : table.get());
        }, workbench.sourceFileProperty(), table);
    }

    /** Loads the suggested profile file, if there is one. */
    public void loadSuggested() {
        if (profileFile.suggested() != null) {
            loadProfile(profileFile.suggested());
        }
    }

    /** The profile file: where it was saved or loaded, the one suggested with the source, where dialogs start. */
    public ProfileFile profileFile() {
        return profileFile;
    }

    /** The file name the save dialog offers. */
    public String profileFileName() {
        return profileName.get() + ".profile.json";
    }

    /** What the empty grid says: why the source or target could not be read, or that they are being read. */
    public StringBinding gridPlaceholderBinding() {
        return Bindings.createStringBinding(() -> error.get() != null ? error.get()
                : "Reading the source and the target…", error);
    }

    /** Whether "Confirm all high-confidence" has anything to confirm. */
    public BooleanBinding canConfirmAllBinding() {
        return Bindings.createBooleanBinding(edits::anyHighConfidencePending, rows);
    }

    /** Back to the Source step. */
    public void goToSource() {
        workbench.stepProperty().set(Step.SOURCE);
    }

    /** Reads the source and the target again when either changed since the grid was built. */
    public void refresh() {
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
        Profile several = severalTables.profile();
        if (mapsSeveralTables.get() && several != null && loaded != null && loaded.file().equals(file)) {
            // the same workbook onto another target: its tables are read again from there
            severalTables.open(several, null);
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
        TaskHandle reading = tasks.run("Suggesting a mapping for " + key.file().getFileName(),
                ctx -> MappingSources.load(key.file(), key.options(), key.target(), wanted, ctx), result -> {
            loadedFile = key.file();
            sample = result.sample();
            if (newFile) {
                severalTables.clear();
                mapsSeveralTables.set(false);
            }
            // A profile loaded for another file or target no longer applies: the steward loads one again.
            draft.clear();
            edits.clear();
            notes.set("");
            profileFile.clear();
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
                    profileName.set(ProfileFile.baseName(key.file()));
                }
                showTable(result.table(), result.suggestion());
                if (wanted != null && !wanted.equals(result.table().reference())) {
                    // the steward's table is gone from this target's list: never a silent switch to another one
                    notes.set("Table " + wanted + " is not among the tables " + key.target().label() + " offers"
                            + " (it is not there, or your role may only read it): the mapping is suggested onto "
                            + result.table().reference() + " instead.");
                }
            } finally {
                applying = false;
            }
            loading.set(false);
            mappingChanged();
        }, this::failed);
        // stopped with Cancel in the status bar, the read leaves no result: say so, and read again when asked
        reading.whenCancelled(() -> {
            if (key.equals(loaded)) {
                loaded = null;
                loading.set(false);
                error.set("Reading " + key.file().getFileName() + " and the target's tables was cancelled; Next:"
                        + " Mapping in the Source step reads them again.");
                updateBlocker();
            }
        });
    }

    private void chooseTable(String name) {
        if (sample == null) {
            return;
        }
        TargetChoice target = workbench.targetProperty().get();
        SourceSample read = sample;
        loading.set(true);
        tasks.run("Suggesting a mapping onto " + name, ctx -> MappingSources.onto(name, read, target),
                result -> {
            // one step the steward can take back: a table chosen by a slip of the keyboard loses no mapping
            edits.record("Choose table " + result.table().reference(), screen, () -> {
                applying = true;
                try {
                    draft.clear();
                    notes.set("");
                    showTable(result.table(), result.suggestion());
                } finally {
                    applying = false;
                }
            });
            loading.set(false);
            mappingChanged();
        }, this::failed);
    }

    private void showTable(TableInfo info, Suggestion suggestion) {
        showTableOf(info);
        MappingRow.suggest(rows, suggestion);
        keptRules.set("");
    }

    private void failed(Throwable failure) {
        loading.set(false);
        error.set(ErrorText.sentence(failure));
        updateBlocker();
    }

    /** The steward's undoable changes to the grid: targets, confirmations, transforms. */
    public MappingEdits edits() {
        return edits;
    }

    /** The profile the screen shows now, or null before a table is chosen. */
    public Profile profile() {
        TableInfo info = tableInfo.get();
        if (info == null) {
            return null;
        }
        String name = profileName.get() == null || profileName.get().isBlank() ? "unnamed" : profileName.get().strip();
        return draft.build(name, ProfileDraft.sourceSettings(workbench.sourceOptionsProperty().get(),
                workbench.inspectionProperty().get()), info, rows);
    }

    /** Loads a profile from a file: its mappings apply as confirmed, its rules and settings are kept. */
    public void loadProfile(Path file) {
        if (sample == null) {
            error.set("Load a source first, then its profile.");
            return;
        }
        TargetChoice target = workbench.targetProperty().get();
        SourceSample read = sample;
        tasks.run("Loading profile " + file.getFileName(), ctx -> MappingSources.profile(file, target),
                result -> {
            Profile profile = result.profile();
            if (profile.mapsSeveralTables()) {
                severalTables.offerTables(List.copyOf(tables));
                mapsSeveralTables.set(true);
                severalTables.open(profile, file);
                return;
            }
            TableInfo info = result.table();
            // one step the steward can take back: the table, grid, rules and name as they were before it
            edits.record("Load profile " + file.getFileName(), screen, () -> {
                applying = true;
                try {
                    showTableOf(info);
                    List<String> said = new ArrayList<>(draft.load(profile, rows, info, read.columns()));
                    said.addAll(result.ruleNotes());
                    notes.set(String.join(" ", said));
                    profileName.set(profile.name() == null ? ProfileFile.baseName(file) : profile.name());
                } finally {
                    applying = false;
                }
            });
            showKeptRules();
            profileFile.matches(file, profile());
            mappingChanged();
        }, failure -> error.set(ErrorText.sentence(failure)));
    }

    /** What a profile loaded changes beside the grid's rows, for its undo. */
    private record Screen(TableInfo table, ProfileDraft.State draft, String name, String notes) {
    }

    private final MappingHistory.Screen screen = new MappingHistory.Screen() {
        @Override
        public Object capture() {
            return new Screen(tableInfo.get(), draft.state(), profileName.get(), notes.get());
        }

        @Override
        public void restore(Object state) {
            Screen shown = (Screen) state;
            applying = true;
            try {
                showTableOf(shown.table());
                draft.restore(shown.draft());
                profileName.set(shown.name());
                notes.set(shown.notes());
            } finally {
                applying = false;
            }
            showKeptRules();
            mappingChanged();
        }
    };

    private void showTableOf(TableInfo info) {
        tableInfo.set(info);
        table.set(info == null ? null : info.reference());
        targetColumns.setAll(info == null ? List.of() : info.columns().stream().map(ColumnInfo::name).toList());
    }

    /** Saves the profile as JSON; it becomes the workbench's profile file. */
    public void saveProfile(Path file) {
        Profile profile = profile();
        if (profile == null) {
            error.set("Choose a target table before saving a profile.");
            return;
        }
        profileFile.save(profile, file);
    }

    /**
     * Makes the profile the workbench's, starts validating the source with it into a new review and shows the
     * Review step, where the validation's progress and then the review appear; false (and nothing changed) while
     * {@link #blockerProperty()} says why not or a validation is already running.
     */
    public boolean validateAndReview() {
        updateBlocker();
        if (blocker.get() != null || validation.runningProperty().get()) {
            return false;
        }
        Profile profile = profile();
        workbench.profileProperty().set(profile);
        workbench.profileFileProperty().set(profileFile.holding(profile));
        validation.start();
        workbench.stepProperty().set(Step.REVIEW);
        return true;
    }

    /**
     * Makes the profile the workbench's without validating and shows the Rules step, where the steward writes rules
     * before a first validation; false (and nothing changed) while {@link #blockerProperty()} says why not.
     */
    public boolean writeRules() {
        updateBlocker();
        if (blocker.get() != null) {
            return false;
        }
        Profile profile = profile();
        workbench.profileProperty().set(profile);
        workbench.profileFileProperty().set(profileFile.holding(profile));
        workbench.stepProperty().set(Step.RULES);
        return true;
    }

    private void mappingChanged() {
        if (applying) {
            return;
        }
        updateBlocker();
        refreshPreview();
        showDraft();
    }

    /** The mapping on screen is work in progress once the steward changed it, until that is all undone. */
    private void showDraft() {
        workbench.mappingDraftProperty().set(edits.canUndoProperty().get() ? profile() : null);
    }

    /**
     * The title of what the step says while it has no source to map: a file opened but not yet confirmed in the Source step is
     * there, only how to read it is not decided.
     */
    public StringBinding emptyTitleBinding() {
        return Bindings.createStringBinding(() -> emptyState()[0], workbench.sourceFileProperty());
    }

    /** The sentence under {@link #emptyTitleBinding()}: what to do in the Source step. */
    public StringBinding emptyTextBinding() {
        return Bindings.createStringBinding(() -> emptyState()[1], workbench.sourceFileProperty());
    }

    private String[] emptyState() {
        Path file = workbench.sourceFileProperty().get();
        if (file == null) {
            return new String[] {"Load a source first", "Open a spreadsheet or CSV file in the Source step and choose"
                    + " its header row; then map its columns here."};
        }
        return new String[] {"Confirm how to read " + file.getFileName(), "Check its sheet and header row in the"
                + " Source step and press Next: Mapping; then map its columns here."};
    }

    private void updateBlocker() {
        TableInfo info = tableInfo.get();
        if (sourceMissing.get() || info == null) {
            blocker.set(sourceMissing.get() ? emptyState()[0] + "."
                    : error.get() != null ? error.get() : "Choose a target table.");
            missingRequired.set("");
            return;
        }
        Profile profile = profile();
        blocker.set(MappingCheck.blocker(rows, profile));
        missingRequired.set(MappingCheck.missingRequired(info, profile));
    }

    private void refreshPreview() {
        preview.refresh(tableInfo.get() == null ? null : profile(), sample, tableInfo.get());
    }
}
