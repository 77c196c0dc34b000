package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's cleaning walk-through on the delivery samples, from the command line: accept the supplier
 * suggestions, merge the plant spellings, repair the numbers, remember the replacements in the profile, and see the
 * April file from the same sender arrive clean.
 */
@ExtendWith(FreshSluiceHome.class)
class CleaningWalkThroughTest {

    @TempDir
    Path dir;

    @Test
    void fixesMadeOnMarchAndRememberedInTheProfileLeaveAprilWithoutErrors() throws IOException {
        Path review = dir.resolve("march.sluice");
        Path profile = dir.resolve("ds4.profile.json");
        Files.copy(Path.of(profile("ds4.profile.json")), profile);
        assertThat(ok(1, "validate", sample("ds4-deliveries-march.csv"), "--profile", profile, "--review", review)
                .out()).contains("with errors: 23");
        assertThat(ok(1, "validate", sample("ds4-deliveries-april.csv"), "--profile", profile).out())
                .contains("with errors: 13");

        CommandRun dryRun = ok(0, "fix", review, "--accept-suggestions", "90", "--dry-run");
        assertThat(dryRun.out()).contains("Would accept 2 suggestion(s) scoring 90 or more (dry run: nothing written)",
                "Supplier: 'NRD' -> 'NORD' (15 row(s))", "Supplier: 'ALCP' -> 'ALPC' (4 row(s))");
        assertThat(ok(0, "fix", review, "--accept-suggestions", "90").out())
                .contains("Accepted 2 suggestion(s): 19 cell(s) changed in 1 step(s).");
        assertThat(ok(0, "fix", review, "--accept-suggestions", "90").out())
                .startsWith("Nothing to accept: no suggestion scores 90 or more.");

        assertThat(ok(0, "clusters", review, "--column", "Plant").out()).containsPattern("(?m)^  'Kiel-Wik ' +3$");
        ok(0, "fix", review, "--column", "Plant", "--trim");
        ok(0, "fix", review, "--column", "Plant", "--replace", "Hamburg Harburg=Hamburg-Harburg", "--replace",
                "HAMBURG-HARBURG=Hamburg-Harburg", "--replace", "hamburg-harburg=Hamburg-Harburg", "--replace",
                "Hambrug-Harburg=Hamburg-Harburg", "--replace", "Luebeck=Lübeck", "--replace", "Lubeck=Lübeck");
        ok(0, "fix", review, "--column", "Cement (kg/m3)", "--regex", "^([0-9.]+) kg$=$1");
        ok(0, "fix", review, "--column", "Superplasticizer (kg/m3)", "--replace", "n/a=");
        assertThat(ok(0, "review", review).out()).contains("with errors: 0");
        assertThat(ok(0, "clusters", review, "--column", "Plant").out()).contains("0 cluster(s)");

        assertThat(ok(0, "fix", review, "--remember-in", profile).out()).contains("Saved the replacements of");
        assertThat(ok(0, "validate", sample("ds4-deliveries-april.csv"), "--profile", profile).out())
                .contains("with errors: 0");
    }

    private static CommandRun ok(int exit, Object... args) {
        CommandRun run = CommandRun.of(args);
        assertThat(run.exit()).as(run.err()).isEqualTo(exit);
        return run;
    }
}
