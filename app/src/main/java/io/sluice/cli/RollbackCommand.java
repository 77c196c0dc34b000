package io.sluice.cli;

import io.sluice.core.commit.RollbackResult;
import io.sluice.core.review.Steward;
import io.sluice.core.usecase.RollbackBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code sluice rollback ID}: takes an import batch back, exactly. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll an import batch back in one transaction: delete the rows it inserted and restore the rows"
                + " it updated as they were. Refused when a later batch changed the same rows, unless --cascade.")
final class RollbackCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "Batch id (see 'sluice batches').")
    long id;

    @Option(names = "--cascade", description = "Also roll back later batches that changed the same rows, newest "
            + "first.")
    boolean cascade;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        RollbackResult result = RollbackBatch.run(target.target(), id, cascade, Steward.current().name(),
                progress);
        progress.clear();
        for (RollbackResult.Undone undone : result.batches()) {
            out.printf("Rolled back batch %d: %s.%n", undone.batchId(), rows(undone.deleted(), undone.restored()));
        }
        result.identities().forEach(out::println);
        if (result.batches().size() > 1) {
            out.printf("In all, %d batches rolled back: %s.%n", result.batches().size(),
                    rows(result.deleted(), result.restored()));
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private static String rows(long deleted, long restored) {
        return deleted + " inserted row" + (deleted == 1 ? "" : "s") + " deleted, " + restored + " updated row"
                + (restored == 1 ? "" : "s") + " restored";
    }
}
