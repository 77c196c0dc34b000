package io.sluice.desktop.mapping;

import io.sluice.core.database.TargetDatabase;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.SettingsStore;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target connection form: the embedded database, or a PostgreSQL server given by name, host, port, database
 * and user. "Test connection" connects in the background and says how it went; saved connections keep everything
 * but the password, which lives in memory for this run only.
 */
public final class ConnectionViewModel {

    private static final Pattern POSTGRES_URL =
            Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(\\?.*)?");

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final SettingsStore settings;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("localhost");
    private final StringProperty port = new SimpleStringProperty("5432");
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ObservableList<DesktopSettings.Connection> saved = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Boolean> succeeded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    /** URL parameters of a saved connection (e.g. ?sslmode=require), kept when it is filled in again. */
    private String parameters = "";

    public ConnectionViewModel(Workbench workbench, TaskRunner tasks, SettingsStore settings) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.settings = settings;
        saved.setAll(settings.settings().connections());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** Held in memory only; never saved. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** Connections saved in desktop.json, without passwords. */
    public ObservableList<DesktopSettings.Connection> saved() {
        return saved;
    }

    /** How the last test or connect went, as one sentence. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True after a successful test, false after a failed one, null before any. */
    public ReadOnlyObjectProperty<Boolean> succeededProperty() {
        return succeeded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** The JDBC URL the form describes. */
    public String url() {
        String p = port.get() == null || port.get().isBlank() ? "" : ":" + port.get().strip();
        return "jdbc:postgresql://" + host.get().strip() + p + "/" + database.get().strip() + parameters;
    }

    /** What is missing from the form, as a sentence; null when it is complete. */
    public String incomplete() {
        List<String> missing = new ArrayList<>();
        if (blank(host.get())) {
            missing.add("host");
        }
        if (!blank(port.get()) && !port.get().strip().matches("\\d{1,5}")) {
            return "The port must be a number such as 5432.";
        }
        if (blank(database.get())) {
            missing.add("database");
        }
        if (blank(user.get())) {
            missing.add("user");
        }
        return missing.isEmpty() ? null : "Fill in the " + String.join(", ", missing) + " first.";
    }

    /** Fills the form from a saved connection; the password is asked for again. */
    public void fill(DesktopSettings.Connection connection) {
        name.set(connection.name());
        user.set(connection.user() == null ? "" : connection.user());
        password.set("");
        Matcher m = POSTGRES_URL.matcher(connection.url());
        if (m.matches()) {
            host.set(m.group(1));
            port.set(m.group(2) == null ? "" : m.group(2));
            database.set(m.group(3));
            parameters = m.group(4) == null ? "" : m.group(4);
        }
        succeeded.set(null);
        result.set("");
    }

    /** Connects in the background and reports how many tables the database offers, or why it failed. */
    public void test() {
        connect(false);
    }

    /** Tests the connection and, when it works, makes it the target of this run. */
    public void use() {
        connect(true);
    }

    /** The target of this run, named for the screen (never with its password). */
    public StringBinding targetLabelBinding() {
        return Bindings.createStringBinding(() -> workbench.targetProperty().get().label(),
                workbench.targetProperty());
    }

    /** Goes back to the embedded database. */
    public void useEmbedded() {
        workbench.targetProperty().set(TargetChoice.embedded());
        succeeded.set(null);
        result.set("");
    }

    /** Saves the connection (by name, replacing one of the same name) without its password. */
    public void save() {
        String problem = incomplete();
        if (problem != null) {
            report(false, problem);
            return;
        }
        settings.settings().saveConnection(new DesktopSettings.Connection(label(), url(), user.get().strip()));
        try {
            settings.save();
            report(true, "Saved '" + label() + "' (without its password).");
        } catch (IOException e) {
            report(false, "The connection could not be saved to " + settings.file() + ": " + e.getMessage()
                    + ".");
        }
        saved.setAll(settings.settings().connections());
    }

    private void connect(boolean andUse) {
        String problem = incomplete();
        if (problem != null) {
            report(false, problem);
            return;
        }
        TargetChoice choice = new TargetChoice(label(), url(), user.get().strip(), password.get());
        testing.set(true);
        result.set("Connecting to " + host.get().strip() + "…");
        succeeded.set(null);
        tasks.run("Connecting to " + choice.name(), ctx -> {
            try (TargetDatabase db = choice.open()) {
                return db.tables().size();
            }
        }, tables -> {
            testing.set(false);
            report(true, "Connected: " + tables + (tables == 1 ? " table" : " tables") + " in "
                    + database.get().strip() + ".");
            if (andUse) {
                workbench.targetProperty().set(choice);
            }
        }, failure -> {
            testing.set(false);
            report(false, ErrorText.sentence(failure));
        }).whenCancelled(() -> {
            // stopped with Cancel in the status bar (a server that does not answer): not "Connecting…" for ever
            testing.set(false);
            report(false, "The connection to " + host.get().strip() + " was cancelled; nothing changed.");
        });
    }

    private String label() {
        return blank(name.get()) ? database.get().strip() + " on " + host.get().strip() : name.get().strip();
    }

    private void report(boolean ok, String text) {
        succeeded.set(ok);
        result.set(text);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
