package io.sluice.core;

/**
 * A failure a user can act on: its message is one plain sentence that names the thing (file, table, profile) and the
 * reason. Front ends print the message, never the stack trace.
 */
public class SluiceException extends RuntimeException {

    /** What kind of failure this is; the CLI maps it to an exit code. */
    public enum Kind { INPUT, TARGET }

    private final Kind kind;

    public SluiceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SluiceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A bad or unreadable input: source file, profile, review, arguments. */
    public static SluiceException input(String message) {
        return new SluiceException(Kind.INPUT, message);
    }

    public static SluiceException input(String message, Throwable cause) {
        return new SluiceException(Kind.INPUT, message, cause);
    }

    /** A problem with the target database: unreachable, missing table, refused statement. */
    public static SluiceException target(String message) {
        return new SluiceException(Kind.TARGET, message);
    }

    public static SluiceException target(String message, Throwable cause) {
        return new SluiceException(Kind.TARGET, message, cause);
    }
}
