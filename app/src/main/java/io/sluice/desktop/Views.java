package io.sluice.desktop;

import javafx.fxml.FXMLLoader;
import javafx.fxml.JavaFXBuilderFactory;
import javafx.util.Builder;
import javafx.util.BuilderFactory;
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
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads a step's FXML with the view itself as controller, and adds the step's own stylesheet to its root. */
public final class Views {

    /**
     * Makes an element whose class has a public no-argument constructor with that constructor and its setters, as
     * every element of Sluice's layouts can be; the others (Insets, a chart with its axes) as JavaFX's own factory
     * does. JavaFX's factory reads every constructor's parameter annotations of each class, once per loader, which
     * was a quarter of the JavaFX thread's work in opening the review step the first time; one factory serves all.
     */
    private static final BuilderFactory BUILDERS = new BuilderFactory() {
        private final BuilderFactory javafx = new JavaFXBuilderFactory();
        private final Map<Class<?>, Boolean> plain = new ConcurrentHashMap<>();

        @Override
        public Builder<?> getBuilder(Class<?> type) {
            return plain.computeIfAbsent(type, Views::madeWithoutArguments) ? null : javafx.getBuilder(type);
        }
    };

    private Views() {
    }

    private static boolean madeWithoutArguments(Class<?> type) {
        try {
            return Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers())
                    && Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Loads {@code fxml} (resolved next to the controller's class) into {@code controller}; adds {@code css} to the
     * root and keeps the controller as the root's user data, so tests and other steps can reach a view from the
     * scene graph.
     */
    public static Parent load(Object controller, String fxml, String css) {
        Parent root = load(controller, fxml);
        root.getStylesheets().add(resource(controller.getClass(), css).toExternalForm());
        root.setUserData(controller);
        if (root instanceof StackPane layers) {
            // a step shows one of its layers (empty, busy, content): a hidden one must not widen the step
            layers.getChildren().stream().filter(layer -> !layer.managedProperty().isBound())
                    .forEach(layer -> layer.managedProperty().bind(layer.visibleProperty()));
        }
        return root;
    }

    /**
     * Loads {@code fxml} (resolved next to the controller's class) into {@code controller}: a part of a step made
     * later than the step, styled by the step's stylesheet once it is in the step.
     */
    public static Parent load(Object controller, String fxml) {
        Class<?> type = controller.getClass();
        FXMLLoader loader = new FXMLLoader(resource(type, fxml), null, BUILDERS);
        loader.setController(controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The layout " + fxml + " of " + type.getSimpleName()
                    + " cannot be loaded from this build", e);
        }
        keepLabelsWhole(root);
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
        double[] wanted = {settings.divider(id, divider.getPosition())};
        divider.setPosition(wanted[0]);
        // only where the steward drags it: a small window pushes the divider aside, and that is no choice to keep
        split.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getTarget() instanceof Node target && onDivider(target, split)) {
                wanted[0] = divider.getPosition();
                settings.rememberDivider(id, wanted[0]);
            }
        });
        // nor one to keep once the window is wider again (or was narrow only while the view was first laid out):
        // the divider goes back to where it is wanted, as far as the panes' minimum widths let it
        split.widthProperty().addListener((obs, old, width) -> divider.setPosition(wanted[0]));
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
