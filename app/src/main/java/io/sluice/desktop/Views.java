package io.sluice.desktop;

import javafx.fxml.FXMLLoader;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

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
        keepLabelsWhole(root);
        if (root instanceof StackPane layers) {
            // a step shows one of its layers (empty, busy, content): a hidden one must not widen the step
            layers.getChildren().stream().filter(layer -> !layer.managedProperty().isBound())
                    .forEach(layer -> layer.managedProperty().bind(layer.visibleProperty()));
        }
        return root;
    }

    /**
     * Gives every button under {@code node} its preferred width as minimum, and every wrapping label its preferred
     * height: a narrow window or a long warning beside a button squeezes the text next to it (which wraps onto
     * more lines) or scrolls the step, never a label to "Validat…" or a paragraph to one line.
     */
    public static void keepLabelsWhole(Node node) {
        if (node instanceof ButtonBase button) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        } else if (node instanceof Label label && label.isWrapText() && !label.minHeightProperty().isBound()) {
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        // these hold their content outside their children until they are first shown
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            keepLabelsWhole(scroll.getContent());
        } else if (node instanceof SplitPane split) {
            split.getItems().forEach(Views::keepLabelsWhole);
        } else if (node instanceof TabPane tabs) {
            tabs.getTabs().stream().filter(tab -> tab.getContent() != null)
                    .forEach(tab -> keepLabelsWhole(tab.getContent()));
        } else if (node instanceof TitledPane titled && titled.getContent() != null) {
            keepLabelsWhole(titled.getContent());
        } else if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(Views::keepLabelsWhole);
        }
    }

    /**
     * Scrolls {@code scroll} the least it takes to show {@code node}, which lies inside its content: a step larger
     * than the window follows the keyboard focus this way.
     */
    public static void ensureVisible(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        Bounds viewport = scroll.getViewportBounds();
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double extraWidth = content.getLayoutBounds().getWidth() - viewport.getWidth();
        double extraHeight = content.getLayoutBounds().getHeight() - viewport.getHeight();
        if (extraWidth > 0) {
            double left = scroll.getHvalue() * extraWidth;
            double shown = Math.min(Math.max(left, inContent.getMaxX() - viewport.getWidth()), inContent.getMinX());
            scroll.setHvalue(Math.max(0, Math.min(1, shown / extraWidth)));
        }
        if (extraHeight > 0) {
            double top = scroll.getVvalue() * extraHeight;
            double shown = Math.min(Math.max(top, inContent.getMaxY() - viewport.getHeight()), inContent.getMinY());
            scroll.setVvalue(Math.max(0, Math.min(1, shown / extraHeight)));
        }
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
        // only where the steward drags it: a small window pushes the divider aside, and that is no choice to keep
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getTarget() instanceof Node target && onDivider(target, split)) {
                settings.rememberDivider(id, divider.getPosition());
            }
        });
    }

    private static boolean onDivider(Node node, SplitPane split) {
        for (Node n = node; n != null && n != split; n = n.getParent()) {
            if (n.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
        }
        return false;
    }

    private static URL resource(Class<?> type, String name) {
        URL url = type.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing from this build (next to " + type.getName() + ")");
        }
        return url;
    }
}
