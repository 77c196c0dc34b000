package io.sluice.desktop;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.SplitPane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

/** Loads a step's FXML with the view itself as controller, and adds the step's own stylesheet to its root. */
public final class Views {

    private Views() {
    }

    /**
     * Loads {@code fxml} (resolved next to the controller's class) into {@code controller}; adds {@code css} to the
     * root and keeps the controller as the root's user data, so tests and other steps can reach a view from the
     * scene graph.
     */
    public static Parent load(Object controller, String fxml, String css) {
        Class<?> type = controller.getClass();
        FXMLLoader loader = new FXMLLoader(resource(type, fxml));
        loader.setController(controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The layout " + fxml + " of " + type.getSimpleName()
                    + " cannot be loaded from this build", e);
        }
        root.getStylesheets().add(resource(type, css).toExternalForm());
        root.setUserData(controller);
        return root;
    }

    /**
     * Restores a split pane's first divider from the settings under {@code id}, and remembers where the steward
     * drags it (saved with the settings when the window closes).
     */
    public static void rememberDivider(SplitPane split, String id, DesktopSettings settings) {
        if (split.getDividers().isEmpty()) {
            return;
        }
        SplitPane.Divider divider = split.getDividers().get(0);
        divider.setPosition(settings.divider(id, divider.getPosition()));
        divider.positionProperty().addListener((obs, old, now) -> settings.rememberDivider(id, now.doubleValue()));
    }

    private static URL resource(Class<?> type, String name) {
        URL url = type.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from this build (next to " + type.getName() + ")");
        }
        return url;
    }
}
