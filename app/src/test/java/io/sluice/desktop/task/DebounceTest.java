package io.sluice.desktop.task;

import javafx.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DebounceTest {

    /** A delay the test fires by hand: the pending action runs when the test says the pause is over. */
    private static final class ManualDelay implements Debounce.Delay {
        private Runnable pending;
        private int cancelled;

        @Override
        public Runnable after(Duration wait, Runnable action) {
            pending = action;
            return () -> {
                cancelled++;
                pending = null;
            };
        }

        void pauseEnds() {
            Runnable action = pending;
            pending = null;
            if (action != null) {
                action.run();
            }
        }
    }

    private final ManualDelay delay = new ManualDelay();
    private final List<String> searched = new ArrayList<>();
    private final Debounce<String> typing = new Debounce<>(Duration.millis(350), delay, searched::add);

    @Test
    void passesOnlyTheLastValueOfABurstOnceTypingPauses() {
        typing.offer("m");
        typing.offer("mi");
        typing.offer("mix");
        assertThat(searched).isEmpty();
        assertThat(typing.isPending()).isTrue();

        delay.pauseEnds();

        assertThat(searched).containsExactly("mix");
        assertThat(typing.isPending()).isFalse();
    }

    @Test
    void eachNewValueStartsTheWaitAgain() {
        typing.offer("m");
        typing.offer("mi");

        assertThat(delay.cancelled).isEqualTo(1);
    }

    @Test
    void flushPassesThePendingValueAtOnceAndOnlyOnce() {
        typing.offer("supplier");

        typing.flush();
        delay.pauseEnds();
        typing.flush();

        assertThat(searched).containsExactly("supplier");
    }

    @Test
    void cancelForgetsThePendingValue() {
        typing.offer("supplier");

        typing.cancel();
        delay.pauseEnds();

        assertThat(searched).isEmpty();
        assertThat(typing.isPending()).isFalse();
    }
}
