package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.database.ArrayLiteral;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.PostgresCopy;
import org.postgresql.PGConnection;
import io.sluice.core.rules.Finding;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates sample texts of each column of a table of its own, and compares each verdict with the server's own: the
 * text inserted into the column alone, as the import hands it over. Then imports the file and compares the values
 * stored with those the server reads from the same texts.
 */
final class TargetReadVerdicts {

    private final OwnTable table;
    private final String name;
    private final List<String> columns;
    /** What the server is given for a text on H2: the text, or an array literal's elements. */
    private Function<String, Object> h2Value = text -> text;

    /** A table {@code name (id INTEGER PRIMARY KEY, columns...)} made by {@code table}. */
    TargetReadVerdicts(OwnTable table, String name, List<String> columns) {
        this.table = table;
        this.name = name;
        this.columns = List.copyOf(columns);
    }

    /**
     * On H2, gives the server an array literal's elements (as the import binds them), not its text, which H2 cannot
     * convert; a text that is no literal counts as refused.
     */
    TargetReadVerdicts readingArrays() {
        h2Value = text -> ArrayLiteral.parse(text).elements();
        return this;
    }

    /** A CSV with the id, then each sample in every column; every field quoted. */
    Path csv(List<String> samples) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("id," + String.join(",", columns));
        for (int i = 0; i < samples.size(); i++) {
            StringBuilder line = new StringBuilder().append(i + 1);
            for (int c = 0; c < columns.size(); c++) {
                line.append(",\"").append(samples.get(i).replace("\"", "\"\"")).append('"');
            }
            lines.add(line.toString());
        }
        return table.csv(name + ".csv", lines);
    }

    /**
     * Validates a file of the samples (each in every column), requires each verdict to be the server's, imports the
     * file and requires every stored value to be the server's reading of the same text; returns the refusals as
     * "sample index column".
     */
    Set<String> validateAndImport(List<String> samples) throws Exception {
        Path csv = csv(samples);
        List<Finding> findings = table.validate(csv);
        Set<String> refused = refusedByServer(samples);
        assertThat(refusedByValidation(findings)).isEqualTo(refused);
        long badRows = refused.stream().map(r -> r.substring(0, r.indexOf(' '))).distinct().count();
        assertThat(importedDiffersFromServer(csv, samples, samples.size() - (int) badRows)).isEmpty();
        return refused;
    }

    /** "sample index column" of each value validation refuses, sorted. */
    Set<String> refusedByValidation(List<Finding> findings) {
        Set<String> refused = new TreeSet<>();
        for (Finding f : findings) {
            refused.add((f.row() - 2) + " " + f.target().toLowerCase());
        }
        return refused;
    }

    /** "sample index column" of each value the server refuses to insert, sorted; nothing is kept. */
    Set<String> refusedByServer(List<String> samples) throws SQLException {
        Set<String> refused = new TreeSet<>();
        Connection c = table.db.connection();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            for (String column : columns) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + name + " (id, " + column
                        + ") VALUES (?, ?)")) {
                    for (int i = 0; i < samples.size(); i++) {
                        Savepoint savepoint = c.setSavepoint();
                        try {
                            insert(c, ps, column, 0, samples.get(i));
                        } catch (SQLException | IllegalArgumentException e) {
                            refused.add(i + " " + column);
                        } finally {
                            c.rollback(savepoint);
                        }
                    }
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
        return refused;
    }

    /**
     * Imports the file, which must write {@code expectedRows} rows, and returns each imported value that differs from
     * what the server stores when it alone inserts the sample's text: empty when all match.
     */
    List<String> importedDiffersFromServer(Path csv, List<String> samples, int expectedRows) throws Exception {
        try (ImportRows rows = table.importOf(csv, null)) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(expectedRows);
        }
        List<String> differs = new ArrayList<>();
        Connection c = table.db.connection();
        for (String column : columns) {
            String read = "SELECT " + column + " FROM " + name + " WHERE id = ?";
            try (PreparedStatement stored = c.prepareStatement(read)) {
                for (int i = 0; i < samples.size(); i++) {
                    stored.setInt(1, i + 1);
                    try (ResultSet rs = stored.executeQuery()) {
                        if (!rs.next()) {
                            continue;
                        }
                        String held = text(rs);
                        String expected = serverRead(c, column, samples.get(i));
                        if (!Objects.equals(held, expected)) {
                            differs.add(i + " " + column + ": " + held + " <> " + expected);
                        }
                    }
                }
            }
        }
        return differs;
    }

    /** What the column holds when the server alone inserts the text, read back as text; nothing is kept. */
    private String serverRead(Connection c, String column, String text) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + name + " (id, " + column
                + ") VALUES (?, ?)");
             PreparedStatement read = c.prepareStatement("SELECT " + column + " FROM " + name + " WHERE id = -1")) {
            insert(c, insert, column, -1, text);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return text(rs);
            }
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    /** The first column as comparable text: bytes in hex (the driver's text of bytea depends on its wire form). */
    private static String text(ResultSet rs) throws SQLException {
        Object value = rs.getObject(1);
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Blob blob) {
            return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Array array) {
            return Arrays.deepToString((Object[]) array.getArray());
        }
        return rs.getString(1);
    }

    /**
     * Inserts the text as the import hands it over: in a CSV COPY on PostgreSQL, which reads it with the column's
     * own type, fields and length; as a bound string on H2. The statement is H2's {@code INSERT (id, column)}.
     */
    private void insert(Connection c, PreparedStatement h2Insert, String column, int id, String text)
            throws SQLException {
        if (table.db.dialect() == Dialect.POSTGRESQL) {
            StringBuilder line = new StringBuilder().append(id).append(',');
            PostgresCopy.quote(line, text);
            byte[] csv = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
            PostgresCopy.send(c.unwrap(PGConnection.class).getCopyAPI(), "COPY " + name + " (id, " + column
                    + ") FROM STDIN (FORMAT csv, NULL '')", csv, csv.length);
        } else {
            h2Insert.setInt(1, id);
            h2Insert.setObject(2, h2Value.apply(text));
            h2Insert.executeUpdate();
        }
    }
}
