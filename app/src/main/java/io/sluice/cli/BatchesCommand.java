package io.sluice.cli;

import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.usecase.BatchHistory;
import io.sluice.core.validate.GateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sluice batches}: the import batches of a target, newest first. */
@Command(name = "batches", mixinStandardHelpOptions = true,
        description = "List the import batches of the target database, newest first; --format json adds each "
                + "batch's scores and quality gates.")
final class BatchesCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format.")
    OutputFormat format;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BatchHistory history = BatchHistory.open(target.target())) {
            List<ImportBatch> batches = history.batches();
            if (format == OutputFormat.json) {
                List<Map<String, Object>> json = new ArrayList<>();
                Map<Long, List<GateResult>> gates = history.gatesOf(batches);
                batches.forEach(b -> json.add(BatchJson.summary(b, gates.getOrDefault(b.id(), List.of()))));
                out.println(Json.write(json));
            } else if (batches.isEmpty()) {
                out.println("No import batches in " + history.displayUrl() + " yet.");
            } else {
                TextTable table = new TextTable("ID", "STARTED", "STATUS", "TABLE", "FILE", "INSERTED", "UPDATED",
                        "SKIPPED");
                for (ImportBatch b : batches) {
                    table.add(String.valueOf(b.id()), BatchJson.time(b.startedAt()), BatchJson.status(b),
                            b.targetTable(), b.sourceFile(), String.valueOf(b.counts().inserted()),
                            String.valueOf(b.counts().updated()), String.valueOf(b.counts().skipped()));
                }
                table.print(out);
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }
}
