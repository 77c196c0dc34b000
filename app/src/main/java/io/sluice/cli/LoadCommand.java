package io.sluice.cli;

import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.core.workspace.Review;
import io.sluice.core.workspace.ReviewInfo;
import io.sluice.core.workspace.RowWriter;
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
        description = "Load a sheet into a new review file: every cell as displayed, with its typed value and the "
                + "reader's notes. Validate with a profile later, or use 'validate --review' to do both at once.")
final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "XLSX, XLS, CSV or TSV file.")
    Path file;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "REVIEW.sluice", description = "Review to create.")
    Path output;

    @Option(names = "--force", description = "Replace an existing review file.")
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
        try (SourceTable table = Sources.open(file, source.toOptions())) {
            ReviewInfo info = ReviewInfo.of(file.toAbsolutePath(), Sources.sha256(file), table.format(),
                    table.sheet(), table.headerRow());
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
            long rows = 0;
            try (Review review = Review.create(output, info, table.columns(), force);
                 RowWriter writer = review.rowWriter()) {
                SourceRow row;
                while ((row = table.next()) != null) {
                    writer.append(row);
                    progress.rowsDone(++rows);
                }
                writer.close();
                review.addSourceIssues(table.issues());
            }
            progress.clear();
            out.printf("Loaded %d rows of %s (sheet '%s', header row %d, %d columns) into %s%n", rows,
                    file.getFileName(), table.sheet(), table.headerRow(), table.columns().size(), output);
        }
        out.flush();
        return SluiceCommand.OK;
    }
}
