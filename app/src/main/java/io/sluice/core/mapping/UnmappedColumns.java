package io.sluice.core.mapping;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The columns of a file (or of one sheet of a workbook) that a profile does not read: those a sender added since the
 * profile was made, so that replaying it says the file has changed, told apart from the columns Sluice itself added to
 * a back-to-sender workbook ({@value #ROW_COLUMN}, {@value #FINDINGS_COLUMN}), which a returned workbook still has and
 * which are Sluice's notes, not the sender's data. Every replay (validate, a review, an import, the desktop) says them
 * with {@link #sentences()}.
 *
 * @param sheet         the sheet, or null for the one sheet a profile onto one table reads
 * @param columns       the columns no mapping reads, in file order, Sluice's own left out; columns without a header
 *                      are left out too
 * @param sluiceColumns the columns Sluice added when it sent rows back, when no mapping reads them, in file order
 */
public record UnmappedColumns(String sheet, List<String> columns, List<String> sluiceColumns) {

    /** The column of a back-to-sender workbook holding each row's number in the file it was sent back from. */
    public static final String ROW_COLUMN = "Sluice row";
    /** The column of a back-to-sender workbook holding each row's messages. */
    public static final String FINDINGS_COLUMN = "Sluice findings";

    private static final List<String> SLUICE_COLUMNS = List.of(ROW_COLUMN, FINDINGS_COLUMN);

    public UnmappedColumns {
        columns = List.copyOf(columns);
        sluiceColumns = List.copyOf(sluiceColumns);
    }

    /** None: every column is read. */
    public static UnmappedColumns none(String sheet) {
        return new UnmappedColumns(sheet, List.of(), List.of());
    }

    /** The columns of a file that {@code profile} (onto one table) does not read. */
    public static UnmappedColumns of(Profile profile, List<String> sourceColumns) {
        return ofRead(null, read(profile), sourceColumns);
    }

    /** The columns of {@code sheet} that none of {@code parts} (the parts of a profile reading it) reads. */
    public static UnmappedColumns of(String sheet, Collection<TableMapping> parts, List<String> sourceColumns) {
        List<String> read = new ArrayList<>();
        parts.forEach(part -> read.addAll(read(part)));
        return ofRead(sheet, read, sourceColumns);
    }

    private static UnmappedColumns ofRead(String sheet, Collection<String> read, List<String> sourceColumns) {
        Set<Integer> found = new HashSet<>();
        read.forEach(name -> found.add(Mapper.find(name, sourceColumns)));
        List<String> unmapped = new ArrayList<>();
        List<String> sluice = new ArrayList<>();
        for (int i = 0; i < sourceColumns.size(); i++) {
            String name = sourceColumns.get(i);
            if (found.contains(i) || name == null || name.isBlank()) {
                continue;
            }
            (isSluiceColumn(name) ? sluice : unmapped).add(name);
        }
        return new UnmappedColumns(sheet, unmapped, sluice);
    }

    /** The source columns a profile onto one table reads: its mappings' and its legacy id, each once. */
    public static Set<String> read(Profile profile) {
        Set<String> read = new LinkedHashSet<>();
        profile.columns().forEach(m -> read.addAll(m.sourceColumns()));
        if (profile.legacyId() != null) {
            read.add(profile.legacyId());
        }
        return read;
    }

    /** The source columns a part of a profile onto several tables reads: mappings, unpivoted columns, legacy id. */
    public static Set<String> read(TableMapping part) {
        Set<String> read = new LinkedHashSet<>();
        part.columns().forEach(m -> read.addAll(m.sourceColumns()));
        if (part.unpivot() != null) {
            read.addAll(part.unpivot().columns());
        }
        if (part.legacyId() != null) {
            read.add(part.legacyId());
        }
        return read;
    }

    /** Whether a header is one of the columns Sluice adds to a back-to-sender workbook. */
    public static boolean isSluiceColumn(String header) {
        return header != null && SLUICE_COLUMNS.stream().anyMatch(c -> c.equalsIgnoreCase(header.strip()));
    }

    /** Whether every column with a header is read. */
    public boolean isEmpty() {
        return columns.isEmpty() && sluiceColumns.isEmpty();
    }

    /**
     * What the steward is told, one sentence each, none when every column is read: "A column of this file the profile
     * does not map (neither checked nor imported): Remarks." and "Columns Sluice added when it sent these rows back:
     * Sluice row, Sluice findings; not imported." (with "of sheet Mixes" for a sheet of a profile onto several tables).
     */
    public List<String> sentences() {
        List<String> sentences = new ArrayList<>(2);
        if (!columns.isEmpty()) {
            sentences.add((columns.size() == 1 ? "A column" : "Columns") + " of " + (sheet == null ? "this file"
                    : "sheet " + sheet) + " the profile does not map (neither checked nor imported): "
                    + String.join(", ", columns) + ".");
        }
        if (!sluiceColumns.isEmpty()) {
            sentences.add((sluiceColumns.size() == 1 ? "A column" : "Columns") + " Sluice added"
                    + (sheet == null ? "" : " to sheet " + sheet) + " when it sent these rows back: "
                    + String.join(", ", sluiceColumns) + "; not imported.");
        }
        return sentences;
    }
}
