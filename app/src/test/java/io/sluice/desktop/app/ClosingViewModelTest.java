package io.sluice.desktop.app;

import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.Review;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.ProfileFile;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.export.ExportKind;
import io.sluice.desktop.export.ExportViewModel;
import io.sluice.desktop.history.HistoryViewModel;
import io.sluice.desktop.review.ReviewViewModel;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the desktop while something is being written (a decision into a real review, an export, a rollback on real
 * H2 and PostgreSQL, a new review, a profile) never drops it unasked, and says truly what closing anyway leaves.
 */
class ClosingViewModelTest {

    @TempDir
    Path home;

    private final Workbench workbench = new Workbench();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Throwable> failures = new ArrayList<>();
    private final HeldTasks background = new HeldTasks();
    private final AtomicInteger closed = new AtomicInteger();
    private TaskRunner tasks;
    private ReviewViewModel review;
    private ClosingViewModel closing;
    private ReviewValidation validation;

    @BeforeEach
    void openTheSampleReview() {
        Samples.Sample ds1 = Samples.all().get(0);
        workbench.sourceFileProperty().set(Samples.extract(ds1, home));
        workbench.profileProperty().set(ProfileIO.read(Samples.profileOf(ds1, home)));
        tasks = new TaskRunner(Runnable::run, background);
        tasks.setFailureHandler((title, error) -> failures.add(error));
        validation = new ReviewValidation(workbench, tasks, new DesktopSettings(), home.resolve("reviews"),
                (title, error) -> failures.add(error));
        review = new ReviewViewModel(workbench, tasks, validation, dialogs,
                (title, error) -> failures.add(error));
        review.validateNow();
        closing = new ClosingViewModel(tasks, dialogs, () -> true);
    }

    private SampleTarget target;

    @AfterEach
    void closeTheReview() {
        background.runAll();
        review.close();
        background.runAll();
        if (target != null) {
            target.close();
        }
    }

    @Test
    void closesAtOnceWhenNothingIsBeingSaved() {
        closing.requestClose(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        assertThat(dialogs.asked()).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void asksWhileABulkApprovalIsBeingSavedWaitsByDefaultAndClosesOnceItIsSaved() {
        long valid = approveAllValidHeld();

        dialogs.declineNext();
        closing.requestClose(closed::incrementAndGet);

        assertThat(dialogs.asked()).last().satisfies(question -> {
            assertThat(question.header()).isEqualTo(String.format("A change is still being saved: up to %,d"
                    + " approvals. Sluice closes when it is saved.", valid));
            assertThat(question.text()).startsWith("Wait keeps Sluice open until then and closes it by itself.")
                    .contains("at most " + TaskRunner.CLOSE_WAIT_SECONDS + " seconds more")
                    .contains("lost as a whole");
        });
        assertThat(dialogs.confirmLabels()).last().isEqualTo("Close anyway");
        assertThat(closed).as("waiting for the approvals").hasValue(0);
        assertThat(closing.waitingProperty().get())
                .isEqualTo(String.format("Sluice closes once the change is saved: up to %,d approvals.", valid));

        background.runAll();

        assertThat(closed).as("closed by itself once saved").hasValue(1);
        assertThat(closing.waitingProperty().get()).isEmpty();
        assertThat(approvedOnDisk()).isEqualTo(review.counts().approvedProperty().getValue().longValue())
                .isPositive();
        assertThat(failures).isEmpty();
    }

    @Test
    void closingAnywayClosesAtOnceWithoutWaiting() {
        approveAllValidHeld();

        closing.requestClose(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        assertThat(closing.waitingProperty().get()).isEmpty();
        background.runAll();
        assertThat(closed).as("not closed a second time when the save ends").hasValue(1);
    }

    @Test
    void aSaveThatFailsWhileWaitingKeepsSluiceOpenAndSaysSo() {
        background.hold();
        tasks.save("Approving", "3 approvals", ctx -> {
            throw new IllegalStateException("The review file is read-only.");
        }, done -> { }, failures::add);
        dialogs.declineNext();
        closing.requestClose(closed::incrementAndGet);

        background.runAll();

        assertThat(closed).hasValue(0);
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("The review file is read-only.");
        assertThat(dialogs.told()).singleElement().satisfies(told -> assertThat(told.header())
                .isEqualTo("Sluice stays open: 3 approvals could not be saved."));
        assertThat(closing.waitingProperty().get()).isEmpty();
        failures.clear();
    }

    @Test
    void keepingTheProfileKeepsSluiceOpenWithoutAskingAboutTheSave() {
        approveAllValidHeld();
        int asked = dialogs.asked().size();
        ClosingViewModel keepingProfile = new ClosingViewModel(tasks, dialogs, () -> false);

        keepingProfile.requestClose(closed::incrementAndGet);
        background.runAll();

        assertThat(closed).hasValue(0);
        assertThat(dialogs.asked()).hasSize(asked);
    }

    @Test
    void anExportBeingWrittenAsksWaitsAndClosesOnceTheFileIsWritten() throws Exception {
        background.runAll();
        Path out = home.resolve("findings.csv");
        background.hold();
        new ExportViewModel(workbench, tasks, dialogs).export(ExportKind.FINDINGS, CsvOptions.DEFAULTS, out);

        dialogs.declineNext();
        closing.requestClose(closed::incrementAndGet);

        assertThat(dialogs.asked()).last().satisfies(question -> {
            assertThat(question.header()).isEqualTo("A change is still being saved: the export of findings to"
                    + " findings.csv. Sluice closes when it is saved.");
            assertThat(question.text()).endsWith("if it has not ended by then, the export is abandoned: the files it"
                    + " writes keep what they held before, and the next export to them clears what it left half"
                    + " written.");
        });
        assertThat(closed).hasValue(0);
        assertThat(out).doesNotExist();

        background.runAll();

        assertThat(closed).as("closed by itself once written").hasValue(1);
        assertThat(Files.readAllLines(out)).hasSizeGreaterThan(1);
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRollbackBeingRunAsksAndSaysTheBatchStaysCommittedIfClosedAnyway(TestDatabases.Engine engine) {
        background.runAll();
        target = SampleTarget.of(engine, home);
        workbench.targetProperty().set(target.choice());
        long batch = target.committedBatch("mixes");
        HistoryViewModel history = new HistoryViewModel(workbench, tasks, dialogs, "tester");
        background.hold();
        history.rollback(batch, false);

        dialogs.declineNext();
        closing.requestClose(closed::incrementAndGet);

        assertThat(dialogs.asked()).last().satisfies(question -> {
            assertThat(question.header()).isEqualTo("A change is still being saved: the rollback of batch " + batch
                    + ". Sluice closes when it is saved.");
            assertThat(question.text()).endsWith("if it has not ended by then, the database undoes the rollback as a"
                    + " whole and batch " + batch + " stays committed.");
        });
        assertThat(closed).hasValue(0);

        background.runAll();

        assertThat(closed).hasValue(1);
        assertThat(RollbackKilledMidway.status(target.choice(), batch)).isEqualTo(BatchStatus.ROLLED_BACK);
        history.close();
    }

    @Test
    void aNewReviewBeingStagedAsksAndSaysItIsLeftUnfinishedIfClosedAnyway() {
        background.runAll();
        background.hold();
        assertThat(validation.start()).isTrue();

        closing.requestClose(closed::incrementAndGet);

        assertThat(closed).as("closed anyway").hasValue(1);
        assertThat(dialogs.asked()).last().satisfies(question -> {
            assertThat(question.header()).isEqualTo("A change is still being saved: the new review of "
                    + workbench.sourceFileProperty().get().getFileName() + ". Sluice closes when it is saved.");
            assertThat(question.text()).contains("is left unfinished: opening it says so, and validating");
        });
    }

    @Test
    void aProfileBeingSavedAsksAndSaysTheFileKeepsWhatItHeld() throws Exception {
        background.runAll();
        Path file = home.resolve("saved-profile.json");
        Profile profile = workbench.profileProperty().get();
        background.hold();
        new ProfileFile(workbench, tasks).save(profile, file);

        dialogs.declineNext();
        closing.requestClose(closed::incrementAndGet);

        assertThat(dialogs.asked()).last().satisfies(question -> {
            assertThat(question.header()).isEqualTo("A change is still being saved: the profile saved-profile.json."
                    + " Sluice closes when it is saved.");
            assertThat(question.text()).endsWith("if it has not ended by then, the profile file saved-profile.json"
                    + " is not written and keeps what it held before.");
        });
        background.runAll();
        assertThat(closed).hasValue(1);
        assertThat(ProfileIO.read(file)).isEqualTo(profile);
    }

    @Test
    void twoWritesAtOnceAreBothNamedWithWhatClosingAnywayLeavesOfEach() {
        long valid = approveAllValidHeld();
        new ExportViewModel(workbench, tasks, dialogs).export(ExportKind.FINDINGS, CsvOptions.DEFAULTS,
                home.resolve("findings.csv"));

        dialogs.declineNext();
        closing.requestClose(closed::incrementAndGet);

        assertThat(dialogs.asked()).last().satisfies(question -> {
            assertThat(question.header()).isEqualTo(String.format("Changes are still being saved: up to %,d"
                    + " approvals and the export of findings to findings.csv. Sluice closes when they are saved.",
                    valid));
            assertThat(question.text()).contains("Close anyway gives them at most")
                    .contains("for one that has not ended by then, the change (up to")
                    .contains("is lost as a whole, as if it had never been made; the export is abandoned");
        });
        assertThat(closing.waitingProperty().get()).isEqualTo(String.format("Sluice closes once the changes are"
                + " saved: up to %,d approvals and the export of findings to findings.csv.", valid));
        background.runNext();
        assertThat(closed).as("the export still runs").hasValue(0);
        background.runAll();
        assertThat(closed).hasValue(1);
    }

    @Test
    void aTaskThatOnlyReadsDoesNotHoldTheCloseUp() {
        background.runAll();
        background.hold();
        HistoryViewModel history = new HistoryViewModel(workbench, tasks, dialogs, "tester");
        history.refresh();
        assertThat(tasks.active()).isNotEmpty();

        closing.requestClose(closed::incrementAndGet);

        assertThat(closed).hasValue(1);
        assertThat(dialogs.asked()).isEmpty();
        background.runAll();
        history.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRollbackCutShortBySluiceStoppingIsUndoneByTheDatabaseAndTheBatchStaysCommitted(
            TestDatabases.Engine engine) throws Exception {
        background.runAll();
        target = SampleTarget.of(engine, home);
        workbench.targetProperty().set(target.choice());
        long batch = target.committedBatch("mixes");
        String table = ProfileIO.read(Samples.profileOf(SampleTarget.SAMPLE, home)).table();
        long rows = RollbackKilledMidway.rows(target.choice(), table);

        for (boolean kill : new boolean[] {false, true}) {
            RollbackKilledMidway.run(home, target.choice(), batch, kill);

            assertThat(RollbackKilledMidway.status(target.choice(), batch)).as(kill ? "killed" : "exited")
                    .isEqualTo(BatchStatus.COMMITTED);
            assertThat(RollbackKilledMidway.rows(target.choice(), table)).as(kill ? "killed" : "exited")
                    .isEqualTo(rows).isPositive();
        }
    }

    @Test
    void aSecondCloseWhileWaitingAsksAgainAndMayCloseAnywayButClosesOnlyOnce() {
        approveAllValidHeld();
        int asked = dialogs.asked().size();
        dialogs.declineNext();
        closing.requestClose(closed::incrementAndGet);
        assertThat(closed).hasValue(0);

        closing.requestClose(closed::incrementAndGet);

        assertThat(dialogs.asked()).hasSize(asked + 2);
        assertThat(closed).as("closed anyway the second time").hasValue(1);
        assertThat(closing.waitingProperty().get()).isEmpty();
        background.runAll();
        closing.requestClose(closed::incrementAndGet);
        assertThat(closed).as("not again once closed").hasValue(1);
        assertThat(closing.hasClosed()).isTrue();
    }

    @Test
    void aSecondCloseAndTheSaveEndingWhileTheQuestionIsOpenCloseOnceWithoutASecondQuestion() {
        approveAllValidHeld();
        List<String> asked = new ArrayList<>();
        AtomicReference<ClosingViewModel> self = new AtomicReference<>();
        DialogService answering = new DialogService() {
            @Override
            public boolean confirm(String header, String text, String confirmLabel) {
                asked.add(header);
                // the question's own event loop runs the second close request and the save's end
                self.get().requestClose(closed::incrementAndGet);
                background.runAll();
                return false;
            }

            @Override
            public Optional<String> askReason(String header, String prompt, String initial) {
                return dialogs.askReason(header, prompt, initial);
            }

            @Override
            public void inform(String header, String text) {
                dialogs.inform(header, text);
            }

            @Override
            public Optional<List<String>> askForm(String header, String text, List<Field> fields,
                                                  String confirmLabel) {
                return dialogs.askForm(header, text, fields, confirmLabel);
            }
        };
        self.set(new ClosingViewModel(tasks, answering, () -> true));

        self.get().requestClose(closed::incrementAndGet);

        assertThat(asked).hasSize(1);
        assertThat(closed).as("closed once the approvals were saved").hasValue(1);
        assertThat(self.get().waitingProperty().get()).isEmpty();
    }

    /** Starts approving every valid row and holds it half way, as a 1,000,000-row approval would be; the count. */
    private long approveAllValidHeld() {
        background.runAll();
        long valid = review.counts().pendingProperty().getValue().longValue()
                - review.counts().findingsProperty().getValue().rowsWithErrors();
        background.hold();
        review.actions().approveAllValid();
        assertThat(tasks.saving()).hasSize(1);
        return valid;
    }

    private long approvedOnDisk() {
        try (Review opened = Review.open(review.fileProperty().getValue())) {
            return opened.ledger().counts().approved();
        }
    }
}
