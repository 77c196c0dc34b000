package io.sluice.core.database;

import io.sluice.core.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An open connection to the database rows are committed to (H2 or PostgreSQL): finds and describes its tables.
 * Open with {@link #open} or {@link #openDefault}; close when done.
 */
public final class TargetDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TargetDatabase.class);
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "PARTITIONED TABLE");
    /** Sluice's own tables (Flyway histories, bookkeeping) are not offered as targets. */
    private static final String OWN_TABLE_PREFIX = "sluice_";
    /** User of the embedded default database (it has no password: it is a file in the user's own folder). */
    public static final String DEFAULT_USER = "sa";
    public static final String DEFAULT_PASSWORD = "";

    private final Connection connection;
    private final Dialect dialect;
    private final String displayUrl;
    /** How this connection was made, kept (in memory only) to open a second one beside it. */
    private final String jdbcUrl;
    private final Properties credentials;

    private TargetDatabase(Connection connection, Dialect dialect, String displayUrl, String jdbcUrl,
                           Properties credentials) {
        this.connection = connection;
        this.dialect = dialect;
        this.displayUrl = displayUrl;
        this.jdbcUrl = jdbcUrl;
        this.credentials = credentials;
    }

    /** Connects to an H2 or PostgreSQL database; user and password may be null when the URL carries them. */
    public static TargetDatabase open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, Redaction.url(jdbcUrl), user, password);
    }

    /** Connects with {@code jdbcUrl}; messages show {@code display} (no password, no settings Sluice added). */
    private static TargetDatabase open(String jdbcUrl, String display, String user, String password) {
        Dialect dialect = Dialect.forUrl(jdbcUrl).orElseThrow(() -> SluiceException.target("Cannot connect to "
                + display + ": only H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...) databases are supported."));
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        try {
            return new TargetDatabase(DriverManager.getConnection(jdbcUrl, properties), dialect, display, jdbcUrl,
                    properties);
        } catch (SQLException e) {
            String message = "Cannot connect to " + display + ": " + Redaction.reason(e, jdbcUrl, password) + ".";
            throw Redaction.mentions(e, password)
                    ? SluiceException.target(message)
                    : SluiceException.target(message, e);
        }
    }

    /**
     * Connects to a database a person named, which must already exist: an H2 file database is opened with
     * {@code IFEXISTS=TRUE}, so a mistyped path is refused in one sentence naming it instead of silently becoming a
     * new, empty database. Only the embedded default ({@link #openDefault}) is created on first use.
     */
    public static TargetDatabase openExisting(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw SluiceException.target("No target database was named; give a JDBC URL such as"
                    + " jdbc:postgresql://host/db or jdbc:h2:file:/path/db.");
        }
        String where = H2Urls.where(jdbcUrl);
        if (where == null) {
            return open(jdbcUrl, user, password);
        }
        try {
            return open(H2Urls.ifExists(jdbcUrl), Redaction.url(jdbcUrl), user, password);
        } catch (SluiceException e) {
            if (H2Urls.isMissingDatabase(e)) {
                throw SluiceException.target("There is no H2 database " + where + " (" + Redaction.url(jdbcUrl)
                        + "); check the name: Sluice creates only its own embedded database.");
            }
            throw e;
        }
    }

    /** The JDBC URL of Sluice's embedded H2 database, file {@code target} in {@link SluiceHome#directory()}. */
    public static String defaultUrl() {
        return h2FileUrl(SluiceHome.directory());
    }

    /** Opens the embedded database, creating it with the sample schema on first use. */
    public static TargetDatabase openDefault() {
        Path directory = SluiceHome.directory();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            // the exception's own text is a class name and a path; the steward needs the reason in words
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "a file of that name is in the way"
                    : "the file system refused (" + e.getMessage() + ")";
            throw SluiceException.target("Cannot create Sluice's data directory " + directory + ": " + reason
                    + "; set SLUICE_HOME to a folder you can write.", e);
        }
        String url = h2FileUrl(directory);
        // Open first: Flyway's own connection then joins the database already open in this process instead of
        // opening (and file-locking) the file a second time.
        TargetDatabase db = open(url, DEFAULT_USER, DEFAULT_PASSWORD);
        try {
            SampleSchema.install(url, DEFAULT_USER, DEFAULT_PASSWORD);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    static String h2FileUrl(Path directory) {
        // H2 accepts forward slashes on every platform; WRITE_DELAY=0 so a committed batch survives a crash;
        // AUTO_SERVER so that a command line run and the desktop can use the embedded database at the same time
        // (the second process connects through the first over loopback instead of failing on the file lock)
        String file = directory.resolve("target").toAbsolutePath().toString().replace('\\', '/');
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
    }

    /**
     * A second connection to the same database, as the same user: it reads the target as committed while this
     * connection's own transaction writes (an import validating its rows as it commits them). Close it when done.
     */
    public TargetDatabase openAlongside() {
        try {
            return new TargetDatabase(DriverManager.getConnection(jdbcUrl, credentials), dialect, displayUrl, jdbcUrl,
                    credentials);
        } catch (SQLException e) {
            String password = credentials.getProperty("password");
            String message = "Cannot open a second connection to " + displayUrl + ": "
                    + Redaction.reason(e, jdbcUrl, password) + ".";
            throw Redaction.mentions(e, password) ? SluiceException.target(message)
                    : SluiceException.target(message, e);
        }
    }

    /** The live JDBC connection; owned by this object, do not close it. */
    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL without any password, for messages and the title bar. */
    public String displayUrl() {
        return displayUrl;
    }

    /** Names of the tables in the default schema, as stored, sorted; Sluice's own {@code sluice_*} tables left out. */
    public List<String> tables() {
        List<String> names = new ArrayList<>();
        for (String name : tablesIn(defaultSchema())) {
            if (!name.toLowerCase(Locale.ROOT).startsWith(OWN_TABLE_PREFIX)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The tables of every schema the connection can see, as a profile names them ({@link TableInfo#reference}: a
     * bare name in the connection's default schema when that is public, {@code schema.name} elsewhere, in SQL's
     * quoted form where a plain one would read differently), the default schema's first, then by schema and name;
     * system schemas and Sluice's own {@code sluice_*} tables left out.
     */
    public List<String> tablesOfEverySchema() {
        return tablesOfEverySchema(false);
    }

    /**
     * {@link #tablesOfEverySchema()} without the tables this connection's role may not insert into (on PostgreSQL,
     * without the INSERT privilege on the table or USAGE on its schema): the tables rows can be imported into.
     */
    public List<String> writableTablesOfEverySchema() {
        return tablesOfEverySchema(true);
    }

    private List<String> tablesOfEverySchema(boolean writableOnly) {
        String home = defaultSchema();
        Set<List<String>> readOnly = writableOnly ? readOnlyTables() : Set.of();
        List<String[]> found = new ArrayList<>();
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getTables(null, null, "%", null)) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String name = rs.getString("TABLE_NAME");
                    String type = rs.getString("TABLE_TYPE");
                    if (type != null && TABLE_TYPES.contains(type) && !isSystemSchema(schema)
                            && !name.toLowerCase(Locale.ROOT).startsWith(OWN_TABLE_PREFIX)
                            && !readOnly.contains(Arrays.asList(schema, name))) {
                        found.add(new String[] {schema, name});
                    }
                }
            }
        } catch (SQLException e) {
            throw metadataFailure(e);
        }
        Comparator<String> byText = Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT))
                .thenComparing(n -> n);
        found.sort(Comparator.comparing((String[] t) -> !home.equals(t[0]))
                .thenComparing(t -> t[0] == null ? "" : t[0], byText).thenComparing(t -> t[1], byText));
        return found.stream().map(t -> reference(home, t[0], t[1])).toList();
    }

    /**
     * How a profile names table {@code name} of {@code schema} so that {@link #table} finds it again here and on a
     * connection of another role: bare only in the default schema, and only when that is public (PUBLIC on H2),
     * which a bare name means on any connection that does not choose another; {@code schema.name} otherwise.
     */
    public String reference(String schema, String name) {
        return reference(defaultSchema(), schema, name);
    }

    private String reference(String home, String schema, String name) {
        boolean bare = schema == null || schema.equals(home) && home.equalsIgnoreCase(dialect.defaultSchema());
        return QuotedName.of(bare ? null : schema, name);
    }

    /**
     * The sentence saying that the database would refuse an import into the table because this connection's role may
     * not insert into it (PostgreSQL's privileges), or empty when it may.
     */
    public Optional<String> insertRefused(TableInfo table) {
        if (!readOnlyTables().contains(Arrays.asList(table.schema(), table.name()))) {
            return Optional.empty();
        }
        String user;
        try {
            user = connection.getMetaData().getUserName();
        } catch (SQLException e) {
            throw metadataFailure(e);
        }
        return Optional.of("Role " + user + " may not insert into table " + table.reference() + " of " + displayUrl
                + ", so the database would refuse the import; ask the table's owner to grant INSERT on it, or map"
                + " the rows onto a table the role may write.");
    }

    // [schema, name] of each table the role cannot insert into: without INSERT on the table (or any of its
    // columns) or without USAGE on its schema, in which no table can be named at all
    private Set<List<String>> readOnlyTables() {
        if (dialect != Dialect.POSTGRESQL) {
            return Set.of();
        }
        Set<List<String>> readOnly = new HashSet<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT n.nspname, c.relname"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND NOT (pg_catalog.has_schema_privilege(n.oid, 'USAGE')"
                + " AND (pg_catalog.has_table_privilege(c.oid, 'INSERT')"
                + " OR pg_catalog.has_any_column_privilege(c.oid, 'INSERT')))")) {
            while (rs.next()) {
                readOnly.add(Arrays.asList(rs.getString(1), rs.getString(2)));
            }
        } catch (SQLException e) {
            throw metadataFailure(e);
        }
        return readOnly;
    }

    // H2's and PostgreSQL's catalogs, and PostgreSQL's TOAST and temporary schemas (a user cannot make a pg_ one)
    private static boolean isSystemSchema(String schema) {
        return schema != null && (schema.equalsIgnoreCase("information_schema")
                || schema.toLowerCase(Locale.ROOT).startsWith("pg_"));
    }

    /**
     * A lookup of tables by name, each introspected once on its first use and found case-insensitively (as
     * {@link #table}): for work that asks for the same few tables of a workbook again and again. Not thread-safe.
     */
    public Function<String, TableInfo> tablesIntrospectedOnce() {
        Map<String, TableInfo> seen = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        return name -> seen.computeIfAbsent(name, this::table);
    }

    /**
     * The table a user named, found case-insensitively, with {@code schema.table} or the default schema; fully
     * introspected.
     */
    public TableInfo table(String name) {
        String trimmed = name == null ? "" : name.strip();
        List<String> parts = QuotedName.parts(trimmed);
        String home = defaultSchema();
        String schema = parts.size() == 2 ? schema(parts.get(0), trimmed) : home;
        return table(trimmed, parts.size() == 2, home, schema, parts.get(parts.size() - 1));
    }

    /**
     * Table {@code name} of {@code schema} exactly as the catalog stores both (a foreign key's parent), found
     * case-insensitively only where no table has that very name; fully introspected.
     */
    public TableInfo table(String schema, String name) {
        String home = defaultSchema();
        String inSchema = schema == null ? home : schema;
        return table(QuotedName.of(inSchema, name), true, home, inSchema, name);
    }

    private TableInfo table(String trimmed, boolean qualified, String home, String schema, String wanted) {
        List<String> candidates = tablesIn(schema);
        String actual = candidates.stream().filter(t -> t.equals(wanted)).findFirst()
                .orElseGet(() -> candidates.stream().filter(t -> t.equalsIgnoreCase(wanted)).findFirst()
                        .orElseThrow(() -> qualified ? missingTable(trimmed, schema, wanted, candidates)
                                : missingTable(trimmed)));
        try {
            return TableIntrospector.introspect(connection, dialect, schema, actual, reference(home, schema, actual));
        } catch (SQLException e) {
            throw SluiceException.target("Cannot read the structure of table '" + actual + "' in " + displayUrl
                    + ": " + Redaction.reason(e, null, null) + ".", e);
        }
    }

    // a name in a schema of its own: that schema's tables are the ones to choose from, and a view is not a table
    private SluiceException missingTable(String name, String schema, String wanted, List<String> tables) {
        String known = tables.isEmpty() ? "Schema " + schema + " has no tables."
                : "Tables in " + schema + ": " + String.join(", ", tables) + ".";
        String kind = null;
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getTables(null, TableIntrospector.escape(metaData, schema), "%", null)) {
                while (rs.next() && kind == null) {
                    String type = rs.getString("TABLE_TYPE");
                    if (type != null && rs.getString("TABLE_NAME").equalsIgnoreCase(wanted)) {
                        kind = type.toLowerCase(Locale.ROOT);
                    }
                }
            }
        } catch (SQLException e) {
            throw metadataFailure(e);
        }
        return SluiceException.target(kind != null
                ? "'" + name + "' in " + displayUrl + " is a " + kind + ", not a table; Sluice imports into tables. "
                + known
                : "Table '" + name + "' does not exist in " + displayUrl + ". " + known);
    }

    private SluiceException missingTable(String name) {
        List<String> tables = tablesOfEverySchema();
        String known = tables.isEmpty() ? "It has no tables." : "Tables: " + String.join(", ", tables) + ".";
        return SluiceException.target("Table '" + name + "' does not exist in " + displayUrl + ". " + known);
    }

    private String defaultSchema() {
        try {
            String schema = connection.getSchema();
            return schema != null ? schema : dialect.defaultSchema();
        } catch (SQLException e) {
            return dialect.defaultSchema();
        }
    }

    private String schema(String wanted, String fullName) {
        List<String> schemas = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
        } catch (SQLException e) {
            throw metadataFailure(e);
        }
        return schemas.stream().filter(s -> s.equals(wanted)).findFirst()
                .orElseGet(() -> schemas.stream().filter(s -> s.equalsIgnoreCase(wanted)).findFirst()
                        .orElseThrow(() -> SluiceException.target("Table '" + fullName + "' does not exist in "
                                + displayUrl + ": there is no schema '" + wanted + "'.")));
    }

    private List<String> tablesIn(String schema) {
        List<String> names = new ArrayList<>();
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getTables(null, TableIntrospector.escape(metaData, schema), "%", null)) {
                while (rs.next()) {
                    // PostgreSQL's driver gives a partitioned table's own index no type at all
                    String type = rs.getString("TABLE_TYPE");
                    if (schema.equals(rs.getString("TABLE_SCHEM")) && type != null && TABLE_TYPES.contains(type)) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
            }
        } catch (SQLException e) {
            throw metadataFailure(e);
        }
        names.sort(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)).thenComparing(n -> n));
        return names;
    }

    private SluiceException metadataFailure(SQLException e) {
        return SluiceException.target("Cannot list the tables of " + displayUrl + ": "
                + Redaction.reason(e, null, null) + ".", e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the connection to {} failed: {}", displayUrl, e.getMessage());
        }
    }
}
