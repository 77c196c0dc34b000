package io.sluice.core.bookkeeping;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A run of up to {@value #MAX_ROWS} consecutive provenance rows of one batch with the same target table and source
 * sheet, as one row of {@code sluice_provenance_run}: how it is built while rows are added, and how its texts are
 * encoded and decoded (the format is described in the V9 migration and decision 0034).
 */
final class ProvenanceRun {

    /** Rows in one run at most. */
    static final int MAX_ROWS = 1000;
    /** Hex digits a key bound keeps; a longer bound is cut (the high one then ends in "g"). */
    static final int BOUND_DIGITS = 512;
    private static final char NO_LEGACY_ID = '~';
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String table;
    private final String sheet;
    private final RowAction firstAction;
    private final int[] actionCounts = new int[RowAction.values().length];
    private StringBuilder actions;
    private final StringBuilder keys = new StringBuilder(16 * 1024);
    private final StringBuilder sourceRows = new StringBuilder(32);
    private StringBuilder legacyIds;
    private int count;
    private String low;
    private String high;
    private long rangeStart;
    private long rangeEnd;
    private Long id;

    ProvenanceRun(RowProvenance first) {
        this.table = first.targetTable();
        this.sheet = first.sourceSheet().orElse(null);
        this.firstAction = first.action();
    }

    /** Whether that row may follow in this run. */
    boolean accepts(RowProvenance row) {
        return count < MAX_ROWS && table.equals(row.targetTable())
                && Objects.equals(sheet, row.sourceSheet().orElse(null));
    }

    /** Appends the row and returns its index in the run. */
    int add(RowProvenance row) {
        String key = row.targetKey();
        keys.append(key.length()).append(':').append(key);
        if (low == null || compareCodePoints(key, low) < 0) {
            low = key;
        }
        if (high == null || compareCodePoints(key, high) > 0) {
            high = key;
        }
        long source = row.sourceRow();
        if (count == 0) {
            rangeStart = source;
            rangeEnd = source;
        } else if (source == rangeEnd + 1) {
            rangeEnd = source;
        } else {
            appendRange();
            rangeStart = source;
            rangeEnd = source;
        }
        String legacy = row.legacyId().orElse(null);
        if (legacy != null && legacyIds == null) {
            legacyIds = new StringBuilder(count + 16);
            legacyIds.append(String.valueOf(NO_LEGACY_ID).repeat(count));
        }
        if (legacyIds != null) {
            appendLegacy(legacyIds, legacy);
        }
        RowAction action = row.action();
        if (action != firstAction && actions == null) {
            actions = new StringBuilder(count + 16);
            actions.append(String.valueOf(letter(firstAction)).repeat(count));
        }
        if (actions != null) {
            actions.append(letter(action));
        }
        actionCounts[action.ordinal()]++;
        return count++;
    }

    int count() {
        return count;
    }

    boolean full() {
        return count >= MAX_ROWS;
    }

    String table() {
        return table;
    }

    String sheet() {
        return sheet;
    }

    int count(RowAction action) {
        return actionCounts[action.ordinal()];
    }

    /** One letter per row (i, u, s), or null when every row of the run had the same action. */
    String actionsText() {
        return actions == null ? null : actions.toString();
    }

    String keysText() {
        return keys.toString();
    }

    /** The source rows as ranges; call once, when the run is complete. */
    String sourceRowsText() {
        appendRange();
        return sourceRows.toString();
    }

    /** The legacy ids, or null when no row of the run has one. */
    String legacyIdsText() {
        return legacyIds == null ? null : legacyIds.toString();
    }

    String lowBound() {
        return lowBound(low);
    }

    String highBound() {
        return highBound(high);
    }

    /** The stored id, once the run is in the database. */
    Long id() {
        return id;
    }

    void stored(long storedId) {
        this.id = storedId;
    }

    private void appendRange() {
        if (!sourceRows.isEmpty()) {
            sourceRows.append(',');
        }
        sourceRows.append(rangeStart);
        if (rangeEnd != rangeStart) {
            sourceRows.append('+').append(rangeEnd - rangeStart);
        }
    }

    private static void appendLegacy(StringBuilder out, String legacy) {
        if (legacy == null) {
            out.append(NO_LEGACY_ID);
        } else {
            out.append(legacy.length()).append(':').append(legacy);
        }
    }

    /** The keys of an encoded run, in order. */
    static List<String> keys(String encoded, int count) {
        List<String> keys = new ArrayList<>(count);
        int at = 0;
        while (at < encoded.length()) {
            int colon = encoded.indexOf(':', at);
            int length = Integer.parseInt(encoded, at, colon, 10);
            keys.add(encoded.substring(colon + 1, colon + 1 + length));
            at = colon + 1 + length;
        }
        return keys;
    }

    /** The actions of a run's rows, from its letters or, when it has none, the one action its counts name. */
    static RowAction[] actions(String letters, int count, int inserted, int updated) {
        RowAction[] actions = new RowAction[count];
        if (letters == null) {
            java.util.Arrays.fill(actions, inserted == count ? RowAction.INSERTED
                    : updated == count ? RowAction.UPDATED : RowAction.SKIPPED);
            return actions;
        }
        for (int i = 0; i < count; i++) {
            actions[i] = switch (letters.charAt(i)) {
                case 'i' -> RowAction.INSERTED;
                case 'u' -> RowAction.UPDATED;
                default -> RowAction.SKIPPED;
            };
        }
        return actions;
    }

    private static char letter(RowAction action) {
        return switch (action) {
            case INSERTED -> 'i';
            case UPDATED -> 'u';
            case SKIPPED -> 's';
        };
    }

    /** The source rows of an encoded run, in order. */
    static long[] sourceRows(String encoded, int count) {
        long[] rows = new long[count];
        int n = 0;
        for (String range : encoded.split(",")) {
            int plus = range.indexOf('+', 1);
            long start = Long.parseLong(plus < 0 ? range : range.substring(0, plus));
            long extra = plus < 0 ? 0 : Long.parseLong(range.substring(plus + 1));
            for (long r = start; r <= start + extra; r++) {
                rows[n++] = r;
            }
        }
        return rows;
    }

    /** The legacy ids of an encoded run (null entries where a row has none; all null when the text is null). */
    static String[] legacyIds(String encoded, int count) {
        String[] ids = new String[count];
        if (encoded == null) {
            return ids;
        }
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (encoded.charAt(at) == NO_LEGACY_ID) {
                at++;
                continue;
            }
            int colon = encoded.indexOf(':', at);
            int length = Integer.parseInt(encoded, at, colon, 10);
            ids[i] = encoded.substring(colon + 1, colon + 1 + length);
            at = colon + 1 + length;
        }
        return ids;
    }

    /** The bound a key is compared with: lowercase hex of its UTF-8 bytes (code point order is byte order). */
    static String bound(String key) {
        StringBuilder hex = new StringBuilder(key.length() * 2);
        for (int i = 0; i < key.length(); ) {
            int cp = key.codePointAt(i);
            i += Character.charCount(cp);
            // a lone surrogate is encoded like a code point of its value, so the byte order stays code point order
            if (cp < 0x80) {
                byteHex(hex, cp);
            } else if (cp < 0x800) {
                byteHex(hex, 0xC0 | cp >> 6);
                byteHex(hex, 0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                byteHex(hex, 0xE0 | cp >> 12);
                byteHex(hex, 0x80 | cp >> 6 & 0x3F);
                byteHex(hex, 0x80 | cp & 0x3F);
            } else {
                byteHex(hex, 0xF0 | cp >> 18);
                byteHex(hex, 0x80 | cp >> 12 & 0x3F);
                byteHex(hex, 0x80 | cp >> 6 & 0x3F);
                byteHex(hex, 0x80 | cp & 0x3F);
            }
        }
        return hex.toString();
    }

    /** A lower bound of every key at or above that one, short enough for an index. */
    static String lowBound(String key) {
        String hex = bound(key);
        return hex.length() <= BOUND_DIGITS ? hex : hex.substring(0, BOUND_DIGITS);
    }

    /** An upper bound of every key at or below that one, short enough for an index: "g" sorts above any digit. */
    static String highBound(String key) {
        String hex = bound(key);
        return hex.length() <= BOUND_DIGITS ? hex : hex.substring(0, BOUND_DIGITS) + "g";
    }

    private static void byteHex(StringBuilder out, int b) {
        out.append(HEX[b >> 4 & 0xF]).append(HEX[b & 0xF]);
    }

    /** Compares by code point, the order of the keys' UTF-8 bytes. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
