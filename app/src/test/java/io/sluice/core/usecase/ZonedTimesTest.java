package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.rules.Finding;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A timestamp with time zone written with a zone's name, and a time with time zone written with an offset, are read
 * as PostgreSQL reads them, at the same instant, and imported; a name PostgreSQL reads by its own abbreviation
 * table is refused in one sentence saying how to write it.
 */
class ZonedTimesTest extends OwnTableFixture {

    private static final List<String> STAMPS = List.of("2026-03-01 10:00 Europe/Berlin",
            "2026-07-01 10:00:00 America/New_York", "2026-03-01 10:00 UTC", "2026-10-25 02:30 Europe/Berlin",
            "2026-03-29 02:30 Europe/Berlin", "2026-03-01T10:00 europe/berlin", "2026-03-01 10:00+01:00");

    private OwnTable readings(TestDatabases.Engine engine) throws Exception {
        target = new OwnTable(engine, dir, "reading", List.of("id", "taken_at", "daily_at"),
                engine == TestDatabases.Engine.H2
                        ? "CREATE TABLE reading (id INTEGER PRIMARY KEY, taken_at TIMESTAMP WITH TIME ZONE,"
                                + " daily_at TIME WITH TIME ZONE)"
                        : "CREATE TABLE reading (id INTEGER PRIMARY KEY, taken_at TIMESTAMPTZ, daily_at TIMETZ)");
        return target;
    }

    private Path csv(List<String> stamps, String time) throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,taken_at,daily_at"));
        for (int i = 0; i < stamps.size(); i++) {
            lines.add((i + 1) + "," + stamps.get(i) + "," + time);
        }
        return target.csv("readings.csv", lines);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aZoneNameIsAcceptedAndImportedAtTheInstantPostgresqlGivesIt(TestDatabases.Engine engine) throws Exception {
        OwnTable readings = readings(engine);
        Path csv = csv(STAMPS, "10:00:00+02");

        assertThat(readings.validate(csv)).isEmpty();
        try (ImportRows rows = readings.importOf(csv, null)) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(STAMPS.size());
        }
        List<String> epochs = TableText.rows(target.db.connection(),
                "SELECT CAST(EXTRACT(EPOCH FROM taken_at) AS BIGINT) FROM reading ORDER BY id");
        // 10:00 in Berlin in winter (+01) and New York in summer (-04); 02:30 in Berlin on the night clocks go back
        // is read at the later offset (+01), and on the night they go forward (02:30 does not exist) at +01
        assertThat(epochs).containsExactly("1772355600", "1782914400", "1772359200", "1792891800", "1774747800",
                "1772355600", "1772355600");
        assertThat(TableText.rows(target.db.connection(), "SELECT daily_at FROM reading WHERE id = 1").get(0))
                .startsWith("10:00:00+02");
    }

    @Test
    void theInstantsAreThoseTheServerReadsFromTheSameText() throws Exception {
        OwnTable readings = readings(TestDatabases.Engine.POSTGRESQL);
        List<String> same = new ArrayList<>();
        for (String stamp : STAMPS) {
            same.addAll(TableText.rows(target.db.connection(), "SELECT EXTRACT(EPOCH FROM TIMESTAMPTZ '" + stamp
                    + "')::BIGINT"));
        }
        assertThat(same).containsExactly("1772355600", "1782914400", "1772359200", "1792891800", "1774747800",
                "1772355600", "1772355600");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anAbbreviationTheServerReadsByItsOwnTableIsRefusedSayingHowToWriteIt(TestDatabases.Engine engine)
            throws Exception {
        OwnTable readings = readings(engine);

        List<Finding> findings = readings.validate(csv(List.of("2026-07-01 10:00 CET", "2026-07-01 10:00 Mars/Olympus"),
                "10:00"));

        assertThat(findings).extracting(Finding::message).containsExactly(
                "'2026-07-01 10:00 CET' names the time zone 'CET', which the database reads by an abbreviation table"
                        + " of its own settings: write an offset such as +01:00, or a zone such as Europe/Berlin.",
                "'2026-07-01 10:00 Mars/Olympus' names the time zone 'Mars/Olympus', which is not a zone of the time"
                        + " zone database (such as Europe/Berlin or America/New_York).");
    }
}
