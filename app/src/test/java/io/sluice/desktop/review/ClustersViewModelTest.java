package io.sluice.desktop.review;

import io.sluice.core.cleaning.ClusterMethod;
import io.sluice.core.review.ColumnStats.ValueCount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClustersViewModelTest {

    @TempDir
    Path home;

    private Ds4Review review;
    private ReviewCleaning cleaning;

    @BeforeEach
    void openTheSample() {
        review = new Ds4Review(home);
        cleaning = ReviewCleaning.of(review.vm, review.workbench, review.tasks, review.dialogs,
                (title, error) -> review.failures.add(error));
        cleaning.stats().setShown(true);
    }

    @AfterEach
    void close() {
        review.close();
        assertThat(review.failures).isEmpty();
    }

    @Test
    void findsThePlantSpellingsKeepingTheMostFrequentAndMergesThemAsOneStep() {
        ClustersViewModel clusters = cleaning.clusters("Plant");
        clusters.find();
        ClustersViewModel.Row harburg = harburg(clusters);
        assertThat(harburg.keepProperty().get()).isEqualTo("Hamburg-Harburg");
        assertThat(harburg.valuesText()).startsWith("Hamburg-Harburg (29), ");
        assertThat(clusters.statusProperty().getValue()).contains("cluster").contains("distinct values");

        clusters.rows().forEach(r -> r.chosenProperty().set(r == harburg));
        clusters.merge();
        assertThat(plant("Hamburg-Harburg")).isEqualTo(harburg.cluster().rows());
        assertThat(review.vm.counts().undoDescriptionProperty().getValue()).contains("Plant");

        review.vm.actions().undo();
        assertThat(plant("Hamburg-Harburg")).isEqualTo(29);
    }

    @Test
    void theValueToKeepCanBeTypedAndTheMethodChanged() {
        ClustersViewModel clusters = cleaning.clusters("Plant");
        clusters.find();
        int byFingerprint = clusters.rows().size();
        clusters.rows().forEach(r -> r.chosenProperty().set(false));
        ClustersViewModel.Row harburg = harburg(clusters);
        harburg.chosenProperty().set(true);
        harburg.keepProperty().set("Hamburg (Harburg)");
        assertThat(clusters.replacements()).containsEntry("Hamburg-Harburg", "Hamburg (Harburg)");

        clusters.methodProperty().set(ClusterMethod.KNN);
        assertThat(clusters.rows()).as("found again with the new method").isNotEmpty();
        assertThat(clusters.rows().stream().mapToLong(r -> r.cluster().values().size()).sum()).isPositive();
        assertThat(byFingerprint).isPositive();
    }

    @Test
    void mergingNothingSaysSo() {
        ClustersViewModel clusters = cleaning.clusters("Plant");
        clusters.find();
        clusters.rows().forEach(r -> r.chosenProperty().set(false));
        assertThat(clusters.replacements()).isEqualTo(Map.of());
        clusters.merge();
        assertThat(review.vm.actions().lastActionProperty().getValue()).isEqualTo("No cluster chosen: nothing"
                + " changed.");
        assertThat(review.vm.counts().canUndo().get()).isFalse();
    }

    @Test
    void aColumnWithoutClustersSaysSo() {
        ClustersViewModel clusters = cleaning.clusters("Mix Code");
        clusters.methodProperty().set(ClusterMethod.PHONETIC);
        clusters.methodProperty().set(ClusterMethod.FINGERPRINT);
        assertThat(clusters.statusProperty().getValue()).matches("No values of 'Mix Code' cluster by fingerprint"
                + " among [\\d,]+ distinct values\\.|[\\d,]+ clusters? among .*");
    }

    private static ClustersViewModel.Row harburg(ClustersViewModel clusters) {
        return clusters.rows().stream().filter(r -> r.valuesText().contains("Hamburg Harburg")).findFirst()
                .orElseThrow();
    }

    private long plant(String value) {
        ColumnStatsViewModel stats = cleaning.stats();
        stats.columnProperty().set(null);
        stats.columnProperty().set("Plant");
        return stats.values().stream().filter(v -> v.value().equals(value)).mapToLong(ValueCount::count).sum();
    }
}
