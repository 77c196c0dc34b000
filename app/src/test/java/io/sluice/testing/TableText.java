package io.sluice.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A table's rows as text lines ("a|b|c"), for asserting that a rollback restored it exactly. */
public final class TableText {

    private TableText() {
    }

    /** Every row of {@code select}, each as its columns joined by '|'. */
    public static List<String> rows(Connection connection, String select) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(select)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }
}
