/**
 * The one way the desktop runs core work off the JavaFX thread: {@link io.sluice.desktop.task.TaskRunner} runs a
 * {@link io.sluice.desktop.task.Work} with progress and cancel and calls back on the JavaFX thread;
 * {@link io.sluice.desktop.task.TaskHandle} is one running piece of work as the screen shows it (title, progress,
 * cancel). It depends on {@code io.sluice.core} ({@code Progress}) and {@code io.sluice.desktop}.
 */
package io.sluice.desktop.task;
