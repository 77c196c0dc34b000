package io.sluice.desktop.source;

import io.sluice.core.source.Columns;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The top of a sheet exactly as the file holds it, rows above the header included, so the steward can see which row
 * holds the column names.
 *
 * @param inspection what inspecting the sheet with the chosen options found
 * @param columns    column letters (A, B, ...), as wide as the widest previewed row
 * @param rows       the first rows, numbered as Excel numbers them
 */
public record SheetPreview(SourceInspection inspection, List<String> columns, List<Row> rows) {

    /** How many rows the preview shows. */
    public static final int ROWS = 50;

    /** One previewed row: its number as shown in Excel and each cell's displayed text. */
    public record Row(long number, List<String> cells) {

        /** The text of a 0-based column, "" past the row's end. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** Inspects the file with the options and reads the first {@link #ROWS} rows of the chosen sheet, unheadered. */
    static SheetPreview read(Path file, SourceOptions options, TaskContext context) {
        context.message("Inspecting " + file.getFileName());
        SourceInspection inspection = Sources.inspect(file, options, context);
        SourceOptions raw = new SourceOptions(inspection.defaultSheet(), null, true, options.encoding(),
                options.delimiter());
        List<Row> rows = new ArrayList<>();
        int width = 0;
        try (SourceTable table = Sources.open(file, raw)) {
            width = table.columns().size();
            SourceRow row;
            while (rows.size() < ROWS && !context.isCancelled() && (row = table.next()) != null) {
                List<String> cells = new ArrayList<>(row.cells().size());
                row.cells().forEach(c -> cells.add(c.text()));
                rows.add(new Row(row.number(), List.copyOf(cells)));
                width = Math.max(width, cells.size());
            }
        }
        List<String> letters = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            letters.add(Columns.letter(c));
        }
        return new SheetPreview(inspection, List.copyOf(letters), List.copyOf(rows));
    }
}
