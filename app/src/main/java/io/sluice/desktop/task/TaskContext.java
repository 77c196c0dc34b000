package io.sluice.desktop.task;

import io.sluice.core.Progress;

/**
 * What running work sees of its task: it reports rows, a fraction or a message, and polls for cancellation. It is
 * also a core {@link Progress}, so it can be handed straight to validation, staging or a commit.
 */
public interface TaskContext extends Progress {

    /** Shows a short line under the progress bar, e.g. "Reading sheet 'Mixes'". */
    void message(String text);

    /** Sets the expected row count, turning row reports into a determinate progress bar. */
    void expectRows(long total);

    /** Sets the progress directly, from 0 to 1. */
    void fraction(double done);
}
