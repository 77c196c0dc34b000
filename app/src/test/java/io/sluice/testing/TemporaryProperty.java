package io.sluice.testing;

/**
 * A system property set for the length of a try block, then put back as it was: restored when it had a value, cleared
 * when it had none. Use it where a setting can only be handed in as a system property (Sluice's data directory).
 */
public final class TemporaryProperty implements AutoCloseable {

    private final String name;
    private final String previous;

    private TemporaryProperty(String name, String previous) {
        this.name = name;
        this.previous = previous;
    }

    /** Sets {@code name} to {@code value} until {@link #close()}. */
    public static TemporaryProperty set(String name, String value) {
        TemporaryProperty property = new TemporaryProperty(name, System.getProperty(name));
        System.setProperty(name, value);
        return property;
    }

    @Override
    public void close() {
        if (previous == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, previous);
        }
    }
}
