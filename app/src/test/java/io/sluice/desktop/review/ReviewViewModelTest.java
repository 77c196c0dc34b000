package io.sluice.desktop.review;

import io.sluice.core.Severity;
import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.review.ReviewQuery;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.rules.Finding;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewViewModelTest {

    /** ds1-concrete-mix.csv holds 200 data rows (rows 2..201). */
    private static final int DS1_ROWS = 200;

    @TempDir
    Path home;

    private final Workbench workbench = new Workbench();
    private final DesktopSettings settings = new DesktopSettings();
    private final List<Throwable> failures = new ArrayList<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private ReviewValidation validation;
    private ReviewViewModel vm;

    @BeforeEach
    void mapTheSample() {
        Samples.Sample ds1 = Samples.all().get(0);
        workbench.sourceFileProperty().set(Samples.extract(ds1, home));
        workbench.profileProperty().set(ProfileIO.read(Samples.profileOf(ds1, home)));
        var tasks = SyncTasks.runner(failures);
        validation = new ReviewValidation(workbench, tasks, settings, home.resolve("reviews"),
                (title, error) -> failures.add(error));
        vm = new ReviewViewModel(workbench, tasks, validation, dialogs, (title, error) -> failures.add(error));
    }

    @AfterEach
    void close() {
        vm.close();
        assertThat(failures).isEmpty();
    }

    @Test
    void validatesTheMappedSourceIntoANewReviewAndOpensIt() {
        validation.start();

        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.READY);
        assertThat(workbench.reviewedSheetProperty().get()).as("the review of one sheet").isNull();
        Path file = vm.fileProperty().getValue();
        assertThat(file.getParent()).isEqualTo(home.resolve("reviews"));
        assertThat(file.getFileName().toString()).matches("ds1-concrete-mix-\\d{8}-\\d{6}\\.sluice");
        assertThat(workbench.reviewProperty().get()).isEqualTo(file);
        assertThat(settings.recentReviews()).containsExactly(file.toAbsolutePath().normalize());
        assertThat(vm.counts().totalProperty().getValue().longValue()).isEqualTo(DS1_ROWS);
        assertThat(vm.counts().pendingProperty().getValue().longValue()).isEqualTo(DS1_ROWS);
        assertThat(vm.counts().findingsProperty().getValue().rowsWithErrors()).isPositive();
        assertThat(vm.dashboard().qualityProperty().getValue()).as("not read while the dashboard is hidden").isNull();
        vm.dashboard().setShown(true);
        assertThat(vm.dashboard().qualityProperty().getValue().summary()).isPresent();
        assertThat(vm.columns()).startsWith("Mix Code", "Cement (kg/m3)");
    }

    @Test
    void staysEmptyUntilASourceIsMapped() {
        workbench.profileProperty().set(null);
        validation.start();
        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.EMPTY);
        assertThat(vm.canValidate()).isFalse();
        assertThat(home.resolve("reviews")).doesNotExist();
    }

    @Test
    void pagesRowsOutOfTheReviewOnDemand() {
        validation.start();
        PagedRows rows = vm.rowsProperty().getValue();
        assertThat(rows).hasSize(DS1_ROWS);
        assertThat(vm.loadedRow(195)).as("nothing read before it is asked for").isNull();
        GridRow row = rows.get(195);
        assertThat(row.row()).isEqualTo(197);
        assertThat(vm.loadedRow(0).row()).as("the whole page came with it").isEqualTo(2);
        assertThat(row.cells()).hasSize(vm.columns().size());
    }

    @Test
    void indexesTheCellsForSearchOnceTheReviewIsOpenAndSearchesTheSameRowsWithTheIndex() {
        validation.start();
        Path file = vm.fileProperty().getValue();
        try (Review review = Review.open(file)) {
            assertThat(review.searchIndexed()).as("built in the background after the first screen").isTrue();
        }
        assertThat(vm.noticeProperty().getValue()).as("no problem writing it").isEmpty();
        vm.filters().searchTextProperty().set("ds1-000010");
        assertThat(visible()).extracting(r -> r.cells().get(0)).containsExactly("DS1-000010");
        vm.filters().searchTextProperty().set("DS1-00001");
        assertThat(visible()).extracting(r -> r.cells().get(0)).containsExactly("DS1-000010", "DS1-000011",
                "DS1-000012", "DS1-000014", "DS1-000015", "DS1-000016", "DS1-000017", "DS1-000018",
                "DS1-000019");
    }

    @Test
    void filtersByFindingStatusAndTextAndSortsNumerically() {
        validation.start();
        long withErrors = vm.counts().findingsProperty().getValue().rowsWithErrors();
        vm.filters().findingFilterProperty().set(FindingFilter.ERRORS);
        assertThat(vm.shownProperty().getValue().longValue()).isEqualTo(withErrors);
        assertThat(visible()).allSatisfy(r -> assertThat(r.findings()).extracting(Finding::severity)
                .contains(Severity.ERROR));

        String rule = vm.counts().findingsProperty().getValue().byRule().keySet().iterator().next();
        vm.filters().findingFilterProperty().set(FindingFilter.rule(rule, 0));
        assertThat(visible()).allSatisfy(r -> assertThat(r.findings()).extracting(Finding::rule).contains(rule));

        vm.filters().findingFilterProperty().set(FindingFilter.ALL);
        vm.filters().searchTextProperty().set("ds1-000010");
        assertThat(visible()).extracting(r -> r.cells().get(0)).containsExactly("DS1-000010");

        vm.filters().searchTextProperty().set("");
        vm.filters().sortProperty().set(new ReviewQuery.Sort(1, false));
        List<Double> cement = visible().stream().map(r -> r.cells().get(1)).filter(t -> t.matches("[0-9.]+"))
                .map(Double::valueOf).toList();
        assertThat(cement).hasSizeGreaterThan(100).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        vm.filters().statusFilterProperty().set(StatusFilter.APPROVED);
        assertThat(vm.shownProperty().getValue().longValue()).isZero();
    }

    @Test
    void aSearchMatchingMoreRowsThanItsFirstScreenShowsEveryMatchOnceTheyAreCounted() {
        validation.start();
        long withErrors = vm.counts().findingsProperty().getValue().rowsWithErrors();
        vm.filters().searchTextProperty().set("ds1-0001");

        PagedRows rows = vm.rowsProperty().getValue();
        assertThat(vm.countedProperty().getValue()).isTrue();
        assertThat(rows.size()).isGreaterThan(ReviewQuery.FIRST_MATCHES)
                .isEqualTo(vm.shownProperty().getValue().intValue());
        assertThat(vm.shownTextBinding().get()).isEqualTo(String.format("Showing %d of %d rows", rows.size(),
                DS1_ROWS));
        List<GridRow> shown = visible();
        assertThat(shown).extracting(GridRow::row).doesNotHaveDuplicates().isSorted();
        assertThat(shown).allSatisfy(r -> assertThat(String.join("|", r.cells()).toLowerCase())
                .contains("ds1-0001"));

        vm.filters().findingFilterProperty().set(FindingFilter.ERRORS);
        assertThat(vm.shownProperty().getValue().longValue()).isLessThanOrEqualTo(withErrors)
                .isEqualTo(visible().size());
    }

    @Test
    void aViewIsCountedOnlyOnceTheGridHasDrawnItsFirstRowsAndASupersededOneNotAtAll() {
        List<Runnable> drawn = new ArrayList<>();
        ReviewViewModel synchronous = vm;
        vm = new ReviewViewModel(workbench, SyncTasks.runner(failures), validation, dialogs,
                (title, error) -> failures.add(error), null, drawn::add);
        validation.start();
        synchronous.close();
        assertThat(vm.rowsProperty().getValue()).as("the first rows, not yet counted")
                .hasSize(ReviewQuery.FIRST_MATCHES);
        assertThat(vm.countedProperty().getValue()).isFalse();

        runAndForget(drawn);
        assertThat(vm.countedProperty().getValue()).as("counted once the grid has drawn the first rows").isTrue();
        assertThat(vm.rowsProperty().getValue()).hasSize(DS1_ROWS);
        assertThat(vm.shownTextBinding().get()).isEqualTo(String.format("Showing %d of %d rows", DS1_ROWS,
                DS1_ROWS));
        assertThat(vm.dashboard().qualityProperty().getValue()).as("the hidden dashboard reads nothing").isNull();

        vm.filters().searchEntered("ds1-0001");
        List<Runnable> search = List.copyOf(drawn);
        drawn.clear();
        vm.filters().searchEntered("");
        search.forEach(Runnable::run);
        assertThat(vm.countedProperty().getValue()).as("the search's count is not the view's now shown").isFalse();
        assertThat(vm.rowsProperty().getValue()).hasSize(ReviewQuery.FIRST_MATCHES);
        runAndForget(drawn);
        assertThat(vm.countedProperty().getValue()).isTrue();
        assertThat(vm.rowsProperty().getValue()).hasSize(DS1_ROWS);
    }

    private static void runAndForget(List<Runnable> actions) {
        List<Runnable> now = List.copyOf(actions);
        actions.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void whileTheRowsShownAreCountedTheBarAndTheQuestionsNameNoCount() {
        HeldTasks background = new HeldTasks();
        TaskRunner tasks = new TaskRunner(Runnable::run, background);
        tasks.setFailureHandler((title, error) -> failures.add(error));
        ReviewViewModel synchronous = vm;
        vm = new ReviewViewModel(workbench, tasks, new ReviewValidation(workbench, tasks, settings,
                home.resolve("reviews"), (title, error) -> failures.add(error)), dialogs,
                (title, error) -> failures.add(error));
        vm.validateNow();
        background.runAll();
        // the first view model follows the workbench to the new review too
        synchronous.close();
        assertThat(vm.countedProperty().getValue()).isTrue();

        background.hold();
        vm.filters().searchEntered("ds1-0001");
        background.runNext();
        assertThat(vm.countedProperty().getValue()).as("the count is still to come").isFalse();
        assertThat(vm.rowsProperty().getValue()).hasSize(ReviewQuery.FIRST_MATCHES);
        assertThat(vm.shownTextBinding().get()).isEqualTo(String.format("Showing %d+ of %d rows (counting…)",
                ReviewQuery.FIRST_MATCHES, DS1_ROWS));
        assertThat(vm.loadedRow(0)).as("the first page came with the first rows").isNotNull();
        dialogs.declineNext();
        vm.actions().approveShown();
        dialogs.reasonNext(null);
        vm.actions().rejectShown();
        assertThat(dialogs.asked()).extracting(ScriptedDialogs.Question::header).containsExactly(
                String.format("Approve the rows shown (still being counted)? Up to %d of them have errors.",
                        vm.counts().findingsProperty().getValue().rowsWithErrors()),
                "Reject the rows shown (still being counted)");
        assertCounts(DS1_ROWS, 0, 0);

        background.runAll();
        assertThat(vm.countedProperty().getValue()).isTrue();
        long shown = vm.shownProperty().getValue().longValue();
        assertThat(shown).isGreaterThan(ReviewQuery.FIRST_MATCHES);
        assertThat(vm.rowsProperty().getValue()).hasSize((int) shown);
        assertThat(vm.shownTextBinding().get()).isEqualTo(String.format("Showing %d of %d rows", shown, DS1_ROWS));
    }

    @Test
    void decidesUndoesAndRedoesWithCountsAndDescriptions() {
        validation.start();
        showFirstScreen();
        vm.actions().reject(List.of(0), "Wrong supplier");
        assertThat(vm.actions().lastReasonProperty().getValue()).isEqualTo("Wrong supplier");
        assertThat(vm.counts().undoDescriptionProperty().getValue()).isEqualTo("Reject row 2");
        vm.actions().approve(List.of(1, 2, 3));
        assertThat(vm.rowsProperty().getValue().get(0).decision().status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(vm.rowsProperty().getValue().get(3).decision().status()).isEqualTo(DecisionStatus.APPROVED);
        assertCounts(DS1_ROWS - 4, 3, 1);

        vm.actions().undo();
        assertCounts(DS1_ROWS - 1, 0, 1);
        assertThat(vm.counts().redoDescriptionProperty().getValue()).isEqualTo("Approve 3 selected rows");
        assertThat(vm.counts().canRedo().get()).isTrue();
        vm.actions().redo();
        assertCounts(DS1_ROWS - 4, 3, 1);

        vm.actions().approveAllValid();
        long valid = DS1_ROWS - vm.counts().findingsProperty().getValue().rowsWithErrors();
        assertThat(vm.counts().approvedProperty().getValue().longValue()).isBetween(valid - 4, valid + 3);
        vm.actions().rejectAllWithErrors("Errors left");
        assertThat(vm.counts().pendingProperty().getValue().longValue()).isZero();
    }

    @Test
    void approvesOrRejectsWhatTheFilterShows() {
        validation.start();
        vm.filters().findingFilterProperty().set(FindingFilter.ERRORS);
        long shown = vm.shownProperty().getValue().longValue();
        vm.actions().rejectShown("Bad rows");
        assertCounts(DS1_ROWS - shown, 0, shown);
        assertThat(vm.actions().lastActionProperty().getValue()).isEqualTo("Rejected " + shown + " rows.");
        vm.filters().statusFilterProperty().set(StatusFilter.PENDING);
        vm.filters().findingFilterProperty().set(FindingFilter.ALL);
        vm.actions().approveShown();
        assertCounts(0, DS1_ROWS - shown, shown);
    }

    @Test
    void aFilterThatShowsNoRowsDecidesNothingAndSaysSoWithoutAskingWhy() {
        validation.start();
        String undo = vm.counts().undoDescriptionProperty().getValue();
        vm.filters().searchEntered("no cell holds this text");
        assertThat(vm.countedProperty().getValue()).isTrue();
        assertThat(vm.shownProperty().getValue().longValue()).isZero();

        vm.actions().rejectShown();
        assertThat(vm.actions().lastActionProperty().getValue())
                .isEqualTo("The filter shows no rows: nothing rejected.");
        vm.actions().approveShown();
        assertThat(vm.actions().lastActionProperty().getValue())
                .isEqualTo("The filter shows no rows: nothing approved.");

        assertThat(dialogs.asked()).as("no reason asked for no rows").isEmpty();
        assertCounts(DS1_ROWS, 0, 0);
        assertThat(vm.counts().undoDescriptionProperty().getValue()).isEqualTo(undo);
    }

    @Test
    void editValidatesTheRowAgainAndUndoPutsItBack() {
        validation.start();
        vm.filters().findingFilterProperty().set(FindingFilter.column("Cement (kg/m3)", 0));
        assertThat(vm.shownProperty().getValue().longValue()).isPositive();
        GridRow before = vm.rowsProperty().getValue().get(0);
        int cement = vm.columns().indexOf("Cement (kg/m3)");
        assertThat(before.findings()).extracting(Finding::column).contains("Cement (kg/m3)");

        vm.actions().edit(0, cement, "350");
        GridRow after = vm.rowsProperty().getValue().get(0);
        assertThat(after.row()).isEqualTo(before.row());
        assertThat(after.cells().get(cement)).isEqualTo("350");
        assertThat(after.isEdited(cement)).isTrue();
        assertThat(after.findings()).extracting(Finding::column).doesNotContain("Cement (kg/m3)");
        assertThat(vm.counts().undoDescriptionProperty().getValue()).startsWith("Edit B" + before.row());

        vm.actions().undo();
        GridRow undone = vm.rowsProperty().getValue().get(0);
        assertThat(undone.cells().get(cement)).isEqualTo(before.cells().get(cement));
        assertThat(undone.findings()).extracting(Finding::column).contains("Cement (kg/m3)");
    }

    @Test
    void theDashboardOnScreenFollowsEachEditUndoAndDecision() {
        validation.start();
        vm.dashboard().setShown(true);
        ReviewAccess.Quality original = vm.dashboard().qualityProperty().getValue();
        vm.filters().findingFilterProperty().set(FindingFilter.column("Cement (kg/m3)", 0));
        GridRow broken = vm.rowsProperty().getValue().get(0);
        // 0 kg of cement: the CHECK on the cell, and the water/cement ratio that cannot be computed on the row
        assertThat(broken.findings()).extracting(Finding::column).containsOnly("Cement (kg/m3)", null);

        vm.actions().edit(0, vm.columns().indexOf("Cement (kg/m3)"), "350");
        var fixed = vm.dashboard().qualityProperty().getValue().summary().orElseThrow();
        assertThat(fixed.withErrors()).isEqualTo(original.summary().orElseThrow().withErrors() - 1);
        assertThat(fixed.valid()).isEqualTo(original.summary().orElseThrow().valid() + 1);

        vm.actions().undo();
        assertThat(vm.dashboard().qualityProperty().getValue()).as("undo brings back exactly the figures before the edit")
                .isEqualTo(original);

        vm.dashboard().setShown(false);
        vm.actions().redo();
        assertThat(vm.dashboard().qualityProperty().getValue()).as("not read while the dashboard is hidden").isEqualTo(original);
        vm.dashboard().setShown(true);
        assertThat(vm.dashboard().qualityProperty().getValue().summary().orElseThrow()).isEqualTo(fixed);
    }

    @Test
    void losesNothingWhenTheAppDiesWithTheReviewOpen() {
        validation.start();
        showFirstScreen();
        vm.actions().reject(List.of(4), "Duplicate");
        vm.actions().approve(List.of(5));
        int water = vm.columns().indexOf("Water (kg/m3)");
        vm.actions().edit(6, water, "180.5");

        // A second, independent reader of the same file sees what a kill -9 now would leave.
        try (Review again = Review.open(vm.fileProperty().getValue());
             ReviewSession session = ReviewSession.open(again, null)) {
            assertThat(session.decision(6).orElseThrow().reason()).isEqualTo("Duplicate");
            assertThat(session.decision(7).orElseThrow().status()).isEqualTo(DecisionStatus.APPROVED);
            assertThat(session.effectiveRow(8).cell(water).text()).isEqualTo("180.5");
            assertThat(session.undoDescription()).hasValueSatisfying(d -> assertThat(d).startsWith("Edit "));
        }
    }

    @Test
    void opensASavedReviewSetOnTheWorkbench() throws Exception {
        validation.start();
        showFirstScreen();
        Path file = vm.fileProperty().getValue();
        vm.actions().reject(List.of(0), "Old");
        workbench.reviewProperty().set(null);
        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.EMPTY);

        workbench.openReview(file);
        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.READY);
        assertThat(vm.counts().rejectedProperty().getValue().longValue()).isEqualTo(1);
        assertThat(vm.counts().undoDescriptionProperty().getValue()).isEqualTo("Reject row 2");
        try (var files = Files.list(home.resolve("reviews"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".sluice")).count()).isEqualTo(1);
        }
    }

    @Test
    void aFailedValidationSaysSoAndRunsAgainOnlyWhenAskedTo() {
        Profile p = workbench.profileProperty().get();
        workbench.profileProperty().set(new Profile(p.format(), p.version(), p.name(),
                p.source(), "no_such_table", p.columns(), p.nullMarkers(), p.rules(), p.naturalKey(), p.commitMode(),
                p.legacyId()));
        validation.start();
        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.EMPTY);
        assertThat(vm.noticeProperty().getValue()).startsWith("The validation did not finish: ")
                .endsWith("No review was saved.");
        assertThat(failures).hasSize(1);
        vm.validateNow();
        assertThat(failures).hasSize(2);
        assertThat(home.resolve("reviews").toFile().list((d, n) -> n.endsWith(".sluice"))).isNullOrEmpty();
        failures.clear();
    }

    @Test
    void showingTheStepStartsNoValidation() {
        ReviewViewModel another = new ReviewViewModel(workbench, SyncTasks.runner(failures), validation, dialogs,
                (title, error) -> failures.add(error));
        assertThat(another.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.EMPTY);
        assertThat(another.canValidate()).isTrue();
        assertThat(home.resolve("reviews")).doesNotExist();
    }

    @Test
    void aNewReviewStartsWithoutThePreviousReviewsMessages() {
        validation.start();
        showFirstScreen();
        vm.actions().reject(List.of(0), "Old");
        assertThat(vm.actions().lastActionProperty().getValue()).isEqualTo("Rejected row 2.");

        validation.start();

        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.READY);
        assertThat(vm.actions().lastActionProperty().getValue()).isEmpty();
        assertThat(vm.actions().lastReasonProperty().getValue()).isEmpty();
    }

    @Test
    void approvingRowsWithErrorsAsksFirstAndSaysHowMany() {
        validation.start();
        vm.filters().findingFilterProperty().set(FindingFilter.ERRORS);
        showFirstScreen();
        vm.filters().findingFilterProperty().set(FindingFilter.ALL);
        showFirstScreen();
        List<Integer> withErrors = IntStream.range(0, 20).filter(i -> ReviewActions.hasErrors(vm.loadedRow(i)))
                .boxed().toList();
        List<Integer> valid = IntStream.range(0, 20).filter(i -> !ReviewActions.hasErrors(vm.loadedRow(i)))
                .boxed().toList();
        assertThat(withErrors).isNotEmpty();
        List<Integer> mixed = List.of(valid.get(0), withErrors.get(0));

        dialogs.declineNext();
        vm.actions().approve(mixed);
        assertThat(dialogs.asked()).singleElement().satisfies(q -> {
            assertThat(q.header()).isEqualTo("Approve 2 rows? 1 of them has errors.");
            assertThat(q.text()).startsWith("Row " + vm.loadedRow(withErrors.get(0)).row() + ": ");
        });
        assertCounts(DS1_ROWS, 0, 0);
        assertThat(vm.actions().lastActionProperty().getValue()).isEqualTo("Nothing approved.");

        vm.actions().approve(List.of(valid.get(0)));
        assertThat(dialogs.asked()).as("a valid row is approved without a word").hasSize(1);
        vm.actions().approve(mixed);
        assertThat(dialogs.asked()).hasSize(2);
        assertCounts(DS1_ROWS - 2, 2, 0);
    }

    @Test
    void bulkApprovalsOfManyRowsAskFirstAndANoDecidesNothing() {
        validation.start();
        dialogs.declineNext();
        vm.actions().approveAllValid();
        assertThat(dialogs.asked()).singleElement().satisfies(q -> assertThat(q.header())
                .isEqualTo("Approve all valid pending rows?"));
        assertCounts(DS1_ROWS, 0, 0);

        dialogs.declineNext();
        vm.actions().approveShown();
        assertThat(dialogs.asked().get(1).header()).startsWith("Approve the 200 rows shown? Up to ")
                .endsWith(" of them have errors.");
        assertCounts(DS1_ROWS, 0, 0);

        dialogs.reasonNext(null);
        vm.actions().rejectShown();
        assertThat(dialogs.asked().get(2).header()).isEqualTo("Reject the 200 rows shown");
        assertCounts(DS1_ROWS, 0, 0);

        dialogs.reasonNext("Not ours");
        vm.actions().rejectAllWithErrors();
        long withErrors = vm.counts().findingsProperty().getValue().rowsWithErrors();
        assertCounts(DS1_ROWS - withErrors, 0, withErrors);
    }

    @Test
    void saysInOneSentenceWhyAFileCannotBeOpened() throws Exception {
        Path notAReview = Files.writeString(home.resolve("notes.sluice"), "not a review");
        workbench.openReview(notAReview);
        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.EMPTY);
        assertThat(failures).singleElement().satisfies(e -> assertThat(e)
                .isInstanceOf(SluiceException.class).hasMessageContaining("notes.sluice"));
        failures.clear();
    }

    /** What the grid does when it draws the first screen: reads the rows it shows. */
    private void showFirstScreen() {
        vm.rowsProperty().getValue().get(0);
    }

    private List<GridRow> visible() {
        PagedRows rows = vm.rowsProperty().getValue();
        return IntStream.range(0, rows.size()).mapToObj(rows::get).toList();
    }

    private void assertCounts(long pending, long approved, long rejected) {
        assertThat(List.of(vm.counts().pendingProperty().getValue().longValue(), vm.counts().approvedProperty().getValue().longValue(),
                vm.counts().rejectedProperty().getValue().longValue())).containsExactly(pending, approved, rejected);
    }

    @Test
    void searchesOnceTypingPausesOrAtOnceOnEnter() {
        List<Runnable> pauses = new ArrayList<>();
        ReviewViewModel typed = new ReviewViewModel(workbench, SyncTasks.runner(failures), validation, dialogs,
                (title, error) -> failures.add(error), (wait, action) -> {
                    pauses.add(action);
                    return () -> pauses.remove(action);
                });
        validation.start();
        assertThat(typed.shownProperty().getValue().longValue()).isEqualTo(DS1_ROWS);

        typed.filters().searchTyped("ds1-00001");
        typed.filters().searchTyped("ds1-000010");
        assertThat(typed.shownProperty().getValue().longValue()).as("still typing").isEqualTo(DS1_ROWS);
        assertThat(pauses).hasSize(1);
        pauses.get(0).run();
        assertThat(typed.filters().searchTextProperty().get()).isEqualTo("ds1-000010");
        assertThat(typed.shownProperty().getValue().longValue()).isEqualTo(1);

        typed.filters().searchTyped("ds1-0000");
        typed.filters().searchEntered("");
        assertThat(pauses).as("Enter searches at once, no pause left to wait for").isEmpty();
        assertThat(typed.shownProperty().getValue().longValue()).isEqualTo(DS1_ROWS);
        typed.close();
    }

    @Test
    void theEmptyScreenOffersToValidateAMappedSourceOrToMapOne() {
        assertThat(vm.emptyTitle()).isEqualTo("Validate the mapped source");
        assertThat(vm.emptyAction()).isEqualTo("_Validate now");

        workbench.profileProperty().set(null);

        assertThat(vm.emptyTitle()).isEqualTo("Map a source first");
        assertThat(vm.emptyText()).startsWith("The review shows each row of your file");
        vm.validateOrGoToMapping();
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.MAPPING);
        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.EMPTY);
    }

    @Test
    void theSidePanelDescribesTheFirstSelectedRowAndCountsTheOthers() {
        validation.start();
        vm.rowsProperty().getValue().get(0);
        vm.actions().reject(List.of(0), "Supplier unknown");
        vm.rowsProperty().getValue().get(0);

        assertThat(vm.selectionText(List.of())).isEqualTo("Select a row to see its findings.");
        assertThat(vm.selectionText(List.of(0, 1, 2))).startsWith("Row 2 (and 2 more selected) · ")
                .contains(": Supplier unknown");
        assertThat(vm.fileTextBinding().get()).endsWith("  ·  200 rows");
        assertThat(vm.shownTextBinding().get()).isEqualTo("Showing 200 of 200 rows");
    }
}
