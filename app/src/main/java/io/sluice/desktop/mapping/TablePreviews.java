package io.sluice.desktop.mapping;

import io.sluice.core.database.TableInfo;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;

import java.util.Map;

/**
 * The preview of the table on screen in the mapping onto several tables: the rows its first source rows make,
 * expanded again in the background after each change; a newer change cancels the preview of an older one. A table
 * that does not compile shows why instead of rows.
 */
final class TablePreviews {

    private record Result(MappingPreview preview, String error) {
    }

    private final TaskRunner tasks;
    private final Latest latest = new Latest();

    TablePreviews(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Previews {@code part}, the part at {@code mapping}'s place in {@code profile}; null part: nothing on screen. */
    void refresh(TablePart part, Profile profile, TableMapping mapping, Map<String, TableInfo> infos) {
        Latest.Request request = latest.next();
        if (part == null || profile == null || part.sample() == null || part.infoProperty().get() == null) {
            if (part != null) {
                part.showPreview(null, part.sample() == null ? part.problemProperty().get() : null);
            }
            return;
        }
        SourceSample sample = part.sample();
        Integer header = part.headerRow();
        Map<String, TableInfo> known = Map.copyOf(infos);
        request.track(tasks.quiet("Previewing the rows of " + part.table(), ctx -> {
            try {
                return new Result(TablesSources.preview(profile, mapping, sample, header, known), null);
            } catch (RuntimeException e) {
                return new Result(null, ErrorText.sentence(e));
            }
        }, request.then(result -> part.showPreview(result.preview(), result.error()))));
    }

    /** Forgets a preview still being made. */
    void cancel() {
        latest.supersede();
    }
}
