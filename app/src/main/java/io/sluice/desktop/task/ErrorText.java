package io.sluice.desktop.task;

import io.sluice.core.SluiceException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Turns a failure into what a steward reads: one sentence for the dialog, and the technical details (the stack
 * trace) only behind "Details". Sluice's own failures already carry their sentence; anything else gets a sentence
 * that says what went wrong without the class-name noise.
 */
public final class ErrorText {

    private ErrorText() {
    }

    /** One sentence, ending with a full stop. */
    public static String sentence(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof SluiceException) {
            return finish(e.getMessage());
        }
        if (e instanceof NoSuchFileException missing) {
            return "The file " + missing.getFile() + " does not exist.";
        }
        if (e instanceof AccessDeniedException denied) {
            return "Sluice may not read or write " + denied.getFile() + ".";
        }
        if (e instanceof OutOfMemoryError) {
            return "Sluice ran out of memory; close other reviews or start it with more memory (-Xmx).";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "Something unexpected went wrong (" + e.getClass().getSimpleName() + "); the details say where.";
        }
        return finish("Something unexpected went wrong: " + message);
    }

    /** An on-failure callback for {@link TaskRunner#run}: hands the failure's sentence to {@code to}. */
    public static Consumer<Throwable> into(Consumer<String> to) {
        return error -> to.accept(sentence(error));
    }

    /** The full stack trace, for the expandable details and for bug reports. */
    public static String details(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof UncheckedIOException || e instanceof ExecutionException
                || e instanceof CompletionException || e.getClass() == RuntimeException.class)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String finish(String text) {
        String t = text == null ? "" : text.strip();
        return t.endsWith(".") || t.endsWith("?") || t.endsWith("!") ? t : t + ".";
    }
}
