package io.sluice.desktop.task;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class LatestTest {

    private final Latest latest = new Latest();
    private final List<String> shown = new ArrayList<>();

    @Test
    void aNewerRequestDropsTheLateResultOfAnOlderOne() {
        Consumer<String> older = latest.next().then(shown::add);
        Consumer<String> newer = latest.next().then(shown::add);

        newer.accept("rows of the new filter");
        older.accept("rows of the old filter");

        assertThat(shown).containsExactly("rows of the new filter");
    }

    @Test
    void aLateResultGoesToItsStaleHandlerSoWhatItOpenedCanBeClosed() {
        List<String> closed = new ArrayList<>();
        Consumer<String> older = latest.next().then(shown::add, closed::add);
        latest.next();

        older.accept("review opened too late");

        assertThat(shown).isEmpty();
        assertThat(closed).containsExactly("review opened too late");
    }

    @Test
    void supersedingDropsEveryRequestStartedSoFar() {
        Latest.Request request = latest.next();

        latest.supersede();

        assertThat(request.isCurrent()).isFalse();
        request.<String>then(shown::add).accept("rows of a closed review");
        assertThat(shown).isEmpty();
    }

    @Test
    void aNewerRequestCancelsTheTrackedTaskOfAnOlderOne() {
        Latest.Request first = latest.next();
        TaskHandle reading = first.track(new TaskHandle("Reading", false, Runnable::run));

        latest.next();

        assertThat(reading.isCancelled()).isTrue();
        TaskHandle late = first.track(new TaskHandle("Reading again", false, Runnable::run));
        assertThat(late.isCancelled()).as("a task tracked by a superseded request stops at once").isTrue();
    }

    @Test
    void theNewestRequestStaysCurrentAndItsTaskRuns() {
        Latest.Request request = latest.next();
        TaskHandle reading = request.track(new TaskHandle("Reading", false, Runnable::run));

        assertThat(request.isCurrent()).isTrue();
        assertThat(reading.isCancelled()).isFalse();
    }
}
