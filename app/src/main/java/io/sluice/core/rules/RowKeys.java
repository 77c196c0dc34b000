package io.sluice.core.rules;

import io.sluice.core.mapping.MappedRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of a chunk of rows: each row's key text (null when a key part is empty) and the distinct keys, so a
 * chunk rule can ask the database once per distinct key.
 *
 * @param perRow   key text of each row of the chunk, by position; null where the row has no complete key
 * @param distinct the distinct keys by key text
 */
record RowKeys(List<String> perRow, Map<String, List<Object>> distinct) {

    static RowKeys collect(List<MappedRow> chunk, List<String> targets) {
        List<String> perRow = new ArrayList<>(chunk.size());
        Map<String, List<Object>> distinct = new LinkedHashMap<>();
        for (int r = 0; r < chunk.size(); r++) {
            MappedRow row = chunk.get(r);
            String text = text(row, targets);
            if (text != null && !distinct.containsKey(text)) {
                distinct.put(text, of(row, targets));
            }
            perRow.add(text);
        }
        return new RowKeys(perRow, distinct);
    }

    /**
     * The row's key text ({@link KeyText#of(List)} of {@link #of}), or null when any part is empty or failed
     * conversion; a key of one column makes no list on the way.
     */
    static String text(MappedRow row, List<String> targets) {
        if (targets.size() == 1) {
            Object v = row.value(targets.get(0));
            return v == null ? null : KeyText.of(v);
        }
        List<Object> key = of(row, targets);
        return key == null ? null : KeyText.of(key);
    }

    /** The row's key values, or null when any part is empty or failed conversion. */
    static List<Object> of(MappedRow row, List<String> targets) {
        if (targets.size() == 1) {
            // the common key of one column, without a list that grows
            Object v = row.value(targets.get(0));
            return v == null ? null : List.of(v);
        }
        List<Object> key = new ArrayList<>(targets.size());
        for (String target : targets) {
            Object v = row.value(target);
            if (v == null) {
                return null;
            }
            key.add(v);
        }
        return key;
    }
}
