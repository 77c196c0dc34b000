package io.sluice;

import io.sluice.cli.SluiceCommand;

/**
 * The one entry point: with a command, Sluice runs headless; this class deliberately does not extend
 * javafx.application.Application so that a command-line call never starts JavaFX.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SluiceCommand.run(args));
    }
}
