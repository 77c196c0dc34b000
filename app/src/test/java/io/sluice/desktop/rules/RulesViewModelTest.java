package io.sluice.desktop.rules;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.review.RowFilter;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.ValidateFile;
import io.sluice.core.usecase.ValidateReview;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rules step on the concrete-mix sample: the rules in force with their origin, a rule written from scratch whose
 * preview counts what a full validation finds, edits that change the workbench's profile at once, and the ways off
 * the happy path (no review, no profile, no target, a form left mid-edit).
 */
class RulesViewModelTest {

    @TempDir
    Path home;

    /** Rows a validation of the sample with its own profile flags with the water/cement rule. */
    private static long rowsTheSampleRuleFlags(Ds1Rules ds1) {
        AtomicLong flagged = new AtomicLong();
        try (TargetDatabase db = TargetChoice.embedded().open()) {
            ValidateFile.run(new ValidateFile.Request(ds1.workbench.sourceFileProperty().get(), null,
                    ds1.fullProfile, null, null, false), db, row -> {
                if (row.findings().stream().anyMatch(f -> f.rule().equals(Ds1Rules.WC_RATIO))) {
                    flagged.incrementAndGet();
                }
            }, Progress.NONE);
        }
        return flagged.get();
    }

    /** N of "Would flag N of M rows." */
    private static int flagged(String summary) {
        assertThat(summary).matches("Would flag [0-9,]+ of [0-9,]+ rows\\.");
        return Integer.parseInt(summary.split(" ")[2].replace(",", ""));
    }

    private static RuleInfo rule(RulesViewModel vm, String id) {
        return vm.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void listsTheTargetsRulesReadOnlyWithWhyAndTheProfilesRulesForEditing() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();

        assertThat(ds1.vm.emptyProperty().get()).isNull();
        assertThat(ds1.vm.rules()).filteredOn(RuleInfo::editable).extracting(RuleInfo::id).containsExactly(
                "strength-plausible", "mix-code-format", "supplier-known", "mix-code-unique", "coarse-agg-required",
                "fine-agg-required");
        RuleInfo check = ds1.vm.rules().stream().filter(r -> r.id().toLowerCase().contains("ck_wc_ratio")).findFirst()
                .orElseThrow();
        assertThat(check.editable()).isFalse();
        assertThat(ds1.vm.rules()).extracting(RuleInfo::kind).contains("required", "check", "fk", "length");

        assertThat(ds1.vm.select(check)).isTrue();
        assertThat(ds1.vm.readOnlyProperty().get()).isEqualTo(RulesViewModel.READ_ONLY);
        assertThat(ds1.vm.editingProperty().get()).isFalse();

        assertThat(ds1.vm.select(rule(ds1.vm, "mix-code-format"))).isTrue();
        assertThat(ds1.vm.readOnlyProperty().get()).isEmpty();
        assertThat(ds1.vm.form().kindProperty().get()).isEqualTo(RuleKind.PATTERN);
        assertThat(ds1.vm.form().patternProperty().get()).isEqualTo("DS[0-9]-[0-9]{6,7}|[0-9]{5}-[A-Z]");
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void theWaterCementRuleWrittenFromScratchPreviewsWhatAFullValidationFindsAndIsSavedWithTheProfile()
            throws Exception {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        long expected = rowsTheSampleRuleFlags(ds1);
        assertThat(expected).isPositive();

        ds1.vm.add(RuleKind.EXPRESSION);
        RuleForm form = ds1.vm.form();
        form.idProperty().set(Ds1Rules.WC_RATIO);
        form.expressionProperty().set("water_kg / cement_kg");
        form.minProperty().set("0.25");
        form.maxProperty().set("0.80");
        assertThat(ds1.vm.preview().summaryProperty().get()).isEqualTo("Trying the rule…");
        ds1.pause();

        assertThat(ds1.vm.preview().summaryProperty().get()).isEqualTo("Would flag " + expected + " of 200 rows.");
        assertThat(ds1.vm.preview().examples()).isNotEmpty().allMatch(e -> e.message().contains("0.25"));

        assertThat(ds1.vm.keep()).isTrue();
        Profile profile = ds1.workbench.profileProperty().get();
        assertThat(profile.rules()).last().extracting(RuleSpec::expression).isEqualTo("water_kg / cement_kg");
        assertThat(ds1.vm.rules()).anyMatch(r -> r.id().equals(Ds1Rules.WC_RATIO) && r.editable());
        assertThat(ds1.vm.selectedProperty().get().id()).isEqualTo(Ds1Rules.WC_RATIO);
        assertThat(form.changedProperty().get()).isFalse();

        Path saved = home.resolve("ds1-with-wc.profile.json");
        ds1.vm.save(saved);
        String json = Files.readString(saved);
        assertThat(json).contains("\"id\" : \"wc-ratio-plausible\"", "\"expression\" : \"water_kg / cement_kg\"");
        assertThat(ProfileIO.read(saved).rules()).last().isEqualTo(new RuleSpec(Ds1Rules.WC_RATIO, "expression",
                null, null, new BigDecimal("0.25"), new BigDecimal("0.80"), null, null, null, null, null,
                "water_kg / cement_kg", null, null));
        assertThat(ds1.workbench.profileFileProperty().get()).isEqualTo(saved);
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void aRuleOfTheReviewsProfileChangedInTheFormIsPreviewedUnderItsNewBounds() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        ds1.vm.select(rule(ds1.vm, "strength-plausible"));
        ds1.pause();
        String before = ds1.vm.preview().summaryProperty().get();

        ds1.vm.form().maxProperty().set("20");
        ds1.pause();

        assertThat(before).as("the rule as the review has it, under an id of the preview's").isEqualTo(
                "Would flag 1 of 200 rows.");
        assertThat(flagged(ds1.vm.preview().summaryProperty().get())).isGreaterThan(100);
    }

    @Test
    void withoutAReviewThePreviewSaysHowToGetOne() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.RANGE);
        ds1.vm.form().columnProperty().set("cement_kg");
        ds1.vm.form().maxProperty().set("400");

        assertThat(ds1.vm.preview().summaryProperty().get()).isEqualTo(RuleHitPreview.NEEDS_REVIEW);

        ds1.vm.form().minProperty().set("500");
        assertThat(ds1.vm.preview().summaryProperty().get()).as("no preview of a rule that cannot run").isEmpty();
    }

    @Test
    void duplicatingAndDeletingChangeTheProfileAndTheListAtOnce() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();
        ds1.vm.select(rule(ds1.vm, "supplier-known"));

        ds1.vm.duplicate();

        List<RuleSpec> rules = ds1.workbench.profileProperty().get().rules();
        assertThat(rules).extracting(RuleSpec::id).containsSubsequence("supplier-known", "supplier-known-copy");
        assertThat(ds1.vm.selectedProperty().get().id()).isEqualTo("supplier-known-copy");
        assertThat(ds1.vm.rules()).anyMatch(r -> r.id().equals("supplier-known-copy"));

        ds1.dialogs.declineNext();
        ds1.vm.delete();
        assertThat(ds1.workbench.profileProperty().get().rules()).hasSize(7);

        ds1.vm.delete();
        assertThat(ds1.workbench.profileProperty().get().rules()).extracting(RuleSpec::id)
                .doesNotContain("supplier-known-copy").hasSize(6);
        assertThat(ds1.vm.rules()).noneMatch(r -> r.id().equals("supplier-known-copy"));
        assertThat(ds1.vm.selectedProperty().get().id()).as("the rule that took the deleted one's place")
                .isEqualTo("mix-code-unique");
        assertThat(ds1.vm.editingProperty().get()).isTrue();
        assertThat(ds1.vm.form().idProperty().get()).isEqualTo("mix-code-unique");
    }

    @Test
    void deletingTheLastRuleOfTheProfileSelectsTheOneBeforeIt() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();
        ds1.vm.select(rule(ds1.vm, "fine-agg-required"));

        ds1.vm.delete();

        assertThat(ds1.vm.selectedProperty().get().id()).isEqualTo("coarse-agg-required");
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void theProfilesRulesComeFirstAndTheListShowsAllOrEitherOrigin() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();

        assertThat(ds1.vm.showingProperty().get()).isEqualTo(RulesViewModel.Shown.ALL);
        assertThat(ds1.vm.shownRules()).hasSize(ds1.vm.rules().size()).hasSizeGreaterThan(6);
        assertThat(ds1.vm.shownRules().subList(0, 6)).extracting(RuleInfo::id).containsExactly(
                "strength-plausible", "mix-code-format", "supplier-known", "mix-code-unique", "coarse-agg-required",
                "fine-agg-required");
        assertThat(ds1.vm.shownRules().subList(6, ds1.vm.shownRules().size())).noneMatch(RuleInfo::editable);

        ds1.vm.select(rule(ds1.vm, "supplier-known"));
        ds1.vm.showingProperty().set(RulesViewModel.Shown.PROFILE);
        assertThat(ds1.vm.shownRules()).hasSize(6).allMatch(RuleInfo::editable);
        assertThat(ds1.vm.selectedProperty().get().id()).isEqualTo("supplier-known");

        ds1.vm.showingProperty().set(RulesViewModel.Shown.TARGET);
        assertThat(ds1.vm.shownRules()).isNotEmpty().noneMatch(RuleInfo::editable);
        assertThat(ds1.vm.selectedProperty().get()).as("a rule the list no longer shows is not shown in the form")
                .isNull();
        assertThat(ds1.vm.editingProperty().get()).isFalse();

        ds1.vm.add(RuleKind.REQUIRED);
        ds1.vm.form().columnProperty().set("water_kg");
        assertThat(ds1.vm.keep()).isTrue();
        assertThat(ds1.vm.showingProperty().get()).as("a rule just written is shown").isEqualTo(
                RulesViewModel.Shown.ALL);
        assertThat(ds1.vm.shownRules()).contains(ds1.vm.selectedProperty().get());
        assertThat(ds1.vm.shownRules().get(6).id()).isEqualTo(ds1.vm.selectedProperty().get().id());
    }

    @Test
    void leavingARuleWithChangesNotKeptAsksFirst() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();
        ds1.vm.select(rule(ds1.vm, "strength-plausible"));
        ds1.vm.form().maxProperty().set("110");

        ds1.dialogs.declineNext();
        assertThat(ds1.vm.select(rule(ds1.vm, "mix-code-format"))).isFalse();
        assertThat(ds1.vm.form().maxProperty().get()).isEqualTo("110");
        assertThat(ds1.dialogs.asked()).last().extracting(q -> q.header())
                .isEqualTo("Discard the changes to rule strength-plausible?");

        assertThat(ds1.vm.select(rule(ds1.vm, "mix-code-format"))).isTrue();
        assertThat(ds1.vm.form().kindProperty().get()).isEqualTo(RuleKind.PATTERN);
        assertThat(ds1.workbench.profileProperty().get().rules().get(0).max()).isEqualTo(new BigDecimal("120"));
    }

    @Test
    void anIdAnotherRuleHasIsRefusedAndCannotBeKept() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.REQUIRED);
        ds1.vm.form().columnProperty().set("supplier_code");
        ds1.vm.form().idProperty().set("Mix-Code-Format");

        assertThat(ds1.vm.form().problemProperty().get())
                .isEqualTo("Another rule is already called 'Mix-Code-Format'; give this one another id.");
        assertThat(ds1.vm.keep()).isFalse();
        assertThat(ds1.workbench.profileProperty().get().rules()).hasSize(6);
    }

    @Test
    void aProfileWithoutRulesListsTheTargetsAndTakesANewOne() {
        Ds1Rules ds1 = new Ds1Rules(home);
        Profile bare = ds1.workbench.profileProperty().get().withRules(List.of());
        ds1.workbench.profileProperty().set(bare);
        ds1.vm.refresh();

        assertThat(ds1.vm.rules()).isNotEmpty().noneMatch(RuleInfo::editable);

        ds1.vm.add(RuleKind.UNIQUE);
        ds1.vm.form().columns().setAll("mix_code", "cast_date");
        assertThat(ds1.vm.keep()).isTrue();
        assertThat(ds1.workbench.profileProperty().get().rules()).extracting(RuleSpec::columns)
                .containsExactly(List.of("mix_code", "cast_date"));
    }

    @Test
    void withoutAProfileItSaysWhereToMakeOneAndTakesAnOpenedReviewsProfile() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        Path review = ds1.workbench.reviewProperty().get();
        ds1.workbench.reviewProperty().set(null);
        ds1.workbench.profileProperty().set(null);
        ds1.vm.refresh();

        assertThat(ds1.vm.emptyProperty().get()).isEqualTo(RulesViewModel.NO_PROFILE);
        ds1.vm.goToMapping();
        assertThat(ds1.workbench.stepProperty().get()).isEqualTo(Step.MAPPING);

        ds1.workbench.openReview(review);
        ds1.vm.refresh();
        assertThat(ds1.workbench.profileProperty().get()).isNotNull();
        assertThat(ds1.vm.emptyProperty().get()).isNull();
        assertThat(ds1.vm.rules()).anyMatch(r -> r.id().equals("supplier-known"));
    }

    @Test
    void openingAnotherSourceLeavesNoProfileBehindNotEvenTheClosedReviewsOwn() throws Exception {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        assertThat(ds1.vm.rules()).anyMatch(RuleInfo::editable);
        Path other = Files.writeString(home.resolve("other.csv"), "a,b\n1,2\n");

        ds1.workbench.openSource(other);
        ds1.vm.refresh();

        // the review of the file before no longer applies, and nor does the profile it recorded
        assertThat(ds1.workbench.reviewProperty().get()).isNull();
        assertThat(ds1.workbench.profileProperty().get()).isNull();
        assertThat(ds1.vm.emptyProperty().get()).isEqualTo(RulesViewModel.NO_PROFILE);
        assertThat(ds1.vm.rules()).isEmpty();
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void withoutTheTargetTheProfilesRulesAreStillListedAndEditable() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.workbench.targetProperty().set(new TargetChoice("Gone", "jdbc:h2:" + home.resolve("missing/db")
                + ";IFEXISTS=TRUE", "sa", ""));
        ds1.vm.refresh();

        assertThat(ds1.vm.statusProperty().get()).startsWith("Only the profile's rules are listed: ").endsWith(".");
        assertThat(ds1.vm.rules()).hasSize(6).allMatch(RuleInfo::editable);
        ds1.vm.select(rule(ds1.vm, "strength-plausible"));
        ds1.vm.form().maxProperty().set("110");
        assertThat(ds1.vm.keep()).isTrue();
        assertThat(ds1.workbench.profileProperty().get().rules().get(0).max()).isEqualTo(new BigDecimal("110"));
    }

    @Test
    void applyingARuleRevalidatesTheReviewForItAndSaysWhichRowsChanged() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        Path review = ds1.workbench.reviewProperty().get();
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.EXPRESSION);
        ds1.vm.form().idProperty().set(Ds1Rules.WC_RATIO);
        ds1.vm.form().expressionProperty().set("water_kg / cement_kg");
        ds1.vm.form().minProperty().set("0.25");
        ds1.vm.form().maxProperty().set("0.80");

        ds1.vm.apply();

        assertThat(ds1.failures).isEmpty();
        assertThat(ds1.vm.statusProperty().get()).matches("Rule wc-ratio-plausible applied: [0-9]+ rows? now in"
                + " error, 0 no longer\\. In Review, the status filter \"Changed by the last rule\" shows them;.*");
        assertThat(ds1.workbench.profileProperty().get().rules()).anyMatch(r -> Ds1Rules.WC_RATIO.equals(r.id()));
        assertThat(ValidateReview.recordedProfile(review).rules())
                .anyMatch(r -> Ds1Rules.WC_RATIO.equals(r.id()));
        assertThat(ds1.workbench.reviewProperty().get()).isEqualTo(review);

        ds1.vm.add(RuleKind.RANGE);
        ds1.vm.form().columnProperty().set("cement_kg");
        ds1.vm.form().maxProperty().set("300");
        ds1.vm.apply();
        assertThat(ds1.vm.statusProperty().get()).as("cement above 300 puts rows without other errors in error")
                .matches("Rule range-cement-kg applied: [1-9][0-9]* rows? now in error, 0 no longer\\..*");
    }

    @Test
    void deletingAnAppliedRuleMayTakeItsFindingsOutOfTheOpenReviewAsOneUndoableStep() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        Path review = ds1.workbench.reviewProperty().get();
        long nowInError = appliedCementAbove300(ds1);
        assertThat(nowInError).isPositive();

        ds1.dialogs.formNext(RulesViewModel.TAKE_OUT);
        ds1.vm.delete();

        assertThat(ds1.dialogs.asked()).last().satisfies(q -> {
            assertThat(q.header()).isEqualTo("Delete rule range-cement-kg?");
            assertThat(q.text()).contains("stay there until the next validation, unless taken out now");
        });
        assertThat(ds1.failures).isEmpty();
        assertThat(ds1.workbench.profileProperty().get().rules()).noneMatch(r -> "range-cement-kg".equals(r.id()));
        assertThat(ValidateReview.recordedProfile(review).rules()).noneMatch(r -> "range-cement-kg".equals(r.id()));
        assertThat(ds1.vm.statusProperty().get()).isEqualTo("Rule range-cement-kg deleted and its findings taken out"
                + " of the review: " + nowInError + " rows changed status (" + nowInError + " no longer in error)."
                + " In Review, Edit, Undo puts them back.");
        assertThat(ds1.workbench.reviewProperty().get()).isEqualTo(review);
    }

    /** Applies a new rule range-cement-kg (cement_kg at most 300) to the review; the rows it put in error. */
    private static long appliedCementAbove300(Ds1Rules ds1) {
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.RANGE);
        ds1.vm.form().columnProperty().set("cement_kg");
        ds1.vm.form().maxProperty().set("300");
        ds1.vm.apply();
        return Long.parseLong(ds1.vm.statusProperty().get().replaceAll("^Rule [^:]+: ([0-9]+) .*", "$1"));
    }

    /** Rows of the review with a finding of rule {@code id}. */
    private static long rowsFlaggedBy(Path review, String id) {
        try (OpenReview open = OpenReview.open(review, null)) {
            return open.count(RowFilter.withRule(id));
        }
    }

    @Test
    void anAppliedRuleRenamedAndAppliedAgainLeavesNoFindingUnderItsOldIdAndItsDeletionTakesItsFindingsOut() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        Path review = ds1.workbench.reviewProperty().get();
        long nowInError = appliedCementAbove300(ds1);
        long flagged = rowsFlaggedBy(review, "range-cement-kg");
        assertThat(flagged).isPositive();

        ds1.vm.select(rule(ds1.vm, "range-cement-kg"));
        ds1.vm.form().idProperty().set("cement-cap");
        assertThat(ds1.vm.keep()).isTrue();
        ds1.vm.apply();

        assertThat(ds1.failures).isEmpty();
        assertThat(ValidateReview.recordedProfile(review).rules()).extracting(RuleSpec::id)
                .contains("cement-cap").doesNotContain("range-cement-kg");
        assertThat(rowsFlaggedBy(review, "range-cement-kg")).as("no finding under the old id").isZero();
        assertThat(rowsFlaggedBy(review, "cement-cap")).isEqualTo(flagged);

        // renamed and kept, never applied: deleting it takes out the findings it has under the id the review knows
        ds1.vm.select(rule(ds1.vm, "cement-cap"));
        ds1.vm.form().idProperty().set("cement-limit");
        assertThat(ds1.vm.keep()).isTrue();
        ds1.dialogs.formNext(RulesViewModel.TAKE_OUT);
        ds1.vm.delete();

        assertThat(ds1.failures).isEmpty();
        assertThat(ds1.vm.statusProperty().get()).startsWith("Rule cement-limit deleted and its findings (under its"
                + " earlier id cement-cap) taken out of the review: " + nowInError + " rows changed status");
        assertThat(ValidateReview.recordedProfile(review).rules()).extracting(RuleSpec::id)
                .doesNotContain("cement-cap", "cement-limit");
        assertThat(rowsFlaggedBy(review, "cement-cap")).isZero();
    }

    @Test
    void deletingARuleTheReviewNeverRanLeavesTheReviewAsItIsAndSaysSo() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.REQUIRED);
        ds1.vm.form().columnProperty().set("water_kg");
        assertThat(ds1.vm.keep()).isTrue();
        String id = ds1.vm.selectedProperty().get().id();

        ds1.dialogs.formNext(RulesViewModel.TAKE_OUT);
        ds1.vm.delete();
        assertThat(ds1.failures).isEmpty();
        assertThat(ds1.vm.statusProperty().get()).isEqualTo("Rule " + id + " deleted; "
                + ds1.workbench.reviewProperty().get().getFileName() + " was validated without it, so it held none"
                + " of its findings.");

        ds1.vm.select(rule(ds1.vm, "supplier-known"));
        ds1.dialogs.formNext(RulesViewModel.LEAVE);
        ds1.vm.delete();
        assertThat(ds1.vm.statusProperty().get()).as("the sentence about the rule deleted before is gone").isEmpty();
        assertThat(ValidateReview.recordedProfile(ds1.workbench.reviewProperty().get()).rules())
                .as("left in the review until the next validation").anyMatch(r -> "supplier-known".equals(r.id()));

        ds1.vm.select(rule(ds1.vm, "mix-code-unique"));
        ds1.dialogs.formNext();
        ds1.vm.delete();
        assertThat(ds1.workbench.profileProperty().get().rules()).as("cancelled")
                .anyMatch(r -> "mix-code-unique".equals(r.id()));
    }

    @Test
    void theDeleteQuestionsConfirmingButtonSaysDeleteWithAReviewOpenOrNot() {
        Ds1Rules before = new Ds1Rules(home);
        before.vm.refresh();
        before.vm.select(rule(before.vm, "supplier-known"));
        before.vm.delete();
        assertThat(before.dialogs.asked()).last().extracting(ScriptedDialogs.Question::header)
                .isEqualTo("Delete rule supplier-known?");
        assertThat(before.dialogs.confirmLabels()).last().isEqualTo("Delete");

        Ds1Rules reviewed = new Ds1Rules(home).validated();
        reviewed.vm.refresh();
        reviewed.vm.select(rule(reviewed.vm, "supplier-known"));
        reviewed.dialogs.formNext(RulesViewModel.LEAVE);
        reviewed.vm.delete();
        assertThat(reviewed.dialogs.asked()).last().extracting(ScriptedDialogs.Question::header)
                .isEqualTo("Delete rule supplier-known?");
        assertThat(reviewed.dialogs.confirmLabels()).as("the form that asks about the review's findings too")
                .last().isEqualTo("Delete");
        assertThat(reviewed.workbench.profileProperty().get().rules()).noneMatch(r -> "supplier-known".equals(r.id()));
    }

    @Test
    void whatApplyingOrTakingOutSaidGoesOnceTheStewardMovesOnToAnotherRuleANewOneOrAChangeInTheForm() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.RANGE);
        ds1.vm.form().columnProperty().set("cement_kg");
        ds1.vm.form().maxProperty().set("300");
        ds1.vm.apply();
        assertThat(ds1.vm.statusProperty().get()).startsWith("Rule range-cement-kg applied: ");

        ds1.vm.form().maxProperty().set("320");
        assertThat(ds1.vm.statusProperty().get()).as("the form changed").isEmpty();

        ds1.vm.revert();
        ds1.vm.apply();
        assertThat(ds1.vm.statusProperty().get()).startsWith("Rule range-cement-kg applied: ");
        ds1.vm.select(rule(ds1.vm, "supplier-known"));
        assertThat(ds1.vm.statusProperty().get()).as("another rule selected").isEmpty();

        ds1.vm.select(rule(ds1.vm, "range-cement-kg"));
        ds1.dialogs.formNext(RulesViewModel.TAKE_OUT);
        ds1.vm.delete();
        assertThat(ds1.vm.statusProperty().get()).startsWith("Rule range-cement-kg deleted and its findings taken out");
        ds1.vm.add(RuleKind.REQUIRED);
        assertThat(ds1.vm.statusProperty().get()).as("a new rule added").isEmpty();
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void aSentenceThatIsNotAboutTheReviewStaysWhenAnotherRuleIsSelected() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();
        ds1.vm.readColumnValues();
        String hint = ds1.vm.statusProperty().get();
        assertThat(hint).startsWith("The column's values come from a review");

        ds1.vm.select(rule(ds1.vm, "supplier-known"));

        assertThat(ds1.vm.statusProperty().get()).isEqualTo(hint);
    }

    @Test
    void aValueOnARowGoesOnceTheExpressionOrTheRowItWasWorkedOutForChanges() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.EXPRESSION);
        ds1.vm.form().expressionProperty().set("water_kg / cemnt_kg");
        ds1.vm.expressionTryout().evaluateOnRow();
        assertThat(ds1.vm.expressionTryout().rowValueProperty().get()).contains("cemnt_kg");

        ds1.vm.form().expressionProperty().set("water_kg / cement_kg");
        assertThat(ds1.vm.expressionTryout().rowValueProperty().get()).as("no word on the typo put right").isEmpty();

        ds1.vm.expressionTryout().evaluateOnRow();
        assertThat(ds1.vm.expressionTryout().rowValueProperty().get()).startsWith("Row 2: 0.6");
        ds1.vm.expressionTryout().rowToTryProperty().set("3");
        assertThat(ds1.vm.expressionTryout().rowValueProperty().get()).as("row 2's value is not row 3's").isEmpty();
    }

    @Test
    void theExpressionIsEvaluatedOnARowOfTheReview() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.EXPRESSION);
        ds1.vm.form().expressionProperty().set("water_kg / cement_kg");
        ds1.vm.expressionTryout().rowToTryProperty().set("2");

        ds1.vm.expressionTryout().evaluateOnRow();

        assertThat(ds1.vm.expressionTryout().rowValueProperty().get()).startsWith("Row 2: 0.6");
        ds1.vm.expressionTryout().rowToTryProperty().set("two");
        ds1.vm.expressionTryout().evaluateOnRow();
        assertThat(ds1.vm.expressionTryout().rowValueProperty().get()).isEqualTo("Type the number of a row, as the grid shows it,"
                + " such as 2.");
    }

    @Test
    void aDateComparedWithATextIsAProblemOfTheFormThatSaysWhatToWriteBeforeAnythingIsKeptOrApplied() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        Path review = ds1.workbench.reviewProperty().get();
        Profile before = ds1.workbench.profileProperty().get();
        ds1.vm.add(RuleKind.EXPRESSION);
        ds1.vm.form().idProperty().set("recent");
        ds1.vm.form().expressionProperty().set("cast_date > \"2021-01-01\"");
        ds1.vm.expressionTryout().rowToTryProperty().set("2");

        ds1.vm.expressionTryout().evaluateOnRow();
        ds1.pause();

        assertThat(ds1.vm.form().problemProperty().get()).isEqualTo("The comparison of cast_date (a date) with"
                + " \"2021-01-01\" (a text) at position 11 can never be computed: write cast_date >"
                + " DATE(\"2021-01-01\") to compare it with that day.");
        assertThat(ds1.vm.form().expressionMarkerBinding().get()).isEqualTo("cast_date > \"2021-01-01\"\n"
                + " ".repeat(10) + "^");
        assertThat(ds1.vm.form().specProperty().get()).as("Keep and Apply are disabled while there is a problem")
                .isNull();
        assertThat(ds1.vm.preview().summaryProperty().get()).isEmpty();
        // "Value on row" still says what the row gives
        assertThat(ds1.vm.expressionTryout().rowValueProperty().get()).isEqualTo("On row 2 the expression has no"
                + " value: it compares a date (2022-12-26) with the text \"2021-01-01\" by >: write"
                + " DATE(\"2021-01-01\") to compare it with that day (cast_date=2022-12-26).");
        assertThat(ds1.vm.keep()).isFalse();
        ds1.vm.apply();
        assertThat(ds1.workbench.profileProperty().get()).isEqualTo(before);
        assertThat(ds1.workbench.reviewProperty().get()).isEqualTo(review);

        ds1.vm.form().expressionProperty().set("cast_date > DATE('2021-01-01')");
        ds1.vm.expressionTryout().evaluateOnRow();
        ds1.pause();
        assertThat(ds1.vm.form().problemProperty().get()).isNull();
        assertThat(ds1.vm.expressionTryout().rowValueProperty().get()).isEqualTo("Row 2: true");
        assertThat(ds1.vm.preview().summaryProperty().get()).matches("Would flag \\d+ of 200 rows\\.");
        assertThat(ds1.vm.preview().examples()).noneMatch(e -> e.message().contains("cannot be computed"));
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void aRequiredWhenConditionBuiltOnADateColumnWritesATypedDayAsADateAndRefusesAnyOtherText() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.REQUIRED_WHEN);
        RuleForm form = ds1.vm.form();
        form.idProperty().set("strength-recent");
        form.columnProperty().set("strength_mpa");
        form.whenColumnProperty().set("cast_date");
        form.whenOperatorProperty().set(">");
        form.whenValueProperty().set("2021-01-01");

        assertThat(form.problemProperty().get()).isNull();
        assertThat(form.specProperty().get().when()).isEqualTo("cast_date > DATE(\"2021-01-01\")");
        assertThat(ds1.vm.keep()).isTrue();
        ds1.vm.select(rule(ds1.vm, "strength-recent"));
        assertThat(form.conditionTypedProperty().get()).as("read back into its three parts").isFalse();
        assertThat(form.whenValueProperty().get()).isEqualTo("2021-01-01");
        assertThat(form.changedProperty().get()).isFalse();

        form.whenValueProperty().set("soon");
        assertThat(form.problemProperty().get()).isEqualTo("The comparison of cast_date (a date) with \"soon\" (a text)"
                + " at position 11 can never be computed: a date compares only with a date, such as"
                + " DATE(\"2021-01-01\") or TODAY().");

        form.whenColumnProperty().set("supplier_code");
        form.whenOperatorProperty().set("=");
        form.whenValueProperty().set("2021-01-01");
        assertThat(form.problemProperty().get()).isNull();
        assertThat(form.specProperty().get().when()).as("a text column keeps the text").isEqualTo(
                "supplier_code = \"2021-01-01\"");
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void aProfileAlreadyHoldingSuchARuleIsListedWholeAndSaysSoInOneSentence() {
        Ds1Rules ds1 = new Ds1Rules(home);
        Profile profile = ds1.workbench.profileProperty().get();
        List<RuleSpec> rules = new java.util.ArrayList<>(profile.rules());
        rules.add(new RuleSpec("recent", "expression", null, null, null, null, null, null, null, null, null,
                "cast_date > \"2021-01-01\"", null, null));
        ds1.workbench.profileProperty().set(profile.withRules(rules));

        ds1.vm.refresh();

        assertThat(ds1.vm.rules()).anyMatch(r -> r.id().equals("recent") && r.editable());
        assertThat(ds1.vm.statusProperty().get()).isEqualTo("Rule 'recent' of profile 'ds1-concrete-mix' is kept,"
                + " but its expression compares cast_date (a date) with \"2021-01-01\" (a text) at position 11,"
                + " which can never be computed; write cast_date > DATE(\"2021-01-01\") to compare it with that"
                + " day.");
        assertThat(ds1.vm.select(rule(ds1.vm, "recent"))).isTrue();
        assertThat(ds1.vm.form().problemProperty().get()).startsWith("The comparison of cast_date (a date)");
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void theRatioTemplateFillsTheFormWithTheExpressionAsANewRule() {
        Ds1Rules ds1 = new Ds1Rules(home);
        ds1.vm.refresh();
        ds1.dialogs.formNext("water_kg", "cement_kg", "0.25", "0.80");

        ds1.vm.addFromTemplate(RuleTemplate.RATIO);

        RuleForm form = ds1.vm.form();
        assertThat(form.kindProperty().get()).isEqualTo(RuleKind.EXPRESSION);
        assertThat(form.expressionProperty().get()).isEqualTo("water_kg / cement_kg");
        assertThat(form.idProperty().get()).isEqualTo("ratio-water-kg");
        assertThat(form.changedProperty().get()).isTrue();
        assertThat(ds1.vm.keep()).isTrue();
        assertThat(ds1.workbench.profileProperty().get().rules()).hasSize(7);
    }

    @Test
    void theOutlierTemplateTakesTheColumnsMeanAndSpreadFromTheReview() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        ds1.dialogs.formNext("strength_mpa", "3");

        ds1.vm.addFromTemplate(RuleTemplate.OUTLIER);

        RuleForm form = ds1.vm.form();
        assertThat(form.kindProperty().get()).isEqualTo(RuleKind.RANGE);
        assertThat(form.columnProperty().get()).isEqualTo("strength_mpa");
        assertThat(RuleForm.number(form.minProperty().get())).isLessThan(RuleForm.number(form.maxProperty().get()));
        assertThat(form.severityProperty().get()).isEqualTo(RuleForm.WARNING);
        assertThat(ds1.failures).isEmpty();
    }

    @Test
    void allowedValuesArePickedFromTheColumnsValuesInTheReview() {
        Ds1Rules ds1 = new Ds1Rules(home).validated();
        ds1.vm.refresh();
        ds1.vm.add(RuleKind.ALLOWED);
        ds1.vm.form().columnProperty().set("supplier_code");

        ds1.vm.readColumnValues();

        assertThat(ds1.vm.columnValues()).extracting(v -> v.value()).contains("CEMS", "NORD");
        ds1.vm.addAllowedValue("CEMS");
        ds1.vm.addAllowedValue("NORD");
        ds1.vm.addAllowedValue("CEMS");
        assertThat(ds1.vm.form().valueLines()).containsExactly("CEMS", "NORD");
    }
}
