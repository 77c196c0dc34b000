package io.sluice.desktop.review;

import io.sluice.core.usecase.RememberFixes;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * "Save fixes into the profile": the review's value replacements (its replace fixes, accepted suggestions and merged
 * clusters, leaving out those undone) become {@code map} transforms of the profile file the mapping was saved to or
 * loaded from, so the next file validated with it arrives with those values already replaced.
 */
public final class SaveFixesViewModel {

    private final ReviewViewModel review;
    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BiConsumer<String, Throwable> showError;

    SaveFixesViewModel(ReviewViewModel review, Workbench workbench, TaskRunner tasks, DialogService dialogs,
                       BiConsumer<String, Throwable> showError) {
        this.review = review;
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.showError = showError;
    }

    /** Whether there is a profile file to save into. */
    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> workbench.profileFileProperty().get() != null
                && review.fileProperty().getValue() != null, workbench.profileFileProperty(), review.fileProperty());
    }

    /** Asks before writing the profile file named, then saves the replacements and says what was saved. */
    public void save() {
        Path profile = workbench.profileFileProperty().get();
        ReviewAccess current = review.access();
        if (profile == null || current == null) {
            return;
        }
        if (!dialogs.confirm("Save the value fixes into " + profile.getFileName() + "?", "The values this review"
                + " replaced become map transforms of the profile " + profile + ", so the next file validated with"
                + " it arrives with them replaced.", "Save")) {
            review.actions().said("Nothing saved.");
            return;
        }
        tasks.save("Saving the fixes into " + profile.getFileName(), Change.file("the value fixes saved into "
                + profile.getFileName(), "the profile file " + profile.getFileName()), ctx -> current.use(opened ->
                RememberFixes.run(opened, profile)), result -> review.actions().said(said(result)),
                error -> showError.accept("Could not save the fixes into " + profile.getFileName(), error));
    }

    /** What was saved, in a sentence or two. */
    static String said(RememberFixes.Result result) {
        String file = String.valueOf(result.profile().getFileName());
        if (result.replacements() == 0) {
            return "This review replaced no values, so nothing was saved into " + file + ".";
        }
        String text = result.columns().isEmpty() ? "No replacement was saved into " + file + "."
                : String.format("Saved %d replacement%s into %s: the map%s of %s now hold%s %d entr%s.",
                result.replacements(), result.replacements() == 1 ? "" : "s", file,
                result.columns().size() == 1 ? "" : "s", String.join(", ", result.columns()),
                result.columns().size() == 1 ? "s" : "", result.entries(), result.entries() == 1 ? "y" : "ies");
        return result.unmapped().isEmpty() ? text : text + " Not saved for " + String.join(", ", result.unmapped())
                + ": no mapping reads that column alone.";
    }
}
