package io.sluice.desktop;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxRobot;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a PNG of the window for the README: to {@code target/screenshots} by default, or to the folder named by
 * the system property {@code sluice.screenshots} (the README's images come from {@code -Dsluice.screenshots=docs/screenshots}).
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** Snapshots the scene on the JavaFX thread and writes {@code name.png}; returns the file written. */
    public static Path take(FxRobot robot, Scene scene, String name) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        Path folder = Path.of(System.getProperty("sluice.screenshots", "target/screenshots"));
        Path file = folder.resolve(name + ".png");
        try {
            Files.createDirectories(folder);
            ImageIO.write(toBuffered(image.get()), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static BufferedImage toBuffered(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
