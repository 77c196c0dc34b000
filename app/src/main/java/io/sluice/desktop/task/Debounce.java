package io.sluice.desktop.task;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * Passes on only the last of a burst of values, once they pause for a while: a search field's text reaches the
 * filter when the steward stops typing, not at every key. {@link #flush} passes the pending value at once (Enter).
 * UI thread only.
 */
public final class Debounce<T> {

    /** Runs an action after a wait unless cancelled first; returns how to cancel it. */
    @FunctionalInterface
    public interface Delay {
        Runnable after(Duration wait, Runnable action);
    }

    private final Duration wait;
    private final Delay delay;
    private final Consumer<? super T> action;
    private Runnable cancelPending;
    private T pending;

    /** Waits on the JavaFX animation timer. */
    public Debounce(Duration wait, Consumer<? super T> action) {
        this(wait, fxTimer(), action);
    }

    /** Waits with the given delay; tests pass one they fire by hand. */
    public Debounce(Duration wait, Delay delay, Consumer<? super T> action) {
        this.wait = wait;
        this.delay = delay;
        this.action = action;
    }

    /** Replaces the pending value and starts the wait again. */
    public void offer(T value) {
        cancel();
        pending = value;
        cancelPending = delay.after(wait, this::flush);
    }

    /** Passes the pending value now, if there is one. */
    public void flush() {
        if (cancelPending == null) {
            return;
        }
        T value = pending;
        cancel();
        action.accept(value);
    }

    /** Forgets the pending value. */
    public void cancel() {
        if (cancelPending != null) {
            cancelPending.run();
            cancelPending = null;
        }
        pending = null;
    }

    /** Whether a value waits to be passed on. */
    public boolean isPending() {
        return cancelPending != null;
    }

    /** Waits on the JavaFX animation timer; needs the JavaFX toolkit. */
    public static Delay fxTimer() {
        return (wait, action) -> {
            PauseTransition pause = new PauseTransition(wait);
            pause.setOnFinished(e -> action.run());
            pause.play();
            return pause::stop;
        };
    }
}
