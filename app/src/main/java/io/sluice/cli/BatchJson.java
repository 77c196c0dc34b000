package io.sluice.cli;

import io.sluice.core.bookkeeping.BatchCounts;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.RowProvenance;
import io.sluice.core.validate.GateResult;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How batches are shown: JSON fields and local times. */
final class BatchJson {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private BatchJson() {
    }

    static String time(Instant at) {
        return LOCAL.format(at);
    }

    /** The batch's status for people ("rolled back"); JSON keeps the stable code ("rolled_back"). */
    static String status(ImportBatch b) {
        return b.status().code().replace('_', ' ');
    }

    static Map<String, Object> summary(ImportBatch b, List<GateResult> gates) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", b.id());
        json.put("startedAt", b.startedAt().toString());
        json.put("status", b.status().code());
        json.put("table", b.targetTable());
        json.put("file", b.sourceFile());
        json.put("counts", counts(b));
        json.put("scores", b.scores());
        json.put("gates", GateJson.all(gates));
        return json;
    }

    /**
     * A batch's counts; for a batch into several related tables, rows read, approved and rejected are source rows
     * ({@code approved} is null when the batch was recorded before Sluice kept it) and {@code targetRowsApproved}
     * counts the target rows they gave (null for a failed batch, which wrote none), as do inserted, updated, skipped.
     */
    static Object counts(ImportBatch b) {
        if (!b.related()) {
            return b.counts();
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rowsRead", b.counts().rowsRead());
        json.put("approved", b.sourceRowsApproved().isPresent() ? b.sourceRowsApproved().getAsLong() : null);
        json.put("rejected", b.counts().rejected());
        json.put("targetRowsApproved", b.status() == BatchStatus.FAILED ? null : b.counts().approved());
        json.put("inserted", b.counts().inserted());
        json.put("updated", b.counts().updated());
        json.put("skipped", b.counts().skipped());
        return json;
    }

    /**
     * The batch's mode as a stable code; "per-table" for related tables written with different modes; null for a
     * failed related batch recorded before Sluice kept whether its modes differed (its tables were not recorded).
     */
    static String mode(ImportBatch b) {
        if (b.related() && b.sourceRowsApproved().isEmpty() && b.status() == BatchStatus.FAILED) {
            return null;
        }
        return b.modePerTable() ? "per-table" : b.mode().code();
    }

    /**
     * The batch's rows in words, each count in one unit: a single-table batch's rows are source and target rows
     * alike; a related batch reads, approves and rejects source rows and writes target rows.
     */
    static String rows(ImportBatch b) {
        BatchCounts c = b.counts();
        boolean failed = b.status() == BatchStatus.FAILED;
        if (!b.related()) {
            // a failed attempt wrote nothing; its approved rows are known only when it read them all
            return failed ? c.rowsRead() + " read, " + (c.approved() > 0 ? c.approved() + " approved, " : "")
                    + c.rejected() + " rejected -> nothing written"
                    : c.rowsRead() + " read, " + c.approved() + " approved, " + c.rejected() + " rejected -> "
                    + c.inserted() + " inserted, " + c.updated() + " updated, " + c.skipped() + " skipped";
        }
        String source = c.rowsRead() + " source rows read, ";
        if (b.sourceRowsApproved().isPresent()) {
            source += b.sourceRowsApproved().getAsLong() + " approved" + (failed ? "" : " (" + c.approved()
                    + " target rows)") + ", " + c.rejected() + " rejected";
        } else {
            source += c.rejected() + " rejected" + (failed ? "" : "; " + c.approved() + " target rows approved");
        }
        return source + (failed ? " -> nothing written" : " -> " + c.inserted() + " target rows inserted, "
                + c.updated() + " updated, " + c.skipped() + " skipped");
    }

    /** One review audit entry; {@code row} is null for an entry about no one row (a fix's summary). */
    static Map<String, Object> audit(DecisionAudit d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", d.decidedAt().toString());
        json.put("row", d.sourceRow() == 0 ? null : d.sourceRow());
        json.put("action", d.action().code());
        json.put("column", d.columnName().orElse(null));
        json.put("old", d.oldValue().orElse(null));
        json.put("new", d.newValue().orElse(null));
        json.put("steward", d.steward());
        json.put("reason", d.reason().orElse(null));
        return json;
    }

    static Map<String, Object> origin(RowProvenance p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("batch", p.batchId());
        json.put("targetKey", p.targetKey());
        json.put("action", p.action().code());
        json.put("sheet", p.sourceSheet().orElse(null));
        json.put("row", p.sourceRow());
        json.put("legacyId", p.legacyId().orElse(null));
        return json;
    }

    static Map<String, Object> details(ImportBatch b, List<GateResult> gates) {
        Map<String, Object> json = summary(b, gates);
        json.put("sha256", b.sourceSha256());
        json.put("sheet", b.sheet().orElse(null));
        json.put("profile", b.profileName());
        json.put("profileSha256", b.profileSha256());
        json.put("mode", mode(b));
        json.put("steward", b.steward());
        json.put("finishedAt", b.finishedAt().map(Instant::toString).orElse(null));
        json.put("rolledBackAt", b.rolledBackAt().map(Instant::toString).orElse(null));
        json.put("rolledBackBy", b.rolledBackBy().orElse(null));
        json.put("message", b.message().orElse(null));
        return json;
    }
}
