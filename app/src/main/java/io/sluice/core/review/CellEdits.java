package io.sluice.core.review;

import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lays a row's cell edits over its raw cells. */
public final class CellEdits {

    private CellEdits() {
    }

    /**
     * The row as a commit would use it: each edited cell becomes a text cell with the edited text (as if the steward
     * had typed it into a CSV), the rest stay as read. The row's reader issues are kept.
     */
    public static SourceRow apply(SourceRow raw, Map<Integer, String> edits) {
        if (edits.isEmpty()) {
            return raw;
        }
        int width = Math.max(raw.cells().size(), edits.keySet().stream().mapToInt(i -> i + 1).max().orElse(0));
        List<Cell> cells = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String edited = edits.get(i);
            cells.add(edited != null ? Cell.text(edited) : raw.cell(i));
        }
        return new SourceRow(raw.number(), List.copyOf(cells), raw.issues());
    }
}
