package io.sluice.desktop.task;

import javafx.animation.AnimationTimer;

import java.util.concurrent.Executor;

/**
 * Runs an action once the JavaFX pulse after it was asked for has ended: the pulse that styles and lays out what
 * just changed on screen. Background work started then (counting a view's rows, ordering the rest of a sort) does
 * not take a processor from that pulse on a machine of two cores (decision 0062). JavaFX thread only.
 */
public final class AfterPulse {

    private AfterPulse() {
    }

    /**
     * An executor that runs each action at the start of the second pulse after it is given: the first pulse is the
     * one that draws the change. Needs the JavaFX toolkit; a pulse is asked for while the action waits.
     */
    public static Executor fx() {
        return action -> new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
