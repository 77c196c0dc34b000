package io.sluice.core.database;

import io.sluice.core.SluiceException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import java.io.IOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs one set of Sluice's Flyway migrations against a database that already holds other tables (the user's, or
 * another set of Sluice's): each set keeps its own history table and starts its history beside what is there.
 */
public final class Migrations {

    private static final String CLASSPATH = "classpath:";
    /** A versioned migration script, as Flyway names them: V1__what.sql, V1_2__what.sql, V1.2__what.sql. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__[^/]*\\.sql");

    private Migrations() {
    }

    /**
     * Creates or upgrades the tables of one migration set; does nothing when they are up to date.
     *
     * @param what         what is being created, for the failure message ("the sample schema")
     * @param historyTable the set's own Flyway history table
     * @param locations    Flyway locations, applied in version order
     */
    public static void migrate(String jdbcUrl, String user, String password, String what, String historyTable,
                               String... locations) {
        if (upToDate(jdbcUrl, user, password, historyTable, locations)) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .locations(locations)
                    .table(historyTable)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String message = "Cannot create " + what + " in " + Redaction.url(jdbcUrl) + ": "
                    + Redaction.deepestReason(e, jdbcUrl, password) + ".";
            throw Redaction.mentions(e, password)
                    ? SluiceException.target(message)
                    : SluiceException.target(message, e);
        }
    }

    /**
     * Whether the history table records every versioned script of the locations as applied, and no failed attempt:
     * then Flyway, whose start-up costs more than the rest of opening a target, would have nothing to do. False
     * whenever that cannot be told for sure (a script Flyway would treat otherwise, locations that cannot be listed,
     * no readable history table), so that Flyway decides. Unlike Flyway it does not compare the applied scripts'
     * checksums: a released script never changes.
     */
    static boolean upToDate(String jdbcUrl, String user, String password, String historyTable,
                            String... locations) {
        Set<String> available = new HashSet<>();
        for (String location : locations) {
            List<String> names = scriptNames(location);
            if (names == null) {
                return false;
            }
            for (String name : names) {
                Matcher m = VERSIONED.matcher(name);
                if (!m.matches()) {
                    return false;
                }
                available.add(normalized(m.group(1)));
            }
        }
        if (available.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + historyTable + "\"")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                if (rs.getString(1) != null) {
                    applied.add(normalized(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            return false;
        }
        return applied.containsAll(available);
    }

    /** A version as Flyway compares them: numeric parts, leading and trailing zeros dropped (1.0 is 1, 01 is 1). */
    private static String normalized(String version) {
        List<BigInteger> parts = new ArrayList<>();
        for (String part : version.split("[._]")) {
            parts.add(new BigInteger(part));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return String.join(".", parts.stream().map(BigInteger::toString).toList());
    }

    /**
     * The names of the SQL scripts under a {@code classpath:} location, in any folder below it as Flyway finds them;
     * null when the location cannot be listed here (not on the class path as a folder or a jar).
     */
    private static List<String> scriptNames(String location) {
        if (!location.startsWith(CLASSPATH)) {
            return null;
        }
        String path = location.substring(CLASSPATH.length());
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = Migrations.class.getClassLoader().getResources(path);
            if (!urls.hasMoreElements()) {
                return null;
            }
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if (url.getProtocol().equals("file")) {
                    try (Stream<Path> files = Files.walk(Path.of(url.toURI()))) {
                        files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                                .filter(n -> n.endsWith(".sql")).forEach(names::add);
                    }
                } else if (url.getProtocol().equals("jar")) {
                    URLConnection connection = url.openConnection();
                    if (!(connection instanceof JarURLConnection jarConnection)) {
                        return null;
                    }
                    jarConnection.setUseCaches(false);
                    try (JarFile jar = jarConnection.getJarFile()) {
                        String prefix = path.endsWith("/") ? path : path + "/";
                        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                            String name = entries.nextElement().getName();
                            if (name.startsWith(prefix) && name.endsWith(".sql")) {
                                names.add(name.substring(name.lastIndexOf('/') + 1));
                            }
                        }
                    }
                } else {
                    return null;
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return names;
    }
}
