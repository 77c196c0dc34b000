package io.sluice.desktop.rules;

import io.sluice.core.Severity;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.ColumnStats;
import io.sluice.core.rules.ExpressionKinds;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.usecase.ColumnStatistics;
import io.sluice.core.usecase.RulesInForce;
import io.sluice.core.usecase.TargetTables;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.ProfileFile;
import io.sluice.desktop.RecordedProfile;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Debounce;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Rules step's state: every rule in force for the workbench's profile and target, each with its origin; the
 * target's shown read-only with the reason, the profile's edited in a {@link RuleForm} with a live
 * {@link RuleHitPreview}. Adding, changing, duplicating and deleting a rule changes the workbench's profile at once
 * (the Review and Commit steps use it); "Save profile" writes it to its file. A profile onto several tables is
 * edited one table at a time, chosen in {@link RuleTables}; on a workbook review its rules go to the sheet feeding it.
 */
public final class RulesViewModel {

    static final String READ_ONLY = "This rule comes from the target table's definition, and the database enforces"
            + " it on every commit anyway; change it in the database, not here.";
    static final String NO_PROFILE = "The rules follow the mapping: map the columns in the Mapping step and choose"
            + " Rules… (or Validate and review) to list and write them.";

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ProfileFile profileFile;
    static final String TAKE_OUT = "Take them out now";
    static final String LEAVE = "Leave them until the next validation";
    private static final String PROFILE_RULES_ONLY = "Only the profile's rules are listed: ";

    /** How many of a column's most frequent values are offered for the allowed values. */
    static final int COLUMN_VALUES = 200;

    private final RuleForm form = new RuleForm();
    private final RuleHitPreview preview;
    private final ExpressionTryout tryout;
    private final RuleTemplateQuestions templates;
    private final RuleOnReview onReview;
    private final RuleTables ruleTables = new RuleTables();
    private final Latest listing = new Latest();
    private final ObservableList<RuleInfo> rules = FXCollections.observableArrayList();
    private final FilteredList<RuleInfo> shown = new FilteredList<>(rules);
    private final ObjectProperty<Shown> showing = new SimpleObjectProperty<>(Shown.ALL);
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    /** The workbook sheet whose tables the step last opened on; see {@link #followReviewedSheet}. */
    private String followedSheet;
    private final ObservableList<String> keyColumns = FXCollections.observableArrayList();
    private final ObservableList<String> mappedColumns = FXCollections.observableArrayList();
    private final ObservableList<ColumnStats.ValueCount> columnValues = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RuleInfo> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnly = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper empty = new ReadOnlyStringWrapper(NO_PROFILE);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    /** The profile index of the rule in the form; -1 for a new rule. */
    private int editedIndex = -1;
    private boolean relisting;
    private Profile listed;
    private TargetChoice listedTarget;
    private String listedTable;
    /** The sentence that told how applying a rule, or taking its findings out, went; null once moved on from. */
    private String toldOnReview;
    /**
     * The id a kept rule had before the steward renamed it, by its id now (lower case): the open review knows its
     * findings under that id until the rule is applied again or taken out.
     */
    private final Map<String, String> formerIds = new HashMap<>();

    /** Which rules the list shows: all (the profile's first), only the profile's, or only the target's. */
    public enum Shown {
        ALL("all"), PROFILE("written in the profile"), TARGET("from the target");

        private final String label;

        Shown(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean shows(RuleInfo rule) {
            return this == ALL || rule.editable() == (this == PROFILE);
        }
    }

    public RulesViewModel(Workbench workbench, TaskRunner tasks, DialogService dialogs, Debounce.Delay typing) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.profileFile = new ProfileFile(workbench, tasks);
        this.preview = new RuleHitPreview(tasks, typing);
        this.tryout = new ExpressionTryout(workbench, tasks, form);
        this.onReview = new RuleOnReview(workbench, tasks, sentence -> {
            toldOnReview = sentence;
            status.set(sentence);
        });
        this.templates = new RuleTemplateQuestions(workbench, tasks, dialogs, new RuleTemplateQuestions.Outlet() {
            @Override
            public String freeId(String base) {
                return RulesViewModel.this.freeId(base);
            }

            @Override
            public String sourceHeader(String column) {
                return RulesViewModel.this.sourceHeader(column);
            }

            @Override
            public void start(RuleSpec rule) {
                startFrom(rule);
            }

            @Override
            public void tell(String sentence) {
                status.set(sentence);
            }

            @Override
            public RuleTables.Place place() {
                return ruleTables.place(workbench.profileProperty().get());
            }
        });
        form.specProperty().addListener((o, was, now) -> {
            forgetToldOnReview();
            offerPreview();
        });
        form.tableProperty().addListener((o, was, now) -> readKeyColumns(now));
        form.columnProperty().addListener((o, was, now) -> columnValues.clear());
        workbench.profileProperty().addListener((o, was, now) -> refresh());
        workbench.targetProperty().addListener((o, was, now) -> refresh());
        workbench.reviewProperty().addListener((o, was, now) -> offerPreview());
        workbench.sourceFileProperty().addListener((o, was, now) -> formerIds.clear());
        showing.addListener((o, was, now) -> {
            Shown filter = now == null ? Shown.ALL : now;
            shown.setPredicate(filter::shows);
            RuleInfo chosen = selected.get();
            if (chosen != null && !filter.shows(chosen) && !(editing.get() && form.changedProperty().get())) {
                select(null);
            }
        });
    }

    /** Lists the rules again when the profile or the target changed since; adopts an opened review's profile. */
    public void refresh() {
        Profile profile = workbench.profileProperty().get();
        Path review = workbench.reviewProperty().get();
        if (profile == null && review != null) {
            adoptRecordedProfile(review);
            return;
        }
        if (profile == null) {
            empty.set(NO_PROFILE);
            rules.clear();
            closeForm();
            listed = null;
            return;
        }
        empty.set(null);
        ruleTables.follow(profile);
        followReviewedSheet(profile);
        String table = ruleTables.chosenProperty().get();
        TargetChoice target = workbench.targetProperty().get();
        if (profile.equals(listed) && target.equals(listedTarget) && Objects.equals(table, listedTable)) {
            return;
        }
        listed = profile;
        listedTarget = target;
        listedTable = table;
        mappedColumns.setAll(table != null ? ruleTables.mappedColumns(profile)
                : profile.columns().stream().map(ColumnMapping::target).toList());
        form.mappedColumns(mappedColumns);
        form.columnKinds(Map.of()); // the table's, once read below
        // at once from the profile alone; the target's rules and the descriptions follow from the database
        show(profileRulesOnly(ruleTables.edited(profile)));
        loading.set(true);
        Latest.Request request = listing.next();
        tasks.quiet("Reading the rules in force", ctx -> {
            try (TargetDatabase db = target.open()) {
                RulesInForce.Listing rulesInForce = table == null ? RulesInForce.list(profile, db)
                        : RulesInForce.listTable(profile, table, db);
                return new Listed(rulesInForce.rules(), TargetTables.lookupTables(db), rulesInForce.kinds(),
                        rulesInForce.notes());
            }
        }, request.then(result -> {
            loading.set(false);
            if (status.get().startsWith(PROFILE_RULES_ONLY)) {
                status.set("");
            }
            tables.setAll(result.tables());
            form.columnKinds(result.kinds());
            show(result.rules());
            if (!result.notes().isEmpty() && status.get().isEmpty()) {
                // the profile keeps such a rule (never lose a steward's work), but says what to write instead
                status.set(String.join(" ", result.notes()));
            }
        }), request.<Throwable>then(error -> {
            loading.set(false);
            status.set(PROFILE_RULES_ONLY + ErrorText.sentence(error));
        }));
    }

    private record Listed(List<RuleInfo> rules, List<String> tables, Map<String, ExpressionKinds.Kind> kinds,
                          List<String> notes) {
    }

    private void adoptRecordedProfile(Path review) {
        tasks.quiet("Reading the profile of " + review.getFileName(), ctx -> RecordedProfile.of(review),
                recorded -> {
                    if (!review.equals(workbench.reviewProperty().get())) {
                        // closed, or another file opened, while its profile was read: it no longer applies
                        return;
                    }
                    if (recorded != null && workbench.profileProperty().get() == null) {
                        workbench.profileProperty().set(recorded);
                    } else if (recorded == null) {
                        empty.set(NO_PROFILE);
                    }
                });
    }

    /** The profile's rules as a list without the target: what shows while it is read, or when it cannot be. */
    static List<RuleInfo> profileRulesOnly(Profile profile) {
        List<RuleInfo> infos = new ArrayList<>();
        for (int i = 0; i < profile.rules().size(); i++) {
            RuleSpec spec = profile.rules().get(i);
            List<String> columns = new ArrayList<>(spec.columns());
            if (spec.column() != null) {
                columns.add(0, spec.column());
            }
            Severity severity = "warning".equalsIgnoreCase(spec.severity()) ? Severity.WARNING : Severity.ERROR;
            String description = spec.message() != null ? spec.message() : spec.type() + " rule";
            infos.add(new RuleInfo(RuleSet.idOf(spec), spec.type(), columns, severity, description,
                    RuleInfo.Origin.PROFILE, i));
        }
        return infos;
    }

    private void show(List<RuleInfo> listed) {
        RuleInfo was = selected.get();
        // a table loses its selection when its items are replaced: that is no choice of the steward's
        relisting = true;
        try {
            // the steward's own rules first: they are the ones written and changed here
            rules.setAll(listed.stream().sorted(Comparator.comparing(RuleInfo::editable).reversed()).toList());
        } finally {
            relisting = false;
        }
        if (was != null) {
            RuleInfo same = rules.stream().filter(r -> r.id().equals(was.id()) && r.origin() == was.origin())
                    .findFirst().orElse(null);
            selected.set(null);
            selected.set(same);
            if (same != null && same.editable()) {
                editedIndex = same.profileIndex();
            }
        }
        form.takenIds(otherIds());
    }

    /**
     * Shows a rule: a profile rule in the form, a target rule with why it is read-only. False (and nothing changed)
     * when the form holds changes the steward chose to keep working on.
     */
    public boolean select(RuleInfo rule) {
        if (relisting || rule == selected.get()) {
            return true;
        }
        if (!mayLeaveForm()) {
            return false;
        }
        open(rule);
        return true;
    }

    private void open(RuleInfo rule) {
        forgetToldOnReview();
        selected.set(rule);
        if (rule == null) {
            closeForm();
        } else if (rule.editable()) {
            readOnly.set("");
            editedIndex = rule.profileIndex();
            form.takenIds(otherIds());
            form.load(edited().rules().get(editedIndex));
            editing.set(true);
            offerPreview();
        } else {
            closeForm();
            readOnly.set(READ_ONLY);
        }
    }

    /** Starts a new rule of that kind in the form; the list gets it when the steward keeps it. */
    public void add(RuleKind kind) {
        if (workbench.profileProperty().get() == null || !mayLeaveForm()) {
            return;
        }
        forgetToldOnReview();
        selected.set(null);
        readOnly.set("");
        editedIndex = -1;
        form.takenIds(otherIds());
        form.startNew(kind);
        editing.set(true);
        offerPreview();
    }

    /**
     * Asks the template's few questions and puts the rule it writes into the form as a new rule; the outlier
     * template reads the column's mean and standard deviation from the open review first.
     */
    public void addFromTemplate(RuleTemplate template) {
        if (workbench.profileProperty().get() == null || mappedColumns.isEmpty() || !mayLeaveForm()) {
            return;
        }
        templates.ask(template, mappedColumns);
    }

    private void startFrom(RuleSpec rule) {
        status.set("");
        selected.set(null);
        readOnly.set("");
        editedIndex = -1;
        form.takenIds(otherIds());
        form.startFrom(rule);
        editing.set(true);
        offerPreview();
    }

    private String freeId(String base) {
        Set<String> taken = allIds();
        String id = base;
        for (int n = 2; taken.contains(id.toLowerCase(Locale.ROOT)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    /** Puts the form's rule into the profile: replaces the rule edited, or adds the new one. */
    public boolean keep() {
        RuleSpec rule = form.toSpec();
        Profile whole = workbench.profileProperty().get();
        if (rule == null || whole == null) {
            return false;
        }
        List<RuleSpec> changed = new ArrayList<>(edited().rules());
        int index = editedIndex;
        String formerId = index >= 0 ? RuleSet.idOf(changed.get(index)) : null;
        if (index >= 0) {
            changed.set(index, rule);
        } else {
            changed.add(rule);
            index = changed.size() - 1;
        }
        Profile next = ruleTables.withRules(whole, changed);
        ProfileProblem problem = ProfileValidator.firstProblem(next);
        if (problem != null) {
            status.set("The rule cannot be kept: " + problem.message() + ".");
            return false;
        }
        status.set("");
        editedIndex = index;
        rememberRename(formerId, RuleSet.idOf(rule));
        workbench.profileProperty().set(next);
        form.load(rule);
        selectProfileRule(index);
        return true;
    }

    private void rememberRename(String formerId, String id) {
        if (formerId == null || formerId.equalsIgnoreCase(id)) {
            return;
        }
        String first = formerIds.remove(formerId.toLowerCase(Locale.ROOT));
        String known = first != null ? first : formerId;
        if (!known.equalsIgnoreCase(id)) {
            formerIds.put(id.toLowerCase(Locale.ROOT), known);
        }
    }

    /** The id the rule called {@code id} had before it was renamed, or null. */
    private String formerId(String id) {
        return formerIds.get(id.toLowerCase(Locale.ROOT));
    }

    /** Puts back what the rule had before the steward's changes; a new rule is dropped. */
    public void revert() {
        if (editedIndex >= 0) {
            form.load(edited().rules().get(editedIndex));
        } else {
            closeForm();
        }
    }

    /** Adds a copy of the selected profile rule under a new id, and selects it. */
    public void duplicate() {
        RuleInfo rule = selected.get();
        Profile whole = workbench.profileProperty().get();
        if (rule == null || !rule.editable() || whole == null || !mayLeaveForm()) {
            return;
        }
        Profile profile = edited();
        RuleSpec original = profile.rules().get(rule.profileIndex());
        String id = freeId(RuleSet.idOf(original) + "-copy");
        List<RuleSpec> changed = new ArrayList<>(profile.rules());
        changed.add(rule.profileIndex() + 1, original.withId(id));
        workbench.profileProperty().set(ruleTables.withRules(whole, changed));
        selectProfileRule(rule.profileIndex() + 1);
    }

    /** Removes the selected profile rule from the profile, after asking. */
    public void delete() {
        RuleInfo rule = selected.get();
        Profile whole = workbench.profileProperty().get();
        if (rule == null || !rule.editable() || whole == null) {
            return;
        }
        Profile profile = edited();
        RuleTables.Place place = ruleTables.place(whole);
        Path review = workbench.reviewProperty().get();
        String question = "Delete rule " + rule.id() + "?";
        String what = "The profile will no longer check: " + rule.description();
        boolean takeOut = false;
        if (review == null) {
            if (!dialogs.confirm(question, what, "Delete")) {
                return;
            }
        } else {
            Optional<List<String>> answer = dialogs.askForm(question, what + " Its findings in " + review.getFileName()
                    + " stay there until the next validation, unless taken out now (Edit, Undo in Review puts them"
                    + " back).", List.of(DialogService.Field.choice("Its findings in the open review",
                    List.of(TAKE_OUT, LEAVE))), "Delete");
            if (answer.isEmpty()) {
                return;
            }
            takeOut = TAKE_OUT.equals(answer.get().get(0));
        }
        List<RuleSpec> changed = new ArrayList<>(profile.rules());
        changed.remove(rule.profileIndex());
        selected.set(null);
        closeForm();
        workbench.profileProperty().set(ruleTables.withRules(whole, changed));
        // the rule that took its place in the list, else the one before it: the steward's eye stays there
        if (!changed.isEmpty()) {
            selectProfileRule(Math.min(rule.profileIndex(), changed.size() - 1));
        }
        if (takeOut) {
            onReview.takeOut(review, rule.id(), formerId(rule.id()), place);
        }
        formerIds.remove(rule.id().toLowerCase(Locale.ROOT));
    }

    /** Writes the profile, with its rules, to {@code file} in the background; it becomes the profile file. */
    public void save(Path file) {
        Profile profile = workbench.profileProperty().get();
        if (profile == null) {
            status.set("There is no profile to save yet; map the columns in the Mapping step first.");
            return;
        }
        if (editing.get() && form.changedProperty().get()) {
            status.set("Keep or revert the changes to rule " + form.effectiveId() + " before saving the profile.");
            return;
        }
        profileFile.save(profile, file);
        status.set("");
    }

    /** The file the save dialog offers: the profile file, else the profile's name. */
    public Path suggestedFile() {
        Path known = workbench.profileFileProperty().get();
        if (known != null) {
            return known;
        }
        Profile profile = workbench.profileProperty().get();
        Path folder = profileFile.directory();
        String name = (profile == null || profile.name() == null ? "profile" : profile.name()) + ".profile.json";
        return folder == null ? Path.of(name) : folder.resolve(name);
    }

    /**
     * Applies the rule in the form to the open review, as one undoable step of the review: only that rule runs
     * again; the rule is kept in the profile first. The Review step then shows the review afresh, and its status
     * filter "Changed by the last rule" picks the rows whose status changed.
     */
    public void apply() {
        Path review = workbench.reviewProperty().get();
        if (review == null) {
            status.set("Applying a rule needs a review: choose Validate and review in the Mapping step first.");
            return;
        }
        if (form.changedProperty().get() && !keep()) {
            return;
        }
        RuleSpec rule = form.toSpec();
        if (rule == null) {
            return;
        }
        preview.clear();
        String id = form.effectiveId();
        onReview.apply(review, rule, id, formerId(id), ruleTables.place(workbench.profileProperty().get()),
                () -> formerIds.remove(id.toLowerCase(Locale.ROOT)));
    }

    /** The expression's value on a chosen row of the review, and the functions it may use. */
    public ExpressionTryout expressionTryout() {
        return tryout;
    }

    /** Back to the Mapping step, e.g. to map a column a rule needs. */
    public void goToMapping() {
        workbench.stepProperty().set(Step.MAPPING);
    }

    private void selectProfileRule(int index) {
        RuleInfo info = rules.stream().filter(r -> r.editable() && r.profileIndex() == index).findFirst()
                .orElse(null);
        if (info != null && !showing.get().shows(info)) {
            showing.set(Shown.ALL);
        }
        open(info);
    }

    /**
     * Takes away the sentence about the last rule applied or taken out of the review once the steward moves on: to
     * another rule, a new one, or a change in the form. Other sentences (such as why only the profile's rules are
     * listed) stay.
     */
    private void forgetToldOnReview() {
        if (toldOnReview != null && toldOnReview.equals(status.get())) {
            status.set("");
        }
        toldOnReview = null;
    }

    private boolean mayLeaveForm() {
        if (!editing.get() || !form.changedProperty().get()) {
            return true;
        }
        return dialogs.confirm("Discard the changes to rule " + form.effectiveId() + "?",
                "The rule in the form was not kept; leaving it drops the changes.", "Discard");
    }

    private void closeForm() {
        editing.set(false);
        editedIndex = -1;
        readOnly.set("");
        preview.clear();
    }

    private void offerPreview() {
        if (!editing.get()) {
            preview.clear();
            return;
        }
        preview.offer(form.toSpec(), workbench.reviewProperty().get(), workbench.targetProperty().get(),
                ruleTables.place(workbench.profileProperty().get()));
    }

    private void readKeyColumns(String table) {
        keyColumns.clear();
        if (table == null || table.isBlank()) {
            return;
        }
        TargetChoice target = workbench.targetProperty().get();
        tasks.quiet("Reading the columns of " + table, ctx -> {
            try (TargetDatabase db = target.open()) {
                return TargetTables.columns(db, table);
            }
        }, keyColumns::setAll, ErrorText.into(status::set));
    }

    /** The ids of every rule in force but the one in the form. */
    private Set<String> otherIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (RuleInfo r : rules) {
            if (!(r.editable() && r.profileIndex() == editedIndex)) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    private Set<String> allIds() {
        Set<String> ids = new LinkedHashSet<>();
        rules.forEach(r -> ids.add(r.id().toLowerCase(Locale.ROOT)));
        return ids;
    }

    /**
     * Reads the distinct values of the form's column in the open review, most frequent first, for the allowed
     * values to be picked from.
     */
    public void readColumnValues() {
        columnValues.clear();
        Path review = workbench.reviewProperty().get();
        String column = form.columnProperty().get();
        if (review == null) {
            status.set("The column's values come from a review: validate the file (Mapping, Validate and review),"
                    + " then come back, or type the values.");
            return;
        }
        String header = sourceHeader(column);
        if (header == null) {
            status.set("Choose a mapped column first; its values are read from the review.");
            return;
        }
        status.set("");
        RuleTables.Place place = ruleTables.place(workbench.profileProperty().get());
        tasks.quiet("Reading the values of " + header, ctx -> RuleOnReview.statistics(review, place,
                ColumnStatistics.Request.of(header).page(0, COLUMN_VALUES), ctx).values(),
                columnValues::setAll, ErrorText.into(status::set));
    }

    /** Adds a value to the allowed values, unless it is there already. */
    public void addAllowedValue(String value) {
        if (value == null || form.valueLines().contains(value)) {
            return;
        }
        String text = form.valuesProperty().get();
        form.valuesProperty().set(text.isBlank() ? value : text.stripTrailing() + "\n" + value);
    }

    /** The source header the profile maps onto a target column (a review's columns are the source's). */
    private String sourceHeader(String target) {
        Profile profile = edited();
        if (target == null || profile == null) {
            return null;
        }
        return profile.columns().stream().filter(m -> m.target().equalsIgnoreCase(target) && m.source() != null)
                .map(ColumnMapping::source).findFirst().orElse(null);
    }

    /**
     * Opens the Rules step on a table that the workbook sheet the Review step shows feeds, once per sheet shown: a
     * table the steward chose afterwards stays chosen, and a rule being written is never left for it.
     */
    private void followReviewedSheet(Profile whole) {
        String sheet = workbench.reviewedSheetProperty().get();
        if (sheet == null || sheet.equals(followedSheet) || !whole.mapsSeveralTables()) {
            return;
        }
        if (editing.get() && form.changedProperty().get()) {
            return;
        }
        followedSheet = sheet;
        RuleTables.Place place = ruleTables.place(whole);
        if (place != null && sheet.equalsIgnoreCase(place.sheet())) {
            return;
        }
        whole.tables().stream().filter(t -> sheet.equalsIgnoreCase(t.sheet())).findFirst().ifPresent(t -> {
            ruleTables.choose(whole, t.table());
            selected.set(null);
            closeForm();
        });
    }

    /** The profile as this step edits it: the chosen table's part of a profile onto several tables, else it. */
    private Profile edited() {
        return ruleTables.edited(workbench.profileProperty().get());
    }

    /**
     * Chooses the table of a profile onto several tables whose rules are listed and edited; a name it does not map
     * is told in one sentence naming its tables. False (and nothing changed) when the form holds changes the steward
     * chose to keep working on.
     */
    public boolean chooseTable(String table) {
        Profile whole = workbench.profileProperty().get();
        if (table == null || whole == null || table.equalsIgnoreCase(ruleTables.chosenProperty().get())) {
            return true;
        }
        if (!mayLeaveForm()) {
            return false;
        }
        try {
            ruleTables.choose(whole, table);
        } catch (SluiceException e) {
            status.set(e.getMessage());
            return false;
        }
        status.set("");
        selected.set(null);
        closeForm();
        refresh();
        return true;
    }

    /** The tables of a profile onto several tables, and the one whose rules are edited. */
    public RuleTables ruleTables() {
        return ruleTables;
    }

    /** The distinct values of the form's column with their counts, once read. */
    public ObservableList<ColumnStats.ValueCount> columnValues() {
        return columnValues;
    }

    /** The rule being written or changed. */
    public RuleForm form() {
        return form;
    }

    public RuleHitPreview preview() {
        return preview;
    }

    /** Every rule in force: the profile's first, in the profile's order, then the target's. */
    public ObservableList<RuleInfo> rules() {
        return rules;
    }

    /** The rules the list shows, as {@link #showingProperty()} chooses. */
    public ObservableList<RuleInfo> shownRules() {
        return shown;
    }

    /** Which rules the list shows; all by default. */
    public ObjectProperty<Shown> showingProperty() {
        return showing;
    }

    /** The target's tables, for a lookup rule. */
    public ObservableList<String> tables() {
        return tables;
    }

    /** The columns of the lookup rule's table. */
    public ObservableList<String> keyColumns() {
        return keyColumns;
    }

    /** The target columns the profile maps, for the column pickers. */
    public ObservableList<String> mappedColumns() {
        return mappedColumns;
    }

    public ReadOnlyObjectProperty<RuleInfo> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Whether the form shows a profile rule, or a new one. */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** Why the selected rule cannot be edited; "" for a profile rule or none. */
    public ReadOnlyStringProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** Why there is nothing to list, as a sentence; null when there is a profile. */
    public ReadOnlyStringProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** A failure or a hint about the last action, as one sentence; "" when there is none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Where the profile was last saved from this step. */
    public ReadOnlyObjectProperty<Path> savedFileProperty() {
        return profileFile.fileProperty();
    }
}
