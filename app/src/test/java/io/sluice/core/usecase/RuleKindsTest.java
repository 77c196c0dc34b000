package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.Review;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rule comparing values of kinds that never compare (a date or timestamp with a text, a number with a text that is
 * none) is refused when it is written, in one sentence saying what to write; a profile that already holds one keeps
 * it and says so per rule, and its validation still flags each row (decisions 0093, 0098). On H2 and PostgreSQL.
 */
class RuleKindsTest {

    private static final List<String> COLUMNS = List.of("code", "cast_date", "poured_at", "cement_kg", "grade");
    private static final List<String> LINES = List.of("code,cast_date,poured_at,cement_kg,grade",
            "P1,2020-03-04,2020-03-04 08:00:00,350,C30",
            "P2,2022-12-26,2022-12-26 09:30:00,300,C25",
            "P3,2021-06-01,2021-06-01 10:00:00,320,");

    @TempDir
    Path dir;

    private OwnTable table(TestDatabases.Engine engine) throws Exception {
        return new OwnTable(engine, dir, "pour", COLUMNS, "CREATE TABLE pour (code VARCHAR(20) PRIMARY KEY,"
                + " cast_date DATE, poured_at TIMESTAMP, cement_kg NUMERIC(6, 1), grade VARCHAR(10))");
    }

    private static RuleSpec expression(String id, String expression) {
        return new RuleSpec(id, "expression", null, null, null, null, null, null, null, null, null, expression,
                null, null);
    }

    private static RuleSpec requiredWhen(String id, String column, String when) {
        return new RuleSpec(id, "required", column, null, null, null, null, null, null, null, when, null, null,
                null);
    }

    private Path review(OwnTable own, Profile profile) throws Exception {
        Path review = dir.resolve("pour.sluice");
        ValidateFile.run(new ValidateFile.Request(own.csv("pour.csv", LINES), null, profile, null, review, false),
                own.db, null, Progress.NONE);
        return review;
    }

    private static List<String> findings(Path review) {
        List<String> lines = new ArrayList<>();
        try (Review r = Review.open(review)) {
            r.forEachFinding(f -> lines.add(f.row() + "|" + f.rule() + "|" + f.message()));
        }
        lines.sort(null);
        return lines;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRuleComparingADateWithATextIsRefusedWhenTriedOrAppliedAndTheDayWrittenAsADateRuns(
            TestDatabases.Engine engine) throws Exception {
        try (OwnTable own = table(engine)) {
            Path review = review(own, own.profile());
            List<String> before = findings(review);
            RuleSpec mixed = expression("after-2021", "cast_date > \"2021-01-01\"");

            assertThatThrownBy(() -> RulePreview.sample(new RulePreview.Request(review, mixed, 5), own.db, 100))
                    .isInstanceOf(SluiceException.class).hasMessage("The rule 'after-2021' cannot run: its expression"
                            + " compares cast_date (a date) with \"2021-01-01\" (a text) at position 11, which can"
                            + " never be computed; write cast_date > DATE(\"2021-01-01\") to compare it with that"
                            + " day.");
            try (OpenReview open = OpenReview.open(review, own.target::open)) {
                assertThatThrownBy(() -> ApplyRule.apply(open, mixed, Progress.NONE))
                        .isInstanceOf(SluiceException.class).hasMessageContaining("write cast_date >"
                                + " DATE(\"2021-01-01\")");
                assertThatThrownBy(() -> ApplyRule.apply(open, requiredWhen("grade-late", "grade",
                        "poured_at >= '2021-01-01 00:00'"), Progress.NONE)).isInstanceOf(SluiceException.class)
                        .hasMessage("The rule 'grade-late' cannot run: its condition compares poured_at (a date)"
                                + " with '2021-01-01 00:00' (a text) at position 11, which can never be computed; a"
                                + " date compares only with a date, such as DATE(\"2021-01-01\") or TODAY().");
                assertThatThrownBy(() -> ApplyRule.apply(open, expression("lots", "cement_kg > \"lots\""),
                        Progress.NONE)).isInstanceOf(SluiceException.class).hasMessageEndingWith("a number"
                        + " compares only with a number.");
            }
            assertThat(findings(review)).isEqualTo(before);

            RulePreview.Outcome preview = RulePreview.sample(new RulePreview.Request(review,
                    expression("after-2021", "cast_date > DATE(\"2021-01-01\")"), 5), own.db, 100);
            assertThat(preview.flaggedRows()).isEqualTo(1);
            assertThat(preview.examples()).extracting(RulePreview.Example::row).containsExactly(2L);
            try (OpenReview open = OpenReview.open(review, own.target::open)) {
                ApplyRule.Outcome applied = ApplyRule.apply(open, requiredWhen("grade-late", "grade",
                        "poured_at >= DATE('2021-01-01')"), Progress.NONE);
                // row 4 (P3, poured in 2021) has no grade; a number held as a text still compares as a number
                assertThat(applied.flaggedRows()).isEqualTo(1);
                assertThat(ApplyRule.apply(open, expression("cap", "cement_kg <= '340'"), Progress.NONE)
                        .flaggedRows()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aProfileHoldingSuchRulesLoadsSaysSoOncePerRuleAndItsValidationFlagsEachRow(TestDatabases.Engine engine)
            throws Exception {
        try (OwnTable own = table(engine)) {
            Profile profile = own.profile().withRules(List.of(
                    expression("after-2021", "cast_date > \"2021-01-01\""),
                    requiredWhen("grade-late", "grade", "poured_at >= \"2021-01-01\""),
                    expression("lots", "cement_kg > \"lots\""),
                    expression("grade-c30", "grade = 'C30'"),
                    expression("code-number", "code != 5")));

            RulesInForce.Listing listing = RulesInForce.list(profile, own.db);

            assertThat(listing.notes()).containsExactly(
                    "Rule 'after-2021' of profile 'pour' is kept, but its expression compares cast_date (a date) with"
                            + " \"2021-01-01\" (a text) at position 11, which can never be computed; write cast_date"
                            + " > DATE(\"2021-01-01\") to compare it with that day.",
                    "Rule 'grade-late' of profile 'pour' is kept, but its condition compares poured_at (a date) with"
                            + " \"2021-01-01\" (a text) at position 11, which can never be computed; write poured_at"
                            + " >= DATE(\"2021-01-01\") to compare it with that day.",
                    "Rule 'lots' of profile 'pour' is kept, but its expression compares cement_kg (a number) with"
                            + " \"lots\" (a text) at position 11, which can never be computed; a number compares only"
                            + " with a number.");
            assertThat(RulesInForce.notes(profile, own.db.table(own.spelled("pour")))).isEqualTo(listing.notes());
            assertThat(listing.rules()).extracting(r -> r.id()).contains("after-2021", "grade-late", "lots");

            List<Finding> findings = new ArrayList<>();
            ValidateFile.run(ValidateFile.Request.headless(own.csv("pour.csv", LINES), SourceOptions.DEFAULTS,
                    profile, null), own.db, r -> findings.addAll(r.findings()), Progress.NONE);
            assertThat(findings).filteredOn(f -> f.rule().equals("after-2021")).hasSize(3)
                    .allSatisfy(f -> assertThat(f.message()).contains("write DATE(\"2021-01-01\")"));
            assertThat(findings).filteredOn(f -> f.rule().equals("grade-late")).extracting(Finding::row)
                    .containsExactly(4L);
            assertThat(findings).filteredOn(f -> f.rule().equals("lots")).hasSize(3);
            assertThat(findings).filteredOn(f -> f.rule().equals("grade-c30")).extracting(Finding::row)
                    .containsExactly(3L);
            // a text column may hold numbers, so code != 5 is no note: each row decides, and P1..P3 are no numbers
            assertThat(findings).filteredOn(f -> f.rule().equals("code-number")).hasSize(3)
                    .allSatisfy(f -> assertThat(f.message()).contains("a number compares only with a number"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anExpressionIsCheckedAgainstTheKindsOfTheTargetsColumnsAsItIsTyped(TestDatabases.Engine engine)
            throws Exception {
        try (OwnTable own = table(engine)) {
            var kinds = RulesInForce.list(own.profile(), own.db).kinds();

            assertThat(CheckExpression.check("cast_date > \"2021-01-01\"", COLUMNS, kinds)).isEqualTo(
                    new CheckExpression.Check(11, "The comparison of cast_date (a date) with \"2021-01-01\" (a text)"
                            + " at position 11 can never be computed: write cast_date > DATE(\"2021-01-01\") to"
                            + " compare it with that day."));
            assertThat(CheckExpression.check("poured_at < 2021", COLUMNS, kinds).problem()).isEqualTo(
                    "The comparison of poured_at (a date) with 2021 (a number) at position 11 can never be computed:"
                            + " a date compares only with a date, such as DATE(\"2021-01-01\") or TODAY().");
            assertThat(CheckExpression.check("cast_date > DATE(\"2021-01-01\") && poured_at <= TODAY()"
                    + " && cement_kg > '300' && grade = 'C30' && grade != 30", COLUMNS, kinds).ok()).isTrue();
            // an unknown name is still the first thing said
            assertThat(CheckExpression.check("cast_dat > \"2021-01-01\"", COLUMNS, kinds).problem())
                    .isEqualTo("'cast_dat' at position 1 is not a mapped column; did you mean cast_date?");
        }
    }
}
