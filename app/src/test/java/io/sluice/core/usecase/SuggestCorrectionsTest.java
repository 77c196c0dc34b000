package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.cleaning.Candidate;
import io.sluice.core.cleaning.Correction;
import io.sluice.core.cleaning.Replacement;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Suggestions from known values on real H2 and PostgreSQL targets: a foreign key's parent keys read from the
 * database, a CHECK IN list, a profile's allowed values and its lookup table.
 */
class SuggestCorrectionsTest {

    private static final Map<TestDatabases.Engine, TestDatabases.Database> TARGETS =
            new EnumMap<>(TestDatabases.Engine.class);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aForeignKeyMissGetsTheClosestParentKeysReadFromTheTarget(TestDatabases.Engine engine) throws Exception {
        SuggestCorrections.Outcome outcome = SuggestCorrections.run(validated(engine), target(engine), null);

        Correction nrd = correction(outcome, "Region", "NRD");
        assertThat(nrd.rule()).isEqualTo("fk");
        assertThat(nrd.known()).isEqualToIgnoringCase("region.code");
        assertThat(nrd.rows()).isEqualTo(2);
        assertThat(nrd.candidates().get(0)).isEqualTo(new Candidate("NORD", 92, "one letter missing"));
        assertThat(correction(outcome, "Region", "sued").candidates().get(0))
                .isEqualTo(new Candidate("SUED", 99, "the same but for case"));
        assertThat(correction(outcome, "Region", "R01234").candidates().get(0))
                .isEqualTo(new Candidate("R-01234", 95, "one character missing"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aNumericForeignKeyMissGetsTheParentNumbersAsTheCellsWriteThem(TestDatabases.Engine engine) throws Exception {
        SuggestCorrections.Outcome outcome = SuggestCorrections.run(validated(engine), target(engine), "Plant");

        Correction plant = correction(outcome, "Plant", "1002");
        assertThat(plant.rule()).isEqualTo("fk");
        assertThat(plant.candidates()).extracting(Candidate::value).containsExactly("1020", "1001", "3000");
        assertThat(plant.candidates()).extracting(Candidate::reason).containsExactly("two digits swapped",
                "one digit different", "an edit distance of 2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCheckInListAnAllowedRuleAndALookupRuleSuggestTheirValues(TestDatabases.Engine engine) throws Exception {
        SuggestCorrections.Outcome outcome = SuggestCorrections.run(validated(engine), target(engine), null);

        Correction size = correction(outcome, "Size", "xl");
        assertThat(size.rule()).isEqualToIgnoringCase("check:ck_depot_size");
        assertThat(size.candidates()).containsExactly(new Candidate("XL", 99, "the same but for case"));
        Correction status = correction(outcome, "Status", "activ");
        assertThat(status.rule()).isEqualTo("status-known");
        assertThat(status.candidates().get(0).value()).isEqualTo("active");
        assertThat(status.candidates().get(0).reason()).isEqualTo("cut short: the first 5 characters match");
        Correction unit = correction(outcome, "Unit", "kgs");
        assertThat(unit.rule()).isEqualTo("lookup:unit");
        assertThat(unit.known()).isEqualToIgnoringCase("unit.code");
        assertThat(unit.candidates().get(0).value()).isEqualTo("kg");
        assertThat(correction(outcome, "Unit", "xyz").candidates()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aPlanListsWhatAcceptingWouldChangeAndChangesNothing(TestDatabases.Engine engine) throws Exception {
        Path review = validated(engine);
        SuggestCorrections.Outcome outcome = SuggestCorrections.run(review, target(engine), null);

        assertThat(outcome.plan(95)).contains(new Replacement("Region", "sued", "SUED", 1),
                new Replacement("Size", "xl", "XL", 1)).noneMatch(r -> r.oldValue().equals("NRD"));
        assertThat(outcome.plan(90)).contains(new Replacement("Region", "NRD", "NORD", 2));
        assertThat(outcome.plan(101)).isEmpty();
        assertThat(SuggestCorrections.run(review, target(engine), null)).isEqualTo(outcome);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void oneColumnOnlyWhenAsked(TestDatabases.Engine engine) throws Exception {
        SuggestCorrections.Outcome outcome = SuggestCorrections.run(validated(engine), target(engine), "size");

        assertThat(outcome.corrections()).extracting(Correction::column).containsOnly("Size");
    }

    @Test
    void anUnknownColumnIsAnInputErrorNamingTheColumns() throws Exception {
        Path review = validated(TestDatabases.Engine.H2);

        assertThatThrownBy(() -> SuggestCorrections.run(review, target(TestDatabases.Engine.H2), "Regoin"))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The review depots.sluice has no column 'Regoin'; its columns are: Depot, Region, Size,"
                        + " Status, Unit, Plant.");
    }

    @Test
    void aReviewWithoutAProfileSaysSoInOneSentence() throws IOException {
        Path loaded = dir.resolve("loaded.sluice");
        LoadFile.run(csv(), SourceOptions.DEFAULTS, loaded, false, Progress.NONE);

        assertThatThrownBy(() -> SuggestCorrections.run(loaded, target(TestDatabases.Engine.H2), null))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("has not been validated with a profile")
                .satisfies(e -> assertThat(((SluiceException) e).kind()).isEqualTo(SluiceException.Kind.INPUT));
    }

    private Path validated(TestDatabases.Engine engine) throws IOException, SQLException {
        Path review = dir.resolve("depots.sluice");
        try (TargetDatabase db = target(engine).get()) {
            ValidateFile.run(new ValidateFile.Request(csv(), null, profile(), null, review, true), db, null,
                    Progress.NONE);
        }
        return review;
    }

    private Path csv() throws IOException {
        Path csv = dir.resolve("depots.csv");
        Files.writeString(csv, String.join("\n",
                "Depot,Region,Size,Status,Unit,Plant",
                "1,NORD,S,active,kg,1001",
                "2,NRD,M,active,kg,1020",
                "3,NRD,L,closed,t,1001",
                "4,sued,xl,activ,kgs,1002",
                "5,R01234,M,active,xyz,1020",
                "6,WEST,S,planned,m3,1001") + "\n", StandardCharsets.UTF_8);
        return csv;
    }

    private static Profile profile() {
        List<ColumnMapping> columns = List.of(ColumnMapping.of("Depot", "id"), ColumnMapping.of("Region", "region"),
                ColumnMapping.of("Size", "size"), ColumnMapping.of("Status", "status"),
                ColumnMapping.of("Unit", "unit"), ColumnMapping.of("Plant", "plant"));
        List<RuleSpec> rules = List.of(
                new RuleSpec("status-known", "allowed", "status", null, null, null, null,
                        List.of("active", "closed", "planned"), null, null, null, null, null, null),
                new RuleSpec(null, "lookup", "unit", null, null, null, null, null, "unit", "code", null, null, null,
                        null));
        return new Profile(null, 0, "depots", null, "depot", columns, null, rules, null, null, null);
    }

    private static synchronized Supplier<TargetDatabase> target(TestDatabases.Engine engine) throws SQLException {
        TestDatabases.Database db = TARGETS.get(engine);
        if (db == null) {
            db = engine.fresh();
            createSchema(db);
            TARGETS.put(engine, db);
        }
        TestDatabases.Database chosen = db;
        return () -> TargetDatabase.open(chosen.url(), chosen.user(), chosen.password());
    }

    private static void createSchema(TestDatabases.Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE region (code VARCHAR(10) PRIMARY KEY)");
            s.execute("CREATE TABLE unit (code VARCHAR(8) NOT NULL)");
            s.execute("CREATE TABLE plant (no INTEGER PRIMARY KEY)");
            s.execute("INSERT INTO plant (no) VALUES (1001), (1020), (3000)");
            s.execute("CREATE TABLE depot (id INTEGER PRIMARY KEY, region VARCHAR(10) REFERENCES region (code),"
                    + " size VARCHAR(2), status VARCHAR(10), unit VARCHAR(8), plant INTEGER REFERENCES plant (no),"
                    + " CONSTRAINT ck_depot_size CHECK (size IN ('S', 'M', 'L', 'XL')))");
            s.execute("INSERT INTO unit (code) VALUES ('kg'), ('t'), ('m3'), ('l')");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO region (code) VALUES (?)")) {
                for (String code : List.of("NORD", "SUED", "OST", "WEST", "MITTE")) {
                    insert.setString(1, code);
                    insert.addBatch();
                }
                for (int i = 0; i < 5_000; i++) {
                    insert.setString(1, String.format("R-%05d", i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static Correction correction(SuggestCorrections.Outcome outcome, String column, String value) {
        return outcome.corrections().stream().filter(c -> c.column().equals(column) && c.value().equals(value))
                .findFirst().orElseThrow(() -> new AssertionError("No suggestion for " + column + " '" + value
                        + "' in " + outcome.corrections()));
    }
}
