package io.sluice.desktop;

import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceOptions;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The state the steps share — the whole app's view model: the source file and how to read it, the target, the
 * confirmed mapping profile, the open review, and the step on screen. Each step's own view model reads and writes
 * these properties on the JavaFX thread; nothing here touches a file or a database.
 */
public final class Workbench {

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.SOURCE);
    private final ObjectProperty<Path> sourceFile = new SimpleObjectProperty<>();
    private final ObjectProperty<SourceOptions> sourceOptions = new SimpleObjectProperty<>();
    private final ObjectProperty<SourceInspection> inspection = new SimpleObjectProperty<>();
    private final ObjectProperty<TargetChoice> target = new SimpleObjectProperty<>(TargetChoice.embedded());
    private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> profileFile = new SimpleObjectProperty<>();
    private final StringProperty profileNote = new SimpleStringProperty();
    private final ObjectProperty<Profile> profileSaved = new SimpleObjectProperty<>();
    private final ObjectProperty<Profile> mappingDraft = new SimpleObjectProperty<>();
    private BooleanSupplier mayDropProfile = () -> true;
    private final ObjectProperty<Path> review = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> batch = new SimpleObjectProperty<>();
    private final ObjectProperty<String> reviewedSheet = new SimpleObjectProperty<>();

    public Workbench() {
        // a profile file chosen, loaded or saved answers the note about the one that went missing
        profileFile.addListener((obs, old, now) -> {
            if (now != null) {
                profileNote.set(null);
            }
        });
    }

    /** The step on screen. */
    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** The source file being imported; setting a new one clears what was derived from the previous one. */
    public ObjectProperty<Path> sourceFileProperty() {
        return sourceFile;
    }

    /** How the source is read (sheet, header row, encoding, delimiter); null until the source step decides. */
    public ObjectProperty<SourceOptions> sourceOptionsProperty() {
        return sourceOptions;
    }

    /** What inspecting the source found (sheets, columns, row counts, issues). */
    public ObjectProperty<SourceInspection> inspectionProperty() {
        return inspection;
    }

    /** The database to import into; the embedded default until the steward picks another. */
    public ObjectProperty<TargetChoice> targetProperty() {
        return target;
    }

    /** The confirmed mapping; the review step validates with it. */
    public ObjectProperty<Profile> profileProperty() {
        return profile;
    }

    /**
     * The profile as last read from or written to a profile file; closing asks first while the profile differs from
     * it (and from the one the open review records).
     */
    public ObjectProperty<Profile> profileSavedProperty() {
        return profileSaved;
    }

    /**
     * The profile the Mapping step shows while the steward has changed it there (an undoable change made), whether
     * or not it was validated or saved since; null when nothing was changed by hand. Closing asks first while it is
     * in no profile file, as for {@link #profileProperty()}.
     */
    public ObjectProperty<Profile> mappingDraftProperty() {
        return mappingDraft;
    }

    /** Where the profile was last saved or loaded from, if anywhere. */
    public ObjectProperty<Path> profileFileProperty() {
        return profileFile;
    }

    /**
     * Why no profile file is offered with the source, in one sentence (the profile last used with it was moved or
     * deleted); null when there is nothing to say.
     */
    public StringProperty profileNoteProperty() {
        return profileNote;
    }

    /** The review file on screen (rows, findings and decisions on disk). */
    public ObjectProperty<Path> reviewProperty() {
        return review;
    }

    /**
     * The sheet of a workbook review the Review step shows, so that the Rules step opens on a table that sheet feeds;
     * null for the review of one sheet, or none.
     */
    public ObjectProperty<String> reviewedSheetProperty() {
        return reviewedSheet;
    }

    /** The import batch the History step shows selected, e.g. the one just committed; null for none. */
    public ObjectProperty<Long> batchProperty() {
        return batch;
    }

    /**
     * Who is asked before a new source drops the profile: the desktop asks the steward while the profile is saved
     * nowhere. Until one is set, a new source always opens.
     */
    public void guardProfile(BooleanSupplier mayDrop) {
        mayDropProfile = mayDrop;
    }

    /**
     * Starts over with a new source file: the options, inspection, mapping, profile file and review of the previous
     * file no longer apply (a review validated now would otherwise read the new file with the old mapping). False,
     * and nothing changed, when the steward keeps the profile instead (see {@link #guardProfile}).
     */
    public boolean openSource(Path file) {
        if (!mayDropProfile.getAsBoolean()) {
            return false;
        }
        // the review first: with it still open, a step seeing the profile go would take the review's own again
        review.set(null);
        sourceOptions.set(null);
        inspection.set(null);
        profile.set(null);
        mappingDraft.set(null);
        profileFile.set(null);
        profileNote.set(null);
        // through null, so that opening the same file again still reads it afresh
        sourceFile.set(null);
        sourceFile.set(file);
        step.set(Step.SOURCE);
        return true;
    }

    /** Opens a saved review and shows it. */
    public void openReview(Path file) {
        review.set(file);
        step.set(Step.REVIEW);
    }
}
