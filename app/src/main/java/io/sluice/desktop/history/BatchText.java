package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ImportBatch;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an import batch reads on the History screen: its time, table, scores, title and one-paragraph summary. */
final class BatchText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private BatchText() {
    }

    /** A moment in the local time zone, to the minute. */
    static String when(Instant at) {
        return WHEN.format(at);
    }

    /**
     * The table as the steward named it in the profile: without its schema when that is public, with it otherwise
     * ("lab.sample_test"), so that two tables of one name in two schemas never read alike; a batch into several
     * related tables names them all in the order written ("material, supplier, concrete_mix").
     */
    static String tableName(String qualified) {
        return Arrays.stream(qualified.split(",\\s*")).map(BatchText::oneTable).collect(Collectors.joining(", "));
    }

    private static String oneTable(String qualified) {
        int dot = qualified.lastIndexOf('.');
        String table = asWritten(qualified.substring(dot + 1));
        String schema = dot < 0 ? "" : qualified.substring(0, dot);
        return schema.isEmpty() || schema.equalsIgnoreCase("public") ? table : asWritten(schema) + "." + table;
    }

    /** A name folded to upper case by the database (H2) in lower case; a mixed-case name as it is. */
    private static String asWritten(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }

    /** Whether the batch went into several related tables. */
    static boolean related(ImportBatch b) {
        return b.related();
    }

    /**
     * The rows read, approved and rejected, each count in one unit: a related batch reads, approves and rejects source
     * rows, each of which may give several target rows.
     */
    static String rows(ImportBatch b) {
        if (!related(b)) {
            return String.format(Locale.ROOT, "%,d read, %,d approved, %,d rejected", b.counts().rowsRead(),
                    b.counts().approved(), b.counts().rejected());
        }
        boolean failed = b.status() == BatchStatus.FAILED;
        String read = String.format(Locale.ROOT, "%,d source rows read, ", b.counts().rowsRead());
        if (b.sourceRowsApproved().isPresent()) {
            return read + String.format(Locale.ROOT, "%,d approved", b.sourceRowsApproved().getAsLong())
                    + (failed ? "" : String.format(Locale.ROOT, " (%,d target rows)", b.counts().approved()))
                    + String.format(Locale.ROOT, ", %,d rejected", b.counts().rejected());
        }
        return read + String.format(Locale.ROOT, "%,d rejected", b.counts().rejected())
                + (failed ? "" : String.format(Locale.ROOT, "; %,d target rows approved", b.counts().approved()));
    }

    /** The rejected rows of the batch list, which says "source" for a related batch (its other counts are target rows). */
    static String rejected(ImportBatch b) {
        return b.counts().rejected() + (related(b) ? " source" : "");
    }

    /**
     * The batch's mode: "per table" for related tables written with different modes (each table's own is in the
     * batch's tables), "" for a failed related batch recorded before Sluice kept whether they differed.
     */
    static String mode(ImportBatch b) {
        if (related(b) && b.sourceRowsApproved().isEmpty() && b.status() == BatchStatus.FAILED) {
            return "";
        }
        return b.modePerTable() ? "per table" : b.mode().code();
    }

    /** A score without trailing zeros; "" when there is none. */
    static String score(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    /** A batch's status in words, e.g. "rolled back". */
    static String status(ImportBatch b) {
        return b.status().code().replace('_', ' ');
    }

    static String title(ImportBatch b) {
        return b == null ? "Select a batch" : "Batch " + b.id() + " — " + status(b);
    }

    /** What was imported from where, by whom and when, its counts and scores, and a rollback if there was one. */
    static String summary(ImportBatch b) {
        if (b == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s%s into %s with profile '%s', %s by %s. %s.", b.sourceFile(),
                b.sheet().filter(s -> !s.equals(b.sourceFile())).map(s -> (related(b) ? " (sheets '" : " (sheet '")
                        + s + "')").orElse(""),
                (related(b) ? "tables " : "") + tableName(b.targetTable()), b.profileName(), when(b.startedAt()),
                b.steward(),
                rows(b)));
        if (b.scores().overall() != null) {
            text.append(String.format(Locale.ROOT, " Scores: completeness %s, validity %s, uniqueness %s.",
                    score(b.scores().completeness()), score(b.scores().validity()),
                    score(b.scores().uniqueness())));
        }
        b.rolledBackAt().ifPresent(at -> text.append(" Rolled back ").append(when(at))
                .append(b.rolledBackBy().map(by -> " by " + by).orElse("")).append('.'));
        b.message().ifPresent(m -> text.append(' ').append(m));
        return text.toString();
    }
}
