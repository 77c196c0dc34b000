package io.sluice.desktop.mapping;

import io.sluice.core.database.TableInfo;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.source.SourceOptions;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.ProfileFile;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Mapping step for a workbook onto several related tables (a version-2 profile): one {@link TablePart} per
 * target table, the order the tables are written in (parents first) or the cycle that forbids one, each table's first
 * problem as a sentence, a preview of the rows the selected table makes, and the profile they add up to. Opened from
 * a version-2 profile or suggested for tables the steward picks; reads the workbook and the target in the background.
 */
public final class TablesMappingViewModel {

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ReviewValidation validation;
    private final ProfileFile profileFile;
    private final ObservableList<TablePart> parts = FXCollections.observableArrayList();
    private final ObjectProperty<TablePart> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final ObservableList<String> targetTables = FXCollections.observableArrayList();
    private final ObservableList<String> pickedTables = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper order = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cycle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper blocker = new ReadOnlyStringWrapper("Open a profile onto several tables, or"
            + " pick the tables to map the workbook onto.");
    private final Map<String, SourceSample> samples = new HashMap<>();
    private final Map<String, TableInfo> infos = new HashMap<>();
    private final TablePreviews previews;
    private final InvalidationListener changed = o -> changed();
    private List<String> nullMarkers = List.of();
    private List<GateSpec> gates = List.of();
    /** Set while a background result is written back, so those writes do not each check the whole mapping. */
    private boolean applying;

    TablesMappingViewModel(Workbench workbench, TaskRunner tasks, DialogService dialogs, ReviewValidation validation,
                           ProfileFile profileFile) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.validation = validation;
        this.profileFile = profileFile;
        this.previews = new TablePreviews(tasks);
        selected.addListener((obs, old, now) -> refreshPreview());
    }

    /** One entry per target table, in the profile's order. */
    public ObservableList<TablePart> parts() {
        return parts;
    }

    /** The table on screen. */
    public ObjectProperty<TablePart> selectedProperty() {
        return selected;
    }

    /** The workbook's visible sheets, for each table's sheet choice. */
    public ObservableList<String> sheets() {
        return sheets;
    }

    /** The target's tables, to pick the ones to map onto. */
    public ObservableList<String> targetTables() {
        return targetTables;
    }

    /** The tables the steward picked for a suggestion. */
    public ObservableList<String> pickedTables() {
        return pickedTables;
    }

    /** The profile's name, saved with it and shown in batches. */
    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the workbook, the target or a profile could not be read, as one sentence; null when they could. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Written in this order: a → b → c"; "" while there are no tables or the references go round. */
    public ReadOnlyStringProperty orderProperty() {
        return order.getReadOnlyProperty();
    }

    /**
     * What the steward should know of the workbook after a profile was opened: each sheet's columns the profile does
     * not map, and those Sluice added when it sent the rows back; "" when there is nothing to say.
     */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** The cycle among the references as one sentence; null when there is none. */
    public ReadOnlyStringProperty cycleProperty() {
        return cycle.getReadOnlyProperty();
    }

    /** Why the mapping cannot go to the review yet, as one sentence naming the table; null when it can. */
    public ReadOnlyStringProperty blockerProperty() {
        return blocker.getReadOnlyProperty();
    }

    /** The target changed or the mapping was opened afresh: offers the target's tables to pick from. */
    void offerTables(List<String> tables) {
        targetTables.setAll(tables);
    }

    /** Reads what a version-2 profile needs and shows one table per part, its mappings confirmed. */
    void open(Profile profile, Path file) {
        Path source = workbench.sourceFileProperty().get();
        SourceOptions options = workbench.sourceOptionsProperty().get();
        TargetChoice target = workbench.targetProperty().get();
        loading.set(true);
        error.set(null);
        TaskHandle reading = tasks.run("Reading the sheets and tables of profile " + profile.name(),
                ctx -> TablesSources.open(source, options, profile, target, ctx), opened -> {
            show(opened);
            // a column the sender added since the profile was made: the steward sees that the workbook has changed
            notes.set(String.join(" ", TablesSources.unmapped(opened)));
            if (file != null) {
                profileFile.matches(file, profile());
            }
        }, this::failed);
        whenCancelled(reading, "Reading the sheets and tables of profile " + profile.name() + " was cancelled; load"
                + " the profile again to map the workbook with it.");
    }

    /** Suggests a mapping per picked table, sheet by sheet; the suggestions stay pending until confirmed. */
    public void suggest() {
        Path source = workbench.sourceFileProperty().get();
        if (source == null) {
            error.set("Load a source first, then pick the tables to map it onto.");
            return;
        }
        SourceOptions options = workbench.sourceOptionsProperty().get();
        TargetChoice target = workbench.targetProperty().get();
        List<String> picked = List.copyOf(pickedTables);
        String profileName = name.get() == null || name.get().isBlank() ? ProfileFile.baseName(source)
                : name.get().strip();
        loading.set(true);
        error.set(null);
        TaskHandle suggesting = tasks.run("Suggesting a mapping onto " + String.join(", ", picked),
                ctx -> TablesSources.suggest(source, options, picked, profileName, target, ctx), opened -> {
            profileFile.clear();
            notes.set("");
            show(opened);
        }, this::failed);
        whenCancelled(suggesting, "Suggesting a mapping onto " + String.join(", ", picked) + " was cancelled;"
                + " suggest again to map the workbook onto them.");
    }

    private void show(TablesSources.Opened opened) {
        Profile profile = opened.profile();
        applying = true;
        try {
            samples.clear();
            samples.putAll(opened.samples());
            infos.clear();
            infos.putAll(opened.infos());
            sheets.setAll(opened.sheets());
            targetTables.setAll(opened.tables());
            nullMarkers = profile.nullMarkers();
            gates = profile.gates();
            name.set(profile.name() == null ? "" : profile.name());
            List<TablePart> built = new ArrayList<>();
            for (TableMapping mapping : profile.tables()) {
                TablePart part = new TablePart(mapping, infos.get(TablesSources.key(mapping.table())), dialogs);
                String sheet = mapping.sheet() == null ? "" : mapping.sheet();
                part.showSheet(samples.get(sheet), mapping.source() == null ? null : mapping.source().headerRow(),
                        true);
                var suggestion = opened.suggestions().get(TablesSources.key(mapping.table()));
                if (suggestion != null) {
                    part.suggest(suggestion);
                }
                watch(part);
                built.add(part);
            }
            pickedTables.setAll(profile.tables().stream().map(TableMapping::table).toList());
            parts.setAll(built);
            selected.set(built.isEmpty() ? null : built.get(0));
        } finally {
            applying = false;
        }
        loading.set(false);
        changed();
    }

    private void watch(TablePart part) {
        part.rows().addListener(changed);
        part.naturalKey().addListener(changed);
        part.commitModeProperty().addListener(changed);
        part.references().addListener(changed);
        part.unpivot().enabledProperty().addListener(changed);
        part.unpivot().columns().addListener(changed);
        part.unpivot().headerValues().addListener(changed);
        part.unpivot().headerTargetProperty().addListener(changed);
        part.unpivot().valueTargetProperty().addListener(changed);
        part.unpivot().valueTransformsProperty().addListener(changed);
        part.sheetProperty().addListener((obs, old, now) -> {
            if (!applying && now != null && !now.equals(old)) {
                chooseSheet(part, now, old);
            }
        });
    }

    /**
     * Feeds the table from another sheet: its first rows are read when they are not yet. A read stopped with Cancel
     * puts the table back on the sheet it was fed from, as if it had not been chosen.
     */
    private void chooseSheet(TablePart part, String sheet, String before) {
        SourceSample known = samples.get(sheet);
        if (known != null) {
            part.showSheet(known, null, false);
            changed();
            return;
        }
        Path source = workbench.sourceFileProperty().get();
        SourceOptions options = workbench.sourceOptionsProperty().get();
        loading.set(true);
        TaskHandle reading = tasks.run("Reading sheet " + sheet,
                ctx -> TablesSources.sheet(source, options, sheet, ctx), read -> {
            samples.put(sheet, read);
            loading.set(false);
            if (sheet.equals(part.sheetProperty().get())) {
                part.showSheet(read, null, false);
            }
            changed();
        }, this::failed);
        reading.whenCancelled(() -> {
            loading.set(false);
            if (sheet.equals(part.sheetProperty().get())) {
                applying = true;
                try {
                    part.sheetProperty().set(before);
                } finally {
                    applying = false;
                }
            }
            changed();
        });
    }

    /** A read or suggestion stopped with Cancel leaves nothing new: it says so instead of loading for ever. */
    private void whenCancelled(TaskHandle task, String sentence) {
        task.whenCancelled(() -> {
            loading.set(false);
            error.set(sentence);
            blocker.set(sentence);
        });
    }

    /** Adds the references the target's foreign keys propose onto other tables of the mapping; returns how many. */
    public int addForeignKeyReferences(TablePart part) {
        List<TableReference> proposed = part.foreignKeyReferences(parts);
        part.references().addAll(proposed);
        return proposed.size();
    }

    /** The parent natural-key column a reference goes through, as the commit will look it up. */
    public String parentKeyOf(TableReference reference) {
        return TablesSources.parentKey(profile(), reference);
    }

    /** The tables a reference of {@code part} may point at: the other tables of the mapping. */
    public List<String> parentChoices(TablePart part) {
        return parts.stream().map(TablePart::table).filter(t -> !t.equalsIgnoreCase(part.table())).toList();
    }

    /**
     * The columns a reference to {@code parentTable} may go through: the parent's natural key first (the one a
     * reference must use today), then the parent's other columns; empty for a table not in the mapping.
     */
    public List<String> keyChoices(String parentTable) {
        TablePart parent = parts.stream().filter(p -> p.table().equalsIgnoreCase(String.valueOf(parentTable)))
                .findFirst().orElse(null);
        if (parent == null) {
            return List.of();
        }
        List<String> choices = new ArrayList<>(parent.naturalKey());
        parent.targetColumns().stream().filter(c -> choices.stream().noneMatch(c::equalsIgnoreCase))
                .forEach(choices::add);
        return choices;
    }

    /** The profile the screen shows now; null before any table is shown. */
    public Profile profile() {
        if (parts.isEmpty()) {
            return null;
        }
        String shown = name.get() == null || name.get().isBlank() ? "unnamed" : name.get().strip();
        return Profile.ofTables(shown, nullMarkers, parts.stream().map(TablePart::toTableMapping).toList(), gates);
    }

    /** Saves the profile as JSON; it becomes the workbench's profile file. */
    public void saveProfile(Path file) {
        Profile profile = profile();
        if (profile == null) {
            error.set("Pick the tables to map onto before saving a profile.");
            return;
        }
        profileFile.save(profile, file);
    }

    /**
     * Makes the profile the workbench's and shows the Rules step, where each table's rules are written, when
     * {@link #blockerProperty()} has nothing against it; false (and nothing changed) otherwise.
     */
    public boolean writeRules() {
        changed();
        if (blocker.get() != null) {
            return false;
        }
        Profile profile = profile();
        workbench.profileProperty().set(profile);
        workbench.profileFileProperty().set(profileFile.holding(profile));
        workbench.stepProperty().set(Step.RULES);
        return true;
    }

    /**
     * Makes the profile the workbench's and starts the review of the workbook, when {@link #blockerProperty()} has
     * nothing against it; false (and nothing changed) otherwise or while a validation runs.
     */
    public boolean validateAndReview() {
        changed();
        if (blocker.get() != null || validation.runningProperty().get()) {
            return false;
        }
        Profile profile = profile();
        workbench.profileProperty().set(profile);
        workbench.profileFileProperty().set(profileFile.holding(profile));
        startWorkbookReview();
        return true;
    }

    /**
     * The seam to the review of a workbook onto several tables: validates the workbench's source with its version-2
     * profile into a new review and shows the Review step. The shared {@link ReviewValidation} is where a version-2
     * profile is told apart from a version-1 one; until it builds the workbook review it says in one sentence that it
     * cannot.
     */
    private void startWorkbookReview() {
        validation.start();
        workbench.stepProperty().set(Step.REVIEW);
    }

    /** Checks every table again and shows the write order, the problems and the preview of the table on screen. */
    void changed() {
        if (applying) {
            return;
        }
        Profile profile = profile();
        if (profile == null) {
            order.set("");
            cycle.set(null);
            blocker.set(error.get() != null ? error.get() : "Pick at least two tables to map the workbook onto.");
            return;
        }
        String cycleSentence = TablesCheck.cycle(profile);
        cycle.set(cycleSentence);
        order.set(cycleSentence == null ? "Written in this order: " + TablesCheck.order(profile) : "");
        Path source = workbench.sourceFileProperty().get();
        List<String> problems = TablesCheck.problems(profile, parts, sheets,
                source == null ? "the workbook" : source.getFileName().toString(),
                workbench.targetProperty().get().label(), infos);
        String first = null;
        for (int i = 0; i < parts.size(); i++) {
            TablePart part = parts.get(i);
            part.showProblem(problems.get(i));
            List<String> unfilled = part.unfilledRequired(profile.tables().get(i));
            part.showMissingRequired(unfilled.isEmpty() ? "" : "Nothing fills the required column"
                    + (unfilled.size() == 1 ? " " : "s ") + String.join(", ", unfilled) + " of table "
                    + part.table() + ": every row will fail validation.");
            if (first == null && problems.get(i) != null) {
                String problem = problems.get(i);
                first = problem.contains(part.table()) ? problem : "Table " + part.table() + ": "
                        + Character.toLowerCase(problem.charAt(0)) + problem.substring(1);
            }
        }
        if (error.get() != null) {
            first = error.get();
        }
        if (first == null && cycleSentence != null) {
            first = cycleSentence;
        }
        if (first == null) {
            ProfileProblem problem = ProfileValidator.firstProblem(profile);
            first = problem == null ? null : "The profile is not usable yet: " + problem.message() + ".";
        }
        blocker.set(first);
        refreshPreview();
    }

    private void refreshPreview() {
        TablePart part = selected.get();
        Profile profile = profile();
        previews.refresh(part, profile, part == null || profile == null ? null
                : profile.tables().get(parts.indexOf(part)), infos);
    }

    /** The tables on screen stay, but were not read from this workbook and target: the error holds the review back. */
    private void failed(Throwable failure) {
        loading.set(false);
        error.set(ErrorText.sentence(failure));
        blocker.set(error.get());
    }

    /** Forgets the tables shown, e.g. when another file is opened. */
    void clear() {
        previews.cancel();
        parts.clear();
        selected.set(null);
        samples.clear();
        infos.clear();
        sheets.clear();
        pickedTables.clear();
        error.set(null);
        changed();
    }
}
