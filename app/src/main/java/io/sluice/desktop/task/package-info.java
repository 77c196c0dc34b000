/**
 * The one way the desktop runs core work off the JavaFX thread: {@link io.sluice.desktop.task.TaskRunner} runs a
 * {@link io.sluice.desktop.task.Work} with progress and cancel and calls back on the JavaFX thread;
 * {@link io.sluice.desktop.task.TaskHandle} is one running piece of work as the screen shows it (title, progress,
 * cancel, {@code whenDone}); {@link io.sluice.desktop.task.ErrorText} turns a failure into one sentence. What every
 * screen needs around its tasks lives here once: {@link io.sluice.desktop.task.Latest} drops the late result of a
 * superseded request, {@link io.sluice.desktop.task.Debounce} waits for typing to pause. A leaf: it depends on
 * {@code io.sluice.core} and JavaFX only, never on another desktop package.
 */
package io.sluice.desktop.task;
