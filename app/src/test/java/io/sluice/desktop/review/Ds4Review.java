package io.sluice.desktop.review;

import io.sluice.core.profile.ProfileIO;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The March deliveries sample ({@code ds4-deliveries-march.csv}, 120 rows with misspelt suppliers and plants)
 * validated with its profile on the embedded database into an open review, with tasks that finish before they
 * return and scripted dialogs: what the cleaning view-model tests start from.
 */
final class Ds4Review {

    final Workbench workbench = new Workbench();
    final List<Throwable> failures = new ArrayList<>();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final TaskRunner tasks = SyncTasks.runner(failures);
    final Path profileFile;
    final ReviewViewModel vm;

    Ds4Review(Path home) {
        Samples.Sample ds4 = Samples.all().stream().filter(s -> s.fileName().equals("ds4-deliveries-march.csv"))
                .findFirst().orElseThrow();
        workbench.sourceFileProperty().set(Samples.extract(ds4, home));
        profileFile = Samples.profileOf(ds4, home);
        workbench.profileProperty().set(ProfileIO.read(profileFile));
        workbench.profileFileProperty().set(profileFile);
        ReviewValidation validation = new ReviewValidation(workbench, tasks, new DesktopSettings(),
                home.resolve("reviews"), (title, error) -> failures.add(error));
        vm = new ReviewViewModel(workbench, tasks, validation, dialogs, (title, error) -> failures.add(error));
        validation.start();
    }

    /** Rows with at least one error finding now. */
    long rowsWithErrors() {
        return vm.counts().findingsProperty().getValue().rowsWithErrors();
    }

    void close() {
        vm.close();
    }
}
