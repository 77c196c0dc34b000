package io.sluice.cli;

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
        json.put("counts", b.counts());
        json.put("scores", b.scores());
        json.put("gates", GateJson.all(gates));
        return json;
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
        json.put("mode", b.mode().code());
        json.put("steward", b.steward());
        json.put("finishedAt", b.finishedAt().map(Instant::toString).orElse(null));
        json.put("rolledBackAt", b.rolledBackAt().map(Instant::toString).orElse(null));
        json.put("rolledBackBy", b.rolledBackBy().orElse(null));
        json.put("message", b.message().orElse(null));
        return json;
    }
}
