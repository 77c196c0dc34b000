package io.sluice.core.commit;

import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.TableInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity (H2) or owned sequence (PostgreSQL: identity or serial) that numbers a table's generated key: the
 * next value it will give, read without taking one, and setting it back. Both databases hand out these values outside
 * transactions, so a rolled-back import leaves a gap unless the value is set back; setting back is safe only when
 * nothing took a value since and no row holds one at or above the value set.
 */
final class IdentitySequence {

    /**
     * H2's identity cache while a batch writes. H2 hands out identity values in blocks of the cache size and stores
     * the whole database (a committed system transaction) for each new block, so the default 32 costs one store per
     * 32 rows. The value is odd on purpose: an identity found with it was widened by a batch whose process died
     * before putting it back, and is put back to H2's default.
     */
    static final long BATCH_CACHE = 65_521;
    /** H2's own identity cache when a column says none. */
    private static final long H2_DEFAULT_CACHE = 32;
    /**
     * Sluice's own tables a batch writes rows into as it goes (a provenance run per chunk, a before-image per updated
     * row), each numbered by an identity {@code ID}.
     */
    private static final List<String> BOOKKEEPING_TABLES = List.of("SLUICE_PROVENANCE_RUN", "SLUICE_BEFORE_IMAGE");

    private final Dialect dialect;
    private final TableInfo table;
    private final String column;
    /** PostgreSQL: the sequence's name as the catalog spells it (already quoted where needed); null on H2. */
    private final String sequence;

    private IdentitySequence(Dialect dialect, TableInfo table, String column, String sequence) {
        this.dialect = dialect;
        this.table = table;
        this.column = column;
        this.sequence = sequence;
    }

    /** The table's identity column, if it has one Sluice can read and set back. */
    static Optional<IdentitySequence> of(Connection connection, Dialect dialect, TableInfo table)
            throws SQLException {
        for (ColumnInfo c : table.columns()) {
            if (!c.generated()) {
                continue;
            }
            if (dialect == Dialect.POSTGRESQL) {
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_get_serial_sequence(?, ?)")) {
                    s.setString(1, TargetRows.qualified(dialect, table.schema(), table.name()));
                    s.setString(2, c.name());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next() && rs.getString(1) != null) {
                            return Optional.of(new IdentitySequence(dialect, table, c.name(), rs.getString(1)));
                        }
                    }
                }
            } else if (dialect == Dialect.H2) {
                IdentitySequence identity = new IdentitySequence(dialect, table, c.name(), null);
                if (identity.h2Next(connection) != null) {
                    return Optional.of(identity);
                }
            }
        }
        return Optional.empty();
    }

    /** Rebuilds one recorded in a batch (its column by name), if the table still has it as an identity. */
    static Optional<IdentitySequence> of(Connection connection, Dialect dialect, TableInfo table, String column)
            throws SQLException {
        return of(connection, dialect, table).filter(s -> s.column.equalsIgnoreCase(column));
    }

    String column() {
        return column;
    }

    /** The value the next generated key will take. */
    long next(Connection connection) throws SQLException {
        if (dialect == Dialect.H2) {
            Long next = h2Next(connection);
            if (next == null) {
                throw new SQLException("column " + column + " of table " + table.name() + " is no identity column");
            }
            return next;
        }
        // a sequence's own row is read without taking a value; the increment comes from the catalog
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT q.last_value, q.is_called, p.seqincrement FROM " + sequence
                     + " q, pg_catalog.pg_sequence p WHERE p.seqrelid = '" + sequence.replace("'", "''")
                     + "'::regclass")) {
            rs.next();
            long last = rs.getLong(1);
            return rs.getBoolean(2) ? last + rs.getLong(3) : last;
        }
    }

    /** The highest key the table holds, or null when it is empty. */
    Long highest(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(" + dialect.quote(column) + ") FROM "
                     + TargetRows.qualified(dialect, table.schema(), table.name()))) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? null : max;
        }
    }

    /** Makes {@code next} the value the next generated key takes. On H2 this commits (it is DDL there). */
    void restart(Connection connection, long next) throws SQLException {
        if (dialect == Dialect.H2) {
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE " + TargetRows.qualified(dialect, table.schema(), table.name())
                        + " ALTER COLUMN " + dialect.quote(column) + " RESTART WITH " + next);
            }
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT setval(?::regclass, ?, false)")) {
            s.setString(1, sequence);
            s.setLong(2, next);
            s.executeQuery().close();
        }
    }

    /** Keeps other connections from inserting into the table until this transaction ends (PostgreSQL only). */
    void lockAgainstInserts(Connection connection) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement s = connection.createStatement()) {
                s.execute("LOCK TABLE " + TargetRows.qualified(dialect, table.schema(), table.name())
                        + " IN SHARE ROW EXCLUSIVE MODE");
            }
        }
    }

    /**
     * Sets the identity back from {@code after} (its next value once a batch had written) to {@code before} (its next
     * value before), in a short transaction of its own, when nothing took a value since and no row holds one at or
     * above {@code before}; returns one sentence saying what was done, or null when the batch took no values.
     */
    String setBack(Connection connection, long before, long after) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            lockAgainstInserts(connection);
            long now = next(connection);
            if (now == before) {
                connection.commit();
                return null;
            }
            Long highest = highest(connection);
            String where = "Table " + table.name() + "'s " + column;
            if (now != after) {
                connection.commit();
                return where + " numbering was left alone (next id " + now + "): another connection took ids after"
                        + " this batch, so a re-import gets new ids rather than the same ones.";
            }
            if (highest != null && highest >= before) {
                connection.commit();
                return where + " numbering was left alone (next id " + now + "): a row with id " + highest
                        + " was written by another connection, so a re-import gets new ids rather than the same ones.";
            }
            restart(connection, before);
            connection.commit();
            return where + " numbering was set back to " + before + ", so a re-import gets the same ids again.";
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * H2: gives the identities of these tables, and of the bookkeeping tables that take a row per row written
     * (provenance, before-images), the {@link #BATCH_CACHE} for the length of one batch. It is DDL there
     * (it commits), so it runs before the batch's transaction begins; the result puts the caches back once the batch
     * ended. A crash in between leaves the identity usable (it restarts after the block it had reserved) and the next
     * batch into that table puts its cache back. Does nothing on PostgreSQL, whose sequences store no file per block.
     */
    static WidenedCaches widenCaches(Connection connection, Dialect dialect, List<TableInfo> tables) {
        List<IdentitySequence> identities = new ArrayList<>();
        List<Long> caches = new ArrayList<>();
        if (dialect != Dialect.H2) {
            return new WidenedCaches(identities, caches);
        }
        List<IdentitySequence> candidates = new ArrayList<>();
        for (TableInfo table : tables) {
            try {
                of(connection, dialect, table).ifPresent(candidates::add);
            } catch (SQLException e) {
                // its identity cannot be read: the table is written with the cache it has, as below
            }
        }
        for (String name : BOOKKEEPING_TABLES) {
            candidates.add(new IdentitySequence(dialect, new TableInfo(null, name, List.of(), List.of(), List.of(),
                    List.of(), List.of()), "ID", null));
        }
        for (IdentitySequence identity : candidates) {
            try {
                if (identity.h2Next(connection) == null) {
                    continue;
                }
                long cache = identity.h2Cache(connection);
                long original = cache == BATCH_CACHE ? H2_DEFAULT_CACHE : cache;
                if (original < BATCH_CACHE) {
                    identity.setCache(connection, BATCH_CACHE);
                    identities.add(identity);
                    caches.add(original);
                }
            } catch (SQLException e) {
                // a wider cache only saves time: a table that cannot take it (locked by another connection's open
                // transaction, say) is written with the cache it has, and the batch's outcome is the same
            }
        }
        return new WidenedCaches(identities, caches);
    }

    /** The H2 identities a batch widened, with the caches they had; {@link #putBack} restores them. */
    record WidenedCaches(List<IdentitySequence> identities, List<Long> caches) {

        /**
         * Puts each cache back, after the batch's transaction ended (it is DDL, and commits). A cache that cannot be
         * put back (the connection is gone) leaves the identity numbering correctly, and the next batch into that
         * table puts it back, so the batch's own outcome stands.
         */
        void putBack(Connection connection) {
            for (int i = 0; i < identities.size(); i++) {
                try {
                    identities.get(i).setCache(connection, caches.get(i));
                } catch (SQLException | RuntimeException e) {
                    // see above: nothing the steward needs to act on
                }
            }
        }
    }

    private void setCache(Connection connection, long cache) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ALTER TABLE " + TargetRows.qualified(dialect, table.schema(), table.name())
                    + " ALTER COLUMN " + dialect.quote(column) + " SET CACHE " + cache);
        }
    }

    private long h2Cache(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            s.setString(1, table.schema() == null ? dialect.defaultSchema() : table.schema());
            s.setString(2, table.name());
            s.setString(3, column);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : H2_DEFAULT_CACHE;
            }
        }
    }

    private Long h2Next(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ? AND IS_IDENTITY = 'YES'")) {
            s.setString(1, table.schema() == null ? dialect.defaultSchema() : table.schema());
            s.setString(2, table.name());
            s.setString(3, column);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long next = rs.getLong(1);
                return rs.wasNull() ? null : next;
            }
        }
    }
}
