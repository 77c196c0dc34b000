package io.sluice.desktop.commit;

import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.usecase.ReviewGates;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The quality gates of the open review's profile, measured in the background as the review stands now (decisions and
 * edits are made in the Review step, so the gates are measured again each time the Commit step is shown). A failed
 * blocking gate stops the commit; a failed warning gate is named in the question before it. The steward adds, edits
 * and removes gates here: each change is recorded in the review's profile (what the commit checks) and in the
 * workbench's profile, which "Save profile" writes to a file.
 */
public final class CommitGatesViewModel {

    /** What the steward is told when the profile has no gates, and where to add them. */
    public static final String NO_GATES = "No quality gates in this profile; add one with Add gate.";
    /** What the card says when the steward cancelled measuring the gates. */
    static final String CANCELLED = "Measuring the quality gates was cancelled; they are measured again each time"
            + " this step is shown, and the commit checks them before it writes.";

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Latest requests = new Latest();
    private final List<GateSpec> specs = new ArrayList<>();
    private final StringProperty editProblem = new SimpleStringProperty("");
    private final StringProperty saved = new SimpleStringProperty("");
    private Runnable onChanged = () -> { };

    private final ObservableList<GateResult> gates = FXCollections.observableArrayList();
    private final BooleanProperty measuring = new SimpleBooleanProperty();
    private final BooleanProperty blocked = new SimpleBooleanProperty();
    private final StringProperty verdict = new SimpleStringProperty("");
    private final ObjectProperty<GateStatus> worst = new SimpleObjectProperty<>();

    public CommitGatesViewModel(Workbench workbench, TaskRunner tasks, DialogService dialogs) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** Called after the steward changed the gates and they are recorded, e.g. to plan the commit again. */
    void onGatesChanged(Runnable action) {
        this.onChanged = action;
    }

    /** Measures the open review's gates again; clears them when no review is open. */
    public void refresh() {
        Latest.Request request = requests.next();
        Path review = workbench.reviewProperty().get();
        gates.clear();
        blocked.set(false);
        worst.set(null);
        if (review == null) {
            measuring.set(false);
            verdict.set("");
            return;
        }
        measuring.set(true);
        verdict.set("Measuring the quality gates…");
        tasks.run("Measuring the quality gates", ctx -> new Measured(ReviewGates.specs(review), ReviewGates.of(review)),
                request.then(this::show), request.then(this::failed)).whenCancelled(() -> {
                    // stopped with Cancel in the status bar: not "Measuring…" for ever
                    if (request.isCurrent()) {
                        measuring.set(false);
                        verdict.set(CANCELLED);
                    }
                });
    }

    /** The gates as the profile writes them, and as measured. */
    private record Measured(List<GateSpec> specs, List<GateResult> results) {
    }

    private void show(Measured now) {
        specs.clear();
        specs.addAll(now.specs());
        List<GateResult> measured = now.results();
        measuring.set(false);
        gates.setAll(measured);
        blocked.set(measured.stream().anyMatch(g -> g.status() == GateStatus.BLOCKED));
        worst.set(blocked.get() ? GateStatus.BLOCKED : measured.isEmpty() ? null
                : measured.stream().anyMatch(GateResult::failed) ? GateStatus.WARNED : GateStatus.PASSED);
        verdict.set(verdictOf(measured));
    }

    static String verdictOf(List<GateResult> measured) {
        if (measured.isEmpty()) {
            return NO_GATES;
        }
        List<GateResult> blocking = with(measured, GateStatus.BLOCKED);
        if (!blocking.isEmpty()) {
            return "The commit is blocked: " + describe(blocking) + "; approve only rows that meet "
                    + (blocking.size() == 1 ? "it" : "them") + " in the Review step, or edit the gate.";
        }
        List<GateResult> warning = with(measured, GateStatus.WARNED);
        if (!warning.isEmpty()) {
            return "The commit can go on with " + (warning.size() == 1 ? "a warning" : warning.size() + " warnings")
                    + ": " + describe(warning) + ".";
        }
        return measured.size() == 1 ? "The quality gate passes." : "All " + measured.size() + " quality gates pass.";
    }

    /** The failed warning gates in words, for the question before the commit; empty when none warns. */
    public String warnings() {
        List<GateResult> warning = with(gates, GateStatus.WARNED);
        return warning.isEmpty() ? "" : describe(warning);
    }

    private static List<GateResult> with(List<GateResult> all, GateStatus status) {
        return all.stream().filter(g -> g.status() == status).toList();
    }

    /** "completeness is 95.2% (needs at least 98%)", joined with "; ". */
    private static String describe(List<GateResult> failed) {
        return failed.stream().map(g -> g.metric() + " is " + g.measuredText() + " (needs " + g.threshold() + ")")
                .collect(Collectors.joining("; "));
    }

    /** A failure to read the review, in one sentence, in place of the verdict. */
    private void failed(Throwable error) {
        measuring.set(false);
        gates.clear();
        blocked.set(false);
        verdict.set("The quality gates could not be measured: " + ErrorText.sentence(error));
    }

    /** Asks for a new gate and adds it to the review's profile. */
    public void addGate() {
        ask("Add a quality gate", null).ifPresent(gate -> {
            List<GateSpec> changed = new ArrayList<>(specs);
            changed.add(gate);
            record(changed);
        });
    }

    /** Asks for the gate at {@code index} (as listed) anew and replaces it. */
    public void editGate(int index) {
        if (index < 0 || index >= specs.size()) {
            return;
        }
        ask("Edit the quality gate", specs.get(index)).ifPresent(gate -> {
            List<GateSpec> changed = new ArrayList<>(specs);
            changed.set(index, gate);
            record(changed);
        });
    }

    /** Removes the gate at {@code index} (as listed) from the review's profile, once the steward confirms. */
    public void removeGate(int index) {
        if (index < 0 || index >= specs.size()) {
            return;
        }
        GateSpec gate = specs.get(index);
        if (dialogs.confirm("Remove the quality gate?", "The gate " + GateForm.describe(gate)
                + " will no longer be checked before a commit.", "Remove")) {
            List<GateSpec> changed = new ArrayList<>(specs);
            changed.remove(index);
            record(changed);
        }
    }

    /**
     * Writes the workbench's profile, with the gates as set here, to {@code file} in the background; it becomes the
     * workbench's profile file.
     */
    public void saveProfile(Path file) {
        Profile profile = workbench.profileProperty().get();
        if (profile == null) {
            editProblem.set("There is no profile to save yet; confirm a mapping in the Mapping step first.");
            return;
        }
        tasks.save("Saving profile " + file.getFileName(), Change.file("the profile " + file.getFileName(),
                "the profile file " + file.getFileName()), ctx -> {
            ProfileIO.write(profile, file);
            return file;
        }, path -> {
            workbench.profileFileProperty().set(path);
            workbench.profileSavedProperty().set(profile);
            editProblem.set("");
            saved.set("Saved the profile, with its " + profile.gates().size() + " quality gate"
                    + (profile.gates().size() == 1 ? "" : "s") + ", to " + path.getFileName() + ".");
        }, error -> editProblem.set("The profile could not be saved: " + ErrorText.sentence(error)));
    }

    private Optional<GateSpec> ask(String header, GateSpec initial) {
        if (workbench.reviewProperty().get() == null) {
            return Optional.empty();
        }
        // a gate that cannot work opens the form again with what was typed and why, rather than losing the answers
        List<DialogService.Field> fields = GateForm.fields(initial);
        String text = GateForm.NOTE;
        while (true) {
            Optional<List<String>> answers = dialogs.askForm(header, text, fields);
            if (answers.isEmpty()) {
                editProblem.set("");
                return Optional.empty();
            }
            GateForm.Parsed parsed = GateForm.parse(answers.get());
            editProblem.set(parsed.problem() == null ? "" : parsed.problem());
            if (parsed.gate() != null) {
                return Optional.of(parsed.gate());
            }
            fields = GateForm.refill(fields, answers.get());
            text = parsed.problem() + "\n\n" + GateForm.NOTE;
        }
    }

    /** Records the gates in the review's profile, then in the workbench's, and measures them again. */
    private void record(List<GateSpec> gates) {
        Path review = workbench.reviewProperty().get();
        tasks.save("Setting the quality gates", Change.whole("the quality gates of " + review.getFileName()),
                ctx -> ReviewGates.record(review, gates), recorded -> {
            Profile current = workbench.profileProperty().get();
            // the Mapping step's profile keeps its mapping; a review opened alone brings its own profile
            workbench.profileProperty().set(current != null && current.table().equalsIgnoreCase(recorded.table())
                    ? current.withGates(gates) : recorded);
            editProblem.set("");
            saved.set("");
            refresh();
            onChanged.run();
        }, error -> editProblem.set(ErrorText.sentence(error)));
    }

    /** The file name the save dialog offers: the profile file the workbench knows, else the profile's name. */
    public String profileFileName() {
        Path file = workbench.profileFileProperty().get();
        if (file != null) {
            return file.getFileName().toString();
        }
        Profile profile = workbench.profileProperty().get();
        return (profile == null || profile.name() == null ? "profile" : profile.name()) + ".json";
    }

    /** Why the last change of a gate or save did not happen, in one sentence; empty when it did. */
    public StringProperty editProblemProperty() {
        return editProblem;
    }

    /** Where the profile was last saved from this step, in one sentence; empty before. */
    public StringProperty savedProperty() {
        return saved;
    }

    /** Each gate of the review's profile with its measured value, threshold and outcome. */
    public ObservableList<GateResult> gates() {
        return gates;
    }

    /** True while the gates are measured. */
    public BooleanProperty measuringProperty() {
        return measuring;
    }

    /** True when a blocking gate failed: the commit is disabled. */
    public BooleanProperty blockedProperty() {
        return blocked;
    }

    /** The worst outcome of the gates measured; null while measuring, when there are none or on a failure. */
    public ObjectProperty<GateStatus> worstProperty() {
        return worst;
    }

    /** The gates in one sentence: none, all passed, which ones warn, or which block and what to do. */
    public StringProperty verdictProperty() {
        return verdict;
    }
}
