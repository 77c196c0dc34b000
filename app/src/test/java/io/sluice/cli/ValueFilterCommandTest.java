package io.sluice.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The --where filters on a column's value of {@code decide} and {@code fix} on the validated ds1 sample: value, blank,
 * shape, number and date ranges, quoting, filters that match nothing, and typos.
 */
@ExtendWith(FreshSluiceHome.class)
class ValueFilterCommandTest {

    @TempDir
    Path dir;

    private Path review;

    @BeforeEach
    void validate() {
        review = dir.resolve("ds1.sluice");
        CommandRun run = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds1.profile.json"), "--review", review);
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "value:Supplier=NRD|1",
        "value:Supplier=ALPC|42",
        "value:Supplier=\" RHEI \"|1",
        "value:Supplier=RHEI|40",
        "value:Supplier=rhei+pending|1",
        "shape:Supplier=AAA|1",
        "shape:Supplier=\" AAAA \"|3",
        "shape:Supplier=AAAA|196",
        "blank:Supplier|0",
        "blank:Slag (kg/m3)|64",
        "between:Age (days)=..28|78",
        "between:Age (days)=28..|122",
        "between:Age (days)=28..29|67",
    })
    void approvesExactlyTheRowsTheFilterNames(String filter, int rows) {
        CommandRun run = CommandRun.of("decide", review, "--approve", filter);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Approved " + rows + " row(s).");
    }

    @Test
    void aFixOnTheRowsOfAValueChangesThemAndTheFilterThenMatchesNone() {
        CommandRun fix = CommandRun.of("fix", review, "--column", "Supplier", "--set", "NORD", "--where",
                "value:Supplier=NRD");
        assertThat(fix.exit()).as(fix.err()).isZero();
        assertThat(fix.out()).startsWith("Changed 1 cell(s)");

        CommandRun again = CommandRun.of("decide", review, "--approve", "value:Supplier=NRD");
        assertThat(again.out()).startsWith("Approved 0 row(s). No row matches the filter (rows where Supplier is"
                + " 'NRD').");
        CommandRun dry = CommandRun.of("fix", review, "--column", "Supplier", "--set", "X", "--dry-run", "--where",
                "value:Supplier=NRD");
        assertThat(dry.out()).contains("No row matches the filter (rows where Supplier is 'NRD').");

        assertThat(CommandRun.of("decide", review, "--undo").exit()).isZero();
        assertThat(CommandRun.of("decide", review, "--approve", "value:Supplier=NRD").out())
                .startsWith("Approved 1 row(s).");
    }

    @Test
    void wildcardsOfSqlAreOrdinaryCharactersInAValue() {
        assertThat(CommandRun.of("decide", review, "--approve", "value:Supplier=%").out())
                .startsWith("Approved 0 row(s). No row matches");
        assertThat(CommandRun.of("decide", review, "--approve", "value:Supplier=N_D").out())
                .startsWith("Approved 0 row(s). No row matches");
    }

    @Test
    void statsTellTheFilterOfTheirMostFrequentValue() {
        CommandRun run = CommandRun.of("stats", review, "--column", "Supplier");

        assertThat(run.out()).endsWith(String.format("The rows of a value, for --where of 'sluice decide' and"
                + " 'sluice fix':%n  value:Supplier=ALPC%n  shape:Supplier=AAAA%n  blank:Supplier%n"));
        assertThat(CommandRun.of("stats", review, "--column", "Remarks").out())
                .contains("  value:Remarks=Ø 100 mm cores, drilled after 28 d\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "value:Suplier=NRD|has no column 'Suplier' (columns: Mix Code,",
        "value:Supplier|The filter 'value:Supplier' needs a column, an = and what to look for, as in"
                + " value:Supplier=NRD.",
        "blank:|has no column ''",
        "shape:Supplier=NRD|'NRD' is not a value shape: a shape writes every letter as A and every digit as 9,"
                + " e.g. AAA.",
        "shape:Supplier=|Give the shape to look for",
        "between:Age (days)=28|'28' is not a range: between takes two ends around '..'",
        "between:Age (days)=..|'..' is not a range",
        "between:Age (days)=a..b|'a' is not a number (write a point for the decimals, e.g. 12.5).",
        "between:Age (days)=28..7|holds no number: its start must be below its end.",
        "dates:Cast Date=2020-04-01|'2020-04-01' is not a range",
        "dates:Cast Date=2020-04-01..30/04/2020|'30/04/2020' is not a date: write it as YYYY-MM-DD",
        "value:Supplier=\"NRD|opens a double quote it does not close.",
        "valu:Supplier=NRD|Unknown filter 'valu:Supplier=NRD'; use valid, errors,",
    })
    void aTypoIsAUsageErrorOfOneSentenceNeverAnEmptyFilter(String filter, String message) {
        CommandRun run = CommandRun.of("decide", review, "--approve", filter);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).doesNotContain("Approved");
    }

    @Test
    void helpListsTheValueFilters() {
        // the help wraps lines after punctuation too, e.g. after "blank:"
        String help = CommandRun.of("fix", "--help").out().replaceAll("\\s*\\n\\s*", "");
        assertThat(help).contains("value:HEADER=TEXT").contains("blank:HEADER")
                .contains("shape:HEADER=AAA-999").contains("between:HEADER=LOW..HIGH");
    }
}
