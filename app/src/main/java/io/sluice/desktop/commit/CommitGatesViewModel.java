package io.sluice.desktop.commit;

import io.sluice.core.usecase.ReviewGates;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.desktop.Workbench;
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
import java.util.List;
import java.util.stream.Collectors;

/**
 * The quality gates of the open review's profile, measured in the background as the review stands now (decisions and
 * edits are made in the Review step, so the gates are measured again each time the Commit step is shown). A failed
 * blocking gate stops the commit; a failed warning gate is named in the question before it.
 */
public final class CommitGatesViewModel {

    /** What the steward is told when the profile has no gates, and where to add them. */
    public static final String NO_GATES = "No quality gates in this profile; add them under the profile's \"gates\""
            + " (README, Profile format, Quality gates).";

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final Latest requests = new Latest();

    private final ObservableList<GateResult> gates = FXCollections.observableArrayList();
    private final BooleanProperty measuring = new SimpleBooleanProperty();
    private final BooleanProperty blocked = new SimpleBooleanProperty();
    private final StringProperty verdict = new SimpleStringProperty("");
    private final ObjectProperty<GateStatus> worst = new SimpleObjectProperty<>();

    public CommitGatesViewModel(Workbench workbench, TaskRunner tasks) {
        this.workbench = workbench;
        this.tasks = tasks;
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
        tasks.run("Measuring the quality gates", ctx -> ReviewGates.of(review), request.then(this::show),
                request.then(this::failed));
    }

    private void show(List<GateResult> measured) {
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
                    + (blocking.size() == 1 ? "it" : "them") + " in the Review step, or lower the profile's gate.";
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
