package io.sluice.desktop.mapping;

import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The source's columns and its first rows: enough for the suggester to judge the values and for the mapping preview,
 * few enough to keep in memory whatever the file's size.
 */
record SourceSample(List<String> columns, List<SourceRow> rows) {

    static final int ROWS = 200;

    static SourceSample read(Path file, SourceOptions options, TaskContext context) {
        context.message("Reading the first rows of " + file.getFileName());
        try (SourceTable table = Sources.open(file, options)) {
            List<SourceRow> rows = new ArrayList<>();
            SourceRow row;
            while (rows.size() < ROWS && (row = table.next()) != null) {
                if (context.isCancelled()) {
                    throw new CancellationException();
                }
                rows.add(row);
            }
            return new SourceSample(table.columns(), List.copyOf(rows));
        }
    }

    /** Cells by row, as the suggester takes them. */
    List<List<Cell>> cells() {
        return rows.stream().map(SourceRow::cells).toList();
    }

    /** The first few non-blank values of a column, joined for display. */
    String examples(int column) {
        List<String> values = new ArrayList<>();
        for (SourceRow row : rows) {
            String text = row.cell(column).text().strip();
            if (!text.isEmpty() && !values.contains(text)) {
                values.add(text);
                if (values.size() == 3) {
                    break;
                }
            }
        }
        return String.join(" · ", values);
    }
}
