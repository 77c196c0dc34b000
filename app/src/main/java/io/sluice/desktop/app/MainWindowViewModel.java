package io.sluice.desktop.app;

import io.sluice.core.SluiceVersion;
import io.sluice.core.profile.Profile;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.RecordedProfile;
import io.sluice.desktop.Samples;
import io.sluice.desktop.SettingsStore;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.source.SourceViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The main window's state and answers: which step is on screen, the target in the status bar, the recent files
 * and reviews (remembered on disk the moment one is opened, whichever screen opened it), which dropped files are
 * sources, and the About box.
 */
public final class MainWindowViewModel {

    /** The file kinds the Open dialog offers and a drop accepts. */
    public static final List<String> SOURCE_EXTENSIONS = SourceViewModel.SOURCE_EXTENSIONS;

    /** A recent file or review as the File menu offers it: greyed out once it is gone from disk. */
    public record Recent(Path file, boolean available) {
    }

    private final Workbench workbench;
    private final SettingsStore settings;
    private final DialogService dialogs;
    private final Path home;
    private final ReadOnlyObjectWrapper<List<Recent>> recentFiles = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Recent>> recentReviews = new ReadOnlyObjectWrapper<>(List.of());
    private final StringBinding targetText;

    public MainWindowViewModel(Workbench workbench, SettingsStore settings, DialogService dialogs, Path home) {
        this.workbench = workbench;
        this.settings = settings;
        this.dialogs = dialogs;
        this.home = home;
        targetText = Bindings.createStringBinding(() -> "Target: " + workbench.targetProperty().get().label(),
                workbench.targetProperty());
        workbench.sourceFileProperty().addListener((obs, old, file) -> {
            if (file != null) {
                settings.settings().fileOpened(file);
                settings.saveLater();
                refreshRecent();
                offerProfileLastUsed(file);
            }
        });
        workbench.profileFileProperty().addListener((obs, old, profile) -> {
            Path source = workbench.sourceFileProperty().get();
            if (profile != null && source != null) {
                settings.settings().profileUsed(source, profile);
                settings.saveLater();
            }
        });
        workbench.reviewProperty().addListener((obs, old, review) -> {
            if (review != null) {
                settings.settings().reviewOpened(review);
                settings.saveLater();
                refreshRecent();
            }
        });
        refreshRecent();
        workbench.guardProfile(this::mayOpenAnother);
    }

    public Workbench workbench() {
        return workbench;
    }

    /** "Target: " and the target's label, for the status bar. */
    public ObservableValue<String> targetTextProperty() {
        return targetText;
    }

    /** The recent source files, newest first. */
    public ReadOnlyObjectProperty<List<Recent>> recentFilesProperty() {
        return recentFiles.getReadOnlyProperty();
    }

    /** The recent reviews, newest first. */
    public ReadOnlyObjectProperty<List<Recent>> recentReviewsProperty() {
        return recentReviews.getReadOnlyProperty();
    }

    /** Reads the recent lists again, e.g. after a file was deleted. */
    public void refreshRecent() {
        recentFiles.set(settings.settings().recentFiles().stream()
                .map(file -> new Recent(file, Files.isRegularFile(file))).toList());
        recentReviews.set(settings.settings().recentReviews().stream()
                .map(file -> new Recent(file, Files.isRegularFile(file))).toList());
    }

    /** Shows a step. */
    public void show(Step step) {
        workbench.stepProperty().set(step);
    }

    /**
     * Whether the window may close: at once while the profile is in a profile file or recorded by the open review
     * as it is now; otherwise (a rule kept but neither applied nor saved, a mapping validated but never saved, a
     * changed gate not saved) only once the steward says to close without saving it.
     */
    public boolean mayClose() {
        return mayDropProfile("Close Sluice without saving the profile?", "when Sluice closes", "Close without saving");
    }

    /** Whether another source may replace the profile: asked as {@link #mayClose()} asks. */
    public boolean mayOpenAnother() {
        return mayDropProfile("Open another file without saving the profile?", "when another file is opened",
                "Open without saving");
    }

    private boolean mayDropProfile(String question, String when, String confirm) {
        Profile profile = workbench.profileProperty().get();
        Profile draft = workbench.mappingDraftProperty().get();
        if (draft != null && !draft.equals(profile)) {
            profile = draft; // mapped by hand on the Mapping step since the profile was last taken on
        }
        if (profile == null || profile.equals(workbench.profileSavedProperty().get())) {
            return true;
        }
        Path review = workbench.reviewProperty().get();
        if (review != null && profile.equals(recorded(review))) {
            return true;
        }
        String name = profile.name() == null ? "" : " '" + profile.name() + "'";
        return dialogs.confirm(question, "Profile" + name + " has changes that are in no profile file"
                + (review == null ? "" : " and not in the open review " + review.getFileName()) + ": its mapping,"
                + " rules and gates as they are now are lost " + when + ". Cancel, then Save profile… in the Rules"
                + " step, keeps them.", confirm);
    }

    /** The profile the review records, or null when it records none or cannot be read (then the steward is asked). */
    private static Profile recorded(Path review) {
        try {
            return RecordedProfile.of(review);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Offers again the profile file last used with {@code source} (for a sample, the profile shipped with it), or
     * says in one sentence that it was moved or deleted.
     */
    private void offerProfileLastUsed(Path source) {
        Path profile = settings.settings().profileOf(source);
        if (profile == null) {
            profile = Samples.profileOfCopy(source, home);
        }
        if (profile == null) {
            return;
        }
        if (Files.isRegularFile(profile)) {
            workbench.profileFileProperty().set(profile);
        } else {
            workbench.profileNoteProperty().set("The profile " + profile.getFileName() + " last used with "
                    + source.getFileName() + " is no longer in " + profile.toAbsolutePath().getParent()
                    + " (moved or deleted); Load profile… finds it where it is now.");
        }
    }

    /** Opens a source file in the Source step. */
    public void openSource(Path file) {
        workbench.openSource(file);
    }

    /** Opens a saved review in the Review step. */
    public void openReview(Path file) {
        workbench.openReview(file);
    }

    /** Whether a dropped file is one Sluice reads as a source (by its name; the reader checks the content). */
    public boolean isSource(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return SOURCE_EXTENSIONS.stream().anyMatch(ext -> name.endsWith(ext.substring(1)));
    }

    /** Where the Open dialog starts: the folder of the last file opened, if it still exists. */
    public Path lastDirectory() {
        Path last = settings.settings().lastDirectory();
        return last != null && Files.isDirectory(last) ? last : null;
    }

    /** Where the Open Review dialog starts: the reviews folder, if it exists. */
    public Path reviewsDirectory() {
        Path reviews = AppContext.reviewsDirectory(home);
        return Files.isDirectory(reviews) ? reviews : null;
    }

    /** What the About box says: the version and the data directory. */
    public String aboutText() {
        String version = SluiceVersion.current();
        return "Sluice " + ("dev".equals(version) ? "(development build)" : version)
                + "\nData directory: " + home
                + "\nLoad, map, review and commit spreadsheets into a real database.";
    }

    /** Shows the About box. */
    public void about() {
        dialogs.inform("About Sluice", aboutText());
    }
}
