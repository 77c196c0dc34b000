package io.sluice.core.bookkeeping;

import io.sluice.core.SluiceException;

import io.sluice.core.database.PostgresCopy;
import io.sluice.core.database.Redaction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes provenance rows (and before-images of updated rows) of one import batch on the caller's JDBC connection, in
 * the caller's transaction, in batches of {@value #BATCH_SIZE} (on PostgreSQL the provenance rows go through COPY,
 * much faster for a large import; before-images stay JDBC batches): memory stays bounded for any number of rows, and
 * provenance commits or rolls back together with the user-table writes it describes. Never commits or closes the
 * connection; {@link #close()} flushes what is pending.
 */
public final class ProvenanceWriter implements AutoCloseable {

    /** Rows sent to the database per JDBC batch. */
    public static final int BATCH_SIZE = 1000;

    private static final String INSERT_PROVENANCE = "INSERT INTO sluice_row_provenance"
            + " (batch_id, target_table, target_key, source_sheet, source_row, legacy_id, action)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    // the image points at its provenance row by id; reading generated keys back from a JDBC batch is not portable,
    // so the id is looked up (through the (target_table, target_key) index) once that batch is in the database
    private static final String INSERT_IMAGE = "INSERT INTO sluice_before_image"
            + " (batch_id, provenance_id, target_table, target_key, row_image)"
            + " SELECT ?, MAX(p.id), ?, ?, ? FROM sluice_row_provenance p"
            + " WHERE p.batch_id = ? AND p.target_table = ? AND p.target_key = ? AND p.action = 'updated'";
    private static final String COPY_PROVENANCE = "COPY sluice_row_provenance"
            + " (batch_id, target_table, target_key, source_sheet, source_row, legacy_id, action)"
            + " FROM STDIN WITH (FORMAT csv, NULL '', ENCODING 'UTF8')";

    private final long batchId;
    private final PreparedStatement provenance;
    private final PreparedStatement images;
    private final CopyManager copy;
    private final ByteArrayOutputStream copyBuffer = new ByteArrayOutputStream(1 << 16);
    private final StringBuilder line = new StringBuilder(128);
    private int pendingRows;
    private int pendingImages;
    private long written;

    /** A writer for that batch on that connection; the batch must exist (see {@link Bookkeeping#startBatch}). */
    public ProvenanceWriter(Connection connection, long batchId) {
        this.batchId = batchId;
        try {
            this.copy = connection.isWrapperFor(PGConnection.class)
                    ? connection.unwrap(PGConnection.class).getCopyAPI() : null;
            this.provenance = copy != null ? null : connection.prepareStatement(INSERT_PROVENANCE);
            this.images = connection.prepareStatement(INSERT_IMAGE);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records what the import did to one target row. */
    public void add(RowProvenance row) {
        try {
            if (copy != null) {
                addToCopy(row);
            } else {
                addToBatch(row);
            }
            pendingRows++;
            written++;
        } catch (SQLException e) {
            throw failure(e);
        }
        if (pendingRows + pendingImages >= BATCH_SIZE) {
            flush();
        }
    }

    private void addToCopy(RowProvenance row) {
        line.setLength(0);
        line.append(batchId).append(',');
        PostgresCopy.quote(line, row.targetTable());
        line.append(',');
        PostgresCopy.quote(line, row.targetKey());
        line.append(',');
        PostgresCopy.quote(line, row.sourceSheet().orElse(null));
        line.append(',').append(row.sourceRow()).append(',');
        PostgresCopy.quote(line, row.legacyId().orElse(null));
        line.append(',');
        PostgresCopy.quote(line, row.action().code());
        line.append('\n');
        copyBuffer.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void addToBatch(RowProvenance row) throws SQLException {
        provenance.setLong(1, batchId);
        provenance.setString(2, row.targetTable());
        provenance.setString(3, row.targetKey());
        setNullable(provenance, 4, row.sourceSheet().orElse(null));
        provenance.setLong(5, row.sourceRow());
        setNullable(provenance, 6, row.legacyId().orElse(null));
        provenance.setString(7, row.action().code());
        provenance.addBatch();
    }

    /** Records an updated row together with the row as it was before (JSON text: column -> value as text). */
    public void addUpdated(RowProvenance row, String rowImageJson) {
        if (row.action() != RowAction.UPDATED) {
            throw new IllegalArgumentException("A before-image belongs to an updated row, not an "
                    + row.action().code() + " one");
        }
        add(row);
        try {
            images.setLong(1, batchId);
            images.setString(2, row.targetTable());
            images.setString(3, row.targetKey());
            images.setString(4, rowImageJson);
            images.setLong(5, batchId);
            images.setString(6, row.targetTable());
            images.setString(7, row.targetKey());
            images.addBatch();
            pendingImages++;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Provenance rows added so far. */
    public long written() {
        return written;
    }

    /** Sends what is pending: provenance rows first, so the before-images find them. */
    public void flush() {
        try {
            if (pendingRows > 0 && copy != null) {
                sendCopy();
            } else if (pendingRows > 0) {
                provenance.executeBatch();
            }
            pendingRows = 0;
            if (pendingImages > 0) {
                images.executeBatch();
                pendingImages = 0;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void sendCopy() throws SQLException {
        try {
            PostgresCopy.send(copy, COPY_PROVENANCE, copyBuffer);
        } finally {
            copyBuffer.reset();
        }
    }

    /** Flushes and releases the statements; the connection and its transaction stay with the caller. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                if (provenance != null) {
                    provenance.close();
                }
                images.close();
            } catch (SQLException e) {
                // the statements die with the connection anyway
            }
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private SluiceException failure(SQLException e) {
        SQLException next = e.getNextException();
        String reason = Redaction.deepestReason(next != null ? next : e, null, null);
        return SluiceException.target("Cannot record the row provenance of import batch " + batchId + ": "
                + reason + ".", e);
    }
}
