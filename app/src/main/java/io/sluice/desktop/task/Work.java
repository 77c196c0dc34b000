package io.sluice.desktop.task;

/** A piece of core work run off the JavaFX thread; it reports through, and may be stopped by, its context. */
@FunctionalInterface
public interface Work<T> {

    T run(TaskContext context) throws Exception;
}
