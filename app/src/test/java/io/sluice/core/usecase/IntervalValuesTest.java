package io.sluice.core.usecase;

import io.sluice.core.rules.Finding;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An interval column takes what the server reads as its type, in its qualifier's fields, and nothing else: each of
 * hundreds of spellings gets the verdict the server itself gives it, and the values imported are those the server
 * reads from the same text.
 */
class IntervalValuesTest extends OwnTableFixture {

    private static final List<String> POSTGRESQL_COLUMNS = List.of("spent", "span", "years");

    private static List<String> postgresqlSpellings() {
        Set<String> s = new LinkedHashSet<>();
        List<String> numbers = List.of("1", "-1", "+2", "0", "1.5", "-0.25", ".5", "2147483647", "2147483648",
                "99999999999999", "1e2", "x");
        List<String> units = List.of("year", "years", "y", "yr", "mon", "mons", "month", "months", "week", "weeks",
                "w", "day", "days", "d", "hour", "hours", "h", "hr", "min", "mins", "minute", "m", "sec", "secs",
                "second", "s", "ms", "msec", "millisecond", "us", "microseconds", "decade", "century", "millennium",
                "fortnight", "DAYS", "Hour");
        for (String n : numbers) {
            for (String u : units) {
                s.add(n + " " + u);
            }
            s.add(n + "day");
            s.add(n);
        }
        s.addAll(List.of("1 day 02:00:00", "1 day 2 hours", "2 hours 30 minutes", "1 year 2 months 3 days",
                "@ 1 hour ago", "@ 1 hour", "1 hour ago", "1 hour ago ago", "@1 day", "1 day ago 2 hours",
                "02:00", "02:00:00", "2:3", "1:2:3.5", "-02:00:00", "+02:00:00", "25:00:00", "00:61:00", "00:00:61",
                "1 02:00", "1 02:00:00", "1 2:3:4.5", "-1 02:00:00", "-1 -02:00:00", "1 day -02:00:00",
                "1-2", "-1-2", "+1-2", "1-11", "1-12", "1-13", "0-0", "1-2 3 4:05:06", "1-2 -3 -4:05:06",
                "P1Y2M3DT4H5M6S", "P1DT2H", "PT2H", "P1D", "PT1.5S", "P1.5D", "P1W", "P-1D", "-P1D", "P", "PT",
                "P1H", "PT1D", "P1Y2M3DT", "P0001-02-03T04:05:06", "P0001-02-03", "P1DT", "p1d", "P1D2H",
                "1 day 1 day", "1 day day", "day", "ago", "@", "1 hour 2", "1 2 3", "1,5 hours", "1.5.5 hours",
                "1 hour, 2 minutes", "1 d 2 h", "1 week 2 days", "infinity", "-infinity", "epoch", "now",
                "1 day 02:00:00.123456789", "00:00:00.1234567", "178000000 years", "-178000000 years",
                "2147483647 days 24 hours", "2147483647 months", "-2147483648 months", "2147483648 months",
                "1 hour 1 hour", "12:34:56.789 ago", "1 millennium 2 centuries", "10 decades",
                " 1 day", "1 day ", "1  day", "1\tday", "1 DAY 2 HOURS", "1 Jan", "2026-01-01", "10:00 am",
                "1 day 2", "1 2:00", "1 2 02:00", "P1Y-2M", "P1.5Y", "P1Y2.5M", "PT36H", "PT-1H", "P 1D",
                "1 day +2 hours -3 minutes", "-1 day +2:03:04", "1:2", "1:", ":1", "::", "1::2", "1:2:3:4"));
        s.remove("");
        return new ArrayList<>(s);
    }

    @Test
    void aRefusedPostgresqlIntervalSaysWhatIsExpected() throws Exception {
        target = new OwnTable(TestDatabases.Engine.POSTGRESQL, dir, "timing", List.of("id", "spent"),
                "CREATE TABLE timing (id INTEGER PRIMARY KEY, spent INTERVAL)");
        Path csv = target.csv("timing.csv", List.of("id,spent", "1,2 fortnights", "2,P1DT2H", "3,@ 1 hour ago"));

        List<Finding> findings = target.validate(csv);

        assertThat(findings).extracting(Finding::message).containsExactly("'2 fortnights' is not an interval"
                + " PostgreSQL reads for spent (interval): write one such as 1 day 02:00:00, P1DT2H, 2 hours or 1-2"
                + " for a year and two months (invalid input syntax for type interval: \"2 fortnights\").");
        assertThat(findings.get(0).rule()).isEqualTo("type");
    }

    private static List<String> h2Spellings() {
        Set<String> s = new LinkedHashSet<>();
        for (String n : List.of("1", "-1", "+1", "0", "5", "99", "100", "1.5", "01", "x", "-", "1 ")) {
            s.add(n);
            s.add(n + "-2");
            s.add(n + " 02");
            s.add(n + " 02:30");
            s.add(n + " 02:30:00");
            s.add(n + " 02:30:00.5");
            s.add(n + ":30");
            s.add(n + ":30:00");
            s.add(n + " 25:00:00");
            s.add(n + " 02:61:00");
            s.add(n + " day");
        }
        s.addAll(List.of("INTERVAL '1' DAY", "INTERVAL '1 02:30:00' DAY TO SECOND", "INTERVAL '1-2' YEAR TO MONTH",
                "INTERVAL '02:30' HOUR TO MINUTE", "INTERVAL '1' YEAR", "interval '5' day", "P1D", "1-12", "1-11",
                "-1-2", " 5", "1 2:3:4", "1 02:30:00.1234567", "02:30", "2:30", "23:59", "24:00", "0:00",
                "100:00", "99:59", "-02:30", "1 -02:30:00", "1-2-3", "", "1 02:30:00 ", "1.5-2"));
        s.remove("");
        return new ArrayList<>(s);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void everySpellingGetsTheServersVerdictAndImportsAsTheServerReadsIt(TestDatabases.Engine engine) throws Exception {
        boolean h2 = engine == TestDatabases.Engine.H2;
        List<String> columns = h2 ? List.of("spent", "days", "ym", "hm") : POSTGRESQL_COLUMNS;
        List<String> mapped = new ArrayList<>(List.of("id"));
        mapped.addAll(columns);
        target = new OwnTable(engine, dir, "timing", mapped, h2
                ? "CREATE TABLE timing (id INTEGER PRIMARY KEY, spent INTERVAL DAY TO SECOND, days INTERVAL DAY,"
                        + " ym INTERVAL YEAR TO MONTH, hm INTERVAL HOUR(3) TO MINUTE)"
                : "CREATE TABLE timing (id INTEGER PRIMARY KEY, spent INTERVAL, span INTERVAL DAY TO SECOND(0),"
                        + " years INTERVAL YEAR)");
        List<String> samples = h2 ? h2Spellings() : postgresqlSpellings();

        Set<String> refused = new TargetReadVerdicts(target, "timing", columns).validateAndImport(samples);

        assertThat(samples).hasSizeGreaterThan(h2 ? 100 : 500);
        assertThat(refused).hasSizeGreaterThan(100);
    }

    @Test
    void aRefusedH2IntervalSaysWhatItsQualifierExpects() throws Exception {
        target = new OwnTable(TestDatabases.Engine.H2, dir, "timing", List.of("id", "spent"),
                "CREATE TABLE timing (id INTEGER PRIMARY KEY, spent INTERVAL DAY TO SECOND)");
        Path csv = target.csv("timing.csv", List.of("id,spent", "1,1 day", "2,1 02:30:00"));

        List<Finding> findings = target.validate(csv);

        assertThat(findings).extracting(Finding::message).singleElement().asString().startsWith("'1 day' is not a"
                + " value of SPENT (INTERVAL DAY(2) TO SECOND(6)) as H2 reads it: write its fields alone, such as"
                + " 1 02:30:00 (");
    }
}
