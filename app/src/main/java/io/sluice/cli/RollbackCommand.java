package io.sluice.cli;

import io.sluice.core.commit.Rollback;
import io.sluice.core.commit.RollbackResult;
import io.sluice.core.target.TargetDatabase;
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
        try (TargetDatabase db = target.openForImport()) {
            RollbackResult result = new Rollback(db).rollback(id, cascade, System.getProperty("user.name"));
            if (!result.alsoRolledBack().isEmpty()) {
                out.println("Rolled back the later batches " + result.alsoRolledBack() + " first.");
            }
            out.printf("Rolled back batch %d: %d inserted rows deleted, %d updated rows restored.%n", result.batchId(),
                    result.deleted(), result.restored());
        }
        out.flush();
        return SluiceCommand.OK;
    }
}
