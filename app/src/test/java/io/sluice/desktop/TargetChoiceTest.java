package io.sluice.desktop;

import io.sluice.core.database.SluiceHome;
import io.sluice.testing.TemporaryProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How the desktop names a target to the steward: where it is, never the settings Sluice adds nor a password. */
class TargetChoiceTest {

    @TempDir
    Path home;

    @Test
    void theEmbeddedDatabaseIsNamedByItsFolder() {
        try (TemporaryProperty ignored = TemporaryProperty.set(SluiceHome.PROPERTY, home.toString())) {
            assertThat(TargetChoice.embedded().label()).isEqualTo("Embedded database in " + home)
                    .doesNotContain("WRITE_DELAY", "AUTO_SERVER", "jdbc:");
        }
    }

    @Test
    void aServerIsNamedByItsUrlWithoutAPassword() {
        TargetChoice server = new TargetChoice("PostgreSQL", "jdbc:postgresql://db:5432/lab?password=secret",
                "steward", "secret");

        assertThat(server.label()).isEqualTo("PostgreSQL (jdbc:postgresql://db:5432/lab)");
    }
}
