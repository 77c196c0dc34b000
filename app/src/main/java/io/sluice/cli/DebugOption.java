package io.sluice.cli;

import picocli.CommandLine.Option;

/** {@code --debug} on every command: failures print their stack trace as well. */
final class DebugOption {

    @Option(names = "--debug", description = "On failure, print the full stack trace too.")
    boolean debug;
}
