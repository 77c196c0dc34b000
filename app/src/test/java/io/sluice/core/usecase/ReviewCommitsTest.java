package io.sluice.core.usecase;

import io.sluice.core.database.SluiceHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewCommitsTest {

    @TempDir
    Path home;

    @Test
    void askingAnEmbeddedDatabaseNotMadeYetFindsNoCommitAndDoesNotMakeIt() {
        String before = System.getProperty(SluiceHome.PROPERTY);
        System.setProperty(SluiceHome.PROPERTY, home.toString());
        try {
            assertThat(ReviewCommits.of(Target.embedded(), home.resolve("mixes.sluice"))).isEmpty();
            assertThat(Files.exists(home.resolve("target.mv.db"))).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(SluiceHome.PROPERTY);
            } else {
                System.setProperty(SluiceHome.PROPERTY, before);
            }
        }
    }
}
