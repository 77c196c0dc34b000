package io.sluice.cli;

import io.sluice.core.bookkeeping.BatchTableCounts;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.RowProvenance;
import io.sluice.core.usecase.BatchDetails;
import io.sluice.core.usecase.BatchHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sluice batch ID}: one import batch in detail, with its provenance counts, and on request the review audit
 * kept with it (each decision, edit and fixed cell with its source row, column, old and new value, who and when).
 */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Show one import batch: source, profile, mode, counts, scores, quality gates, status and where "
                + "its rows came from (provenance counts by action); with --audit, the review decisions, edits and "
                + "fixed cells kept with it.")
final class BatchCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "Batch id (see 'sluice batches').")
    long id;

    @Option(names = "--rows", defaultValue = "10", paramLabel = "N",
            description = "List where the first N rows of the batch came from (default: 10).")
    int rows;

    @Option(names = "--audit", defaultValue = "0", paramLabel = "N",
            description = "List the first N entries of the review audit kept with the batch: each decision, edit and"
                    + " cell a fix changed, with its source row, column, old and new value, reason, steward and time"
                    + " (default: 0, none).")
    int audit;

    @Option(names = "--key", paramLabel = "KEY",
            description = "Where the target row with this natural key came from, in this batch and any other.")
    String key;

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
        if (rows < 0 || audit < 0) {
            throw new UsageException((rows < 0 ? "--rows" : "--audit") + " must be 0 or more, not "
                    + (rows < 0 ? rows : audit) + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (BatchHistory history = BatchHistory.open(target.target())) {
            BatchDetails details = history.batch(id);
            ImportBatch b = details.batch();
            // a batch into several tables looks the key up in each of them; a failed one recorded no tables of its
            // own, so its target names them, comma-separated
            List<String> searched = !details.tables().isEmpty()
                    ? details.tables().stream().map(BatchTableCounts::table).toList()
                    : b.related() ? List.of(b.targetTable().split(", ")) : List.of(b.targetTable());
            List<RowProvenance> origins = key == null ? history.provenance(id, 0, rows)
                    : searched.stream().flatMap(t -> history.originsOf(id, t, key).stream()).toList();
            List<DecisionAudit> entries = audit > 0 ? history.decisions(id, 0, audit) : List.of();
            if (format == OutputFormat.json) {
                Map<String, Object> json = BatchJson.details(b, details.gates());
                Map<String, Long> provenance = new LinkedHashMap<>();
                provenance.put("inserted", details.inserted());
                provenance.put("updated", details.updated());
                provenance.put("skipped", details.skipped());
                json.put("provenance", provenance);
                if (!details.tables().isEmpty()) {
                    json.put("tables", details.tables().stream().map(t -> {
                        Map<String, Object> table = new LinkedHashMap<>();
                        table.put("table", t.table());
                        table.put("sheet", t.sheet());
                        table.put("mode", t.mode().code());
                        table.put("approved", t.approved());
                        table.put("inserted", t.inserted());
                        table.put("updated", t.updated());
                        table.put("skipped", t.skipped());
                        return table;
                    }).toList());
                }
                json.put("rows", origins.stream().map(BatchJson::origin).toList());
                if (audit > 0) {
                    json.put("audit", entries.stream().map(BatchJson::audit).toList());
                }
                out.println(Json.write(json));
            } else {
                out.printf("Batch %d: %s%n", b.id(), BatchJson.status(b)
                        + b.rolledBackAt().map(at -> " on " + BatchJson.time(at)).orElse("")
                        + b.rolledBackBy().map(by -> " by " + by).orElse(""));
                out.printf("Source:   %s%s (sha256 %s)%n", b.sourceFile(),
                        b.sheet().map(s -> (b.related() ? ", sheets '" : ", sheet '") + s + "'").orElse(""),
                        b.sourceSha256());
                out.printf("Profile:  %s (sha256 %s)%n", b.profileName(), b.profileSha256());
                out.printf("Target:   %s, %s%n", b.targetTable(), !details.tables().isEmpty()
                        ? "each table's mode below" : BatchJson.mode(b) == null ? "each table's mode not recorded"
                        : b.modePerTable() ? "a mode per table" : b.related() ? "mode " + b.mode().code()
                        + " for every table" : "mode " + b.mode().code());
                out.printf("Steward:  %s, %s to %s%n", b.steward(), BatchJson.time(b.startedAt()),
                        b.finishedAt().map(BatchJson::time).orElse("(not finished)"));
                out.printf("Rows:     %s%n", BatchJson.rows(b));
                if (b.scores().overall() != null) {
                    out.printf("Scores:   completeness %s   validity %s   uniqueness %s   overall %s%n",
                            b.scores().completeness(), b.scores().validity(), b.scores().uniqueness(),
                            b.scores().overall());
                }
                if (!details.gates().isEmpty()) {
                    out.println("Gates:");
                    details.gates().forEach(g -> out.println("  " + g.line()));
                }
                out.printf("Provenance: %s%n", details.provenanceRows() == 0 ? "none" : details.inserted()
                        + " inserted, " + details.updated() + " updated, " + details.skipped() + " skipped");
                if (!details.tables().isEmpty()) {
                    out.println("Tables (in the order written, parents first):");
                    TextTable tables = new TextTable("TABLE", "SHEET", "MODE", "APPROVED", "INSERTED", "UPDATED",
                            "SKIPPED");
                    details.tables().forEach(t -> tables.add(t.table(), t.sheet() == null ? "" : t.sheet(),
                            t.mode().code(), String.valueOf(t.approved()), String.valueOf(t.inserted()),
                            String.valueOf(t.updated()), String.valueOf(t.skipped())));
                    tables.print(out);
                }
                b.message().ifPresent(m -> out.println("Message:  " + m));
                printOrigins(out, origins, b.related());
                printAudit(out, entries);
            }
            out.flush();
            if (key != null && origins.isEmpty()) {
                // a key that matches nothing is most often a typo: a script must not take it for an answer
                spec.commandLine().getErr().println("No batch wrote a row with key " + key + " into "
                        + String.join(", ", searched) + ".");
                return SluiceCommand.INPUT;
            }
        }
        return SluiceCommand.OK;
    }

    private void printAudit(PrintWriter out, List<DecisionAudit> entries) {
        if (audit <= 0) {
            return;
        }
        out.println();
        if (entries.isEmpty()) {
            out.println("No review audit is kept with batch " + id + ".");
            return;
        }
        TextTable table = new TextTable("WHEN", "ROW", "ACTION", "COLUMN", "OLD", "NEW", "STEWARD", "REASON");
        for (DecisionAudit d : entries) {
            table.add(BatchJson.time(d.decidedAt()), d.sourceRow() == 0 ? "" : String.valueOf(d.sourceRow()),
                    d.action().code(), d.columnName().orElse(""), cellText(d, d.oldValue().orElse(null)),
                    cellText(d, d.newValue().orElse(null)), d.steward(), d.reason().orElse(""));
        }
        table.print(out);
    }

    /** A cell's text quoted when blank or padded, so a cell fixed to blank shows as ''; a status as it is. */
    private static String cellText(DecisionAudit d, String text) {
        return d.columnName().isPresent() ? TextTable.value(text) : text == null ? "" : text;
    }

    /** The rows' origins; with {@code byTable} (a batch into several tables) each names its table. */
    private void printOrigins(PrintWriter out, List<RowProvenance> origins, boolean byTable) {
        if (origins.isEmpty()) {
            return;
        }
        out.println();
        TextTable table = byTable
                ? new TextTable("BATCH", "TABLE", "TARGET KEY", "ACTION", "SHEET", "ROW", "LEGACY ID")
                : new TextTable("BATCH", "TARGET KEY", "ACTION", "SHEET", "ROW", "LEGACY ID");
        for (RowProvenance p : origins) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(p.batchId()), p.targetKey(),
                    p.action().code(), p.sourceSheet().orElse(""), String.valueOf(p.sourceRow()),
                    p.legacyId().orElse("")));
            if (byTable) {
                cells.add(1, p.targetTable());
            }
            table.add(cells.toArray(String[]::new));
        }
        table.print(out);
    }
}
