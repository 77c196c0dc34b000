package io.sluice.desktop.commit;

import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.usecase.ReviewGates;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The sample review measures completeness 93.6%, validity 99.5% and 9 rejected rows, 4.5% of its rows. */
class CommitGatesViewModelTest {

    @TempDir
    Path home;

    private SampleTarget target;
    private Workbench workbench;
    private ScriptedDialogs dialogs;
    private CommitViewModel commit;

    @AfterEach
    void tearDown() {
        if (target != null) {
            target.close();
        }
    }

    private CommitGatesViewModel gates() {
        workbench = new Workbench();
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        workbench.targetProperty().set(target.choice());
        dialogs = new ScriptedDialogs();
        CommitGatesViewModel gates = new CommitGatesViewModel(workbench, SyncTasks.runner(), dialogs);
        commit = new CommitViewModel(workbench, SyncTasks.runner(), dialogs, "tester", gates);
        return gates;
    }

    @Test
    void showsEachGatePassedWarnedOrBlockedAndABlockingOneDisablesTheCommit() throws Exception {
        CommitGatesViewModel gates = gates();
        workbench.reviewProperty().set(target.reviewWithGates("gated", List.of(
                min("completeness", 90, "block"), max("rejectedRows", 5, null, "warn"),
                min("validity", 99.9, "block"))));
        commit.refresh();

        assertThat(gates.measuringProperty().get()).isFalse();
        assertThat(gates.gates()).extracting(GateResult::metric, GateResult::measuredText, GateResult::threshold,
                GateResult::status).containsExactly(
                tuple("completeness", "93.6%", "at least 90%", GateStatus.PASSED),
                tuple("rejectedRows", "9", "at most 5", GateStatus.WARNED),
                tuple("validity", "99.5%", "at least 99.9%", GateStatus.BLOCKED));
        assertThat(gates.blockedProperty().get()).isTrue();
        assertThat(gates.worstProperty().get()).isEqualTo(GateStatus.BLOCKED);
        assertThat(gates.verdictProperty().get()).isEqualTo("The commit is blocked: validity is 99.5% (needs at"
                + " least 99.9%); approve only rows that meet it in the Review step, or edit the gate.");
        assertThat(commit.canCommitBinding().get()).isFalse();
        // the dry run is refused by core as well, in its own sentence
        assertThat(commit.stateProperty().get()).isEqualTo(CommitState.REFUSED);
        assertThat(commit.problemProperty().get()).startsWith("The import is refused by a blocking quality gate")
                .contains("validity 99.5% (needs at least 99.9%)");
        assertThat(commit.commitAfterAsking()).isNull();
        assertThat(target.mixes()).isEmpty();
    }

    @Test
    void measuringCancelledInTheStatusBarSaysSoAndShowingTheStepMeasuresAgain() {
        gates();
        HeldTasks background = new HeldTasks();
        TaskRunner tasks = HeldTasks.runner(background);
        CommitGatesViewModel gates = new CommitGatesViewModel(workbench, tasks, dialogs);
        workbench.reviewProperty().set(target.reviewWithGates("cancelled", List.of(min("completeness", 90, "block"))));
        background.hold();
        gates.refresh();
        assertThat(gates.measuringProperty().get()).isTrue();

        tasks.active().forEach(TaskHandle::cancel);
        background.runAll();

        assertThat(gates.measuringProperty().get()).isFalse();
        assertThat(gates.verdictProperty().get()).isEqualTo(CommitGatesViewModel.CANCELLED);

        gates.refresh();

        assertThat(gates.verdictProperty().get()).isEqualTo("The quality gate passes.");
    }

    @Test
    void aWarningGateLetsTheCommitGoOnAndTheQuestionNamesIt() throws Exception {
        CommitGatesViewModel gates = gates();
        Path review = target.reviewWithGates("warned", List.of(min("completeness", 90, "block"),
                max("rejectedRows", 1, "percent", "warn")));
        workbench.reviewProperty().set(review);
        commit.refresh();

        assertThat(gates.blockedProperty().get()).isFalse();
        assertThat(gates.worstProperty().get()).isEqualTo(GateStatus.WARNED);
        assertThat(gates.verdictProperty().get())
                .isEqualTo("The commit can go on with a warning: rejectedRows is 4.5% (needs at most 1%).");
        assertThat(commit.canCommitBinding().get()).isTrue();
        commit.commitAfterAsking();
        assertThat(dialogs.asked()).singleElement().satisfies(q -> assertThat(q.text())
                .endsWith("The quality gates warn: rejectedRows is 4.5% (needs at most 1%)."));
        assertThat(commit.stateProperty().get()).isEqualTo(CommitState.COMMITTED);
        assertThat(target.mixes()).hasSize((int) SampleTarget.approved(review));
    }

    @Test
    void allGatesPassingSaySoAndTheQuestionNamesNoWarning() {
        CommitGatesViewModel gates = gates();
        workbench.reviewProperty().set(target.reviewWithGates("passed", List.of(min("completeness", 93.6, "block"),
                min("overall", 90, "warn"))));
        commit.refresh();

        assertThat(gates.gates()).extracting(GateResult::status).containsOnly(GateStatus.PASSED);
        assertThat(gates.verdictProperty().get()).isEqualTo("All 2 quality gates pass.");
        assertThat(gates.warnings()).isEmpty();
        commit.commitAfterAsking();
        assertThat(dialogs.asked()).singleElement().satisfies(q -> assertThat(q.text()).doesNotContain("warn"));
    }

    @Test
    void aProfileWithoutGatesSaysWhereToAddThem() {
        CommitGatesViewModel gates = gates();
        workbench.reviewProperty().set(target.review("ungated"));
        commit.refresh();

        assertThat(gates.gates()).isEmpty();
        assertThat(gates.verdictProperty().get()).isEqualTo(CommitGatesViewModel.NO_GATES)
                .contains("No quality gates in this profile").contains("Add gate");
        assertThat(gates.worstProperty().get()).isNull();
        assertThat(commit.canCommitBinding().get()).isTrue();
    }

    @Test
    void aGateAddedEditedAndRemovedHereIsWhatTheCommitChecksAtOnce() throws Exception {
        CommitGatesViewModel gates = gates();
        Path review = target.review("edited");
        workbench.reviewProperty().set(review);
        commit.refresh();
        assertThat(commit.canCommitBinding().get()).isTrue();

        dialogs.formNext("completeness", "at least", "98", "percent", "block");
        gates.addGate();

        assertThat(gates.gates()).extracting(GateResult::metric, GateResult::threshold, GateResult::status)
                .containsExactly(tuple("completeness", "at least 98%", GateStatus.BLOCKED));
        assertThat(commit.canCommitBinding().get()).isFalse();
        assertThat(commit.problemProperty().get()).startsWith("The import is refused by a blocking quality gate")
                .contains("completeness 93.6% (needs at least 98%)");
        assertThat(ReviewGates.specs(review)).containsExactly(gate("completeness", "98", null, null, "block"));
        assertThat(workbench.profileProperty().get().gates()).containsExactly(gate("completeness", "98", null, null, "block"));

        dialogs.formNext("completeness", "at least", "90", "percent", "block");
        gates.editGate(0);

        assertThat(gates.gates()).extracting(GateResult::status).containsExactly(GateStatus.PASSED);
        assertThat(gates.verdictProperty().get()).isEqualTo("The quality gate passes.");
        assertThat(commit.canCommitBinding().get()).isTrue();

        gates.removeGate(0);

        assertThat(dialogs.asked()).last().satisfies(q -> assertThat(q.text())
                .isEqualTo("The gate completeness at least 90% (block) will no longer be checked before a commit."));
        assertThat(gates.gates()).isEmpty();
        assertThat(ReviewGates.specs(review)).isEmpty();
        assertThat(gates.verdictProperty().get()).isEqualTo(CommitGatesViewModel.NO_GATES);
    }

    @Test
    void aGateThatCannotWorkIsRefusedInOneSentenceAndChangesNothing() {
        CommitGatesViewModel gates = gates();
        Path review = target.reviewWithGates("kept", List.of(gate("completeness", "90", null, null, "block")));
        workbench.reviewProperty().set(review);
        commit.refresh();

        dialogs.formNext("validity", "at least", "lots", "percent", "block").formNext();
        gates.addGate();
        assertThat(dialogs.asked().get(1).text()).startsWith("'lots' is not a number; write a value such as 95"
                + " or 2.5.");
        dialogs.formNext("validity", "at least", "99", "count", "block").formNext();
        gates.addGate();
        assertThat(dialogs.asked().get(3).text()).startsWith("validity is a score in percent; only errorRows and"
                + " rejectedRows can be counted.");
        dialogs.formNext("overall", "at least", "120", "percent", "warn").formNext();
        gates.addGate();
        assertThat(dialogs.asked().get(5).text()).startsWith("A percentage gate needs a value from 0 to 100, not"
                + " 120.");
        // cancelled, nothing is being edited any more, so no problem is left on the card
        assertThat(gates.editProblemProperty().get()).isEmpty();
        dialogs.declineNext();
        gates.removeGate(0);

        assertThat(ReviewGates.specs(review)).containsExactly(gate("completeness", "90", null, null, "block"));
        assertThat(gates.gates()).hasSize(1);

        dialogs.formNext("errorRows", "at most", "3", "count", "warn");
        gates.addGate();
        assertThat(gates.editProblemProperty().get()).isEmpty();
        assertThat(ReviewGates.specs(review)).containsExactly(gate("completeness", "90", null, null, "block"),
                gate("errorRows", null, "3", "count", "warn"));
    }

    @Test
    void aGateThatCannotWorkOpensTheFormAgainWithWhatWasTypedAndWhyUntilItIsRight() {
        CommitGatesViewModel gates = gates();
        Path review = target.reviewWithGates("retyped", List.of(gate("completeness", "90", null, null, "block")));
        workbench.reviewProperty().set(review);
        commit.refresh();

        dialogs.formNext("overall", "at least", "150", "percent", "warn")
                .formNext("overall", "at least", "95", "percent", "warn");
        gates.addGate();

        assertThat(dialogs.asked()).extracting(ScriptedDialogs.Question::header)
                .containsExactly("Add a quality gate", "Add a quality gate");
        assertThat(dialogs.asked().get(1).text()).isEqualTo("A percentage gate needs a value from 0 to 100, not 150."
                + "\n\n" + GateForm.NOTE);
        assertThat(dialogs.formsOpened().get(1)).containsExactly("overall", "at least", "150", "percent", "warn");
        assertThat(gates.editProblemProperty().get()).isEmpty();
        assertThat(ReviewGates.specs(review)).containsExactly(gate("completeness", "90", null, null, "block"),
                gate("overall", "95", null, null, "warn"));
    }

    @Test
    void saveProfileWritesTheProfileWithTheGatesSetHere() throws Exception {
        CommitGatesViewModel gates = gates();
        workbench.reviewProperty().set(target.review("saved"));
        commit.refresh();
        Path file = home.resolve("with-gates.json");
        gates.saveProfile(file);
        assertThat(gates.editProblemProperty().get()).isEqualTo("There is no profile to save yet; confirm a"
                + " mapping in the Mapping step first.");

        dialogs.formNext("rejectedRows", "at most", "5", "percent", "warn");
        gates.addGate();
        gates.saveProfile(file);

        assertThat(ProfileIO.read(file).gates()).containsExactly(gate("rejectedRows", null, "5", "percent", "warn"));
        assertThat(workbench.profileFileProperty().get()).isEqualTo(file);
        assertThat(gates.savedProperty().get()).isEqualTo("Saved the profile, with its 1 quality gate, to"
                + " with-gates.json.");
        assertThat(gates.profileFileName()).isEqualTo("with-gates.json");
    }

    @Test
    void withoutAReviewThereIsNothingToMeasure() {
        CommitGatesViewModel gates = gates();
        commit.refresh();
        assertThat(gates.gates()).isEmpty();
        assertThat(gates.verdictProperty().get()).isEmpty();
        assertThat(gates.measuringProperty().get()).isFalse();
    }

    @Test
    void aReviewThatCannotBeReadIsSaidInOneSentence() throws Exception {
        CommitGatesViewModel gates = gates();
        Path broken = home.resolve("broken.sluice");
        Files.writeString(broken, "not a review");
        workbench.reviewProperty().set(broken);
        gates.refresh();
        assertThat(gates.verdictProperty().get()).startsWith("The quality gates could not be measured: ")
                .doesNotContain("\n");
        assertThat(gates.blockedProperty().get()).isFalse();
        assertThat(gates.measuringProperty().get()).isFalse();
    }

    private static GateSpec gate(String metric, String min, String max, String unit, String action) {
        return new GateSpec(metric, min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max),
                unit, action);
    }

    private static GateSpec min(String metric, double min, String action) {
        return new GateSpec(metric, BigDecimal.valueOf(min), null, null, action);
    }

    private static GateSpec max(String metric, double max, String unit, String action) {
        return new GateSpec(metric, null, BigDecimal.valueOf(max), unit, action);
    }
}
