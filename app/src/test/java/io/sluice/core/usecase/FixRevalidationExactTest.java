package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.Review;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value fix re-checks only the rules reading the fixed column, yet leaves, after the fix, its undo and its redo,
 * exactly the findings a full validation of the review finds: for every kind of rule of the ds1 and ds4 profiles and
 * of the target (required, type, length, precision, simple and database CHECKs, foreign key, key already in the
 * table, pattern, allowed values, range, required-when through its condition, an expression over two columns), and
 * the findings of the rules not re-checked stay as they were.
 */
class FixRevalidationExactTest {

    private static final Path DS1 = Path.of("..", "sample-data", "ds1-concrete-mix.csv");
    private static final Path DS4 = Path.of("..", "sample-data", "ds4-deliveries-march.csv");
    private static final Path DS4_PROFILE = Path.of("..", "sample-data", "profiles", "ds4.profile.json");
    private static final List<Long> SOME_ROWS = LongStream.rangeClosed(2, 60).boxed().toList();

    @TempDir
    Path dir;

    private Path review(MixTarget target, Path csv, Profile profile, String name) {
        Path review = dir.resolve(name);
        ValidateFile.run(new ValidateFile.Request(csv, null, profile, null, review, false), target.db, null,
                Progress.NONE);
        return review;
    }

    private static OpenReview open(Path review, MixTarget target) {
        return OpenReview.open(review, () -> TargetDatabase.open(target.database.url(),
                target.database.user(), target.database.password()));
    }

    /** Every finding of the review, one line each, sorted: the order findings were written in does not matter. */
    private static List<String> findings(Path review) {
        List<String> lines = new ArrayList<>();
        try (Review r = Review.open(review)) {
            r.forEachFinding(f -> lines.add(f.row() + "|" + f.rule() + "|" + f.column() + "|" + f.cell() + "|"
                    + f.target() + "|" + f.severity() + "|" + f.message() + "|" + f.value()));
        }
        lines.sort(null);
        return lines;
    }

    /** Each finding's id in the review file with its line: which findings were left in place. */
    private static Map<Long, String> findingIds(Path review) throws Exception {
        Map<Long, String> ids = new TreeMap<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + review);
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT id, row_no, rule, col, message FROM finding")) {
            while (rs.next()) {
                ids.put(rs.getLong(1), rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getString(5));
            }
        }
        return ids;
    }

    /** What a full validation of a copy of the review, with the profile the review records, finds. */
    private List<String> revalidated(Path review, MixTarget target) throws Exception {
        Path copy = Files.copy(review, dir.resolve("full-" + review.getFileName()),
                StandardCopyOption.REPLACE_EXISTING);
        ValidateReview.run(copy, ValidateReview.recordedProfile(copy), target.db, Progress.NONE);
        return findings(copy);
    }

    /**
     * Makes the fix, then checks the findings against a full validation after it, after its undo (and against those
     * of before) and after its redo (and against those after the fix); returns the findings after the fix.
     */
    private List<String> fixExactly(Path review, MixTarget target, String column, RowFilter rows, ValueFix fix)
            throws Exception {
        List<String> before = findings(review);
        assertThat(before).as("before fixing %s", column).isEqualTo(revalidated(review, target));
        try (OpenReview open = open(review, target)) {
            assertThat(FixValues.apply(open, new FixValues.Request(column, rows, fix), Progress.NONE).recorded())
                    .as("%s changed", column).isTrue();
        }
        List<String> after = findings(review);
        assertThat(after).as("after fixing %s with %s", column, fix).isEqualTo(revalidated(review, target));
        try (OpenReview open = open(review, target)) {
            assertThat(open.session().undo()).isTrue();
        }
        assertThat(findings(review)).as("after undoing %s", fix).isEqualTo(before)
                .isEqualTo(revalidated(review, target));
        try (OpenReview open = open(review, target)) {
            assertThat(open.session().redo()).isTrue();
        }
        assertThat(findings(review)).as("after redoing %s", fix).isEqualTo(after)
                .isEqualTo(revalidated(review, target));
        return after;
    }

    private static RowFilter rows(long... numbers) {
        return RowFilter.rows(LongStream.of(numbers).boxed().toList());
    }

    @Test
    void fixesOfEveryKindOfRuleOfDs1LeaveWhatAFullValidationFinds() throws Exception {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            target.insertMix("DS1-9999999", "300.0");
            Path review = review(target, DS1, MixTarget.profile(), "ds1.sluice");
            RowFilter some = RowFilter.rows(SOME_ROWS);

            // pattern, length, required (NOT NULL), natural key already in the table; one row, keys stay unique
            List<String> after = fixExactly(review, target, "Mix Code", rows(10),
                    new ValueFix.SetValue("not a mix code, and far too long"));
            assertThat(after).anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith("10|mix-code-format|"))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith("10|length|"));
            assertThat(fixExactly(review, target, "Mix Code", rows(11), new ValueFix.SetValue("DS1-9999999")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith("11|unique-table|"));
            assertThat(fixExactly(review, target, "Mix Code", rows(12), new ValueFix.Blank()))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).startsWith("12|required|"));
            // range rule, simple CHECK, precision and scale
            assertThat(fixExactly(review, target, "Strength (MPa)", some, new ValueFix.SetValue("150")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|strength-plausible|"));
            assertThat(fixExactly(review, target, "Strength (MPa)", some, new ValueFix.SetValue("250")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|check:ck_strength|"));
            assertThat(fixExactly(review, target, "Strength (MPa)", some, new ValueFix.SetValue("12345.678")))
                    .anyMatch(f -> f.contains("|precision|"));
            assertThat(fixExactly(review, target, "Strength (MPa)", some, new ValueFix.SetValue("12.345")))
                    .anyMatch(f -> f.contains("|scale|"));
            // allowed values and the foreign key, by a replace of whole values and by a set
            assertThat(fixExactly(review, target, "Supplier", RowFilter.all(),
                    new ValueFix.Replace(Map.of("CEMS", "ACME", "NORD", "CEMS"))))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|supplier-known|")).anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|fk|"));
            fixExactly(review, target, "Supplier", RowFilter.withErrors(), new ValueFix.SetValue("NORD"));
            // required-when through its condition's column, a simple IN CHECK, NOT NULL
            assertThat(fixExactly(review, target, "Coarse Aggregate (kg/m3)", some, new ValueFix.Blank()))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|coarse-agg-required|"));
            // blanking the condition's column takes the required-when findings away
            assertThat(fixExactly(review, target, "Age (days)", some, new ValueFix.Blank()))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|required|"))
                    .noneMatch(f -> f.startsWith("10|coarse-agg-required|"));
            assertThat(fixExactly(review, target, "Age (days)", some, new ValueFix.SetValue("5")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|check:ck_age_days|"));
            // the expression over water and cement, from either column; the database's CHECK over cement and more
            assertThat(fixExactly(review, target, "Water (kg/m3)", some, new ValueFix.SetValue("400")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|wc-ratio-plausible|"));
            assertThat(fixExactly(review, target, "Cement (kg/m3)", some, new ValueFix.SetValue("1300")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|check:ck_binder_total|"));
            assertThat(fixExactly(review, target, "Fly Ash (kg/m3)", some, new ValueFix.SetValue("1190")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|check:ck_binder_total|"));
            // type: a value that does not convert, a date that does not exist
            assertThat(fixExactly(review, target, "Cement (kg/m3)", some, new ValueFix.SetValue("lots")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|type|"));
            assertThat(fixExactly(review, target, "Cast Date", some, new ValueFix.SetValue("31/02/2023")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|type|"));
            // a column no rule reads: nothing changes
            List<String> before = findings(review);
            assertThat(fixExactly(review, target, "Remarks", some, new ValueFix.SetValue("checked"))).isEqualTo(before);
        }
    }

    @Test
    void fixesOfTheDs4ProfileAndItsExtraColumnLeaveWhatAFullValidationFinds() throws Exception {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target, DS4, ProfileIO.read(DS4_PROFILE), "ds4.sluice");
            RowFilter some = RowFilter.rows(SOME_ROWS);
            assertThat(fixExactly(review, target, "Plant", some,
                    new ValueFix.SetValue("a plant whose name is longer than forty characters")))
                    .anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("|length|"));
            fixExactly(review, target, "Mix Code", RowFilter.all(), new ValueFix.ChangeCase(ValueFix.TextCase.UPPER));
            fixExactly(review, target, "Water (kg/m3)", RowFilter.withErrors(), new ValueFix.SetValue("150"));
            fixExactly(review, target, "Age (days)", some, new ValueFix.SetValue("28"));
            assertThat(fixExactly(review, target, "Strength (MPa)", some, new ValueFix.SetValue("150")))
                    .anyMatch(f -> f.contains("|strength-plausible|"));
        }
    }

    @Test
    void theFindingsOfRulesNotReadingTheFixedColumnStayInPlace() throws Exception {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target, DS1, MixTarget.profile(), "ds1.sluice");
            try (OpenReview open = open(review, target)) {
                FixValues.apply(open, new FixValues.Request("Strength (MPa)", RowFilter.all(),
                        new ValueFix.SetValue("500")), Progress.NONE);
            }
            Map<Long, String> before = findingIds(review);
            try (OpenReview open = open(review, target)) {
                FixValues.apply(open, new FixValues.Request("Supplier", RowFilter.all(),
                        new ValueFix.SetValue("ACME")), Progress.NONE);
            }
            Map<Long, String> after = findingIds(review);
            List<Long> strength = before.entrySet().stream().filter(e -> e.getValue().toLowerCase(java.util.Locale.ROOT).contains("|check:ck_strength|"))
                    .map(Map.Entry::getKey).toList();
            assertThat(strength).isNotEmpty();
            // every row changed, yet each strength finding is the same row of the file, not written again
            strength.forEach(id -> assertThat(after.get(id)).isEqualTo(before.get(id)));
            assertThat(findings(review)).isEqualTo(revalidated(review, target));
        }
    }
}
