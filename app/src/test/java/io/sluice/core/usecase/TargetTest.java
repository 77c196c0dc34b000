package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TemporaryProperty;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A database named by URL must exist; only Sluice's embedded database is created on first use. */
class TargetTest {

    @TempDir
    Path dir;

    @Test
    void aMistypedH2PathIsRefusedInOneSentenceNamingItAndCreatesNothing() {
        Path typo = dir.resolve("typo").resolve("db");
        for (String url : new String[] {"jdbc:h2:" + typo, "jdbc:h2:file:" + typo + ";WRITE_DELAY=0"}) {
            Target target = new Target(url, "sa", "");
            assertThatThrownBy(target::open).isInstanceOf(SluiceException.class)
                    .hasFieldOrPropertyWithValue("kind", SluiceException.Kind.TARGET)
                    .hasMessageStartingWith("There is no H2 database at " + typo + " (");
            assertThatThrownBy(() -> BatchHistory.open(target)).isInstanceOf(SluiceException.class)
                    .hasMessageStartingWith("There is no H2 database at " + typo);
        }
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void anInMemoryDatabaseMustBeOpenInThisProgram() throws Exception {
        TestDatabases.Database open = TestDatabases.h2Mem();
        try (Connection created = DriverManager.getConnection(open.url(), open.user(), open.password())) {
            assertThat(created.isValid(1)).isTrue();
        }
        try (TargetDatabase db = new Target(open.url(), open.user(), open.password()).open()) {
            assertThat(db.tables()).isEmpty();
        }
        assertThatThrownBy(() -> new Target("jdbc:h2:mem:nothing_here", "sa", "").open())
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("There is no H2 database named 'nothing_here' in memory");
    }

    @Test
    void aBlankUrlIsOneSentence() {
        assertThatThrownBy(() -> new Target(" ", "sa", "").open()).isInstanceOf(SluiceException.class)
                .hasMessage("No target database was named; give a JDBC URL such as jdbc:postgresql://host/db or"
                        + " jdbc:h2:file:/path/db.");
    }

    @Test
    void anExistingH2FileDatabaseOpens() throws Exception {
        TestDatabases.Database h2 = TestDatabases.h2File(dir);
        try (Connection created = DriverManager.getConnection(h2.url(), h2.user(), h2.password())) {
            assertThat(created.isValid(1)).isTrue();
        }
        try (TargetDatabase db = new Target(h2.url(), h2.user(), h2.password()).open()) {
            assertThat(db.tables()).isEmpty();
        }
        try (BatchHistory history = BatchHistory.open(new Target(h2.url(), h2.user(), h2.password()))) {
            assertThat(history.batches()).isEmpty();
        }
    }

    @Test
    void theEmbeddedDatabaseIsCreatedOnFirstUse() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        try (TemporaryProperty setting = TemporaryProperty.set(SluiceHome.PROPERTY, home.toString());
             TargetDatabase db = Target.embedded().open()) {
            assertThat(db.tables()).contains("CONCRETE_MIX", "SUPPLIER");
        }
        assertThat(home.resolve("target.mv.db")).exists();
    }
}
