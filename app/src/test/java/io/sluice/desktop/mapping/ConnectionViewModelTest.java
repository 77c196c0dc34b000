package io.sluice.desktop.mapping;

import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.SettingsStore;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionViewModelTest {

    private static final TestDatabases.Database PG = TestDatabases.postgres();

    @TempDir
    Path home;

    private Workbench workbench;
    private DesktopSettings settings;
    private ConnectionViewModel model;

    @BeforeEach
    void setUp() {
        workbench = new Workbench();
        settings = new DesktopSettings();
        var tasks = SyncTasks.runner();
        model = new ConnectionViewModel(workbench, tasks, new SettingsStore(settings, home.resolve("desktop.json"),
                tasks));
    }

    /** Fills the form as a steward would, from the test server's URL. */
    private void fillFromTestServer(String name) {
        model.fill(new DesktopSettings.Connection(name, PG.url(), PG.user()));
        model.passwordProperty().set(PG.password());
    }

    @Test
    void aConnectionCancelledInTheStatusBarSaysSoInsteadOfConnectingForEver() {
        HeldTasks held = new HeldTasks();
        TaskRunner tasks = HeldTasks.runner(held);
        model = new ConnectionViewModel(workbench, tasks, new SettingsStore(settings, home.resolve("desktop.json"),
                tasks));
        fillFromTestServer("cancelled");
        held.hold();
        model.use();
        assertThat(model.testingProperty().get()).isTrue();

        tasks.active().stream().filter(TaskHandle::visible).forEach(TaskHandle::cancel);
        held.runAll();

        assertThat(model.testingProperty().get()).isFalse();
        assertThat(model.resultProperty().get()).endsWith(" was cancelled; nothing changed.");
        assertThat(workbench.targetProperty().get()).isEqualTo(TargetChoice.embedded());
    }

    @Test
    void testsARealPostgresConnectionAndCountsItsTables() throws Exception {
        try (Connection c = PG.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS lab_result (id INTEGER PRIMARY KEY)");
        }
        fillFromTestServer("Lab server");

        model.test();

        assertThat(model.succeededProperty().get()).isTrue();
        assertThat(model.resultProperty().get()).startsWith("Connected: ").contains("1 table");
        assertThat(model.testingProperty().get()).isFalse();
        assertThat(workbench.targetProperty().get().isEmbedded()).isTrue();
    }

    @Test
    void explainsAFailedConnectionInOneSentence() {
        fillFromTestServer("Lab server");
        model.databaseProperty().set("no_such_database_here");

        model.test();

        assertThat(model.succeededProperty().get()).isFalse();
        assertThat(model.resultProperty().get()).startsWith("Cannot connect to ").contains("no_such_database_here")
                .endsWith(".").doesNotContain("\n");
    }

    @Test
    void connectingMakesTheServerTheTarget() {
        fillFromTestServer("Lab server");

        model.use();

        TargetChoice target = workbench.targetProperty().get();
        assertThat(target.isEmbedded()).isFalse();
        assertThat(target.name()).isEqualTo("Lab server");
        assertThat(target.url()).isEqualTo(PG.url());
        model.useEmbedded();
        assertThat(workbench.targetProperty().get().isEmbedded()).isTrue();
    }

    @Test
    void savesTheConnectionWithoutItsPassword() throws Exception {
        fillFromTestServer("Lab server");
        model.passwordProperty().set("s3cret-pass");

        model.save();

        assertThat(settings.connections()).containsExactly(
                new DesktopSettings.Connection("Lab server", PG.url(), PG.user()));
        assertThat(Files.readString(home.resolve("desktop.json"))).contains("Lab server")
                .doesNotContain("s3cret-pass");
        assertThat(model.saved()).hasSize(1);
    }

    @Test
    void fillsTheFormFromASavedConnectionAndAsksForThePasswordAgain() {
        model.passwordProperty().set("old");

        model.fill(new DesktopSettings.Connection("Plant", "jdbc:postgresql://db.example.org:6543/plant?ssl=true",
                "steward"));

        assertThat(model.hostProperty().get()).isEqualTo("db.example.org");
        assertThat(model.portProperty().get()).isEqualTo("6543");
        assertThat(model.databaseProperty().get()).isEqualTo("plant");
        assertThat(model.userProperty().get()).isEqualTo("steward");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.url()).isEqualTo("jdbc:postgresql://db.example.org:6543/plant?ssl=true");
    }

    @Test
    void saysWhatTheFormLacksBeforeConnecting() {
        model.hostProperty().set("");
        model.databaseProperty().set("");

        model.test();

        assertThat(model.succeededProperty().get()).isFalse();
        assertThat(model.resultProperty().get()).isEqualTo("Fill in the host, database, user first.");
    }
}
