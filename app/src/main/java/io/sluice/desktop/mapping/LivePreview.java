package io.sluice.desktop.mapping;

import io.sluice.core.database.TableInfo;
import io.sluice.core.profile.Profile;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Mapping step's preview: the sample's first rows mapped as they will be imported, computed again in the
 * background after each change; a newer change cancels the preview of an older one. A mapping that cannot compile
 * (a bad date pattern, say) is part of what the preview shows, not a failure.
 */
final class LivePreview {

    private record Result(MappingPreview preview, String error) {
    }

    private final TaskRunner tasks;
    private final int rows;
    private final Latest latest = new Latest();
    private final ReadOnlyObjectWrapper<MappingPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();

    LivePreview(TaskRunner tasks, int rows) {
        this.tasks = tasks;
        this.rows = rows;
    }

    /** Maps the sample with the profile; nothing to show without a sample, a table or a mapped column. */
    void refresh(Profile profile, SourceSample sample, TableInfo table) {
        Latest.Request request = latest.next();
        if (sample == null || table == null || profile == null || profile.columns().isEmpty()) {
            preview.set(null);
            error.set(null);
            return;
        }
        request.track(tasks.quiet("Previewing the mapping", ctx -> {
            try {
                return new Result(MappingSources.preview(profile, sample, table, rows), null);
            } catch (RuntimeException e) {
                return new Result(null, ErrorText.sentence(e));
            }
        }, request.then(result -> {
            error.set(result.error());
            preview.set(result.preview());
        })));
    }

    ReadOnlyObjectProperty<MappingPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
