package io.sluice.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice fixes} and {@code sluice clusters} on the sample review: suggestions, plans, and typed mistakes. */
@ExtendWith(FreshSluiceHome.class)
class FixesCommandTest {

    @TempDir
    static Path dir;

    private static Path review;
    private static Path loaded;

    @BeforeAll
    static void validate() {
        review = dir.resolve("ds1.sluice");
        CommandRun run = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds1.profile.json"), "--review", review);
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        loaded = dir.resolve("loaded.sluice");
        CommandRun load = CommandRun.of("load", sample("ds1-concrete-mix.csv"), "--output", loaded);
        assertThat(load.exit()).as(load.err()).isZero();
    }

    @Test
    void fixesSuggestTheClosestSupplierForAMisspelledCode() {
        CommandRun run = CommandRun.of("fixes", review);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Supplier\\s+NRD\\s+1\\s+\\S*fk\\S*.*NORD \\(92, one letter missing\\)");
    }

    @Test
    void fixesWithAMinimumListWhatAcceptingWouldChangeWithoutChangingIt() {
        CommandRun run = CommandRun.of("fixes", review, "--min", "90");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Accepting every suggestion scoring 90 or more would change")
                .containsPattern("Supplier\\s+NRD\\s+NORD\\s+1");
        assertThat(CommandRun.of("fixes", review).out()).contains("NRD");
    }

    @Test
    void fixesAsJsonCarryScoresReasonsAndThePlan() {
        CommandRun run = CommandRun.of("fixes", review, "--column", "supplier", "--min", "90", "--format", "json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"value\" : \"NRD\"").contains("\"score\" : 92")
                .contains("\"reason\" : \"one letter missing\"").contains("\"oldValue\" : \"NRD\"")
                .contains("\"newValue\" : \"NORD\"");
    }

    @Test
    void fixesOnAReviewWithoutAProfileSaySoInOneSentence() {
        CommandRun run = CommandRun.of("fixes", loaded);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).contains("has not been validated with a profile").doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fixes REVIEW --column Suplier         | has no column 'Suplier'; its columns are: Mix Code",
        "fixes REVIEW --colum Supplier         | Unknown option '--colum'; did you mean --column?",
        "fixes REVIEW --min 101                | --min is a score from 0 to 100, not 101.",
        "fixes REVIEW --min high               | The option --min needs a whole number, not 'high'.",
        "fixes REVIEW --format jsn             | The option --format takes text or json, not 'jsn'",
        "fixes MISSING.sluice                  | MISSING.sluice",
        "fixes REVIEW --target jdbc:h2:file:/nonexistent/nowhere | There is no H2 database",
        "fixe REVIEW                           | Unknown command 'fixe'; did you mean fix or fixes?",
        "clusters REVIEW                       | Missing the option --column HEADER",
        "clusters REVIEW --column Supplier --method fingerprnt | There is no clustering method 'fingerprnt'; use"
            + " fingerprint, ngram, phonetic or knn.",
        "clusters REVIEW --column Supplier --radius 2 | --radius goes with --method knn only",
        "clusters REVIEW --column Supplier --method knn --radius 9 | an edit distance of 1 to 3, not 9.",
        "clusters REVIEW --column Supplier --method knn --radius two | The option --radius needs a whole number",
        "clusters REVIEW --column Suplier      | has no column 'Suplier'; its columns are: Mix Code",
        "clusters REVIEW --column Supplier --methd knn | Unknown option '--methd'; did you mean --method?",
        "clustres REVIEW                       | Unknown command 'clustres'; did you mean clusters?",
    })
    void typosInEveryArgumentExitTwoWithOneSentenceNamingTheFix(String command, String expected) {
        String[] args = command.strip().split("\\s+");
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].equals("REVIEW") ? review.toString() : args[i];
        }
        CommandRun run = CommandRun.of((Object[]) args);
        assertThat(run.exit()).as(run.out()).isEqualTo(args[0].startsWith("fixes") && command.contains("--target")
                ? 3 : 2);
        assertThat(run.err()).contains(expected);
    }

    @Test
    void clustersOfTheSupplierColumnKeepTheMostFrequentSpelling() {
        CommandRun run = CommandRun.of("clusters", review, "--column", "Supplier", "--method", "knn");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Column 'Supplier':").contains("by nearest neighbours within 1 edit")
                .containsPattern("Cluster 1: keep 'EVIA'; 3 row\\(s\\) would change.\\R.*\\R"
                        + "\\s+EVIA\\s+33\\R\\s+evia\\s+2")
                .containsPattern("Cluster 5: keep 'NORD'; 1 row\\(s\\) would change.\\R.*\\R"
                        + "\\s+NORD\\s+36\\R\\s+NRD\\s+1");
    }

    @Test
    void clustersAsJsonListTheReplacementsForTheValueFixes() {
        CommandRun run = CommandRun.of("clusters", review, "--column", "Supplier", "--method", "KNN", "--format",
                "json");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"method\" : \"knn\"").contains("\"keep\" : \"NORD\"")
                .contains("\"replacements\"").contains("\"oldValue\" : \"NRD\"");
    }
}
