package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.AuditEntry;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewQuery;
import io.sluice.core.review.RowFilter;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One rule applied to, changed in or removed from an open ds1 review on H2: the review's findings then equal those of
 * a full validation with the profile the review records, decisions and edits stay, undo takes the step back exactly,
 * and a cancel or a refused rule changes nothing.
 */
class ApplyRuleTest {

    private static final Path DS1 = Path.of("..", "sample-data", "ds1-concrete-mix.csv");

    @TempDir
    Path dir;

    private static RuleSpec range(String id, String column, String min, String max) {
        return new RuleSpec(id, "range", column, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, null, null, null, null, null, null, null);
    }

    private static RuleSpec lookup(String id, String column, String table, String key) {
        return new RuleSpec(id, "lookup", column, null, null, null, null, null, table, key, null, null, null, null);
    }

    /** The ds1 sample validated into a review, with two decisions and one edit. */
    private Path review(MixTarget target) {
        Path review = dir.resolve("ds1.sluice");
        ValidateFile.run(new ValidateFile.Request(DS1, null, MixTarget.profile(), null, review, false), target.db,
                null, Progress.NONE);
        try (OpenReview open = open(review, target)) {
            open.session().approve(2);
            open.session().reject(3, "duplicate delivery");
            open.session().edit(4, open.columnIndex("Cement (kg/m3)"), "640");
        }
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
            r.forEachFinding(f -> lines.add(f.row() + "|" + f.rule() + "|" + f.column() + "|" + f.severity() + "|"
                    + f.message() + "|" + f.value()));
        }
        lines.sort(null);
        return lines;
    }

    private static String profileJson(Path review) {
        try (Review r = Review.open(review)) {
            return r.info().profileJson();
        }
    }

    private static ValidationSummary summary(Path review) {
        try (Review r = Review.open(review)) {
            return r.currentSummary().orElseThrow();
        }
    }

    /** What a full validation of a copy of the review, with the profile the review records, finds. */
    private List<String> revalidated(Path review, MixTarget target, String copyName) throws Exception {
        Path copy = Files.copy(review, dir.resolve(copyName), StandardCopyOption.REPLACE_EXISTING);
        ValidateReview.run(copy, ValidateReview.recordedProfile(copy), target.db, Progress.NONE);
        return findings(copy);
    }

    private static long count(OpenReview review, RowFilter filter) {
        return new ReviewQuery(review.review()).select(filter, ReviewQuery.Sort.SOURCE_ORDER);
    }

    @Test
    void anAppliedRuleLeavesTheFindingsAFullValidationWithItWouldFindAndKeepsDecisionsAndEdits() throws Exception {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target);
            long errorRowsBefore;
            ApplyRule.Outcome outcome;
            try (OpenReview open = open(review, target)) {
                errorRowsBefore = count(open, RowFilter.withErrors());
                outcome = ApplyRule.apply(open, range("cement-cap", "cement_kg", null, "400"), Progress.NONE);

                assertThat(outcome.ruleId()).isEqualTo("cement-cap");
                assertThat(outcome.flaggedRows()).isPositive();
                assertThat(outcome.rowsNowInError()).isPositive();
                assertThat(count(open, open.changedByLastRule())).isEqualTo(outcome.rowsChanged());
                assertThat(count(open, RowFilter.withErrors()))
                        .isEqualTo(errorRowsBefore + outcome.rowsNowInError() - outcome.rowsNoLongerInError());
                assertThat(count(open, RowFilter.withRule("cement-cap"))).isEqualTo(outcome.flaggedRows());
                assertThat(open.session().decision(2)).isPresent();
                assertThat(open.session().decision(3)).isPresent();
                assertThat(open.session().effectiveRow(4).cells().get(open.columnIndex("Cement (kg/m3)")).text())
                        .isEqualTo("640");
                assertThat(open.session().findings(4)).anyMatch(f -> f.rule().equals("cement-cap"));
                assertThat(open.session().undoDescription()).contains("Apply rule 'cement-cap'");
                List<AuditEntry> audit = open.session().audit(0, 1000);
                assertThat(audit.get(audit.size() - 1).reason()).contains("Apply rule 'cement-cap'")
                        .contains(outcome.rowsNowInError() + " rows now in error");
            }
            assertThat(ProfileIO.fromJson(profileJson(review), "recorded").rules())
                    .extracting(RuleSet::idOf).contains("cement-cap");
            ValidationSummary afterApply = summary(review);
            assertThat(findings(review)).isEqualTo(revalidated(review, target, "full.sluice"));
            assertThat(afterApply).isEqualTo(summary(dir.resolve("full.sluice")));
        }
    }

    @Test
    void aChangedRuleReplacesItsFindingsAndARemovedOneTakesThemAway() throws Exception {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target);
            try (OpenReview open = open(review, target)) {
                ApplyRule.Outcome wide = ApplyRule.apply(open, range("cement-cap", "cement_kg", null, "450"),
                        Progress.NONE);
                ApplyRule.Outcome narrow = ApplyRule.apply(open, range("CEMENT-CAP", "cement_kg", null, "350"),
                        Progress.NONE);

                assertThat(narrow.flaggedRows()).isGreaterThan(wide.flaggedRows());
                assertThat(open.session().undoDescription()).contains("Change rule 'CEMENT-CAP'");
                assertThat(open.profile().orElseThrow().rules()).extracting(RuleSet::idOf)
                        .containsOnlyOnce("CEMENT-CAP").doesNotContain("cement-cap");
            }
            assertThat(findings(review)).isEqualTo(revalidated(review, target, "changed.sluice"));

            try (OpenReview open = open(review, target)) {
                ApplyRule.Outcome removed = ApplyRule.remove(open, "cement-cap", Progress.NONE);

                assertThat(removed.findings()).isZero();
                assertThat(removed.rowsNowInError()).isZero();
                assertThat(removed.rowsNoLongerInError()).isPositive();
                assertThat(count(open, RowFilter.withRule("CEMENT-CAP"))).isZero();
            }
            assertThat(findings(review)).isEqualTo(revalidated(review, target, "removed.sluice"));
        }
    }

    @Test
    void removingTheProfilesUniqueRuleOnTheKeyBringsBackTheTargetsDuplicateKeyRule() throws Exception {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target);
            try (OpenReview open = open(review, target)) {
                assertThat(count(open, RowFilter.withRule("mix-code-unique"))).isPositive();

                ApplyRule.remove(open, "mix-code-unique", Progress.NONE);

                assertThat(count(open, RowFilter.withRule("mix-code-unique"))).isZero();
                assertThat(count(open, RowFilter.withRule("duplicate-key"))).isPositive();
            }
            assertThat(findings(review)).isEqualTo(revalidated(review, target, "unique.sluice"));
            assertThat(summary(review)).isEqualTo(summary(dir.resolve("unique.sluice")));
        }
    }

    @Test
    void undoPutsTheFindingsAndTheProfileBackExactlyAndRedoAppliesTheRuleAgain() {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target);
            List<String> before = findings(review);
            String profileBefore = profileJson(review);
            ValidationSummary summaryBefore = summary(review);
            ApplyRule.Outcome outcome;
            try (OpenReview open = open(review, target)) {
                outcome = ApplyRule.apply(open, range("cement-cap", "cement_kg", null, "400"), Progress.NONE);
            }
            List<String> after = findings(review);
            String profileAfter = profileJson(review);
            assertThat(after).isNotEqualTo(before);

            try (OpenReview open = open(review, target)) {
                assertThat(open.session().undo()).isTrue();
                assertThat(count(open, open.changedByLastRule())).isEqualTo(outcome.rowsChanged());
                assertThat(count(open, RowFilter.changedByLastRule(false))).isEqualTo(outcome.rowsNowInError());
                assertThat(open.profile().orElseThrow().rules()).extracting(RuleSet::idOf)
                        .doesNotContain("cement-cap");
                assertThat(open.session().redoDescription()).contains("Apply rule 'cement-cap'");
            }
            assertThat(findings(review)).isEqualTo(before);
            assertThat(profileJson(review)).isEqualTo(profileBefore);
            assertThat(summary(review)).isEqualTo(summaryBefore);

            try (OpenReview open = open(review, target)) {
                assertThat(open.session().redo()).isTrue();
            }
            assertThat(findings(review)).isEqualTo(after);
            assertThat(profileJson(review)).isEqualTo(profileAfter);

            try (OpenReview open = open(review, target)) {
                open.session().undo();
                // an edit after the undo is validated with the profile of before the rule
                open.session().edit(5, open.columnIndex("Cement (kg/m3)"), "900");
                assertThat(open.session().findings(5)).noneMatch(f -> f.rule().equals("cement-cap"));
                assertThat(open.session().redoDescription()).isEmpty();
            }
        }
    }

    @Test
    void redoAfterUndoRestoresTheRulesFindingsAndProfile() {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target);
            try (OpenReview open = open(review, target)) {
                ApplyRule.apply(open, range("cement-cap", "cement_kg", null, "400"), Progress.NONE);
            }
            List<String> after = findings(review);
            String profileAfter = profileJson(review);
            try (OpenReview open = open(review, target)) {
                open.session().undo();
                assertThat(open.session().redo()).isTrue();
                open.session().edit(5, open.columnIndex("Cement (kg/m3)"), "900");
                assertThat(open.session().findings(5)).anyMatch(f -> f.rule().equals("cement-cap"));
                open.session().undo();
            }
            assertThat(findings(review)).isEqualTo(after);
            assertThat(profileJson(review)).isEqualTo(profileAfter);
        }
    }

    @Test
    void aCancelledApplyLeavesTheReviewAsItWas() {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target);
            List<String> before = findings(review);
            String profileBefore = profileJson(review);
            Progress cancelled = new Progress() {
                @Override
                public boolean isCancelled() {
                    return true;
                }
            };
            try (OpenReview open = open(review, target)) {
                String undoBefore = open.session().undoDescription().orElseThrow();

                assertThatThrownBy(() -> ApplyRule.apply(open, range("cement-cap", "cement_kg", null, "400"),
                        cancelled)).isInstanceOf(CancellationException.class);

                assertThat(open.session().undoDescription()).contains(undoBefore);
                assertThat(open.profile().orElseThrow().rules()).extracting(RuleSet::idOf)
                        .doesNotContain("cement-cap");
            }
            assertThat(findings(review)).isEqualTo(before);
            assertThat(profileJson(review)).isEqualTo(profileBefore);
        }
    }

    @Test
    void aBrokenRuleADerivedIdAMissingLookupTableAndAnUnvalidatedReviewAreRefusedInOneSentence() {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = review(target);
            List<String> before = findings(review);
            try (OpenReview open = open(review, target)) {
                assertThatThrownBy(() -> ApplyRule.apply(open, range("fk", "cement_kg", null, "400"),
                        Progress.NONE)).isInstanceOf(SluiceException.class).hasMessage("'fk' is the id of a rule"
                        + " derived from the target table; give the new rule another id.");
                assertThatThrownBy(() -> ApplyRule.apply(open, range("cap", "cement_kg", "400", "300"),
                        Progress.NONE)).isInstanceOf(SluiceException.class)
                        .hasMessage("The rule cannot run: cap rule has min 400 above max 300, so no value could pass.");
                assertThatThrownBy(() -> ApplyRule.apply(open, lookup("known-plant", "supplier_code", "plants",
                        "code"), Progress.NONE)).isInstanceOf(SluiceException.class)
                        .hasMessageStartingWith("The rule 'known-plant' of profile 'ds1-concrete-mix' looks values up"
                                + " in table 'plants', which");
                assertThatThrownBy(() -> ApplyRule.remove(open, "required", Progress.NONE))
                        .isInstanceOf(SluiceException.class).hasMessage("The rule 'required' is derived from the"
                                + " target table and cannot be removed; it changes only with the table.");
                assertThatThrownBy(() -> ApplyRule.remove(open, "nothing", Progress.NONE))
                        .isInstanceOf(SluiceException.class)
                        .hasMessageStartingWith("The profile of ds1.sluice has no rule 'nothing' (its rules: ");
            }
            assertThat(findings(review)).isEqualTo(before);

            Path loaded = dir.resolve("loaded.sluice");
            LoadFile.run(DS1, null, loaded, false, Progress.NONE);
            try (OpenReview open = open(loaded, target)) {
                assertThatThrownBy(() -> ApplyRule.apply(open, range("cap", "cement_kg", null, "400"),
                        Progress.NONE)).isInstanceOf(SluiceException.class).hasMessage("loaded.sluice records no"
                        + " mapping profile yet; validate it with a profile before applying a rule to it.");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aLookupRuleReadsTheTarget(TestDatabases.Engine engine) throws Exception {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            Path review = review(target);
            try (OpenReview open = open(review, target)) {
                ApplyRule.Outcome outcome = ApplyRule.apply(open, lookup("supplier-listed", "supplier_code",
                        "supplier", "supplier_code"), Progress.NONE);
                assertThat(outcome.ruleId()).isEqualTo("supplier-listed");
                // the supplier table is the foreign key's parent: the lookup flags the rows the key does
                assertThat(outcome.flaggedRows()).isPositive()
                        .isEqualTo(count(open, RowFilter.withRule("fk")));
            }
            assertThat(findings(review)).isEqualTo(revalidated(review, target, "lookup.sluice"));
        }
    }

}
