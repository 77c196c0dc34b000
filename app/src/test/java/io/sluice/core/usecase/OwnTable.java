package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fresh target (H2 or PostgreSQL) with tables a test creates and Sluice's bookkeeping, and a profile mapping each
 * source column of the same name onto one of them, for validating and importing small CSV files.
 */
final class OwnTable implements AutoCloseable {

    final TargetDatabase db;
    /** The same database, as a review or a command names its target. */
    final Target target;
    private final Path dir;
    private final Profile profile;

    /**
     * @param statements the DDL creating the table (and its types), run in order
     * @param columns    the mapped columns, each read from the source column of the same name
     */
    OwnTable(TestDatabases.Engine engine, Path dir, String table, List<String> columns, String... statements)
            throws SQLException, IOException {
        TestDatabases.Database database = engine.fresh();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        this.db = TargetDatabase.open(database.url(), database.user(), database.password());
        this.target = new Target(database.url(), database.user(), database.password());
        this.dir = dir;
        List<String> mapped = columns.stream().map(c -> "{\"target\": \"" + c + "\", \"source\": \"" + c + "\"}")
                .toList();
        this.profile = ProfileIO.read(Files.writeString(dir.resolve(table + ".profile.json"), "{\"format\":"
                + " \"sluice-profile\", \"version\": 1, \"name\": \"" + table + "\", \"table\": \"" + table + "\","
                + " \"columns\": [" + String.join(", ", mapped) + "]}"));
    }

    Profile profile() {
        return profile;
    }

    /** Writes a CSV of these lines (the header first). */
    Path csv(String name, List<String> lines) throws IOException {
        return Files.write(dir.resolve(name), lines);
    }

    /** Every finding of validating the file, in row order. */
    List<Finding> validate(Path csv) {
        List<Finding> findings = new ArrayList<>();
        ValidateFile.run(ValidateFile.Request.headless(csv, SourceOptions.DEFAULTS, profile, null), db,
                r -> findings.addAll(r.findings()), Progress.NONE);
        return findings;
    }

    /** The import of the file's valid rows in that mode (null: the profile's). */
    ImportRows importOf(Path csv, ImportMode mode) {
        return ImportRows.fromFile(db, csv, SourceOptions.DEFAULTS, profile,
                new ImportRows.ImportSettings(mode, false, "tester"), Progress.NONE);
    }

    /** A name as the target's catalog spells it (H2 in upper case). */
    String spelled(String name) {
        return db.dialect() == Dialect.H2 ? name.toUpperCase(Locale.ROOT) : name;
    }

    @Override
    public void close() {
        db.close();
    }
}
