package io.sluice.desktop.mapping;

import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.Views;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * The PostgreSQL connection form of the Mapping step ({@code connection-form.fxml}): saved connections, the server's
 * fields, test, connect and save. Binds to a {@link ConnectionViewModel}, which does the work.
 */
public final class ConnectionView {

    private final ConnectionViewModel model;

    @FXML private GridPane root;
    @FXML private ComboBox<DesktopSettings.Connection> savedChoice;
    @FXML private TextField pgName;
    @FXML private TextField pgHost;
    @FXML private TextField pgPort;
    @FXML private TextField pgDatabase;
    @FXML private TextField pgUser;
    @FXML private PasswordField pgPassword;
    @FXML private ProgressIndicator pgBusy;
    @FXML private Label pgResult;

    public ConnectionView(ConnectionViewModel model) {
        this.model = model;
        Views.load(this, "connection-form.fxml", "connection.css");
    }

    public ConnectionViewModel model() {
        return model;
    }

    /** The form, for the Mapping step to place. */
    public Node root() {
        return root;
    }

    @FXML
    private void initialize() {
        pgName.textProperty().bindBidirectional(model.nameProperty());
        pgHost.textProperty().bindBidirectional(model.hostProperty());
        pgPort.textProperty().bindBidirectional(model.portProperty());
        pgDatabase.textProperty().bindBidirectional(model.databaseProperty());
        pgUser.textProperty().bindBidirectional(model.userProperty());
        pgPassword.textProperty().bindBidirectional(model.passwordProperty());
        pgBusy.visibleProperty().bind(model.testingProperty());
        pgResult.textProperty().bind(model.resultProperty());
        model.succeededProperty().addListener((obs, old, ok) -> {
            pgResult.getStyleClass().removeAll("connection-ok", "connection-failed");
            if (ok != null) {
                pgResult.getStyleClass().add(ok ? "connection-ok" : "connection-failed");
            }
        });
        savedChoice.setItems(model.saved());
        savedChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(DesktopSettings.Connection c) {
                return c == null ? "" : c.name();
            }

            @Override
            public DesktopSettings.Connection fromString(String text) {
                return null;
            }
        });
        savedChoice.setOnAction(e -> {
            if (savedChoice.getValue() != null) {
                model.fill(savedChoice.getValue());
                pgPassword.requestFocus();
            }
        });
    }

    @FXML
    private void testConnection() {
        model.test();
    }

    @FXML
    private void useConnection() {
        model.use();
    }

    @FXML
    private void saveConnection() {
        model.save();
    }
}
