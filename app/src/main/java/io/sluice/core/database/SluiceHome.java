package io.sluice.core.database;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Sluice's data directory, where the embedded target database lives: system property {@code sluice.home}, else
 * environment {@code SLUICE_HOME}, else the platform's user data directory ({@code %APPDATA%\Sluice} on Windows,
 * {@code ~/Library/Application Support/Sluice} on macOS, {@code $XDG_DATA_HOME/sluice} or
 * {@code ~/.local/share/sluice} elsewhere).
 */
public final class SluiceHome {

    /** System property that overrides everything else; tests use it because they cannot set environment variables. */
    public static final String PROPERTY = "sluice.home";
    /** Environment variable consulted after the system property. */
    public static final String ENVIRONMENT = "SLUICE_HOME";

    private SluiceHome() {
    }

    /** The data directory for this process (not created here). */
    public static Path directory() {
        return resolve(System::getProperty, System::getenv, System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    /** The data directory for the given system properties, environment, operating system name and home directory. */
    static Path resolve(UnaryOperator<String> properties, UnaryOperator<String> environment, String osName,
                        Path userHome) {
        String explicit = firstSet(properties.apply(PROPERTY), environment.apply(ENVIRONMENT));
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = firstSet(environment.apply("APPDATA"), null);
            Path base = appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("Sluice");
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Sluice");
        }
        String xdg = firstSet(environment.apply("XDG_DATA_HOME"), null);
        // the XDG spec says relative values are invalid and must be ignored
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("sluice");
        }
        return userHome.resolve(".local").resolve("share").resolve("sluice");
    }

    private static String firstSet(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second != null && !second.isBlank() ? second : null;
    }
}
