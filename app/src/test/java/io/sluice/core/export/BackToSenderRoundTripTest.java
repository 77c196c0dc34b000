package io.sluice.core.export;

import io.sluice.core.Progress;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.RowResult;
import io.sluice.core.validate.ValidationJob;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A back-to-sender workbook is a source like any other: read back by Sluice's own reader and validated with the
 * profile of the original file, each row has the findings it had in the original.
 */
class BackToSenderRoundTripTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static TargetDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void sampleDatabase() {
        TestDatabases.Database h2 = TestDatabases.h2Mem();
        SampleSchema.install(h2.url(), h2.user(), h2.password());
        db = TargetDatabase.open(h2.url(), h2.user(), h2.password());
    }

    @AfterAll
    static void closeDatabase() {
        db.close();
    }

    @ParameterizedTest
    @CsvSource({"ds1-concrete-mix.csv, ds1.profile.json", "ds2-betonmischungen.csv, ds2.profile.json",
            "ds3-lab-refresh.xlsx, ds3.profile.json", "ds3-lab-refresh.xls, ds3.profile.json"})
    void readsBackWithTheSameProfileAndGivesEachRowTheFindingsItHadBefore(String sample, String profileName) {
        Profile profile = ProfileIO.read(SAMPLES.resolve("profiles").resolve(profileName));
        Path back = dir.resolve("back.xlsx");
        Map<Long, List<String>> before = new LinkedHashMap<>();
        Set<String> fileWide = new HashSet<>();
        try (ValidationJob job = ValidationJob.prepare(SAMPLES.resolve(sample), options(profile.source()), profile,
                db);
             BackToSenderWriter writer = new BackToSenderWriter(back, job.reportSource(null), job.table().columns(),
                     true)) {
            fileWide.addAll(RuleSet.build(profile, job.targetTable(), job.targetColumns(), db).uniquenessRules());
            job.run((RowResult r) -> {
                if (r.hasErrors()) {
                    writer.write(r.source(), null, r.findings());
                    before.put(r.source().number(), comparable(r.findings()));
                }
            }, Progress.NONE);
        }
        assertThat(before).isNotEmpty();

        Map<Long, List<String>> after = new LinkedHashMap<>();
        try (ValidationJob job = ValidationJob.prepare(back, options(profile.source()), profile, db)) {
            int rowColumn = job.table().columns().indexOf(BackToSenderWriter.ROW_COLUMN);
            job.run((RowResult r) -> after.put(Long.parseLong(r.source().cell(rowColumn).text()),
                    comparable(r.findings())), Progress.NONE);
        }

        // A duplicate key repeats a row that passed and so was not sent back: only the rest of the file can tell.
        assertThat(after).containsOnlyKeys(before.keySet());
        before.forEach((row, findings) -> assertThat(after.get(row)).as("row %d", row)
                .containsExactlyElementsOf(findings.stream().filter(f -> !fileWide.contains(rule(f))).toList()));
        assertThat(before.values().stream().flatMap(List::stream).map(BackToSenderRoundTripTest::rule))
                .as("the sample plants a duplicate key").containsAnyElementsOf(fileWide);
    }

    private static String rule(String comparable) {
        return comparable.split(" ")[1];
    }

    /** A finding without its row number and cell reference, which differ between the two files by design. */
    private static List<String> comparable(List<Finding> findings) {
        List<String> list = new ArrayList<>();
        for (Finding f : findings) {
            String message = f.cell() == null ? f.message() : f.message().replace(f.cell(), "<cell>");
            list.add(f.severity() + " " + f.rule() + " " + f.column() + " -> " + f.target() + ": " + message
                    + " [" + f.value() + "]");
        }
        return list;
    }

    private static SourceOptions options(SourceSettings s) {
        return new SourceOptions(s.sheet(), s.headerRow(), false,
                s.encoding() == null ? null : Charset.forName(s.encoding()),
                s.delimiter() == null ? null : s.delimiter().charAt(0));
    }
}
