package io.sluice.core.review;

import java.util.List;

/**
 * What a value fix would change, worked out without writing anything: how many cells, and the first few changes in
 * source order. Applying the same fix to an unchanged review changes exactly {@code cells} cells.
 *
 * @param cells    cells whose value would change
 * @param examples the first changes, at most as many as asked for
 */
public record FixPreview(long cells, List<Example> examples) {

    public FixPreview {
        examples = List.copyOf(examples);
    }

    /** One cell's value before and after the fix. */
    public record Example(long row, String before, String after) {
    }
}
