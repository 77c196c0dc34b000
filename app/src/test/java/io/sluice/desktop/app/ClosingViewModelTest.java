package io.sluice.desktop.app;

import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.Review;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.review.ReviewViewModel;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing the desktop while a decision is being written into a real review never drops it unasked. */
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

    @BeforeEach
    void openTheSampleReview() {
        Samples.Sample ds1 = Samples.all().get(0);
        workbench.sourceFileProperty().set(Samples.extract(ds1, home));
        workbench.profileProperty().set(ProfileIO.read(Samples.profileOf(ds1, home)));
        tasks = new TaskRunner(Runnable::run, background);
        tasks.setFailureHandler((title, error) -> failures.add(error));
        review = new ReviewViewModel(workbench, tasks, new ReviewValidation(workbench, tasks, new DesktopSettings(),
                home.resolve("reviews"), (title, error) -> failures.add(error)), dialogs,
                (title, error) -> failures.add(error));
        review.validateNow();
        closing = new ClosingViewModel(tasks, dialogs, () -> true);
    }

    @AfterEach
    void closeTheReview() {
        background.runAll();
        review.close();
        background.runAll();
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
