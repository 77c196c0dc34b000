package io.sluice.desktop.rules;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.RuleSpec;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Debounce;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The concrete-mix sample ({@code ds1-concrete-mix.csv}) with its profile, less its water/cement rule, on the
 * embedded database, for the Rules step's view-model tests: tasks finish before they return, the typing pause is
 * fired by hand ({@link #pause()}), and dialogs are scripted.
 */
final class Ds1Rules {

    /** The rule the sample's profile has and the tests write again. */
    static final String WC_RATIO = "wc-ratio-plausible";

    final Workbench workbench = new Workbench();
    final List<Throwable> failures = new ArrayList<>();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final TaskRunner tasks = SyncTasks.runner(failures);
    final Profile fullProfile;
    final ReviewValidation validation;
    final RulesViewModel vm;
    private final List<Runnable> pending = new ArrayList<>();

    Ds1Rules(Path home) {
        Samples.Sample ds1 = Samples.all().stream().filter(s -> s.fileName().equals("ds1-concrete-mix.csv"))
                .findFirst().orElseThrow();
        workbench.sourceFileProperty().set(Samples.extract(ds1, home));
        fullProfile = ProfileIO.read(Samples.profileOf(ds1, home));
        List<RuleSpec> without = fullProfile.rules().stream().filter(r -> !WC_RATIO.equals(r.id())).toList();
        workbench.profileProperty().set(fullProfile.withRules(without));
        validation = new ReviewValidation(workbench, tasks, new DesktopSettings(), home.resolve("reviews"),
                (title, error) -> failures.add(error));
        Debounce.Delay byHand = (wait, action) -> {
            pending.add(action);
            return () -> pending.remove(action);
        };
        vm = new RulesViewModel(workbench, tasks, dialogs, byHand);
    }

    /** Validates the source into a review, as "Validate and review" does. */
    Ds1Rules validated() {
        validation.start();
        return this;
    }

    /** The steward stops typing: the waiting preview starts. */
    void pause() {
        List.copyOf(pending).forEach(Runnable::run);
        pending.clear();
    }

    /** The sample's own water/cement rule. */
    RuleSpec wcRatio() {
        return fullProfile.rules().stream().filter(r -> WC_RATIO.equals(r.id())).findFirst().orElseThrow();
    }
}
