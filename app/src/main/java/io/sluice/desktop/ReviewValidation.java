package io.sluice.desktop;

import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.BiConsumer;

/**
 * Validates the workbench's mapped source into a new review, when the steward asks for it ("Validate and review"
 * in the Mapping step, "Validate now" in the Review step), never because a screen was shown. Both steps share it,
 * as they share the {@link Workbench}. The new review becomes the workbench's open review; a cancel or a
 * failure leaves a sentence in {@link #outcomeProperty()} for the Review step to show.
 */
public final class ReviewValidation {

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DesktopSettings settings;
    private final Path reviewsDirectory;
    private final BiConsumer<String, Throwable> showError;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");

    public ReviewValidation(Workbench workbench, TaskRunner tasks, DesktopSettings settings, Path reviewsDirectory,
                            BiConsumer<String, Throwable> showError) {
        this.workbench = workbench;
        this.showError = showError;
        this.tasks = tasks;
        this.settings = settings;
        this.reviewsDirectory = reviewsDirectory;
    }

    /** Whether the workbench holds a mapped source to validate (a source file and a confirmed profile). */
    public boolean canStart() {
        return workbench.profileProperty().get() != null && workbench.sourceFileProperty().get() != null;
    }

    /**
     * Validates the mapped source into a new review file in the background; false (and nothing started) when there
     * is nothing to validate or a validation is already running.
     */
    public boolean start() {
        if (!canStart() || running.get()) {
            return false;
        }
        Path source = workbench.sourceFileProperty().get();
        Profile profile = workbench.profileProperty().get();
        SourceOptions options = NewReview.options(workbench.sourceOptionsProperty().get(), profile);
        TargetChoice choice = workbench.targetProperty().get();
        Path target = unused(NewReview.fileFor(source, reviewsDirectory, LocalDateTime.now()));
        outcome.set("");
        running.set(true);
        TaskHandle handle = tasks.save("Validating " + source.getFileName(), new Change("the new review of "
                + source.getFileName(), "the review " + target.getFileName() + " is left unfinished: opening it says"
                + " so, and validating " + source.getFileName() + " again makes a whole one"),
                ctx -> NewReview.validate(source, options, profile, choice, target, ctx),
                created -> {
                    settings.reviewOpened(created);
                    workbench.reviewProperty().set(created);
                }, error -> {
                    outcome.set("The validation did not finish: " + ErrorText.sentence(error)
                            + " No review was saved.");
                    showError.accept("Could not validate " + source.getFileName(), error);
                });
        handle.whenDone(() -> {
            if (handle.isCancelled()) {
                outcome.set("The validation was cancelled; no review was saved.");
            }
            running.set(false);
        });
        return true;
    }

    /** Where new reviews are saved unless the steward picks another place. */
    public Path reviewsDirectory() {
        return reviewsDirectory;
    }

    /**
     * The name itself, or with "-2", "-3" … before ".sluice" when a review of the same second exists: validating
     * twice within a second must neither fail nor touch the review made first.
     */
    static Path unused(Path file) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".sluice".length());
        Path candidate = file;
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(stem + "-" + n + ".sluice");
        }
        return candidate;
    }

    /** True while a validation runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What became of the last validation when it gave no review (a cancel or a failure), or "". */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
