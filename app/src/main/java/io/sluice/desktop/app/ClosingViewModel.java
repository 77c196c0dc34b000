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
 * Whether and when the desktop closes. While a change is being saved (see {@link TaskRunner#save}: decisions, an
 * edit, a rule applied, a profile, an export, a rollback, a new review), a close request asks first: the steward
 * waits (the default) and Sluice closes by itself once the change is saved, or closes anyway, told what that leaves
 * of each change. A save that fails keeps Sluice open and says so. With nothing being saved, it closes at once. A
 * second request while the question is open is the same request; one while waiting asks again, so that the steward
 * may still close anyway.
 */
public final class ClosingViewModel {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BooleanSupplier profileMayGo;
    private final Set<TaskHandle> awaited = new LinkedHashSet<>();
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private Runnable closeWhenSaved;
    private boolean asking;
    private boolean closed;

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
        if (closed || asking) {
            // closed already, or the question is on screen: a second request (the window's close button, Ctrl+Q)
            // is the same request
            return;
        }
        if (closeWhenSaved == null && !profileMayGo.getAsBoolean()) {
            return;
        }
        List<TaskHandle> saving = tasks.saving();
        if (saving.isEmpty()) {
            close(close);
            return;
        }
        boolean anyway;
        asking = true;
        try {
            anyway = dialogs.confirm(question(saving), answers(saving), "Close anyway", "Wait");
        } finally {
            asking = false;
        }
        if (closed) {
            // what was saved ended while the question was open and the steward had asked to wait before
            return;
        }
        if (anyway) {
            stopWaiting();
            close(close);
            return;
        }
        closeWhenSaved = close;
        // the save may have ended while the question was open: then this closes at once
        check();
    }

    /** Whether Sluice was closed through {@link #requestClose}, after the steward was asked where there was need. */
    public boolean hasClosed() {
        return closed;
    }

    /** "A change is still being saved: …. Sluice closes when it is saved." */
    static String question(List<TaskHandle> saving) {
        boolean one = saving.size() == 1;
        return (one ? "A change is" : "Changes are") + " still being saved: " + changes(saving) + ". Sluice closes when "
                + (one ? "it is" : "they are") + " saved.";
    }

    /** What each answer does; Close anyway says, for each change, what closing before it ends leaves of it. */
    static String answers(List<TaskHandle> saving) {
        boolean one = saving.size() == 1;
        List<String> lost = new ArrayList<>();
        saving.forEach(task -> lost.add(task.ifClosed()));
        return "Wait keeps Sluice open until then and closes it by itself. Close anyway gives " + (one ? "it" : "them")
                + " at most " + TaskRunner.CLOSE_WAIT_SECONDS + " seconds more; " + (one ? "if it has not"
                : "for one that has not") + " ended by then, " + String.join("; ", lost) + ".";
    }

    private void close(Runnable close) {
        closed = true;
        close.run();
    }

    /** "Sluice closes once the change is saved: …" while the steward waits to close; empty otherwise. */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    private void check() {
        if (closeWhenSaved == null || closed) {
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
            close(close);
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
