package io.sluice.core.commit;

import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The binary COPY stores exactly what the CSV COPY stores, on real PostgreSQL: every type's edges go through both forms
 * into twin tables and are read back as the server's text.
 */
class CopyBinaryTest {

    private static final String COLUMNS = "(id INTEGER PRIMARY KEY, i2 SMALLINT, i8 BIGINT, n NUMERIC, n2 NUMERIC(12, 2),"
            + " f4 REAL, f8 DOUBLE PRECISION, b BOOLEAN, t TEXT, v VARCHAR(40), c CHAR(5), d DATE, tm TIME,"
            + " ts TIMESTAMP, tz TIMESTAMPTZ, u UUID)";
    private static final String AWKWARD = "a, \"quoted\" value\nsecond line\r\nÄrger € 日本 \\N \\. tab\tend \uD83D\uDE00";

    private static TestDatabases.Database database;

    @BeforeAll
    static void database() {
        database = TestDatabases.postgres();
    }

    static List<List<Object>> edges() {
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        return List.of(
                Arrays.asList(1L, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null),
                Arrays.asList(2L, -32768L, Long.MIN_VALUE, new BigDecimal("0"), new BigDecimal("-0.00"),
                        new BigDecimal("1.1"), new BigDecimal("0.1"), true, AWKWARD, "", "ab",
                        LocalDate.of(1999, 12, 31), LocalTime.of(23, 59, 59, 999_999_000),
                        LocalDateTime.of(2021, 3, 4, 5, 6, 7, 123_456_000),
                        OffsetDateTime.of(2021, 3, 4, 5, 6, 7, 500_000_000, ZoneOffset.ofHours(2)), uuid),
                Arrays.asList(3L, 32767L, Long.MAX_VALUE, new BigDecimal("1.000E-30"), new BigDecimal("1234567890.10"),
                        new BigDecimal("3.4028235E38"), new BigDecimal("1.7976931348623157E308"), false,
                        "back\\slash \\N", "Ärger € 日本 \uD83D\uDE00", "abcde", LocalDate.of(1, 1, 1),
                        LocalTime.MIDNIGHT, LocalDateTime.of(1900, 1, 1, 0, 0, 0, 500),
                        LocalDateTime.of(2099, 12, 31, 23, 59, 59, 999_999_000),
                        UUID.fromString("94212257-ef6c-4f4d-b539-d298e91204ce")),
                Arrays.asList(4L, 0L, 0L, new BigDecimal("-123456789012345678901234567890123456789.123456789"),
                        new BigDecimal("5.005"), new BigDecimal("-1E-45"), new BigDecimal("4.9E-324"), null,
                        "", "say \"hi\", then", "a  ", LocalDate.of(9999, 12, 31), LocalTime.of(12, 0, 0, 1_500),
                        LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
                        OffsetDateTime.of(1950, 6, 1, 0, 0, 0, 1_500, ZoneOffset.ofHoursMinutes(-9, -30)), null),
                Arrays.asList(5L, 7L, -1L, new BigDecimal("1E+5"), 12L, 2.5d, -0.75d, true, "line\r\nbreak",
                        "tab\there", "x", LocalDate.of(987, 1, 2), LocalTime.of(23, 59, 59, 999_999_500),
                        LocalDateTime.of(2024, 2, 29, 0, 0, 0, 2_500), LocalDateTime.of(2000, 1, 1, 0, 0),
                        UUID.fromString("00000000-0000-0000-0000-000000000000")),
                Arrays.asList(6L, 1L, 1L, new BigDecimal("0.000012300"), new BigDecimal("-99999.995"),
                        new BigDecimal("16777217"), new BigDecimal("9007199254740993"), false, " lead and trail ",
                        null, "", LocalDate.of(2000, 1, 1), LocalTime.of(0, 0, 0, 500),
                        LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_999),
                        OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), null));
    }

    @Test
    void everyTypesEdgesAreStoredAsTheCsvFormStoresThem() throws SQLException {
        List<List<String>> binary = importInto("edge_binary", true, edges());
        List<List<String>> csv = importInto("edge_csv", false, edges());

        assertThat(binary).containsExactlyElementsOf(csv);
        assertThat(binary.get(0).subList(1, 16)).containsOnlyNulls();
        // the column's scale is what the server keeps; an unconstrained numeric keeps the value's own
        assertThat(binary.get(1)).startsWith("2", "-32768", "-9223372036854775808", "0", "0.00");
        assertThat(binary.get(2).get(3)).isEqualTo("0.000000000000000000000000000001000");
        assertThat(binary.get(3).get(3)).isEqualTo("-123456789012345678901234567890123456789.123456789");
        assertThat(binary.get(3).get(4)).isEqualTo("5.01");
        assertThat(binary.get(4).get(3)).isEqualTo("100000");
        // char(n) padded by the server as for CSV; text exactly as given
        assertThat(binary.get(1).get(10)).isEqualTo("ab   ");
        assertThat(binary.get(1).get(8)).isEqualTo(AWKWARD);
        assertThat(binary.get(1).get(13)).isEqualTo("2021-03-04 05:06:07.123456");
        assertThat(binary.get(1).get(14)).isEqualTo("2021-03-04 03:06:07.5+00");
        assertThat(binary.get(3).get(11)).isEqualTo("9999-12-31");
    }

    @Test
    void everyDecimalIsStoredWithItsDigitsAndScale() throws SQLException {
        Random random = new Random(67);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long unscaled = switch (i % 4) {
                case 0 -> random.nextInt(1000) - 500;
                case 1 -> random.nextLong();
                case 2 -> random.nextLong() / 1_000_000_000L;
                default -> random.nextInt();
            };
            // every seventh beyond a long: up to 120 bits, scales from -10 to 49
            BigDecimal value = i % 7 == 0
                    ? new BigDecimal(new BigInteger(40 + random.nextInt(80), random).subtract(BigInteger.TEN.pow(20)),
                    random.nextInt(60) - 10)
                    : BigDecimal.valueOf(unscaled, random.nextInt(25) - 4);
            List<Object> row = new ArrayList<>(Arrays.asList(new Object[16]));
            row.set(0, (long) i);
            row.set(3, value);
            rows.add(row);
        }
        List<List<String>> stored = importInto("decimals", true, rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(stored.get(i).get(3)).isEqualTo(((BigDecimal) rows.get(i).get(3)).toPlainString());
        }
    }

    @Test
    void aRowTheServerRefusesFailsInTheSameWordsInBothForms() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE refusing (id INTEGER PRIMARY KEY, amount NUMERIC(6, 2) CHECK (amount > 0),"
                    + " code VARCHAR(3), day DATE)");
        }
        List<List<Object>> refused = List.of(
                Arrays.asList(3_000_000_000L, new BigDecimal("1"), "a", null),
                Arrays.asList(1L, new BigDecimal("-1.5"), "a", null),
                Arrays.asList(1L, new BigDecimal("12345.67"), "a", null),
                Arrays.asList(1L, new BigDecimal("1"), "abcd", null),
                Arrays.asList(1L, new BigDecimal("1"), "a\u0000", null),
                Arrays.asList(new BigDecimal("1.5"), new BigDecimal("1"), "a", null),
                Arrays.asList(1L, new BigDecimal("1"), "a", LocalDate.of(0, 1, 1)));
        for (List<Object> row : refused) {
            String binary = refusal(row, true);
            assertThat(binary).as("%s", row).isNotNull();
            if (!(row.get(3) instanceof LocalDate)) {
                assertThat(binary).as("%s", row).isEqualTo(refusal(row, false));
            }
        }
        assertThat(refusal(refused.get(0), true)).isEqualTo("ERROR: value \"3000000000\" is out of range for type"
                + " integer");
        assertThat(refusal(refused.get(6), true)).isEqualTo("ERROR: date/time field value out of range:"
                + " \"0000-01-01\"");
    }

    @Test
    void aTableWithAColumnOfAnotherTypeKeepsCsv() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TYPE mood AS ENUM ('calm', 'busy')");
            s.execute("CREATE TABLE with_json (id INTEGER PRIMARY KEY, body JSON)");
            s.execute("CREATE TABLE with_enum (id INTEGER PRIMARY KEY, feeling mood)");
            s.execute("CREATE TABLE with_interval (id INTEGER PRIMARY KEY, spell INTERVAL)");
            s.execute("CREATE TABLE with_bytea (id INTEGER PRIMARY KEY, payload BYTEA)");
            s.execute("CREATE TABLE with_array (id INTEGER PRIMARY KEY, counts INTEGER[])");
        }
        try (TargetDatabase db = TargetDatabase.open(database.url(), database.user(), database.password())) {
            for (String name : List.of("with_json", "with_enum", "with_interval", "with_bytea", "with_array")) {
                TableInfo table = db.table(name);
                CopyInsert copy = CopyInsert.forTable(db.connection(), db.dialect(), table, table.columns());
                assertThat(copy == null || !copy.binary()).as(name).isTrue();
            }
        }
    }

    @Test
    void aTimestampWithTimeZoneGoesBinaryOnlyWhenTheSessionReadsLocalTimesAsUtc() throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE stamped (id INTEGER PRIMARY KEY, at TIMESTAMPTZ)");
        }
        try (TargetDatabase db = TargetDatabase.open(database.url(), database.user(), database.password());
             Statement s = db.connection().createStatement()) {
            TableInfo table = db.table("stamped");
            s.execute("SET TimeZone = 'Europe/Berlin'");
            assertThat(CopyInsert.forTable(db.connection(), db.dialect(), table, table.columns()).binary()).isFalse();
            s.execute("SET TimeZone = 'Etc/UTC'");
            assertThat(CopyInsert.forTable(db.connection(), db.dialect(), table, table.columns()).binary()).isTrue();
        }
    }

    /** The first line of the failure a COPY of that one row into table refusing ends with, as the import says it. */
    private static String refusal(List<Object> row, boolean binary) throws SQLException {
        try (TargetDatabase db = TargetDatabase.open(database.url(), database.user(), database.password())) {
            TableInfo table = db.table("refusing");
            Connection connection = db.connection();
            connection.setAutoCommit(false);
            CopyInsert copy = CopyInsert.forTable(connection, db.dialect(), table, table.columns(), binary);
            try {
                copy.add(row);
                copy.flush();
                return null;
            } catch (SQLException e) {
                return Committer.reason(e);
            } finally {
                connection.rollback();
            }
        }
    }

    private static List<List<String>> importInto(String name, boolean binary, List<List<Object>> rows)
            throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + name + " " + COLUMNS);
        }
        try (TargetDatabase db = TargetDatabase.open(database.url(), database.user(), database.password())) {
            TableInfo table = db.table(name);
            Connection connection = db.connection();
            try (Statement s = connection.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
            }
            connection.setAutoCommit(false);
            CopyInsert copy = CopyInsert.forTable(connection, db.dialect(), table, table.columns(), binary);
            assertThat(copy.binary()).isEqualTo(binary);
            for (List<Object> row : rows) {
                copy.add(row);
            }
            assertThat(copy.flush()).isEqualTo(rows.size());
            connection.commit();
            connection.setAutoCommit(true);
        }
        List<List<String>> stored = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + name + " ORDER BY id")) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= 16; i++) {
                        row.add(rs.getString(i));
                    }
                    stored.add(row);
                }
            }
        }
        return stored;
    }
}
