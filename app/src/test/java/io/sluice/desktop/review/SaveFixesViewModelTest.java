package io.sluice.desktop.review;

import io.sluice.desktop.review.ValueFixesViewModel.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SaveFixesViewModelTest {

    @TempDir
    Path home;

    private Ds4Review review;
    private ReviewCleaning cleaning;

    @BeforeEach
    void openTheSample() {
        review = new Ds4Review(home);
        cleaning = ReviewCleaning.of(review.vm, review.workbench, review.tasks, review.dialogs,
                (title, error) -> review.failures.add(error));
    }

    @AfterEach
    void close() {
        review.close();
        assertThat(review.failures).isEmpty();
    }

    @Test
    void savesTheReviewsReplacementsIntoTheProfileAsMaps() throws Exception {
        assertThat(cleaning.saveFixes().canSave().get()).isTrue();
        review.dialogs.formNext("NRD", "NORD");
        cleaning.fixes().fix(Kind.REPLACE, "Supplier", "NRD");

        cleaning.saveFixes().save();

        assertThat(review.dialogs.asked()).last().extracting(q -> q.header())
                .isEqualTo("Save the value fixes into ds4.profile.json?");
        assertThat(lastAction()).startsWith("Saved 1 replacement into ds4.profile.json: the map of Supplier now"
                + " holds ");
        assertThat(Files.readString(review.profileFile)).contains("\"NRD\"").contains("\"NORD\"");
    }

    @Test
    void aReviewWithoutReplacementsSavesNothingAndANoWritesNothing() throws Exception {
        String before = Files.readString(review.profileFile);
        cleaning.saveFixes().save();
        assertThat(lastAction()).isEqualTo("This review replaced no values, so nothing was saved into"
                + " ds4.profile.json.");

        review.dialogs.formNext("NRD", "NORD");
        cleaning.fixes().fix(Kind.REPLACE, "Supplier", "NRD");
        review.dialogs.declineNext();
        cleaning.saveFixes().save();
        assertThat(lastAction()).isEqualTo("Nothing saved.");
        assertThat(Files.readString(review.profileFile)).isEqualTo(before);
    }

    @Test
    void withoutAProfileFileThereIsNothingToSaveInto() {
        review.workbench.profileFileProperty().set(null);
        assertThat(cleaning.saveFixes().canSave().get()).isFalse();
    }

    private String lastAction() {
        return review.vm.actions().lastActionProperty().getValue();
    }
}
