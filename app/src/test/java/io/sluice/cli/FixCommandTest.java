package io.sluice.cli;

import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TransformSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice fix} on the validated ds1 sample: each fix, dry run, undo, mistakes, and remembering in a profile. */
@ExtendWith(FreshSluiceHome.class)
class FixCommandTest {

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
    void replacingAnUnknownSupplierClearsItsErrorAndUndoBringsItBack() {
        assertThat(errors()).isEqualTo("with errors: 9");

        CommandRun fix = CommandRun.of("fix", review, "--column", "Supplier", "--replace", "NRD=NORD");

        assertThat(fix.exit()).as(fix.err()).isZero();
        assertThat(fix.out()).startsWith("Changed 1 cell(s): Replace 'NRD' by 'NORD' in 'Supplier'. Undo with:");
        assertThat(errors()).isEqualTo("with errors: 8");
        CommandRun undo = CommandRun.of("decide", review, "--undo");
        assertThat(undo.out()).contains("Undone: Replace 'NRD' by 'NORD' in 'Supplier'.");
        assertThat(errors()).isEqualTo("with errors: 9");
        assertThat(CommandRun.of("decide", review, "--redo").out()).contains("Redone: Replace 'NRD'");
        assertThat(errors()).isEqualTo("with errors: 8");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            many pairs at once     | --replace=evia=EVIA,--replace=cems=CEMS         | 4
            blank out a value      | --replace=NRD=                                  | 1
            trim                   | --trim                                          | 3
            upper case             | --case=upper                                    | 6
            lower case             | --case=LOWER                                    | 194
            title case             | --case=title                                    | 200
            find within the cell   | --find=E=e                                      | 114
            find the whole cell    | --find=EVIA=Evia,--whole-cell                   | 33
            regex with a group     | --regex=^\\s*([A-Z]+)\\s*$=$1                   | 3
            regex within the cell  | --regex=[AEIOU]=_                               | 193
            set for filtered rows  | --set=NORD,--where=rule:supplier-known          | 1
            blank filtered rows    | --blank,--where=rows:2,3                        | 2
            """)
    void dryRunCountsWhatTheFixThenChanges(String name, String options, long cells) {
        List<Object> args = new ArrayList<>(List.of("fix", review, "--column", "Supplier"));
        args.addAll(List.of(options.split(",(?=--)")));

        List<Object> dry = new ArrayList<>(args);
        dry.add("--dry-run");
        CommandRun preview = CommandRun.of(dry.toArray());
        assertThat(preview.exit()).as(preview.err()).isZero();
        assertThat(preview.out()).startsWith(String.format("Would change %,d cell(s) of 'Supplier' (dry run: nothing"
                + " written):", cells)).containsPattern("  row \\d+: '.*' -> '.*'");
        assertThat(CommandRun.of("decide", review, "--undo").out()).contains("Nothing to undo.");

        CommandRun fix = CommandRun.of(args.toArray());
        assertThat(fix.exit()).as(fix.err()).isZero();
        assertThat(fix.out()).startsWith(String.format("Changed %,d cell(s): ", cells));
        assertThat(CommandRun.of("fix", review, "--column", "Supplier", "--replace", "NRD=NORD", "--dry-run").exit())
                .isZero();
    }

    @Test
    void aFixThatChangesNothingSaysSoAndRecordsNoStep() {
        CommandRun fix = CommandRun.of("fix", review, "--column", "Supplier", "--replace", "XYZ=NORD");

        assertThat(fix.exit()).isZero();
        assertThat(fix.out()).isEqualTo("Nothing to change: no value of 'Supplier' in all rows changes, so no step"
                + " was recorded." + System.lineSeparator());
        assertThat(CommandRun.of("decide", review, "--undo").out()).contains("Nothing to undo.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown column          | --column=Suplier,--trim                          | has no column 'Suplier' (columns: Mix Code,
            no column               | --trim                                           | A fix needs the column to fix: add --column HEADER.
            unknown filter          | --column=Supplier,--trim,--where=bogus           | Unknown filter 'bogus'
            filter on unknown column| --column=Supplier,--trim,--where=column:Suplier  | has no column 'Suplier'
            filter on unknown rule  | --column=Supplier,--trim,--where=rule:nope       | knows no rule 'nope'
            filter on unknown row   | --column=Supplier,--trim,--where=rows:999        | has no row 999
            bad regex               | --column=Supplier,--regex=(NRD=NORD              | The regular expression '(NRD' is not valid: Unclosed group
            missing group           | --column=Supplier,--regex=(N)RD=$2               | names group $2 but the expression has 1 group.
            replace without =       | --column=Supplier,--replace=NRD                  | --replace takes OLD=NEW (an = between them), not 'NRD'.
            regex without pattern   | --column=Supplier,--regex==x                     | --regex needs something to find before the =
            misspelled case         | --column=Supplier,--case=uper                    | --case
            two fixes               | --column=Supplier,--trim,--blank                 | cannot be given together
            no fix                  | --column=Supplier                                | --replace
            misspelled option       | --column=Supplier,--replce=NRD=NORD              | --replce
            whole cell with trim    | --column=Supplier,--trim,--whole-cell            | --whole-cell goes with --find or --regex
            remember with column    | --column=Supplier,--remember-in=p.json           | --remember-in saves the replacements
            two new values          | --column=Supplier,--replace=a=b,--replace=a=c    | --replace gives two new values for 'a': 'b' and 'c'.
            """)
    void mistakesExitWithTwoAndOneSentence(String name, String options, String expected) {
        List<Object> args = new ArrayList<>(List.of("fix", review));
        args.addAll(List.of(options.split(",(?=--)")));

        CommandRun run = CommandRun.of(args.toArray());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(expected);
        assertThat(run.err().lines().findFirst().orElseThrow()).matches(".*[.?]");
        assertThat(run.out()).isEmpty();
        assertThat(CommandRun.of("decide", review, "--undo").out()).contains("Nothing to undo.");
    }

    @Test
    void aMissingReviewIsAnInputError() {
        CommandRun run = CommandRun.of("fix", dir.resolve("nope.sluice"), "--column", "Supplier", "--trim");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("nope.sluice");
    }

    @Test
    void rememberedReplacementsClearTheFaultsOfTheNextFileAndLeaveTheRestOfTheProfile() throws IOException {
        Path copy = Files.copy(Path.of(profile("ds1.profile.json")), dir.resolve("ds1.profile.json"));
        Profile original = ProfileIO.read(copy);
        CommandRun before = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile", copy);
        assertThat(before.out()).contains("supplier-known");

        CommandRun fix = CommandRun.of("fix", review, "--column", "Supplier", "--replace", "NRD=NORD");
        assertThat(fix.exit()).as(fix.err()).isZero();
        CommandRun remember = CommandRun.of("fix", review, "--remember-in", copy);

        assertThat(remember.exit()).as(remember.err()).isZero();
        assertThat(remember.out()).isEqualTo("Saved the replacements of 'Supplier' into " + copy
                + ": map transforms now hold 1 value(s)." + System.lineSeparator());
        Profile remembered = ProfileIO.read(copy);
        assertThat(withoutMaps(remembered)).isEqualTo(original);
        ColumnMapping supplier = remembered.columns().stream().filter(c -> "Supplier".equals(c.source()))
                .findFirst().orElseThrow();
        assertThat(supplier.transforms()).containsExactly(TransformSpec.map(Map.of("NRD", "NORD")),
                TransformSpec.of("trim"), TransformSpec.of("upper"));

        CommandRun next = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile", copy);
        assertThat(next.out()).doesNotContain("supplier-known");
    }

    @Test
    void rememberingAnUndoneReplacementSavesNothing() throws IOException {
        Path copy = Files.copy(Path.of(profile("ds1.profile.json")), dir.resolve("ds1.profile.json"));
        byte[] before = Files.readAllBytes(copy);
        CommandRun.of("fix", review, "--column", "Supplier", "--replace", "NRD=NORD");
        CommandRun.of("decide", review, "--undo");

        CommandRun remember = CommandRun.of("fix", review, "--remember-in", copy);

        assertThat(remember.exit()).isZero();
        assertThat(remember.out()).startsWith("Nothing to remember: ds1.sluice holds no value replacements;");
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }

    @Test
    void aProfileOntoSeveralTablesIsNoPlaceForTheReplacementsOfOneSheet() throws IOException {
        Path several = Files.copy(Path.of(profile("ds4-lab.profile.json")), dir.resolve("lab.profile.json"));
        byte[] before = Files.readAllBytes(several);
        CommandRun.of("fix", review, "--column", "Supplier", "--replace", "NRD=NORD");

        CommandRun remember = CommandRun.of("fix", review, "--remember-in", several);

        assertThat(remember.exit()).isEqualTo(2);
        assertThat(remember.err().strip()).isEqualTo("sluice fix: Profile " + several + " maps a workbook onto several"
                + " tables; the review of one sheet remembers its fixes in a profile onto one table (version 1).");
        assertThat(Files.readAllBytes(several)).isEqualTo(before);
    }

    private static Profile withoutMaps(Profile p) {
        List<ColumnMapping> columns = p.columns().stream().map(c -> new ColumnMapping(c.target(), c.source(),
                c.sources(), c.separator(), c.constant(), c.transforms().stream()
                .filter(t -> !"map".equals(t.op())).toList(), c.confidence(), c.reason())).toList();
        return new Profile(p.format(), p.version(), p.name(), p.source(), p.table(), columns, p.nullMarkers(),
                p.rules(), p.naturalKey(), p.commitMode(), p.legacyId());
    }

    private String errors() {
        Matcher m = Pattern.compile("with errors: \\d+").matcher(CommandRun.of("review", review, "--findings", "0")
                .out());
        return m.find() ? m.group() : "(none)";
    }
}
