package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.cleaning.ClusterMethod;
import io.sluice.core.cleaning.Replacement;
import io.sluice.core.cleaning.ValueCount;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.source.SourceOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clustering a review's column: the values the steward sees now, edits included, blanks left out. */
class ClusterValuesTest {

    private static final int CITY = 1;
    private static final Supplier<TargetDatabase> NO_TARGET = () -> {
        throw new AssertionError("A loaded review is not validated again.");
    };

    @TempDir
    Path dir;

    private Path loaded() throws IOException {
        Path csv = dir.resolve("cities.csv");
        Files.writeString(csv, String.join("\n", "Id,City", "1,München", "2,München", "3,Muenchen", "4,münchen",
                "5,Köln", "6,Koeln", "7,", "8,Berlin", "9,berlin ", "10,Berlin") + "\n", StandardCharsets.UTF_8);
        Path review = dir.resolve("cities.sluice");
        LoadFile.run(csv, SourceOptions.DEFAULTS, review, false, Progress.NONE);
        return review;
    }

    @Test
    void fingerprintClustersTheColumnsValuesKeepingTheMostFrequent() throws IOException {
        ClusterValues.Outcome outcome = ClusterValues.run(loaded(), "City", ClusterMethod.FINGERPRINT, 1);

        assertThat(outcome.distinctValues()).isEqualTo(7);
        assertThat(outcome.clusters()).hasSize(2);
        assertThat(outcome.clusters().get(0).values()).containsExactly(new ValueCount("Berlin", 2),
                new ValueCount("berlin ", 1));
        assertThat(outcome.clusters().get(1).values()).containsExactly(new ValueCount("München", 2),
                new ValueCount("münchen", 1));
        assertThat(outcome.replacements()).containsExactly(new Replacement("City", "berlin ", "Berlin", 1),
                new Replacement("City", "münchen", "München", 1));
    }

    @Test
    void theValuesAreThoseAfterTheStewardsEdits() throws IOException {
        Path review = loaded();
        try (OpenReview opened = OpenReview.open(review, NO_TARGET)) {
            // source rows count from the header, row 1: the sixth record is row 7
            opened.session().edit(4, CITY, "München");
            opened.session().edit(8, CITY, "koln");
        }

        ClusterValues.Outcome outcome = ClusterValues.run(review, "city", ClusterMethod.PHONETIC, 1);

        assertThat(outcome.column()).isEqualTo("City");
        assertThat(outcome.clusters()).anySatisfy(c -> assertThat(c.values()).containsExactly(
                new ValueCount("München", 3), new ValueCount("münchen", 1)));
        assertThat(outcome.clusters()).anySatisfy(c -> assertThat(c.values()).containsExactly(
                new ValueCount("Koeln", 1), new ValueCount("Köln", 1), new ValueCount("koln", 1)));
    }

    @Test
    void nearestNeighboursUseTheRadius() throws IOException {
        ClusterValues.Outcome outcome = ClusterValues.run(loaded(), "City", ClusterMethod.KNN, 1);

        assertThat(outcome.radius()).isEqualTo(1);
        assertThat(outcome.clusters()).anySatisfy(c -> assertThat(c.values()).extracting(ValueCount::value)
                .containsExactly("München", "Muenchen", "münchen")).anySatisfy(c ->
                assertThat(c.values()).extracting(ValueCount::value).containsExactlyInAnyOrder("Köln", "Koeln"));
    }

    @Test
    void anUnknownColumnOrRadiusIsAnInputError() throws IOException {
        Path review = loaded();

        assertThatThrownBy(() -> ClusterValues.run(review, "Cty", ClusterMethod.FINGERPRINT, 1))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The review cities.sluice has no column 'Cty'; its columns are: Id, City.");
        assertThatThrownBy(() -> ClusterValues.run(review, "City", ClusterMethod.KNN, 0))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The radius of nearest neighbours is an edit distance of 1 to 3, not 0.");
    }
}
