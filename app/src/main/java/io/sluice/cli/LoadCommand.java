package io.sluice.cli;

import io.sluice.core.usecase.LoadFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code sluice load FILE -o REVIEW.sluice}: stages a sheet's raw cells into a new review, before any mapping. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load a sheet into a new review file: every cell as displayed, with its typed value and the "
                + "reader's notes, before any mapping.",
                "Next, give the review a mapping profile and a target with 'sluice validate --review REVIEW.sluice "
                        + "--profile PROFILE.json'; then decide and import as with any review. 'sluice validate FILE "
                        + "--profile PROFILE.json --review REVIEW.sluice' does both steps at once."})
final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "XLSX, XLS, CSV or TSV file.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "REVIEW.sluice",
            description = "Review to create.")
    Path output;

    @Option(names = "--force", description = "Replace an existing review (never a file that is not a review); until"
            + " the new one is complete the old one is kept as REVIEW.sluice.replaced, and it is put back if the load"
            + " fails.")
    boolean force;

    @Mixin
    SourceOptionsMixin source;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        LoadFile.Outcome loaded = LoadFile.run(file, source.chosen(), output, force, progress);
        progress.clear();
        out.printf("Loaded %d rows of %s (sheet '%s', header row %d, %d columns) into %s%n", loaded.rows(),
                file.getFileName(), loaded.sheet(), loaded.headerRow(), loaded.columns().size(), output);
        out.printf("The review has no mapping profile yet, so it has no findings and cannot be imported. Next: "
                + "sluice validate --review %s --profile PROFILE.json%n", output);
        out.flush();
        return SluiceCommand.OK;
    }
}
