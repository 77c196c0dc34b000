package io.sluice.cli;

import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Values judged and keys matched as the target database compares them: a uuid key typed in upper case, rows an upsert
 * would not change, a CHAR(n) column under a CHECK ... IN, and a timestamp with time zone given with an offset.
 */
@ExtendWith(FreshSluiceHome.class)
class DatabaseComparisonCommandTest {

    private static final String PROFILE = """
            { "format": "sluice-profile", "version": 1, "name": "part", "table": "part",
              "columns": [ { "target": "id", "source": "Id" }, { "target": "grade", "source": "Grade" },
                           { "target": "seen_at", "source": "Seen" }, { "target": "price", "source": "Price" } ],
              "naturalKey": [ "id" ] }
            """;
    private static final String ID_1 = "6f1c2e9a-1111-4a2b-9c3d-0123456789ab";
    private static final String ID_2 = "7f1c2e9a-1111-4a2b-9c3d-0123456789ab";

    @TempDir
    Path dir;

    private static TestDatabases.Database parts(TestDatabases.Engine engine) throws SQLException {
        TestDatabases.Database db = engine.fresh();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE part (id UUID PRIMARY KEY, grade CHAR(3) CONSTRAINT grade_known"
                    + " CHECK (grade IN ('A', 'B', 'CCC')), seen_at TIMESTAMP WITH TIME ZONE, price NUMERIC(8,2))");
        }
        return db;
    }

    private CommandRun sluice(TestDatabases.Database db, String command, Path file, String... more)
            throws IOException {
        Path profile = Files.writeString(dir.resolve("part.json"), PROFILE);
        List<String> args = new ArrayList<>(List.of(command, file.toString(), "--profile", profile.toString()));
        args.addAll(List.of(CommandRun.targetOptions(db)));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray());
    }

    private Path file(String name, String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of("Id,Grade,Seen,Price"));
        all.addAll(List.of(lines));
        return Files.write(dir.resolve(name), all);
    }

    private static List<String> rows(TestDatabases.Database db, String sql) throws SQLException {
        try (Connection c = db.connect()) {
            return TableText.rows(c, sql);
        }
    }

    private static String batchOf(CommandRun imported) {
        return imported.out().replaceFirst("(?s)^Imported batch (\\d+) .*", "$1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aUuidKeyTypedInUpperCaseFindsWhereItsRowCameFrom(TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = parts(engine);
        CommandRun imported = sluice(db, "import", file("ids.csv", ID_1 + ",CCC,,1", ID_2 + ",CCC,,2"),
                "--approve", "valid");
        assertThat(imported.exit()).as(imported.err()).isZero();

        CommandRun upper = CommandRun.of(CommandRun.with(List.of("batch", batchOf(imported), "--key",
                ID_2.toUpperCase()), CommandRun.targetOptions(db)));

        assertThat(upper.exit()).as(upper.err()).isZero();
        assertThat(upper.out()).contains(ID_2 + "  inserted  ids.csv  3");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anUpsertCountsRowsThatAlreadyHoldItsValuesAsUnchangedAndItsRollbackRestoresTheRest(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = parts(engine);
        assertThat(sluice(db, "import", file("first.csv", ID_1 + ",CCC,2024-03-01 10:00:00+02:00,12.5",
                ID_2 + ",CCC,,7"), "--approve", "valid").exit()).isZero();
        // the same instant in another offset, the same price in another scale, and one row really changed
        Path second = file("second.csv", ID_1 + ",CCC,2024-03-01 08:00:00Z,12.50", ID_2 + ",CCC,,8");

        CommandRun dryRun = sluice(db, "import", second, "--approve", "valid", "--mode", "upsert", "--dry-run");
        CommandRun upsert = sluice(db, "import", second, "--approve", "valid", "--mode", "upsert");
        CommandRun again = sluice(db, "import", second, "--approve", "valid", "--mode", "upsert",
                "--allow-duplicate");

        assertThat(dryRun.out()).contains("0 to insert, 1 to update, 1 unchanged");
        assertThat(upsert.exit()).as(upsert.err()).isZero();
        assertThat(upsert.out()).contains("0 inserted, 1 updated, 1 unchanged");
        assertThat(again.exit()).isEqualTo(2);
        String table = engine == TestDatabases.Engine.H2 ? "PART" : "part";
        assertThat(again.err()).contains("All 2 approved row(s) are already in table " + table + " with the same");
        CommandRun rolledBack = CommandRun.of(CommandRun.with(List.of("rollback", batchOf(upsert)),
                CommandRun.targetOptions(db)));
        assertThat(rolledBack.out()).contains("1 updated row restored");
        assertThat(rows(db, "SELECT id, price FROM part ORDER BY id")).containsExactly(ID_1 + "|12.50",
                ID_2 + "|7.00");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCharColumnUnderACheckInListIsJudgedAsTheDatabaseComparesItsPaddedText(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = parts(engine);
        Path file = file("grades.csv", ID_1 + ",A ,,1", ID_2 + ",CCC,,2");

        CommandRun validated = sluice(db, "validate", file);

        if (engine == TestDatabases.Engine.POSTGRESQL) {
            // bpchar ignores trailing spaces: 'A ' is stored as 'A  ' and equals 'A'
            assertThat(validated.exit()).as(validated.out()).isZero();
            CommandRun imported = sluice(db, "import", file, "--approve", "valid");
            assertThat(imported.out()).contains("2 inserted");
        } else {
            // H2 compares the padded 'A  ' with an IN list of several values space for space, and refuses it
            assertThat(validated.exit()).isOne();
            assertThat(validated.out()).contains("Grade 'A ' is not one of the allowed values: A, B, CCC (a CHAR(3)"
                    + " column holds it as 'A  ', which H2 compares with the list space for space).");
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.execute("INSERT INTO part (id, grade) VALUES ('" + ID_1 + "', 'A')"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("GRADE_KNOWN");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aTimestampWithTimeZoneTakesTextWithAnOffsetAndKeepsItsInstant(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = parts(engine);
        String id3 = "8f1c2e9a-1111-4a2b-9c3d-0123456789ab";
        String id4 = "9f1c2e9a-1111-4a2b-9c3d-0123456789ab";
        Path file = file("seen.csv", ID_1 + ",CCC,2024-03-01T10:00:00+02:00,1", ID_2 + ",CCC,2024-03-01 10:00:00+02,1",
                id3 + ",CCC,2024-03-01T08:00:00Z,1", id4 + ",CCC,2024-03-01 10:00:00+99,1");

        CommandRun validated = sluice(db, "validate", file);
        CommandRun imported = sluice(db, "import", file, "--approve", "valid");

        assertThat(validated.out()).contains("Rows: 4   valid: 3   with errors: 1")
                .contains("'2024-03-01 10:00:00+99' is not a date and time");
        assertThat(imported.out()).as(imported.err()).contains("3 inserted");
        assertThat(rows(db, "SELECT COUNT(*) FROM part WHERE seen_at = TIMESTAMP WITH TIME ZONE"
                + " '2024-03-01 08:00:00+00'")).containsExactly("3");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anImportIntoATableWithoutAPrimaryKeyOrANaturalKeySaysWhatToAddInOneSentence(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = engine.fresh();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE note (label VARCHAR(20), size INTEGER)");
        }
        Path profile = Files.writeString(dir.resolve("note.json"), """
                { "format": "sluice-profile", "version": 1, "name": "note", "table": "note",
                  "columns": [ { "target": "label", "source": "Label" }, { "target": "size", "source": "Size" } ] }
                """);
        Path file = Files.write(dir.resolve("notes.csv"), List.of("Label,Size", "x,1"));

        CommandRun imported = CommandRun.of(CommandRun.with(List.of("import", file.toString(), "--profile",
                profile.toString(), "--approve", "valid"), CommandRun.targetOptions(db)));

        assertThat(imported.exit()).isEqualTo(2);
        assertThat(imported.err()).contains("has no primary key and profile 'note' names no natural key; add"
                + " \"naturalKey\" with the columns that identify a row").doesNotContain("Internal error");
        assertThat(rows(db, "SELECT COUNT(*) FROM note")).containsExactly("0");
    }
}
