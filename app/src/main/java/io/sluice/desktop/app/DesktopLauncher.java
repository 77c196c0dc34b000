package io.sluice.desktop.app;

import javafx.application.Application;

import java.util.Locale;

/** Starts the desktop from {@code io.sluice.Main}, which must not itself extend {@link Application}. */
public final class DesktopLauncher {

    /** Exit status when there is no screen to open the desktop on. */
    public static final int NO_DISPLAY = 2;

    private DesktopLauncher() {
    }

    /** Runs the desktop until its window closes; returns the process exit status. */
    public static int launch(String[] args) {
        if (!hasDisplay()) {
            System.err.println("Sluice's desktop needs a display, and none is set (DISPLAY or WAYLAND_DISPLAY). "
                    + "Run a command instead: sluice --help lists them.");
            return NO_DISPLAY;
        }
        try {
            Application.launch(SluiceApp.class, args);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("Sluice's desktop could not start: " + rootMessage(e));
            return NO_DISPLAY;
        }
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            return true;
        }
        return "Monocle".equals(System.getProperty("glass.platform")) || isSet("DISPLAY") || isSet("WAYLAND_DISPLAY");
    }

    private static boolean isSet(String variable) {
        String value = System.getenv(variable);
        return value != null && !value.isBlank();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
