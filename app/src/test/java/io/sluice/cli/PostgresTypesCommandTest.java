package io.sluice.cli;

import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL table as real schemas have them: a quoted schema and table with spaces in their names, an identity
 * primary key and a UNIQUE natural key, an enum, a domain, an array, jsonb, bytea and interval. Suggest writes a
 * profile that finds the table again and matches on a key the file holds; the import writes every type and its
 * rollback restores them.
 */
@ExtendWith(FreshSluiceHome.class)
class PostgresTypesCommandTest {

    @TempDir
    Path dir;

    @Test
    void aTableInAnotherSchemaWithEnumsDomainsArraysAndJsonIsSuggestedImportedAndRolledBack() throws Exception {
        TestDatabases.Database db = TestDatabases.postgres();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA \"Lab Data\"");
            st.execute("CREATE TYPE \"Lab Data\".mood AS ENUM ('low', 'mid', 'high')");
            st.execute("CREATE DOMAIN \"Lab Data\".pct AS numeric CHECK (VALUE >= 0 AND VALUE <= 100)");
            st.execute("CREATE TABLE \"Lab Data\".\"Sample Run\" (\"Run ID\" bigint GENERATED ALWAYS AS IDENTITY"
                    + " PRIMARY KEY, \"Sample Code\" text NOT NULL UNIQUE, mood \"Lab Data\".mood, share"
                    + " \"Lab Data\".pct, tags text[], meta jsonb, raw bytea, took interval)");
        }
        Path file = Files.write(dir.resolve("runs.csv"), List.of("Sample Code,Mood,Share,Tags,Meta,Raw,Took",
                "S-1,high,50,\"{a,b}\",\"{\"\"k\"\": 1}\",\\x0102,1 day"));
        Path changed = Files.write(dir.resolve("runs-2.csv"), List.of("Sample Code,Mood,Share,Tags,Meta,Raw,Took",
                "S-1,low,60,{c},[],\\x03,2 hours"));
        Path profile = dir.resolve("runs.json");
        List<String> target = List.of(CommandRun.targetOptions(db));

        CommandRun suggested = run(target, "suggest", file.toString(), "--table", "\"Lab Data\".\"Sample Run\"",
                "-o", profile.toString());
        CommandRun imported = run(target, "import", file.toString(), "--profile", profile.toString(),
                "--approve", "valid");
        CommandRun upsert = run(target, "import", changed.toString(), "--profile", profile.toString(),
                "--approve", "valid", "--mode", "upsert");
        List<String> afterUpsert = runs(db);
        CommandRun rolledBack = run(target, "rollback", upsert.out().replaceFirst("(?s)^Imported batch (\\d+) .*",
                "$1"));

        assertThat(suggested.exit()).as(suggested.err()).isZero();
        assertThat(Files.readString(profile)).contains("\"table\" : \"Lab Data.Sample Run\"")
                .containsPattern("\"naturalKey\" : \\[\\s*\"Sample Code\"\\s*\\]");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(upsert.out()).as(upsert.err()).contains("0 inserted, 1 updated");
        assertThat(afterUpsert).containsExactly("S-1|low|60|{c}|[]|\\x03|02:00:00");
        assertThat(rolledBack.exit()).as(rolledBack.err()).isZero();
        assertThat(runs(db)).containsExactly("S-1|high|50|{a,b}|{\"k\": 1}|\\x0102|1 day");
    }

    @Test
    void aViewInAnotherSchemaIsNamedAsAViewBesideThatSchemasTables() throws Exception {
        TestDatabases.Database db = TestDatabases.postgres();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA lab");
            st.execute("CREATE TABLE lab.run (code text PRIMARY KEY)");
            st.execute("CREATE VIEW lab.run_codes AS SELECT code FROM lab.run");
        }
        Path file = Files.write(dir.resolve("codes.csv"), List.of("code", "R-1"));
        List<String> target = List.of(CommandRun.targetOptions(db));

        CommandRun view = run(target, "suggest", file.toString(), "--table", "lab.run_codes");
        CommandRun typo = run(target, "suggest", file.toString(), "--table", "lab.rnu");

        assertThat(view.exit()).isEqualTo(3);
        assertThat(view.err()).contains("'lab.run_codes' in ").contains(" is a view, not a table; Sluice imports into"
                + " tables. Tables in lab: run.");
        assertThat(typo.err()).contains("Table 'lab.rnu' does not exist in ").contains(". Tables in lab: run.");
    }

    private static CommandRun run(List<String> target, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(target);
        return CommandRun.of(all.toArray());
    }

    private static List<String> runs(TestDatabases.Database db) throws Exception {
        try (Connection c = db.connect()) {
            return TableText.rows(c, "SELECT \"Sample Code\", mood::text, share::text, tags::text, meta::text,"
                    + " raw::text, took::text FROM \"Lab Data\".\"Sample Run\"");
        }
    }
}
