package io.sluice.desktop.review;

import io.sluice.core.cleaning.Candidate;
import io.sluice.core.cleaning.Correction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionsViewModelTest {

    @TempDir
    Path home;

    private Ds4Review review;
    private SuggestionsViewModel suggestions;

    @BeforeEach
    void openTheSample() {
        review = new Ds4Review(home);
        ReviewCleaning cleaning = ReviewCleaning.of(review.vm, review.workbench, review.tasks, review.dialogs,
                (title, error) -> review.failures.add(error));
        suggestions = cleaning.suggestions();
    }

    @AfterEach
    void close() {
        review.close();
        assertThat(review.failures).isEmpty();
    }

    @Test
    void listsEachBadValueOnceWithItsRowsAndBestCandidates() {
        assertThat(suggestions.corrections()).as("nothing before the panel is shown").isEmpty();
        suggestions.setShown(true);

        Correction nrd = nrd();
        assertThat(nrd.rows()).isEqualTo(15);
        assertThat(nrd.candidates().get(0)).isEqualTo(new Candidate("NORD", 92, "one letter missing"));
        assertThat(SuggestionsViewModel.describe(nrd)).isEqualTo("Supplier: 'NRD' in 15 rows");
        assertThat(suggestions.statusProperty().getValue()).endsWith("have suggestions.");
    }

    @Test
    void acceptingOneCandidateReplacesItInAllItsRowsAsOneUndoableStep() {
        suggestions.setShown(true);
        long errors = review.rowsWithErrors();
        suggestions.accept(nrd(), nrd().candidates().get(0));

        assertThat(review.vm.actions().lastActionProperty().getValue())
                .isEqualTo("Replace 'NRD' by 'NORD' in 'Supplier': 15 cells changed.");
        assertThat(review.rowsWithErrors()).isLessThan(errors);
        assertThat(suggestions.corrections()).as("worked out again").noneMatch(c -> c.value().equals("NRD"));

        review.vm.actions().undo();
        assertThat(review.rowsWithErrors()).isEqualTo(errors);
        assertThat(nrd().rows()).isEqualTo(15);
    }

    @Test
    void acceptingEverySuggestionAboveAScoreShowsWhatFirstAndANoChangesNothing() {
        suggestions.setShown(true);
        long errors = review.rowsWithErrors();

        review.dialogs.declineNext();
        suggestions.acceptAll(90);
        assertThat(review.dialogs.asked().get(0).header()).startsWith("Accept ").contains("scoring 90 or more?");
        assertThat(review.dialogs.asked().get(0).text()).contains("Supplier: 'NRD' → 'NORD' (15 rows)");
        assertThat(review.vm.actions().lastActionProperty().getValue()).isEqualTo("Nothing changed.");
        assertThat(review.rowsWithErrors()).isEqualTo(errors);

        suggestions.acceptAll(90);
        assertThat(review.rowsWithErrors()).isLessThan(errors);
        assertThat(suggestions.corrections()).noneMatch(c -> c.value().equals("NRD"));
    }

    @Test
    void aScoreNoSuggestionReachesSaysSo() {
        suggestions.setShown(true);
        suggestions.acceptAll(100);
        assertThat(review.dialogs.asked()).isEmpty();
        assertThat(review.vm.actions().lastActionProperty().getValue())
                .isEqualTo("No suggestion scores 100 or more without a tie.");
    }

    private Correction nrd() {
        return suggestions.corrections().stream().filter(c -> c.column().equals("Supplier")
                && c.value().equals("NRD")).findFirst().orElseThrow();
    }
}
