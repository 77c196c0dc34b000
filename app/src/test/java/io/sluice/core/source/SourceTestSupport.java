package io.sluice.core.source;

import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the reader tests. */
final class SourceTestSupport {

    private SourceTestSupport() {
    }

    /** Reads every remaining row of a table. */
    static List<SourceRow> readAll(SourceTable table) {
        List<SourceRow> rows = new ArrayList<>();
        SourceRow row;
        while ((row = table.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    /** The displayed texts of a row's cells. */
    static List<String> texts(SourceRow row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row.cells()) {
            texts.add(cell.text());
        }
        return texts;
    }
}
