package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.commit.RollbackResult;
import io.sluice.testing.TestDatabases;
import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rollback of an upsert puts back the bytes of binary columns and the elements of array columns exactly as they
 * were, whatever bytes they hold (not text, not UTF-8) and whatever their elements spell (commas, quotes, NULL).
 */
class BinaryRollbackTest extends OwnTableFixture {

    @Test
    void rollingBackAnUpsertRestoresH2BinaryAndArrayColumnsExactly() throws Exception {
        target = new OwnTable(TestDatabases.Engine.H2, dir, "vault", List.of("id", "tag", "code", "body", "counts",
                "names"), "CREATE TABLE vault (id INTEGER PRIMARY KEY, tag VARBINARY(8), code BINARY(2), body BLOB,"
                + " counts INTEGER ARRAY[3], names VARCHAR(10) ARRAY, note VARCHAR(20), days DATE ARRAY,"
                + " prices NUMERIC(5,2) ARRAY, stamps TIMESTAMP(9) WITH TIME ZONE ARRAY, times TIME(9) ARRAY,"
                + " ratios DOUBLE PRECISION ARRAY, grid INTEGER ARRAY ARRAY, chars CHAR(3) ARRAY)",
                "INSERT INTO vault VALUES (1, X'ff000a', X'0a0b', X'c3280080', ARRAY[1, NULL, 3],"
                        + " ARRAY['a,b', 'NULL', 'x\"y', NULL, ' sp', '{}', 'back\\slash'], 'kept',"
                        + " ARRAY[DATE '2020-02-29', DATE '0099-01-01'], ARRAY[1.50, -3.25, NULL],"
                        + " ARRAY[TIMESTAMP WITH TIME ZONE '2020-03-29 01:59:59.123456789+05:30'],"
                        + " ARRAY[TIME '23:59:59.987654321'], ARRAY[0.1, 1e300, -0.0], ARRAY[ARRAY[1, 2], ARRAY[3]],"
                        + " ARRAY['a', 'ab ']),"
                        + " (2, X'', X'3061', NULL, ARRAY[], ARRAY[], NULL, ARRAY[], NULL, NULL, NULL, NULL,"
                        + " ARRAY[ARRAY[]], NULL),"
                        + " (3, NULL, NULL, X'00', NULL, NULL, 'third', NULL, NULL, NULL, NULL, NULL, NULL, NULL)");
        Path csv = target.csv("update.csv", List.of("id,tag,code,body,counts,names",
                "1,new,ab,text,\"{7,8,9}\",\"{p,q}\"", "2,0a0b,cd,more,{4},{r}", "3,x,ef,\\x00,\"{5,6}\",{}"));

        assertRollbackRestoresEverything(csv);
    }

    @Test
    void rollingBackAnUpsertRestoresPostgresqlByteaAndArrayColumnsExactly() throws Exception {
        target = new OwnTable(TestDatabases.Engine.POSTGRESQL, dir, "vault", List.of("id", "tag", "counts",
                "names", "grid"), "CREATE TABLE vault (id INTEGER PRIMARY KEY, tag BYTEA, counts INTEGER[],"
                + " names TEXT[], grid NUMERIC(5,2)[][], note TEXT, stamps TIMESTAMPTZ[], spans INTERVAL[],"
                + " ratios DOUBLE PRECISION[])",
                "INSERT INTO vault VALUES (1, '\\xff000a', '{1,NULL,3}',"
                        + " ARRAY['a,b', 'NULL', 'x\"y', NULL, ' sp', '{}', 'back\\slash'], '{{1.50,2},{NULL,-3.25}}',"
                        + " 'kept', '{\"2020-03-29 01:59:59.123456+05:30\"}', '{\"1 mon 2 days 03:04:05.6\"}',"
                        + " '{0.1,1e300,-0}'), (2, '\\x', '{}', '{}', '{}', NULL, '{}', '{}', '{}'),"
                        + " (3, NULL, NULL, NULL, NULL, 'third', NULL, NULL, NULL)");
        Path csv = target.csv("update.csv", List.of("id,tag,counts,names,grid",
                "1,\\x0102,\"{7,8,9}\",\"{p,q}\",{{1}}", "2,\\x0a0b,{4},{r},{{2}}", "3,\\x00,\"{5,6}\",{},{{3}}"));

        assertRollbackRestoresEverything(csv);
    }

    @Test
    void anH2ArrayOrBytesKeptAsH2sOwnTextByAnEarlierSluiceAreRefusedInOneSentenceAndNothingChanges()
            throws Exception {
        target = new OwnTable(TestDatabases.Engine.H2, dir, "vault", List.of("id", "tag", "counts"),
                "CREATE TABLE vault (id INTEGER PRIMARY KEY, tag VARBINARY(8), counts INTEGER ARRAY)",
                "INSERT INTO vault VALUES (1, X'ff0a', ARRAY[1, NULL, 3]), (2, X'6162', ARRAY[4])");
        long batch;
        try (ImportRows rows = target.importOf(target.csv("update.csv", List.of("id,tag,counts", "1,a,{7}",
                "2,b,{8}")), ImportMode.UPSERT)) {
            batch = rows.commit(Progress.NONE).batch().batchId();
        }
        List<List<Object>> imported = contents();

        // the forms images kept before: H2's text of an array, and of bytes (their UTF-8 reading)
        oldImage(batch, "{\"ID\":\"2\",\"COUNTS\":\"[4]\"}");
        assertThatThrownBy(() -> RollbackBatch.run(target.target, batch, false, "tester", Progress.NONE))
                .isInstanceOf(SluiceException.class).hasMessage("A before-image holds H2's text of the array in"
                        + " column COUNTS ([4]), which cannot be written back exactly, so the batch cannot be rolled"
                        + " back; nothing was changed.");
        assertThat(contents()).isEqualTo(imported);

        oldImage(batch, "{\"ID\":\"2\",\"TAG\":\"\uFFFD\\n\"}");
        assertThatThrownBy(() -> RollbackBatch.run(target.target, batch, false, "tester", Progress.NONE))
                .isInstanceOf(SluiceException.class).hasMessage("A before-image holds H2's text of the bytes in"
                        + " column TAG, where bytes that are no UTF-8 character were lost, so the batch cannot be"
                        + " rolled back exactly; nothing was changed.");
        assertThat(contents()).isEqualTo(imported);

        // bytes that were UTF-8 are their text's bytes: such an image still restores them
        oldImage(batch, "{\"ID\":\"2\",\"TAG\":\"ab\"}");
        try (Statement s = target.db.connection().createStatement()) {
            s.executeUpdate("DELETE FROM sluice_before_image WHERE batch_id = " + batch + " AND target_key = '1'");
        }
        assertThat(RollbackBatch.run(target.target, batch, false, "tester", Progress.NONE).restored()).isEqualTo(1);
        assertThat(contents().get(1).get(1)).isEqualTo("bytes 6162");
    }

    /** Puts an image in a form an earlier Sluice kept in place of each of the batch's two images. */
    private void oldImage(long batch, String json) throws SQLException {
        try (PreparedStatement s = target.db.connection().prepareStatement("UPDATE sluice_before_image SET"
                + " row_image = ? WHERE batch_id = ?")) {
            s.setString(1, json);
            s.setLong(2, batch);
            assertThat(s.executeUpdate()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anUpsertOfTheBytesAndElementsARowHoldsLeavesItUnchanged(TestDatabases.Engine engine) throws Exception {
        boolean h2 = engine == TestDatabases.Engine.H2;
        target = new OwnTable(engine, dir, "vault", List.of("id", "tag", "counts"), h2
                ? "CREATE TABLE vault (id INTEGER PRIMARY KEY, tag VARBINARY(8), counts INTEGER ARRAY)"
                : "CREATE TABLE vault (id INTEGER PRIMARY KEY, tag BYTEA, counts INTEGER[])");
        // H2 stores a text's UTF-8 bytes, PostgreSQL reads bytea's hex form
        Path csv = target.csv("rows.csv", h2 ? List.of("id,tag,counts", "1,ab,\"{1,2}\"", "2,0a0b,{3}")
                : List.of("id,tag,counts", "1,\\x0a0b,\"{1,2}\"", "2,\\x30613062,{3}"));
        try (ImportRows rows = target.importOf(csv, ImportMode.UPSERT)) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(2);
        }
        List<List<Object>> imported = contents();

        // the same rows in another order: the same file twice is refused as a duplicate
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        Path same = target.csv("same.csv", List.of(lines.get(0), lines.get(2), lines.get(1)));
        try (ImportRows rows = target.importOf(same, ImportMode.UPSERT)) {
            assertThatThrownBy(() -> rows.commit(Progress.NONE)).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("All 2 approved row(s) are already in table " + target.spelled("vault")
                            + " with the same values");
        }
        assertThat(contents()).isEqualTo(imported);
        Path changed = target.csv("changed.csv", h2 ? List.of("id,tag,counts", "1,ac,\"{1,2}\"", "2,0a0b,{4}")
                : List.of("id,tag,counts", "1,\\x0a0c,\"{1,2}\"", "2,\\x30613062,{4}"));
        try (ImportRows rows = target.importOf(changed, ImportMode.UPSERT)) {
            assertThat(rows.commit(Progress.NONE).batch().updated()).isEqualTo(2);
        }
        assertThat(contents()).isNotEqualTo(imported);
    }

    private void assertRollbackRestoresEverything(Path csv) throws SQLException {
        List<List<Object>> before = contents();
        long batch;
        try (ImportRows rows = target.importOf(csv, ImportMode.UPSERT)) {
            CommitResult result = rows.commit(Progress.NONE).batch();
            assertThat(result.updated()).isEqualTo(3);
            batch = result.batchId();
        }
        assertThat(contents()).isNotEqualTo(before);

        RollbackResult result = RollbackBatch.run(target.target, batch, false, "tester", Progress.NONE);

        assertThat(result.restored()).isEqualTo(3);
        assertThat(contents()).isEqualTo(before);
    }

    /** Every row, each column read as the database holds it: bytes as hex, arrays as lists of their elements. */
    private List<List<Object>> contents() throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        Connection c = target.db.connection();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM "
                + target.spelled("vault") + " ORDER BY 1")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(switch (meta.getColumnType(i)) {
                        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                            byte[] bytes = rs.getBytes(i);
                            yield bytes == null ? null : "bytes " + HexFormat.of().formatHex(bytes);
                        }
                        case Types.ARRAY -> {
                            Array array = rs.getArray(i);
                            // the elements as Java reads them, and the database's own text of the array, which
                            // keeps what those lose (a time's nanoseconds, a timestamp's offset)
                            yield array == null ? null : List.of(elements((Object[]) array.getArray()),
                                    rs.getString(i));
                        }
                        default -> rs.getObject(i);
                    });
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<Object> elements(Object[] array) throws SQLException {
        List<Object> list = new ArrayList<>(Arrays.asList(array));
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof Object[] nested) {
                list.set(i, elements(nested));
            } else if (list.get(i) instanceof Array nested) {
                list.set(i, elements((Object[]) nested.getArray()));
            }
        }
        return list;
    }
}
