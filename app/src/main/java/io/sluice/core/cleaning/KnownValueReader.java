package io.sluice.core.cleaning;

import io.sluice.core.SluiceException;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.rules.KeyText;

import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.function.Consumer;

/**
 * Streams the values of a known set: a fixed list as it is, a table column from the target in pages the driver
 * fetches (PostgreSQL streams only inside a transaction, so one read-only transaction is opened and rolled back), so
 * a table of millions of keys passes through in bounded memory. Values come in the canonical key text
 * ({@link KeyText}) validation compares with; CHAR padding is dropped.
 */
public final class KnownValueReader {

    private static final int FETCH_SIZE = 5_000;

    private KnownValueReader() {
    }

    /** Hands every value of {@code known} to {@code sink}, the listed ones first; NULLs are skipped. */
    public static void forEach(TargetDatabase db, KnownValues known, Consumer<String> sink) {
        known.listed().forEach(sink);
        if (!known.isTableColumn()) {
            return;
        }
        TableInfo table = db.table(known.schema(), known.table());
        String column = table.column(known.column()).orElseThrow(() -> SluiceException.target("Table "
                + table.qualifiedName() + " has no column '" + known.column() + "' any more.")).name();
        String quotedTable = (table.schema() == null ? "" : db.dialect().quote(table.schema()) + ".")
                + db.dialect().quote(table.name());
        String sql = "SELECT " + db.dialect().quote(column) + " FROM " + quotedTable + " WHERE "
                + db.dialect().quote(column) + " IS NOT NULL";
        Connection connection = db.connection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = statement.executeQuery()) {
                    boolean padded = rs.getMetaData().getColumnType(1) == Types.CHAR
                            || rs.getMetaData().getColumnType(1) == JDBCType.NCHAR.getVendorTypeNumber();
                    while (rs.next()) {
                        String text = KeyText.of(rs.getObject(1));
                        sink.accept(padded ? text.stripTrailing() : text);
                    }
                }
            } finally {
                // only a transaction opened here is ended here: a caller's own stays as it was
                if (autoCommit) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw SluiceException.target("Reading the values of " + table.qualifiedName() + "." + column
                    + " failed: " + e.getMessage(), e);
        }
    }
}
