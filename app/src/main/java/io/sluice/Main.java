package io.sluice;

import io.sluice.cli.SluiceCommand;
import io.sluice.desktop.app.DesktopLauncher;

/**
 * The one entry point: without arguments Sluice opens the desktop, with a command it runs headless. This class
 * deliberately does not extend javafx.application.Application, so that a command-line call never starts JavaFX.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            int status = DesktopLauncher.launch(args);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
        System.exit(SluiceCommand.run(args));
    }
}
