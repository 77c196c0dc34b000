package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static io.sluice.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The top-level {@code sluice} command: version, help, and the one plain sentence (plus the help hint naming the
 * command) that every mistake on the command line gets, whichever command it was made on.
 */
class SluiceCommandTest {

    private static final String DS1 = Path.of("..", "sample-data", "ds1-concrete-mix.csv").toString();

    @Test
    void printsItsVersionAndExitsZero() {
        CliTest.Run run = run("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("sluice \\d+\\.\\d+\\.\\d+\\R");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        CliTest.Run run = run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: sluice ");
        for (String command : new String[] {"inspect", "preview", "load", "suggest", "validate", "review", "decide",
                "stats", "fix", "fixes", "clusters", "import", "batches", "batch", "rollback", "export", "rules"}) {
            assertThat(run.out()).contains("\n  " + command + " ");
        }
    }

    @Test
    void anUnknownCommandIsNamedOnceWithTheHelpHint() {
        CliTest.Run run = run("nonsense");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice: Unknown command 'nonsense'.", "Try 'sluice --help'."));
    }

    @Test
    void aMisspelledCommandGetsTheClosestOne() {
        CliTest.Run run = run("valdate", DS1);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice: Unknown command 'valdate'; did you mean validate?",
                "Try 'sluice --help'."));
    }

    @Test
    void helpForAnUnknownCommandSaysSoInPlainWords() {
        CliTest.Run run = run("help", "nonsense");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice: Unknown command 'nonsense'.", "Try 'sluice --help'."));
    }

    @Test
    void anUnknownTopLevelOptionIsNamedOnce() {
        CliTest.Run run = run("--nope");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice: Unknown option '--nope'.", "Try 'sluice --help'."));
    }

    @Test
    void aMisspelledTopLevelOptionGetsTheClosestOne() {
        CliTest.Run run = run("--verison");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice: Unknown option '--verison'; did you mean --version?",
                "Try 'sluice --help'."));
    }

    @Test
    void anOptionOfACommandTypedBeforeItSaysWhereItBelongs() {
        CliTest.Run run = run("--profile", "p.json", "validate", DS1);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice: Unknown option '--profile' for sluice itself; it is an option "
                + "of validate, import, export and rules, written after the command's name.", "Try 'sluice --help'."));
    }

    @Test
    void aMisspelledOptionIsReportedAsSuchNotAsTheMissingOneItWasMeantToBe() {
        CliTest.Run run = run("validate", DS1, "--profle", "p.json");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice validate: Unknown option '--profle'; did you mean --profile?",
                "Try 'sluice validate --help'."));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "suggest, --tabel, --table",
            "preview, --limt, --limit",
            "export, --aproved, --approved",
            "validate, --Profile, --profile",
            "preview, -limit, --limit",
            "suggest, --outptu=x.json, --output"})
    void suggestsOnlyAnOptionOfThatCommand(String command, String typo, String meant) {
        CliTest.Run run = run(command, DS1, typo);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        String name = typo.contains("=") ? typo.substring(0, typo.indexOf('=')) : typo;
        assertThat(run.err()).isEqualTo(lines("sluice " + command + ": Unknown option '" + name + "'; did you mean "
                + meant + "?", "Try 'sluice " + command + " --help'."));
    }

    @Test
    void neverSuggestsAnOptionThatTheCommandDoesNotHave() {
        CliTest.Run run = run("preview", DS1, "--profle", "p.json");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice preview: Unknown option '--profle'.",
                "Try 'sluice preview --help'."));
    }

    @Test
    void extraArgumentsAreNamedWithWhatTheCommandTakes() {
        CliTest.Run run = run("validate", "a", "b", "c");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice validate: Unexpected arguments 'b' 'c'; validate takes one "
                + "argument, FILE.", "Try 'sluice validate --help'."));
    }

    @Test
    void anArgumentToACommandWithoutArgumentsIsNamed() {
        CliTest.Run run = run("batches", "x");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice batches: Unexpected argument 'x'; batches takes no arguments, "
                + "only options.", "Try 'sluice batches --help'."));
    }

    @Test
    void aMissingOptionIsNamedInPlainWords() {
        CliTest.Run run = run("suggest", DS1);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice suggest: Missing the option --table TABLE (target table).",
                "Try 'sluice suggest --help'."));
    }

    @Test
    void aMissingArgumentIsNamedInPlainWords() {
        CliTest.Run run = run("preview");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice preview: Missing the argument FILE (XLSX, XLS, CSV or TSV "
                + "file).", "Try 'sluice preview --help'."));
    }

    @Test
    void everythingMissingIsNamedInOneSentence() {
        CliTest.Run run = run("suggest");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice suggest: Missing the argument FILE (XLSX, XLS, CSV or TSV file)"
                + " and the option --table TABLE (target table).", "Try 'sluice suggest --help'."));
    }

    @Test
    void aMissingChoiceOfActionsNamesTheChoices() {
        CliTest.Run run = run("decide");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice decide: Missing the argument REVIEW.sluice (a review saved by "
                + "'validate --review') and one of the options --approve, --reject, --clear, --edit, --undo or --redo.",
                "Try 'sluice decide --help'."));
    }

    @Test
    void explainsAMissingValueWithTheGistOfTheHelp() {
        CliTest.Run run = run("preview", DS1, "--limit");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice preview: The option --limit needs a value, N (rows to show).",
                "Try 'sluice preview --help'."));
    }

    @Test
    void anOptionThatTakesNoValueSaysSo() {
        CliTest.Run run = run("suggest", DS1, "--table", "concrete_mix", "--force=yes");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice suggest: The option --force takes no value; give it alone, not "
                + "with 'yes'.", "Try 'sluice suggest --help'."));
    }

    @Test
    void anOptionWithoutItsValueSaysWhatValueItNeeds() {
        CliTest.Run run = run("suggest", DS1, "--table");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice suggest: The option --table needs a value, TABLE (target "
                + "table).", "Try 'sluice suggest --help'."));
    }

    @Test
    void aWholeNumberOptionRejectsTextInPlainWords() {
        CliTest.Run run = run("preview", "--header-row", "x", DS1);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice preview: The option --header-row needs a whole number, not "
                + "'x'.", "Try 'sluice preview --help'."));
    }

    @Test
    void aWholeNumberTooLargeIsCalledTooLarge() {
        CliTest.Run run = run("preview", DS1, "--limit", "99999999999");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice preview: The option --limit takes whole numbers up to "
                + "2147483647; '99999999999' is too large.", "Try 'sluice preview --help'."));
    }

    @Test
    void aWholeNumberArgumentRejectsTextInPlainWords() {
        CliTest.Run run = run("batch", "abc");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice batch: The argument ID needs a whole number, not 'abc'.",
                "Try 'sluice batch --help'."));
    }

    @Test
    void aMisspelledChoiceListsTheChoicesAndTheClosestOne() {
        CliTest.Run run = run("preview", DS1, "--format", "jsn");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice preview: The option --format takes text or json, not 'jsn'; "
                + "did you mean json?", "Try 'sluice preview --help'."));
    }

    @Test
    void choicesAreReadWhateverTheirCase() {
        CliTest.Run run = run("preview", DS1, "--format", "JSON", "--limit", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{");
    }

    @Test
    void anOptionGivenTwiceIsNamed() {
        CliTest.Run run = run("preview", DS1, "--limit", "1", "--limit", "2");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice preview: The option --limit is given twice; give it once.",
                "Try 'sluice preview --help'."));
    }

    @Test
    void aFailureWhileRunningNamesTheCommandOnce() {
        CliTest.Run run = run("preview", "no-such-file.csv");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo(lines("sluice preview: no-such-file.csv: does not exist."));
    }

    @Test
    void anUnexpectedFailureIsOneSentenceThatPointsToDebug() {
        assertThat(SluiceCommand.message(new IllegalStateException("no rows")))
                .isEqualTo("Internal error (IllegalStateException: no rows); run again with --debug for the details.");
        assertThat(SluiceCommand.message(new NullPointerException()))
                .isEqualTo("Internal error (NullPointerException); run again with --debug for the details.");
    }

    @Test
    void aFileSystemFailureNamesTheFileAndTheReason() {
        assertThat(SluiceCommand.message(new UncheckedIOException(new NoSuchFileException("out/x.csv"))))
                .isEqualTo("out/x.csv does not exist.");
        assertThat(SluiceCommand.message(new AccessDeniedException("/root/x.csv")))
                .isEqualTo("Permission denied for /root/x.csv.");
        assertThat(SluiceCommand.message(new FileSystemException("/tmp/d", null, "Is a directory")))
                .isEqualTo("/tmp/d: Is a directory.");
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
