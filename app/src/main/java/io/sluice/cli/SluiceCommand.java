package io.sluice.cli;

import io.sluice.core.SluiceException;
import io.sluice.core.SluiceVersion;
import io.sluice.core.usecase.GatesBlockedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The top-level {@code sluice} command. Exit codes: 0 = done, no error findings; 1 = error findings; 2 = usage
 * error, unreadable input or a broken rule; 3 = target database problem; 4 = a blocking quality gate failed. A
 * failure prints one line on stderr; {@code --debug} adds the stack trace.
 */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = SluiceCommand.Version.class,
        description = {"Load spreadsheets, map them onto a database table, validate, review and commit.",
                "Exit codes: 0 = done, no error findings; 1 = error findings, or an import refused for conflicts; "
                        + "2 = usage error, unreadable input or a broken rule; 3 = target database problem; "
                        + "4 = a blocking quality gate failed (an import writes nothing)."},
        subcommands = {InspectCommand.class, PreviewCommand.class, LoadCommand.class, SuggestCommand.class,
                ValidateCommand.class, ReviewCommand.class, DecideCommand.class, StatsCommand.class,
                FixCommand.class, FixesCommand.class, ClustersCommand.class, ImportCommand.class,
                BatchesCommand.class, BatchCommand.class, RollbackCommand.class, ExportCommand.class,
                RulesCommand.class, CommandLine.HelpCommand.class})
public final class SluiceCommand implements Runnable {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int INPUT = 2;
    public static final int TARGET = 3;
    public static final int GATES = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The configured command line, for tests that capture its output. */
    public static CommandLine commandLine(String... args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new SluiceCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println(commandLine.getCommandSpec().qualifiedName() + ": " + message(e));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return exitCode(e);
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            UsageErrors.Mistake mistake = UsageErrors.of(e);
            err.println(mistake.command() + ": " + mistake.sentence());
            err.println("Try '" + mistake.command() + " --help'.");
            err.flush();
            return INPUT;
        });
        return cli;
    }

    static int exitCode(Throwable e) {
        if (e instanceof GatesBlockedException) {
            return GATES;
        }
        if (e instanceof SluiceException s) {
            return s.kind() == SluiceException.Kind.TARGET ? TARGET : INPUT;
        }
        return e instanceof SQLException ? TARGET : INPUT;
    }

    /** One sentence for a failure while a command ran; core's own failures already are one. */
    static String message(Throwable e) {
        if (e instanceof SluiceException || e instanceof UsageException) {
            return e.getMessage();
        }
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NoSuchFileException missing) {
            return missing.getFile() + " does not exist.";
        }
        if (cause instanceof AccessDeniedException denied) {
            return "Permission denied for " + denied.getFile() + ".";
        }
        if (cause instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getFile() + ": " + fs.getReason() + ".";
        }
        String detail = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return "Internal error (" + cause.getClass().getSimpleName() + detail + "); run again with --debug for the "
                + "details.";
    }

    /** The version from the build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sluice " + SluiceVersion.current()};
        }
    }
}
