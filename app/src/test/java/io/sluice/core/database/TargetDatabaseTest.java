package io.sluice.core.database;

import io.sluice.core.SluiceException;
import io.sluice.testing.TemporaryProperty;
import io.sluice.testing.TestDatabases;
import io.sluice.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.sluice.core.database.SampleTargets.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TargetDatabaseTest {

    private static final String SECRET = "Wr0ng-S3cret-77";
    private static final Map<Engine, TargetDatabase> TARGETS = new EnumMap<>(Engine.class);

    @BeforeAll
    static void openSampleTargets() {
        SampleTargets samples = new SampleTargets();
        for (Engine engine : Engine.values()) {
            TARGETS.put(engine, samples.open(engine));
        }
    }

    @AfterAll
    static void close() {
        TARGETS.values().forEach(TargetDatabase::close);
    }

    /** The data directory a test chose, put back as it was after the test. */
    private TemporaryProperty sluiceHome;

    @AfterEach
    void restoreSluiceHome() {
        if (sluiceHome != null) {
            sluiceHome.close();
        }
    }

    @Test
    void createsTheDefaultDatabaseWithTheSampleSchemaOnFirstUse(@TempDir Path home) throws SQLException {
        sluiceHome = TemporaryProperty.set(SluiceHome.PROPERTY, home.toString());

        String url = TargetDatabase.defaultUrl();
        try (TargetDatabase target = TargetDatabase.openDefault()) {
            assertThat(target.dialect()).isEqualTo(Dialect.H2);
            assertThat(target.displayUrl()).isEqualTo(url);
            assertThat(target.tables()).containsExactly("CONCRETE_MIX", "MATERIAL", "MIX_COMPONENT", "STRENGTH_TEST",
                    "SUPPLIER");
            assertThat(count(target.connection(), "supplier")).isEqualTo(5);
        }

        assertThat(url).isEqualTo("jdbc:h2:file:" + home.toAbsolutePath().resolve("target").toString()
                .replace('\\', '/') + ";WRITE_DELAY=0;AUTO_SERVER=TRUE");
        assertThat(home.resolve("target.mv.db")).exists();
    }

    @Test
    void reopeningTheDefaultDatabaseKeepsItsData(@TempDir Path home) throws SQLException {
        sluiceHome = TemporaryProperty.set(SluiceHome.PROPERTY, home.toString());
        // Flyway quotes its history table's name, so H2 keeps it lower-case
        String migrations = Dialect.H2.quote(SampleSchema.HISTORY_TABLE) + " WHERE \"type\" = 'SQL'";
        int firstOpen;
        try (TargetDatabase target = TargetDatabase.openDefault(); Statement st = target.connection().createStatement()) {
            st.executeUpdate("INSERT INTO supplier (supplier_code, name) VALUES ('TEST', 'Test Cement')");
            firstOpen = count(target.connection(), migrations);
        }

        try (TargetDatabase target = TargetDatabase.openDefault()) {
            assertThat(count(target.connection(), "supplier")).isEqualTo(6);
            assertThat(firstOpen).as("migrations applied at the first open").isPositive();
            assertThat(count(target.connection(), migrations)).as("migrations applied again").isEqualTo(firstOpen);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "H2, concrete_mix", "H2, CONCRETE_MIX", "H2, Concrete_Mix", "H2, public.concrete_mix",
            "H2, PUBLIC.CONCRETE_MIX", "POSTGRESQL, concrete_mix", "POSTGRESQL, CONCRETE_MIX",
            "POSTGRESQL, Public.Concrete_Mix"})
    void findsTheTableWhateverCaseTheUserTypes(Engine engine, String typed) {
        TableInfo table = TARGETS.get(engine).table(typed);

        assertThat(table.name()).isEqualTo(stored(engine, "concrete_mix"));
        assertThat(table.schema()).isEqualTo(stored(engine, "public"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void prefersTheExactlyNamedTableWhenOnlyCaseTellsThemApart(Engine engine) throws SQLException {
        TargetDatabase target = TARGETS.get(engine);
        try (Statement st = target.connection().createStatement()) {
            st.execute("CREATE TABLE \"Mixed\" (a INTEGER)");
            st.execute("CREATE TABLE \"MIXED\" (b INTEGER, c INTEGER)");
        }

        assertThat(target.table("Mixed").columns()).hasSize(1);
        assertThat(target.table("MIXED").columns()).hasSize(2);
    }

    @Test
    void findsAPartitionedTableWhoseSchemaHoldsAPartitionedIndex() throws SQLException {
        // PostgreSQL's driver lists a partitioned table's primary key index with no table type at all
        TargetDatabase target = TARGETS.get(Engine.POSTGRESQL);
        try (Statement st = target.connection().createStatement()) {
            st.execute("CREATE SCHEMA readings");
            st.execute("CREATE TABLE readings.meas (id INTEGER, day DATE NOT NULL, v NUMERIC(5,1),"
                    + " PRIMARY KEY (id, day)) PARTITION BY RANGE (day)");
            st.execute("CREATE TABLE readings.meas_2026 PARTITION OF readings.meas"
                    + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')");
        }

        TableInfo meas = target.table("readings.meas");

        assertThat(meas.columns()).extracting(ColumnInfo::name).containsExactly("id", "day", "v");
        assertThat(meas.primaryKey()).containsExactly("id", "day");
        assertThatThrownBy(() -> target.table("readings.mesa"))
                .hasMessageContaining("Tables in readings: meas, meas_2026.");
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void namesTheExistingTablesWhenTheTableIsMissing(Engine engine) {
        TargetDatabase target = TARGETS.get(engine);
        String tables = String.join(", ", target.tables());

        assertThatThrownBy(() -> target.table("mixes"))
                .isInstanceOf(SluiceException.class)
                .hasFieldOrPropertyWithValue("kind", SluiceException.Kind.TARGET)
                .hasMessage("Table 'mixes' does not exist in " + target.displayUrl() + ". Tables: " + tables + ".");
        assertThat(target.tables()).contains(stored(engine, "concrete_mix"), stored(engine, "supplier"))
                .noneMatch(t -> t.equalsIgnoreCase(SampleSchema.HISTORY_TABLE));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void namesTheMissingSchema(Engine engine) {
        TargetDatabase target = TARGETS.get(engine);

        assertThatThrownBy(() -> target.table("lab.concrete_mix"))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Table 'lab.concrete_mix' does not exist in " + target.displayUrl()
                        + ": there is no schema 'lab'.");
    }

    static Stream<Arguments> unreachableTargets() {
        return Stream.of(
                arguments("jdbc:postgresql://127.0.0.1:1/lab", "jdbc:postgresql://127.0.0.1:1/lab"),
                arguments("jdbc:postgresql://127.0.0.1:1/lab?user=steward&password=" + SECRET + "&ssl=false",
                        "jdbc:postgresql://127.0.0.1:1/lab?user=steward&ssl=false"),
                arguments("jdbc:postgresql://127.0.0.1:1/lab?password=" + SECRET,
                        "jdbc:postgresql://127.0.0.1:1/lab"));
    }

    @ParameterizedTest
    @MethodSource("unreachableTargets")
    void connectionFailureNamesTheUrlButNeverThePassword(String url, String shown) {
        assertThatThrownBy(() -> TargetDatabase.open(url, "steward", SECRET))
                .isInstanceOf(SluiceException.class)
                .hasFieldOrPropertyWithValue("kind", SluiceException.Kind.TARGET)
                .hasMessageStartingWith("Cannot connect to " + shown + ": ")
                .hasMessageEndingWith(".")
                .satisfies(e -> assertNoPassword(e));
    }

    @Test
    void wrongH2PasswordIsReportedWithoutThePassword(@TempDir Path dir) throws SQLException {
        TestDatabases.Database db = TestDatabases.h2File(dir);
        try (Connection c = DriverManager.getConnection(db.url(), "steward", "Right-Pa55")) {
            assertThat(c.isValid(1)).isTrue();
        }

        assertThatThrownBy(() -> TargetDatabase.open(db.url() + ";PASSWORD=" + SECRET, "steward", SECRET))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("Cannot connect to " + db.url() + ": Wrong user name or password")
                .satisfies(e -> assertNoPassword(e));
    }

    @Test
    void refusesUnsupportedDatabases() {
        assertThatThrownBy(() -> TargetDatabase.open("jdbc:mysql://db/lab", "u", SECRET))
                .isInstanceOf(SluiceException.class)
                .hasMessage("Cannot connect to jdbc:mysql://db/lab: only H2 (jdbc:h2:...) and PostgreSQL "
                        + "(jdbc:postgresql:...) databases are supported.");
    }

    @Test
    void quotesIdentifiersSafely() {
        assertThat(Dialect.POSTGRESQL.quote("concrete_mix")).isEqualTo("\"concrete_mix\"");
        assertThat(Dialect.H2.quote("x\"; DROP TABLE supplier; --"))
                .isEqualTo("\"x\"\"; DROP TABLE supplier; --\"");
        assertThat(Dialect.forUrl("jdbc:h2:mem:x")).contains(Dialect.H2);
        assertThat(Dialect.forUrl("jdbc:postgresql://h/db")).contains(Dialect.POSTGRESQL);
        assertThat(Dialect.forUrl("jdbc:sqlite:x.db")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:file:/data/t;PASSWORD=x;WRITE_DELAY=0 | jdbc:h2:file:/data/t;WRITE_DELAY=0",
            "jdbc:h2:file:/data/t;CIPHER=AES;FILE_PASSWORD=k | jdbc:h2:file:/data/t;CIPHER=AES",
            "jdbc:postgresql://h/db?password=x&user=u | jdbc:postgresql://h/db?user=u",
            "jdbc:postgresql://h/db?user=u&password=x | jdbc:postgresql://h/db?user=u",
            "jdbc:postgresql://u:x@h/db | jdbc:postgresql://u@h/db",
            "jdbc:postgresql://h/db | jdbc:postgresql://h/db"})
    void displayUrlDropsPasswords(String url, String shown) {
        assertThat(Redaction.url(url)).isEqualTo(shown);
    }

    @Test
    void shortPasswordIsRemovedFromDriverMessagesOnlyAsAWord() {
        SQLException error = new SQLException("Unsupported option p for user ana [90113-232]\nat line 2");

        assertThat(Redaction.reason(error, null, "p")).isEqualTo("Unsupported option *** for user ana");
        assertThat(Redaction.reason(new SQLException("Rejected " + SECRET + "x."), null, SECRET))
                .isEqualTo("Rejected ***x");
    }

    private static void assertNoPassword(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
        }
    }

    private static int count(Connection connection, String tableAndCondition) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + tableAndCondition)) {
            rs.next();
            return rs.getInt(1);
        }
    }

}
