package io.sluice.desktop.app;

import io.sluice.desktop.DialogService;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Whether and when the desktop closes. While a change is being saved (a bulk approval, an edit, a profile), a close
 * request asks first: the steward waits (the default) and Sluice closes by itself once the change is saved, or
 * closes anyway, told what is lost. A save that fails keeps Sluice open and says so. With nothing being saved, it
 * closes at once.
 */
public final class ClosingViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BooleanSupplier profileMayGo;
    private final Set<TaskHandle> awaited = new LinkedHashSet<>();
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private Runnable closeWhenSaved;

    /**
     * @param profileMayGo asks about a profile that is in no file (see {@link MainWindowViewModel#mayClose()});
     *                     false keeps the window open
     */
    public ClosingViewModel(TaskRunner tasks, DialogService dialogs, BooleanSupplier profileMayGo) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.profileMayGo = profileMayGo;
    }

    /**
     * The steward asks to close: runs {@code close} now, once the changes being saved are saved, or not at all
     * (the steward keeps the profile, or a save failed). Called on the JavaFX thread; never waits on it.
     */
    public void requestClose(Runnable close) {
        if (!profileMayGo.getAsBoolean()) {
            return;
        }
        List<TaskHandle> saving = tasks.saving();
        if (saving.isEmpty()) {
            close.run();
            return;
        }
        String changes = changes(saving);
        boolean one = saving.size() == 1;
        boolean anyway = dialogs.confirm((one ? "A change is" : "Changes are") + " still being saved: " + changes
                + ". Sluice closes when " + (one ? "it is" : "they are") + " saved.",
                "Wait keeps Sluice open until then and closes it by itself. Close anyway gives it at most "
                        + TaskRunner.CLOSE_WAIT_SECONDS + " seconds more; a change not saved by then is lost as a"
                        + " whole (" + changes + "), as if it had never been made.", "Close anyway", "Wait");
        if (anyway) {
            stopWaiting();
            close.run();
            return;
        }
        closeWhenSaved = close;
        // the save may have ended while the question was open: then this closes at once
        check();
    }

    /** "Sluice closes once the change is saved: …" while the steward waits to close; empty otherwise. */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    private void check() {
        if (closeWhenSaved == null) {
            return;
        }
        List<TaskHandle> saving = tasks.saving();
        if (!saving.isEmpty()) {
            for (TaskHandle task : saving) {
                if (awaited.add(task)) {
                    task.whenDone(this::check);
                }
            }
            waiting.set("Sluice closes once the " + (saving.size() == 1 ? "change is" : "changes are") + " saved: "
                    + changes(saving) + ".");
            return;
        }
        List<TaskHandle> failed = awaited.stream().filter(TaskHandle::hasFailed).toList();
        Runnable close = closeWhenSaved;
        stopWaiting();
        if (failed.isEmpty()) {
            close.run();
        } else {
            dialogs.inform("Sluice stays open: " + changes(failed) + " could not be saved.",
                    "The message about it says why; close Sluice again when you have seen it.");
        }
    }

    private void stopWaiting() {
        closeWhenSaved = null;
        awaited.clear();
        waiting.set("");
    }

    private static String changes(List<TaskHandle> tasks) {
        List<String> each = new ArrayList<>();
        tasks.forEach(task -> each.add(task.change()));
        return each.size() == 1 ? each.get(0)
                : String.join(", ", each.subList(0, each.size() - 1)) + " and " + each.get(each.size() - 1);
    }
}
