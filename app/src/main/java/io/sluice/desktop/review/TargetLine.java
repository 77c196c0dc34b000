package io.sluice.desktop.review;

import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One sentence about the review on screen that only the target can answer (was it committed, can it be imported),
 * asked in the background; a newer ask supersedes an older one's answer, and the sentence shown stays until the
 * newer answer comes, so that it does not flicker after each decision.
 */
final class TargetLine {

    private final TaskRunner tasks;
    private final Function<Path, String> title;
    private final BiFunction<Path, TargetChoice, String> ask;
    private final String failedPrefix;
    private final Latest asks = new Latest();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");

    /**
     * @param title        the background task's title for a review file
     * @param ask          the sentence for a review file and target, asked off the JavaFX thread
     * @param failedPrefix what the sentence begins with when asking failed, before the failure's own sentence
     */
    TargetLine(TaskRunner tasks, Function<Path, String> title, BiFunction<Path, TargetChoice, String> ask,
               String failedPrefix) {
        this.tasks = tasks;
        this.title = title;
        this.ask = ask;
        this.failedPrefix = failedPrefix;
    }

    /** The sentence on the review on screen; empty while not yet asked (or when there is nothing to say). */
    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** Asks the target about {@code review}. */
    void check(Path review, TargetChoice target) {
        Latest.Request request = asks.next();
        request.track(tasks.quiet(title.apply(review), ctx -> ask.apply(review, target), request.then(text::set),
                request.then(failure -> text.set(failedPrefix + ErrorText.sentence(failure)))));
    }

    /** No review on screen. */
    void forget() {
        asks.supersede();
        text.set("");
    }
}
