package io.sluice.core.commit;

import io.sluice.core.database.Dialect;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL COPY path renders typed values exactly and keeps an empty string apart from NULL. */
class CopyInsertTest {

    private static final String AWKWARD = "a, \"quoted\" value\nsecond line\r\nÄrger € 日本 \\N \\. tab\tend";

    static Stream<Arguments> renderings() {
        return Stream.of(
                Arguments.of(null, ""),
                Arguments.of("", "\"\""),
                Arguments.of("say \"hi\", then", "\"say \"\"hi\"\", then\""),
                Arguments.of("back\\slash", "\"back\\slash\""),
                Arguments.of(new BigDecimal("1E+3"), "1000"),
                Arguments.of(new BigDecimal("0.000012300"), "0.000012300"),
                Arguments.of(42L, "42"),
                Arguments.of(true, "true"),
                Arguments.of(LocalDate.of(2021, 3, 4), "\"2021-03-04\""),
                Arguments.of(LocalDateTime.of(2021, 3, 4, 5, 6, 7, 800_000_000), "\"2021-03-04T05:06:07.800\""),
                Arguments.of(LocalTime.of(23, 59), "\"23:59\""),
                Arguments.of(new BigDecimal("-0.000001"), "-0.000001"),
                Arguments.of(new BigDecimal("0.00"), "0.00"),
                Arguments.of(new BigDecimal("-12345678.123456"), "-12345678.123456"),
                Arguments.of(new BigDecimal("999999999999999999"), "999999999999999999"),
                Arguments.of(new BigDecimal("-123456789012345678901234.5678"), "-123456789012345678901234.5678"),
                Arguments.of(new BigDecimal("0E+3"), new BigDecimal("0E+3").toPlainString()),
                Arguments.of(Long.MIN_VALUE, "-9223372036854775808"),
                Arguments.of(-7, "-7"),
                Arguments.of(0L, "0"),
                Arguments.of(2.5d, "2.5"),
                Arguments.of(false, "false"),
                Arguments.of(LocalDate.of(987, 1, 2), "\"0987-01-02\""),
                Arguments.of(LocalDate.of(12345, 12, 31), "\"+12345-12-31\""),
                Arguments.of("Ärger € 日本 \uD83D\uDE00 \"x\"", "\"Ärger € 日本 \uD83D\uDE00 \"\"x\"\"\""),
                Arguments.of("lone \uD83D surrogate", "\"lone ? surrogate\""));
    }

    @ParameterizedTest
    @MethodSource("renderings")
    void rendersEachTypedValueAsItsCsvInputForm(Object value, String expected) {
        assertThat(CopyInsert.render(value)).isEqualTo(expected);
    }

    @Test
    void everyDecimalRendersAsItsPlainString() {
        Random random = new Random(14);
        for (int i = 0; i < 20_000; i++) {
            long unscaled = switch (i % 4) {
                case 0 -> random.nextInt(1000) - 500;
                case 1 -> random.nextLong();
                case 2 -> random.nextLong() / 1_000_000_000L;
                default -> random.nextInt();
            };
            BigDecimal value = BigDecimal.valueOf(unscaled, random.nextInt(25) - 4);
            assertThat(CopyInsert.render(value)).as("%s", value).isEqualTo(value.toPlainString());
        }
    }

    @Test
    void awkwardTextAnEmptyStringAndNullRoundTripExactlyThroughCopy() throws SQLException {
        TestDatabases.Database database = TestDatabases.postgres();
        List<List<Object>> rows = List.of(
                Arrays.asList(1L, AWKWARD, "", new BigDecimal("12345678.123456"), LocalDate.of(1999, 12, 31),
                        LocalDateTime.of(2021, 3, 4, 5, 6, 7, 123_456_000), true),
                Arrays.asList(2L, "", null, null, null, null, null),
                Arrays.asList(3L, null, "\"", new BigDecimal("-0.000001"), LocalDate.of(2024, 2, 29),
                        LocalDateTime.of(2024, 2, 29, 0, 0), false));
        try (TargetDatabase db = withTable(database, "CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(200),"
                + " extra VARCHAR(20), amount NUMERIC(14, 6), day DATE, at TIMESTAMP, flag BOOLEAN)")) {
            TableInfo table = db.table("note");
            Connection connection = db.connection();
            connection.setAutoCommit(false);
            CopyInsert copy = CopyInsert.forTable(connection, db.dialect(), table, table.columns(), false);
            assertThat(copy).as("PostgreSQL with renderable columns takes the COPY path").isNotNull();
            for (List<Object> row : rows) {
                copy.add(row);
            }
            copy.flush();
            connection.commit();
            connection.setAutoCommit(true);

            assertThat(read(database, table)).containsExactlyElementsOf(rows);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anOpenCopyCountsTheBytesItHasTakenUntilItEnds(boolean binary) throws SQLException {
        try (TargetDatabase db = withTable(TestDatabases.postgres(),
                "CREATE TABLE wide_note (id INTEGER PRIMARY KEY, body TEXT)")) {
            TableInfo table = db.table("wide_note");
            Connection connection = db.connection();
            connection.setAutoCommit(false);
            CopyInsert copy = CopyInsert.forTable(connection, db.dialect(), table, table.columns(), binary);
            assertThat(copy.binary()).isEqualTo(binary);
            String body = "x".repeat(50_000);
            // most rows have gone to the server in 64 KiB blocks already; the count holds those and the rest
            for (long id = 1; id <= 10; id++) {
                copy.stream(Arrays.asList(id, body));
            }
            // CSV: one digit, a comma, two quotes and a newline around the body, and ids from 10 have a second
            // digit; binary: a 19-byte header once, then a row's field count and each field's length and bytes
            long header = binary ? 19 : 0;
            long row = binary ? 2 + (4 + 4) + (4 + body.length()) : body.length() + 5;
            long twoDigits = binary ? 0 : 1;
            assertThat(copy.streamed()).isEqualTo(header + 10 * row + twoDigits);
            assertThat(copy.endStream()).isEqualTo(10);
            assertThat(copy.streamed()).isZero();

            copy.stream(Arrays.asList(11L, body));
            assertThat(copy.streamed()).isEqualTo(header + row + twoDigits);
            copy.cancelStream();
            assertThat(copy.streamed()).isZero();
            connection.rollback();
        }
    }

    @Test
    void theCommitterTestsTableTakesTheBinaryCopyPathOnPostgresql() throws SQLException {
        try (CommitFixture f = new CommitFixture(TestDatabases.Engine.POSTGRESQL)) {
            CopyInsert copy = CopyInsert.forTable(f.db.connection(), f.db.dialect(), f.table,
                    f.mapper.targetColumns());
            assertThat(copy).isNotNull();
            assertThat(copy.binary()).isTrue();
        }
    }

    @Test
    void h2KeepsJdbcBatches() throws SQLException {
        try (TargetDatabase db = withTable(TestDatabases.h2Mem(),
                "CREATE TABLE note (id INTEGER PRIMARY KEY, body VARCHAR(200))")) {
            TableInfo table = db.table("note");
            assertThat(db.dialect()).isEqualTo(Dialect.H2);
            assertThat(CopyInsert.forTable(db.connection(), db.dialect(), table, table.columns())).isNull();
        }
    }

    /** The database as a target, with a table of the test's own created in it first. */
    private static TargetDatabase withTable(TestDatabases.Database database, String ddl) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(ddl);
        }
        return TargetDatabase.open(database.url(), database.user(), database.password());
    }

    private static List<List<Object>> read(TestDatabases.Database database, TableInfo table) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM note ORDER BY id")) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    Object value = Values.read(rs, i + 1, table.columns().get(i));
                    row.add(value instanceof Integer n ? Long.valueOf(n) : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
