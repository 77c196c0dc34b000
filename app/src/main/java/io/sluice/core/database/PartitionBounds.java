package io.sluice.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The bounds of a PostgreSQL partitioned table as one condition a row must meet to fit a partition: each leaf
 * partition's own constraint (its range, list or hash remainder, with those of the partitions above it, and a default
 * partition's as the negation of its siblings'), joined by OR, as {@code pg_get_partition_constraintdef} writes them.
 *
 * @param key       the partition key as the catalog writes it ({@code RANGE (taken_on)})
 * @param condition the condition over the table's columns; {@code FALSE} when the table has no partition
 */
public record PartitionBounds(String key, String condition) {

    private static final String QUERY = """
            SELECT pg_get_partkeydef(c.oid),
                   (SELECT string_agg('(' || pg_get_partition_constraintdef(t.relid) || ')', ' OR ')
                    FROM pg_partition_tree(c.oid) t WHERE t.isleaf AND t.relid <> c.oid)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ? AND c.relkind = 'p'""";

    /** The bounds of the table when it is a partitioned table of PostgreSQL, else empty. */
    public static Optional<PartitionBounds> of(Connection connection, Dialect dialect, TableInfo table)
            throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String condition = rs.getString(2);
                return Optional.of(new PartitionBounds(rs.getString(1), condition == null ? "FALSE" : condition));
            }
        }
    }

    /** The bounds as a constraint the database can evaluate over candidate rows. */
    public CheckConstraint asConstraint() {
        return new CheckConstraint("partition", condition);
    }
}
