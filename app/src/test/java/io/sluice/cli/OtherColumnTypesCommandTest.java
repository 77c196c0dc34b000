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

/**
 * Validation and import into a table unlike the samples' (a composite text key, uuid, boolean, timestamp with time
 * zone, a CHECK of its own): what validation and a dry run promise, the import keeps.
 */
@ExtendWith(FreshSluiceHome.class)
class OtherColumnTypesCommandTest {

    private static final String HEADER = "Region,Code,Id,Active,Seen,Price";
    private static final String PROFILE = """
            {
              "format": "sluice-profile", "version": 1, "name": "gadget", "table": "gadget",
              "columns": [
                { "target": "region", "source": "Region" }, { "target": "code", "source": "Code" },
                { "target": "id", "source": "Id" }, { "target": "active", "source": "Active" },
                { "target": "seen_at", "source": "Seen" }, { "target": "price", "source": "Price" }
              ],
              "naturalKey": [ "region", "code" ]
            }
            """;

    @TempDir
    Path dir;

    private TestDatabases.Database gadgets(TestDatabases.Engine engine) throws SQLException {
        TestDatabases.Database db = engine.fresh();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE gadget (region VARCHAR(20) NOT NULL, code VARCHAR(12) NOT NULL, id UUID,"
                    + " active BOOLEAN NOT NULL, seen_at TIMESTAMP WITH TIME ZONE, price NUMERIC(8,2)"
                    + " CONSTRAINT price_range CHECK (price >= 0 AND price < 1000), PRIMARY KEY (region, code))");
        }
        return db;
    }

    private CommandRun sluice(TestDatabases.Database db, String command, Path file, String... more)
            throws IOException {
        Path profile = dir.resolve("gadget.json");
        Files.writeString(profile, PROFILE);
        List<String> args = new ArrayList<>(List.of(command, file.toString(), "--profile", profile.toString()));
        args.addAll(List.of(CommandRun.targetOptions(db)));
        args.addAll(List.of(more));
        return CommandRun.of(args.toArray());
    }

    private Path file(String name, String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of(HEADER));
        all.addAll(List.of(lines));
        return Files.write(dir.resolve(name), all);
    }

    private static List<String> gadgets(TestDatabases.Database db) throws SQLException {
        try (Connection c = db.connect()) {
            return TableText.rows(c, "SELECT region, code, id, price FROM gadget ORDER BY region, code");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aValueThatIsNoUuidIsAnErrorFindingNotAFailedImport(TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = gadgets(engine);
        Path file = file("ids.csv", "north,A-1,6f1c2e9a-1111-4a2b-9c3d-0123456789ab,true,,12.50",
                "north,A-2,not-a-uuid,no,,1");

        CommandRun validated = sluice(db, "validate", file);
        CommandRun imported = sluice(db, "import", file, "--approve", "valid");

        assertThat(validated.exit()).as(validated.err()).isOne();
        assertThat(validated.out()).contains("3    C3    error     type  'not-a-uuid' is not a UUID");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("1 inserted, 0 updated, 0 skipped");
        assertThat(gadgets(db)).containsExactly("north|A-1|6f1c2e9a-1111-4a2b-9c3d-0123456789ab|12.50");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aNumberThatBreaksACheckOnceRoundedToTheColumnsScaleIsAnErrorFinding(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = gadgets(engine);
        Path file = file("prices.csv", "north,A-1,,true,,999.994", "north,A-2,,true,,999.995");

        CommandRun validated = sluice(db, "validate", file);
        CommandRun imported = sluice(db, "import", file, "--approve", "valid");

        assertThat(validated.exit()).as(validated.err()).isOne();
        assertThat(validated.out()).contains("Rows: 2   valid: 1   with errors: 1")
                .contains("3    F3    error     check:");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(gadgets(db)).containsExactly("north|A-1|null|999.99");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anUpsertUpdatesARowOfATableWithATimestampWithTimeZoneAndTheRollbackRestoresIt(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = gadgets(engine);
        Path first = file("first.csv", "north,A-1,6f1c2e9a-1111-4a2b-9c3d-0123456789ab,true,2024-03-01 10:00:00,12.50");
        Path second = file("second.csv",
                "north,A-1,7A2D3F4B-2222-4A2B-9C3D-0123456789AB,false,2024-03-02 11:30:00,13.50");
        assertThat(sluice(db, "import", first, "--approve", "valid").exit()).isZero();

        CommandRun dryRun = sluice(db, "import", second, "--approve", "valid", "--mode", "upsert", "--dry-run");
        CommandRun imported = sluice(db, "import", second, "--approve", "valid", "--mode", "upsert");

        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("0 to insert, 1 to update, 0 unchanged");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("0 inserted, 1 updated, 0 unchanged");
        assertThat(gadgets(db)).containsExactly("north|A-1|7a2d3f4b-2222-4a2b-9c3d-0123456789ab|13.50");
        String batch = imported.out().replaceFirst("(?s)^Imported batch (\\d+) .*", "$1");
        CommandRun rolledBack = CommandRun.of(CommandRun.with(List.of("rollback", batch),
                CommandRun.targetOptions(db)));
        assertThat(rolledBack.exit()).as(rolledBack.err()).isZero();
        assertThat(gadgets(db)).containsExactly("north|A-1|6f1c2e9a-1111-4a2b-9c3d-0123456789ab|12.50");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aNumberIsCheckedAgainstACheckInListAsItsColumnRoundsIt(TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = engine.fresh();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE widget (code VARCHAR(10) PRIMARY KEY, size NUMERIC(4,1)"
                    + " CONSTRAINT size_known CHECK (size IN (1.5, 2)))");
        }
        Path profile = Files.writeString(dir.resolve("widget.json"), """
                { "format": "sluice-profile", "version": 1, "name": "widget", "table": "widget",
                  "columns": [ { "target": "code", "source": "Code" }, { "target": "size", "source": "Size" } ] }
                """);
        Path file = Files.write(dir.resolve("widgets.csv"), List.of("Code,Size", "w1,1.45", "w2,1.44"));
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--profile", profile.toString(),
                "--approve", "valid"));
        args.addAll(List.of(CommandRun.targetOptions(db)));

        CommandRun imported = CommandRun.of(args.toArray());

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("1 inserted, 0 updated, 0 skipped");
        try (Connection c = db.connect()) {
            assertThat(TableText.rows(c, "SELECT code, size FROM widget")).containsExactly("w1|1.5");
        }
    }
}
