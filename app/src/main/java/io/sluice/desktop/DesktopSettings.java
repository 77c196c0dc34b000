package io.sluice.desktop;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the desktop remembers between starts, in {@code desktop.json} beside the embedded database: window bounds,
 * split positions, recent files and reviews, the last folder, and saved connections (never their passwords). A
 * damaged file is set aside, not fatal: the desktop starts with defaults.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class DesktopSettings {

    /** How many recent files and reviews the File menu offers. */
    public static final int RECENT_LIMIT = 10;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A saved database connection: a name, the JDBC URL and the user. The password is asked for each time. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Connection(String name, String url, String user) {
    }

    /** Window bounds; {@code width <= 0} means "not saved yet". */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private Bounds window = new Bounds(0, 0, 0, 0, false);
    private Map<String, Double> dividers = new LinkedHashMap<>();
    private List<String> recentFiles = new ArrayList<>();
    private List<String> recentReviews = new ArrayList<>();
    /** The profile file last used with each recent file, so reopening one brings its profile back. */
    private Map<String, String> profiles = new LinkedHashMap<>();
    private String lastDirectory;
    private List<Connection> connections = new ArrayList<>();
    private boolean samplesOffered;
    @JsonIgnore
    private final transient AtomicLong snapshots = new AtomicLong();
    @JsonIgnore
    private transient long written;

    /** Reads the settings, or returns defaults when there are none or they cannot be read. */
    public static DesktopSettings load(Path file) {
        if (!Files.isRegularFile(file)) {
            return new DesktopSettings();
        }
        try {
            return JSON.readValue(file.toFile(), DesktopSettings.class);
        } catch (IOException e) {
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the defaults below still let the desktop start; the next save overwrites the file
            }
            return new DesktopSettings();
        }
    }

    /**
     * The settings as they were when taken (a copy), numbered so that writing an older snapshot never undoes a newer
     * one. The copy is turned into JSON where it is written: Jackson's first serialisation in a run takes tens of
     * milliseconds, which the JavaFX thread would spend while a review opens.
     */
    public record Snapshot(long number, DesktopSettings copy) {
    }

    /** Writes the settings atomically, so a crash mid-write leaves the previous file intact. */
    public void save(Path file) throws IOException {
        write(snapshot(), file);
    }

    /** Takes the settings as they are now, on the thread that changes them, for {@link #write} elsewhere. */
    public Snapshot snapshot() {
        DesktopSettings copy = new DesktopSettings();
        copy.window = window;
        copy.dividers = new LinkedHashMap<>(dividers);
        copy.recentFiles = new ArrayList<>(recentFiles);
        copy.recentReviews = new ArrayList<>(recentReviews);
        copy.profiles = new LinkedHashMap<>(profiles);
        copy.lastDirectory = lastDirectory;
        copy.connections = new ArrayList<>(connections);
        copy.samplesOffered = samplesOffered;
        return new Snapshot(snapshots.incrementAndGet(), copy);
    }

    /**
     * Writes a snapshot atomically (a temporary file moved over the old one), unless a newer snapshot was written
     * already; safe from any thread.
     */
    public void write(Snapshot snapshot, Path file) throws IOException {
        synchronized (snapshots) {
            if (snapshot.number() <= written) {
                return;
            }
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            byte[] json = JSON.writeValueAsBytes(snapshot.copy());
            Path temp = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
            try {
                Files.write(temp, json);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            written = snapshot.number();
        }
    }

    public Bounds window() {
        return window;
    }

    public void window(Bounds bounds) {
        this.window = bounds;
    }

    /** A saved split-pane divider position, or the given default. */
    public double divider(String id, double fallback) {
        return dividers.getOrDefault(id, fallback);
    }

    public void rememberDivider(String id, double position) {
        dividers.put(id, position);
    }

    public List<Path> recentFiles() {
        return recentFiles.stream().map(Path::of).toList();
    }

    public List<Path> recentReviews() {
        return recentReviews.stream().map(Path::of).toList();
    }

    /** Puts a source file first in the recent list, dropping the oldest past {@link #RECENT_LIMIT}. */
    public void fileOpened(Path file) {
        remember(recentFiles, file);
        lastDirectory = parentOf(file);
    }

    /**
     * Remembers {@code profile} as the profile file last used with the source {@code file}; only recent files keep
     * theirs, so the settings do not grow with every file ever opened.
     */
    public void profileUsed(Path file, Path profile) {
        profiles.put(key(file), key(profile));
        profiles.keySet().retainAll(recentFiles);
    }

    /** The profile file last used with {@code file}, whether or not it still exists; null when none is known. */
    public Path profileOf(Path file) {
        String profile = profiles.get(key(file));
        return profile == null ? null : Path.of(profile);
    }

    /** Puts a review first in the recent list. */
    public void reviewOpened(Path review) {
        remember(recentReviews, review);
    }

    public Path lastDirectory() {
        return lastDirectory == null ? null : Path.of(lastDirectory);
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Saves or replaces (by name) a connection. */
    public void saveConnection(Connection connection) {
        connections.removeIf(c -> c.name().equals(connection.name()));
        connections.add(connection);
    }

    public boolean samplesOffered() {
        return samplesOffered;
    }

    public void samplesOffered(boolean offered) {
        this.samplesOffered = offered;
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static void remember(List<String> list, Path path) {
        String key = key(path);
        list.remove(key);
        list.add(0, key);
        while (list.size() > RECENT_LIMIT) {
            list.remove(list.size() - 1);
        }
    }

    private static String parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? null : parent.toString();
    }
}
