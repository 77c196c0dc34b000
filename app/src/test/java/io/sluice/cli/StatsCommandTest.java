package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice stats} on the validated ds1 sample: text and JSON, edits counted, mistakes. */
@ExtendWith(FreshSluiceHome.class)
class StatsCommandTest {

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

    @Test
    void printsCountsTopValuesAndShapesOfAColumn() {
        CommandRun run = CommandRun.of("stats", review, "--column", "Supplier", "--top", "3");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Column 'Supplier': 200 rows, 0 blank, 13 distinct values.")
                .containsPattern("ALPC\\s+42").containsPattern("RHEI\\s+40").containsPattern("CEMS\\s+39")
                .doesNotContain("NORD ").contains("(10 more; --top N lists more.)")
                .contains("Value shapes (3 in all):").containsPattern("AAAA\\s+196").containsPattern(" AAAA \\s+3")
                .containsPattern("AAA\\s+1")
                .doesNotContain("Numbers:").doesNotContain("Dates:");
    }

    @Test
    void numbersAndDatesGetRangesAndHistograms() {
        assertThat(CommandRun.of("stats", review, "--column", "Age (days)").out())
                .containsPattern("Numbers: \\d+; min \\S+, max \\S+, mean \\S+, standard deviation \\S+\\.").contains("FROM").contains("TO");
        assertThat(CommandRun.of("stats", review, "--column", "Cast Date").out()).contains("99/99/9999");
    }

    @Test
    void countsTheFixedValuesNotTheRawOnes() {
        assertThat(CommandRun.of("fix", review, "--column", "Supplier", "--trim").exit()).isZero();

        CommandRun run = CommandRun.of("stats", review, "--column", "Supplier", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = read(run.out());
        assertThat(json.get("rows").asLong()).isEqualTo(200);
        assertThat(json.get("distinct").asLong()).isEqualTo(10);
        assertThat(json.get("patternCount").asLong()).isEqualTo(2);
        assertThat(json.get("values").get(0).get("value").asText()).isEqualTo("ALPC");
        assertThat(json.get("values").get(0).get("count").asLong()).isEqualTo(43);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown column    | --column=Suplier             | ds1.sluice has no column 'Suplier' (columns: Mix Code, Cement (kg/m3),
            no column         | --top=3                      | --column
            negative top      | --column=Supplier,--top=-1   | --top takes a number of values, 0 or more, not -1.
            top not a number  | --column=Supplier,--top=ten  | --top
            unknown format    | --column=Supplier,--format=xml | --format
            misspelled option | --colum=Supplier             | --colum
            """)
    void mistakesExitWithTwoAndOneSentence(String name, String options, String expected) {
        List<Object> args = new ArrayList<>(List.of("stats", review));
        args.addAll(List.of(options.split(",(?=--)")));

        CommandRun run = CommandRun.of(args.toArray());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(expected);
        assertThat(run.err().lines().findFirst().orElseThrow()).matches(".*[.?]");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMissingReviewIsAnInputErrorNamingIt() {
        CommandRun run = CommandRun.of("stats", dir.resolve("nope.sluice"), "--column", "Supplier");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope.sluice");
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + json, e);
        }
    }
}
