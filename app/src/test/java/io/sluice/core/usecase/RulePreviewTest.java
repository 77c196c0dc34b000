package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.Review;
import io.sluice.core.review.ValueFix;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rule not yet in the profile previewed on a review: on a sample and over every row, its count equals what a
 * validation with the rule added finds for it; a cancel ends it; the review is only read.
 */
class RulePreviewTest {

    private static final Path DS1 = Path.of("..", "sample-data", "ds1-concrete-mix.csv");

    @TempDir
    Path dir;

    private static RuleSpec range(String id, String column, String min, String max) {
        return new RuleSpec(id, "range", column, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, null, null, null, null, null, null, null);
    }

    private static RuleSpec expression(String id, String expression, String min, String max) {
        return new RuleSpec(id, "expression", null, null, new BigDecimal(min), new BigDecimal(max), null, null, null,
                null, null, expression, "warning", null);
    }

    private Path review(MixTarget target) {
        Path review = dir.resolve("ds1.sluice");
        ValidateFile.run(new ValidateFile.Request(DS1, null, MixTarget.profile(), null, review, false), target.db,
                null, Progress.NONE);
        return review;
    }

    /** The rows with a finding of that rule in the review, in row order. */
    private static TreeSet<Long> flaggedRows(Path review, String ruleId) {
        TreeSet<Long> rows = new TreeSet<>();
        try (Review r = Review.open(review)) {
            r.forEachFinding(f -> {
                if (f.rule().equals(ruleId)) {
                    rows.add(f.row());
                }
            });
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theFullPreviewCountsWhatAValidationWithTheRuleAddedFindsForIt(TestDatabases.Engine engine) {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            Path review = review(target);
            // the preview runs the rule alone: each kind must count what it counts beside every other rule
            for (RuleSpec rule : List.of(range("cement-cap", "cement_kg", null, "400"),
                    expression(null, "water_kg / cement_kg", "0.35", "0.60"),
                    new RuleSpec("two-suppliers", "allowed", "supplier_code", null, null, null, null,
                            List.of("NORD", "ALPC"), null, null, null, null, null, null),
                    new RuleSpec("one-mix-per-day", "unique", null, List.of("cast_date", "supplier_code"), null,
                            null, null, null, null, null, null, null, "warning", null),
                    new RuleSpec("slag-needs-fly-ash", "required", "fly_ash_kg", null, null, null, null, null, null,
                            null, "slag_kg > 100", null, "warning", null))) {
                List<Long> rowsDone = new ArrayList<>();
                Progress progress = new Progress() {
                    @Override
                    public void rowsDone(long rows) {
                        rowsDone.add(rows);
                    }
                };

                RulePreview.Outcome preview = RulePreview.full(new RulePreview.Request(review, rule, 5), target.db,
                        progress);

                Profile withRule = MixTarget.profile().withRules(append(MixTarget.profile().rules(), rule));
                ValidateReview.Outcome validated = ValidateReview.run(review, withRule, target.db, Progress.NONE);
                TreeSet<Long> flagged = flaggedRows(review, preview.ruleId());
                assertThat(preview.flaggedRows()).as(preview.ruleId()).isPositive().isEqualTo(flagged.size());
                assertThat(preview.findings()).isEqualTo(validated.summary().byRule().get(preview.ruleId()));
                assertThat(preview.rowsChecked()).isEqualTo(preview.rowsInReview())
                        .isEqualTo(validated.summary().rows());
                assertThat(preview.sample()).isFalse();
                assertThat(preview.examples()).hasSize((int) Math.min(5, preview.findings()));
                assertThat(preview.examples().get(0).row()).isEqualTo(flagged.first());
                assertThat(preview.examples().get(0).message()).isNotBlank();
                assertThat(rowsDone).isNotEmpty();
                // the next rule is previewed on the review as the ds1 profile alone left it
                ValidateReview.run(review, MixTarget.profile(), target.db, Progress.NONE);
            }
            assertThat(flaggedRows(review, "cement-cap")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aSampleChecksTheFirstRowsOnlyAndCountsWhatTheFullPreviewCountsThere(TestDatabases.Engine engine) {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            Path review = review(target);
            RuleSpec rule = range("cement-cap", "cement_kg", null, "400");
            RulePreview.Request request = new RulePreview.Request(review, rule, 100);

            RulePreview.Outcome sample = RulePreview.sample(request, target.db, 60);
            RulePreview.Outcome full = RulePreview.full(request, target.db, Progress.NONE);

            assertThat(sample.rowsChecked()).isEqualTo(60);
            assertThat(sample.sample()).isTrue();
            long lastSampledRow;
            try (Review r = Review.open(review)) {
                lastSampledRow = r.rows(59, 1).get(0).number();
            }
            assertThat(sample.examples()).allMatch(e -> e.row() <= lastSampledRow);
            assertThat(sample.flaggedRows()).isEqualTo(full.examples().stream()
                    .filter(e -> e.row() <= lastSampledRow).map(RulePreview.Example::row).distinct().count());
            assertThat(full.flaggedRows()).isGreaterThanOrEqualTo(sample.flaggedRows());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabases.Engine.class, names = "H2")
    void theRowsAsTheStewardFixedThemArePreviewedThoughOnlyTheRulesColumnsAreRead(TestDatabases.Engine engine) {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            Path review = review(target);
            RuleSpec rule = range("cement-cap", "cement_kg", null, "400");
            RulePreview.Request request = new RulePreview.Request(review, rule, 1);
            RulePreview.Outcome before = RulePreview.full(request, target.db, Progress.NONE);
            String flaggedValue = before.examples().get(0).value();
            try (OpenReview open = OpenReview.open(review, () -> TargetDatabase.open(target.database.url(),
                    target.database.user(), target.database.password()))) {
                FixValues.apply(open, FixValues.Request.everyRow("Cement (kg/m3)",
                        ValueFix.Replace.of(flaggedValue, "250")), Progress.NONE);
            }

            RulePreview.Outcome after = RulePreview.full(request, target.db, Progress.NONE);

            assertThat(after.flaggedRows()).isLessThan(before.flaggedRows());
            Profile withRule = MixTarget.profile().withRules(append(MixTarget.profile().rules(), rule));
            ValidateReview.run(review, withRule, target.db, Progress.NONE);
            assertThat(after.flaggedRows()).isEqualTo(flaggedRows(review, "cement-cap").size());
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabases.Engine.class, names = "H2")
    void aCancelEndsTheFullPreviewAndABrokenOrTakenRuleIsRefusedInOneSentence(TestDatabases.Engine engine) {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            Path review = review(target);
            Progress cancelled = new Progress() {
                @Override
                public boolean isCancelled() {
                    return true;
                }
            };

            assertThatThrownBy(() -> RulePreview.full(new RulePreview.Request(review,
                    range("cement-cap", "cement_kg", null, "400"), 5), target.db, cancelled))
                    .isInstanceOf(CancellationException.class);
            assertThatThrownBy(() -> RulePreview.sample(new RulePreview.Request(review,
                    range("strength-plausible", "cement_kg", null, "400"), 5), target.db, 10))
                    .isInstanceOf(SluiceException.class)
                    .hasMessage("The profile already has a rule 'strength-plausible'; give the new rule another id.");
            assertThatThrownBy(() -> RulePreview.sample(new RulePreview.Request(review,
                    range("cap", "cement_kg", "400", "300"), 5), target.db, 10))
                    .isInstanceOf(SluiceException.class)
                    .hasMessage("The rule cannot run: cap rule has min 400 above max 300, so no value could pass.");
            assertThatThrownBy(() -> RulePreview.sample(new RulePreview.Request(review,
                    range("cap", "cement", null, "300"), 5), target.db, 10))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageStartingWith("The rule 'cap' of profile 'ds1-concrete-mix' is about 'cement', which "
                            + "the profile does not map");
        }
    }

    private static List<RuleSpec> append(List<RuleSpec> rules, RuleSpec rule) {
        List<RuleSpec> all = new ArrayList<>(rules);
        all.add(rule);
        return all;
    }
}
