package io.sluice.desktop;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A step's profile file: where the profile was last saved or loaded (and what it held then), the file suggested with
 * the source (a sample's profile), where the profile dialogs start, and saving in the background. The Mapping step
 * saves the mapping with it, the Rules step the rules. The file becomes the workbench's profile file, so a review
 * knows which profile it was validated with.
 */
public final class ProfileFile {

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private Profile written;

    public ProfileFile(Workbench workbench, TaskRunner tasks) {
        this.workbench = workbench;
        this.tasks = tasks;
    }

    /** Forgets the file: a profile for another source or target no longer applies. */
    public void clear() {
        file.set(null);
        written = null;
    }

    /** {@code profile} is now the content of {@code path}, just loaded or saved. */
    public void matches(Path path, Profile profile) {
        file.set(path);
        written = profile;
        workbench.profileFileProperty().set(path);
        workbench.profileSavedProperty().set(profile);
    }

    /** The name of a profile made for {@code source}: the file's name without its extension. */
    public static String baseName(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Writes the profile as JSON in the background. */
    public void save(Profile profile, Path path) {
        tasks.save("Saving profile " + path.getFileName(), Change.file("the profile " + path.getFileName(),
                "the profile file " + path.getFileName()), ctx -> {
            ProfileIO.write(profile, path);
            return path;
        }, saved -> matches(saved, profile), null);
    }

    /** The file that holds exactly {@code profile}, or null when it was changed since it was saved or loaded. */
    public Path holding(Profile profile) {
        return profile.equals(written) ? file.get() : null;
    }

    /** Where the profile was last saved or loaded from. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The suggested profile file, or null. */
    public Path suggested() {
        return workbench.profileFileProperty().get();
    }

    /** Why no profile file is suggested although one was used with the source before; null when there is none. */
    public ObservableStringValue noteProperty() {
        return workbench.profileNoteProperty();
    }

    /** The suggested file is offered with one click unless it is the one loaded. */
    public BooleanBinding suggestedOfferedBinding() {
        return Bindings.createBooleanBinding(() -> suggested() != null && !suggested().equals(file.get()),
                workbench.profileFileProperty(), file);
    }

    /** "Load <file name>" for the suggested file; "" when there is none. */
    public StringBinding suggestedLabelBinding() {
        return Bindings.createStringBinding(() -> suggested() == null ? "" : "Load " + suggested().getFileName(),
                workbench.profileFileProperty());
    }

    /** Where the profile dialogs start: beside the profile saved or loaded, else beside the source; null when neither folder exists. */
    public Path directory() {
        Path known = file.get() != null ? file.get() : workbench.sourceFileProperty().get();
        Path folder = known == null ? null : known.toAbsolutePath().getParent();
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }
}
