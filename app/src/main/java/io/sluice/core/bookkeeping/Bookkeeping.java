package io.sluice.core.bookkeeping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.SluiceException;
import io.sluice.core.database.Redaction;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Sluice's record of its imports in the target database: batches, row provenance, before-images and the decision
 * audit trail. Batch records go through Hibernate, each call in its own transaction. Bulk provenance goes through a
 * {@link ProvenanceWriter} on plain JDBC: {@link #recordProvenance} opens one itself, while a commit engine that
 * writes user rows on its own connection creates one on that connection, so both commit or roll back together.
 */
public final class Bookkeeping implements AutoCloseable {

    private final SessionFactory sessions;
    private final String jdbcUrl;

    private Bookkeeping(SessionFactory sessions, String jdbcUrl) {
        this.sessions = sessions;
        this.jdbcUrl = jdbcUrl;
    }

    /** Migrates the bookkeeping schema (Flyway) and opens Hibernate on the target, validating the tables. */
    public static Bookkeeping open(String jdbcUrl, String user, String password) {
        BookkeepingSchema.migrate(jdbcUrl, user, password);
        Configuration configuration = new Configuration()
                .addAnnotatedClass(ImportBatch.class)
                .addAnnotatedClass(RowProvenance.class)
                .addAnnotatedClass(BeforeImage.class)
                .addAnnotatedClass(DecisionAudit.class)
                .addAnnotatedClass(BatchGate.class)
                .setProperty(AvailableSettings.HBM2DDL_AUTO, "validate")
                .setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, String.valueOf(ProvenanceWriter.BATCH_SIZE))
                .setProperty(AvailableSettings.ORDER_INSERTS, "true")
                .setProperty(AvailableSettings.ORDER_UPDATES, "true");
        configuration.getProperties().put(AvailableSettings.CONNECTION_PROVIDER,
                new DriverConnectionProvider(jdbcUrl, user, password));
        try {
            return new Bookkeeping(configuration.buildSessionFactory(), jdbcUrl);
        } catch (RuntimeException e) {
            String message = "Sluice's bookkeeping tables in " + Redaction.url(jdbcUrl)
                    + " cannot be used: " + Redaction.deepestReason(e, jdbcUrl, password) + ".";
            throw Redaction.mentions(e, password)
                    ? SluiceException.target(message)
                    : SluiceException.target(message, e);
        }
    }

    /** Records a new batch as running and returns it with its id. */
    public ImportBatch startBatch(BatchStart start) {
        ImportBatch batch = new ImportBatch(start, now());
        return inTransaction("start an import batch", session -> {
            session.persist(batch);
            return batch;
        });
    }

    /** Records rows of a batch in one transaction of its own (JDBC batches of {@value ProvenanceWriter#BATCH_SIZE}). */
    public void recordProvenance(long batchId, List<RowProvenance> rows) {
        inTransaction("record row provenance", session -> {
            session.doWork(connection -> {
                try (ProvenanceWriter writer = new ProvenanceWriter(connection, batchId)) {
                    rows.forEach(writer::add);
                }
            });
            return null;
        });
    }

    /** Ends a running batch with its counts and final status; the message says why it failed, when it did. */
    public void finishBatch(long batchId, BatchCounts counts, BatchStatus status, String message) {
        if (status == BatchStatus.RUNNING || status == BatchStatus.ROLLED_BACK) {
            throw new IllegalArgumentException("A batch finishes as committed or failed, not " + status.code());
        }
        inTransaction("finish import batch " + batchId, session -> {
            ImportBatch batch = existing(session, batchId);
            if (batch.status() != BatchStatus.RUNNING) {
                throw SluiceException.input("Import batch " + batchId + " has already finished ("
                        + batch.status().code() + ").");
            }
            batch.finish(counts, status, message, now());
            return null;
        });
    }

    /** All batches, newest first. */
    public List<ImportBatch> batches() {
        return inTransaction("list import batches", session -> session
                .createSelectionQuery("from ImportBatch order by id desc", ImportBatch.class)
                .getResultList());
    }

    /** The batch with that id, if there is one. */
    public Optional<ImportBatch> batch(long id) {
        return inTransaction("read import batch " + id,
                session -> Optional.ofNullable(session.find(ImportBatch.class, id)));
    }

    /** The quality gates measured for these batches, in each batch's gate order. */
    public List<BatchGate> gatesOf(List<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return List.of();
        }
        return inTransaction("read the quality gates of import batches", session -> session
                .createSelectionQuery("from BatchGate where batchId in :batches order by batchId, gateOrder",
                        BatchGate.class)
                .setParameter("batches", batchIds)
                .getResultList());
    }

    /** How many provenance rows of the batch were inserted, updated and skipped, keyed by the action's code. */
    public Map<String, Long> provenanceCounts(long batchId) {
        return inTransaction("count the provenance of import batch " + batchId, session -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            session.doReturningWork(c -> ProvenanceReader.counts(c, batchId, null))
                    .forEach((action, n) -> counts.put(action.code(), n));
            return counts;
        });
    }

    /** The tables of a batch into several related tables, parents first; empty for a single-table batch. */
    public List<BatchTableCounts> tableCounts(long batchId) {
        return inTransaction("read the tables of import batch " + batchId, session -> session
                .createNativeQuery("SELECT target_table, source_sheet, import_mode, rows_approved, rows_inserted,"
                        + " rows_updated, rows_skipped FROM sluice_batch_table WHERE batch_id = :batch"
                        + " ORDER BY table_order", Object[].class)
                .setParameter("batch", batchId)
                .getResultList().stream()
                .map(r -> new BatchTableCounts((String) r[0], (String) r[1], ImportMode.ofCode((String) r[2]),
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue(),
                        ((Number) r[6]).longValue()))
                .toList());
    }

    /** Passes every provenance row of the batch, in the order written, without holding them all in memory. */
    public void forEachProvenance(long batchId, Consumer<RowProvenance> consumer) {
        inTransaction("read the provenance of import batch " + batchId, session -> {
            session.doWork(c -> ProvenanceReader.forEach(c, batchId, consumer));
            return null;
        });
    }

    /** A page of the batch's provenance in the order it was written: which source row became which target row. */
    public List<RowProvenance> provenance(long batchId, int offset, int limit) {
        return inTransaction("read the provenance of import batch " + batchId,
                session -> session.doReturningWork(c -> ProvenanceReader.page(c, batchId, offset, limit)));
    }

    /** Where a target row came from: its provenance in every batch, oldest first (key as the batch recorded it). */
    public List<RowProvenance> provenanceOf(String targetTable, String targetKey) {
        return inTransaction("look up where " + targetTable + " row " + targetKey + " came from",
                session -> session.doReturningWork(c -> ProvenanceReader.of(c, targetTable, targetKey)));
    }

    /**
     * The natural key columns the batch matched rows of that table (named in any case) on, or none when it recorded
     * none (a failed batch, or one older than the record).
     */
    public List<String> keyColumns(long batchId, String targetTable) {
        return inTransaction("read the key columns of import batch " + batchId, session -> {
            List<String> texts = session.createNativeQuery("SELECT key_columns FROM sluice_batch_table"
                            + " WHERE batch_id = :batch AND lower(target_table) = lower(:table) UNION ALL"
                            + " SELECT key_columns FROM sluice_import_batch WHERE id = :batch", String.class)
                    .setParameter("batch", batchId).setParameter("table", targetTable).getResultList();
            return texts.stream().filter(t -> t != null && !t.isBlank() && !"[]".equals(t.strip())).findFirst()
                    .map(Bookkeeping::names).orElse(List.of());
        });
    }

    private static List<String> names(String json) {
        try {
            return List.of(new ObjectMapper().readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** Passes every before-image of the batch, newest first (the order a rollback restores them in). */
    public void forEachBeforeImage(long batchId, Consumer<BeforeImage> consumer) {
        stream("read the before-images of import batch " + batchId, session -> {
            try (var images = session.createSelectionQuery(
                            "from BeforeImage where batchId = :batch order by id desc", BeforeImage.class)
                    .setParameter("batch", batchId).setFetchSize(ProvenanceWriter.BATCH_SIZE).getResultStream()) {
                images.forEach(consumer);
            }
        });
    }

    /** Marks a committed batch as rolled back by that steward, now. */
    public void markRolledBack(long batchId, String steward) {
        inTransaction("mark import batch " + batchId + " rolled back", session -> {
            ImportBatch batch = existing(session, batchId);
            if (batch.status() != BatchStatus.COMMITTED) {
                throw SluiceException.input(batch.status().refusesRollback(batchId));
            }
            batch.rollBack(steward, now());
            return null;
        });
    }

    /**
     * Later batches, not rolled back, that inserted or updated a row this batch inserted or updated (same table and
     * key): rolling this batch back would undo their work too, so a rollback must refuse while any exists.
     */
    public List<ImportBatch> laterBatchesTouching(long batchId) {
        return inTransaction("find batches after import batch " + batchId, session -> {
            List<Long> ids = session.doReturningWork(c -> ProvenanceReader.laterTouching(c, batchId, false));
            return ids.isEmpty() ? List.<ImportBatch>of() : session
                    .createSelectionQuery("from ImportBatch where id in :ids order by id", ImportBatch.class)
                    .setParameter("ids", ids)
                    .getResultList();
        });
    }

    /** Records steward decisions in one transaction. */
    public void recordDecisions(List<DecisionAudit> decisions) {
        inTransaction("record review decisions", session -> {
            session.doWork(connection -> DecisionAuditWriter.write(connection, decisions));
            return null;
        });
    }

    /** The recorded decisions on that review file, oldest first. */
    public List<DecisionAudit> decisions(String reviewFile) {
        return inTransaction("read the decisions on " + reviewFile, session -> session
                .createSelectionQuery("from DecisionAudit where reviewFile = :file order by id", DecisionAudit.class)
                .setParameter("file", reviewFile)
                .getResultList().stream().flatMap(d -> d.entries().stream()).toList());
    }

    /**
     * A page of the decisions and edits kept with that batch (the review's audit log), oldest first. A batch recorded
     * from V10 on knows each row's first position, so only the rows holding the page are read; an older batch keeps
     * one row per entry.
     */
    public List<DecisionAudit> decisionsOfBatch(long batchId, int offset, int limit) {
        long end = (long) offset + limit;
        return inTransaction("read the decisions kept with import batch " + batchId, session -> {
            List<DecisionAudit> runs = session.createSelectionQuery("from DecisionAudit where batchId = :batch"
                            + " and firstEntry < :end and firstEntry + rowCount > :offset order by firstEntry",
                            DecisionAudit.class)
                    .setParameter("batch", batchId).setParameter("end", end).setParameter("offset", (long) offset)
                    .getResultList();
            if (!runs.isEmpty()) {
                return DecisionAudit.page(runs, offset, end);
            }
            return session.createSelectionQuery("from DecisionAudit where batchId = :batch and firstEntry is null"
                            + " order by id", DecisionAudit.class)
                    .setParameter("batch", batchId).setFirstResult(offset).setMaxResults(limit).getResultList();
        });
    }

    @Override
    public void close() {
        sessions.close();
    }

    private static ImportBatch existing(Session session, long batchId) {
        ImportBatch batch = session.find(ImportBatch.class, batchId);
        if (batch == null) {
            throw SluiceException.input("Import batch " + batchId + " does not exist.");
        }
        return batch;
    }

    // PostgreSQL keeps microseconds: truncating here makes what is written equal to what is read back
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T inTransaction(String what, Function<Session, T> work) {
        try {
            return sessions.fromTransaction(work);
        } catch (SluiceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
    }

    private void stream(String what, Consumer<StatelessSession> work) {
        try (StatelessSession session = sessions.openStatelessSession()) {
            // a transaction lets PostgreSQL fetch through a cursor instead of loading every row at once
            Transaction transaction = session.beginTransaction();
            try {
                work.accept(session);
                transaction.commit();
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
        } catch (SluiceException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(what, e);
        }
    }

    private SluiceException failure(String what, RuntimeException e) {
        return SluiceException.target("Cannot " + what + " in Sluice's bookkeeping of " + Redaction.url(jdbcUrl)
                + ": " + Redaction.deepestReason(e, jdbcUrl, null) + ".", e);
    }
}
