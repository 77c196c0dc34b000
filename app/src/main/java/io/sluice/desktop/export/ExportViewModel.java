package io.sluice.desktop.export;

import io.sluice.core.database.TargetDatabase;
import io.sluice.core.export.BackToSenderWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.review.Review;
import io.sluice.core.usecase.ExportRows;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.TaskContext;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Exports from the open review in the background through the use case {@link ExportRows}: the kind chosen in the
 * menu, the CSV options from the dialog, the file from the save dialog. The last export's outcome is one sentence,
 * told to the steward; failures go to the runner's error dialog.
 */
public final class ExportViewModel {

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final StringProperty lastResult = new SimpleStringProperty("");
    private final BooleanBinding available;

    public ExportViewModel(Workbench workbench, TaskRunner tasks, DialogService dialogs) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.available = workbench.reviewProperty().isNotNull();
    }

    /** True while a review is open: there is something to export. */
    public BooleanBinding availableBinding() {
        return available;
    }

    /** The file name to offer for that export of the open review. */
    public String suggestedName(ExportKind kind) {
        Path review = workbench.reviewProperty().get();
        return review == null ? kind.what().replace(' ', '-') + "." + kind.extension() : kind.suggestedName(review);
    }

    /** Writes the export to {@code out} without the original values; null when no review is open. */
    public TaskHandle export(ExportKind kind, CsvOptions options, Path out) {
        return export(kind, options, false, out);
    }

    /**
     * Writes the export to {@code out}; with {@code originalValues} the rejected rows and the back-to-sender workbook
     * show the source value of each cell a fix or an edit changed. Null when no review is open.
     */
    public TaskHandle export(ExportKind kind, CsvOptions options, boolean originalValues, Path out) {
        Path review = workbench.reviewProperty().get();
        if (review == null) {
            return null;
        }
        TargetChoice target = workbench.targetProperty().get();
        lastResult.set("");
        return tasks.save("Exporting " + kind.what(), new Change("the export of " + kind.what() + " to "
                + out.getFileName(), "the export is abandoned: the files it writes keep what they held before, and the"
                + " next export to them clears what it left half written"), ctx -> write(kind, review, target,
                        new ExportRows.Settings(options, BackToSenderWriter.DEFAULT_MAX_COMMENTS, originalValues), out,
                        ctx),
                count -> {
                    lastResult.set(String.format(Locale.ROOT, "%,d %s written to %s.", count, kind.what(), out));
                    dialogs.inform("Export finished", lastResult.get());
                }, null);
    }

    private static long write(ExportKind kind, Path reviewFile, TargetChoice target, ExportRows.Settings settings,
                              Path out, TaskContext ctx) {
        try (Review review = Review.open(reviewFile);
             TargetDatabase db = kind.needsTarget() ? target.open() : null) {
            return kind.count(ExportRows.fromReview(db, review, kind.outputs(out), settings, ctx), review);
        }
    }

    /** The last export's outcome, e.g. "12 rejected rows written to /tmp/r.csv."; empty while one runs. */
    public StringProperty lastResultProperty() {
        return lastResult;
    }
}
