package io.sluice.cli;

import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.ImportBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sluice batch ID}: one import batch in detail, with its provenance counts. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Show one import batch: source, profile, mode, counts, scores, status and where its rows came "
                + "from (provenance counts by action).")
final class BatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "Batch id (see 'sluice batches').")
    long id;

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
        try (Bookkeeping bookkeeping = target.bookkeeping()) {
            ImportBatch b = bookkeeping.batch(id).orElseThrow(() -> SluiceException.input("There is no import batch "
                    + id + " in " + target.displayUrl() + "; 'sluice batches' lists them."));
            Map<String, Long> provenance = bookkeeping.provenanceCounts(id);
            if (format == OutputFormat.json) {
                Map<String, Object> json = BatchJson.details(b);
                json.put("provenance", provenance);
                out.println(Json.write(json));
            } else {
                out.printf("Batch %d: %s%n", b.id(), b.status().code()
                        + b.rolledBackAt().map(at -> " on " + BatchJson.time(at)).orElse("")
                        + b.rolledBackBy().map(by -> " by " + by).orElse(""));
                out.printf("Source:   %s%s (sha256 %s)%n", b.sourceFile(),
                        b.sheet().map(s -> ", sheet '" + s + "'").orElse(""), b.sourceSha256());
                out.printf("Profile:  %s (sha256 %s)%n", b.profileName(), b.profileSha256());
                out.printf("Target:   %s, mode %s%n", b.targetTable(), b.mode().code());
                out.printf("Steward:  %s, %s to %s%n", b.steward(), BatchJson.time(b.startedAt()),
                        b.finishedAt().map(BatchJson::time).orElse("(not finished)"));
                out.printf("Rows:     %d read, %d approved, %d rejected -> %d inserted, %d updated, %d skipped%n",
                        b.counts().rowsRead(), b.counts().approved(), b.counts().rejected(), b.counts().inserted(),
                        b.counts().updated(), b.counts().skipped());
                if (b.scores().overall() != null) {
                    out.printf("Scores:   completeness %s   validity %s   uniqueness %s   overall %s%n",
                            b.scores().completeness(), b.scores().validity(), b.scores().uniqueness(),
                            b.scores().overall());
                }
                out.printf("Provenance: %s%n", provenance.isEmpty() ? "none" : provenance);
                b.message().ifPresent(m -> out.println("Message:  " + m));
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }
}
