package io.sluice.core.source;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The one {@link SourceTable} of every format: finds the header in a short look-ahead of the raw rows (or takes the
 * chosen one), names the columns, then streams the data rows below it, skipping blank ones.
 */
final class HeaderedTable implements SourceTable {

    /** How many non-blank rows are looked at to find the header and the table width. */
    static final int LOOKAHEAD = 30;

    private final Path file;
    private final SourceFormat format;
    private final String sheet;
    private final RawRows raw;
    private final long headerRow;
    private final List<String> columns;
    private List<SourceIssue> issues;
    /** Issues known only once the sheet has been read through (merged ranges found by a scan beside the reading). */
    private final Supplier<List<SourceIssue>> lateIssues;
    private final Deque<RawRow> pending = new ArrayDeque<>();
    /** CSV fields are positional, so a row whose field count differs from the header's is flagged; -1 = no check. */
    private final int expectedFields;
    private final String expectedFieldsOf;
    /** Non-blank rows at and above the header (the header and junk rows), read before the first data row. */
    private long rowsAboveData;
    private final boolean empty;

    /**
     * @param checkFieldCount true for CSV: rows with more or fewer fields than the header get a {@code ragged-row} issue
     */
    HeaderedTable(Path file, SourceFormat format, String sheet, RawRows raw, List<SourceIssue> sheetIssues,
                  SourceOptions options, boolean checkFieldCount) {
        this(file, format, sheet, raw, sheetIssues, List::of, options, checkFieldCount);
    }

    HeaderedTable(Path file, SourceFormat format, String sheet, RawRows raw, List<SourceIssue> sheetIssues,
                  Supplier<List<SourceIssue>> lateIssues, SourceOptions options, boolean checkFieldCount) {
        this.lateIssues = lateIssues;
        this.file = file;
        this.format = format;
        this.sheet = sheet;
        this.raw = raw;
        try {
            RawRow header = findHeader(options);
            int width = width(header, checkFieldCount);
            HeaderNames.Result names = HeaderNames.of(header == null ? null : header.row(), width);
            this.headerRow = header == null ? 0 : header.row().number();
            this.columns = names.names();
            List<SourceIssue> all = new ArrayList<>(sheetIssues);
            all.addAll(names.issues());
            this.empty = header == null && pending.isEmpty();
            if (empty) {
                all.add(new SourceIssue("empty-sheet", 0, null, "The sheet \"" + sheet + "\" holds no data."));
            }
            this.issues = List.copyOf(all);
            this.expectedFields = checkFieldCount ? width : -1;
            this.expectedFieldsOf = header == null ? "the first row has " : "the header has ";
        } catch (RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private RawRow findHeader(SourceOptions options) {
        if (options.noHeader()) {
            fillLookahead();
            return null;
        }
        Integer chosen = options.headerRow();
        if (chosen != null) {
            if (chosen < 1) {
                throw Problems.input(file, "the header row must be 1 or more, not " + chosen);
            }
            RawRow row;
            while ((row = raw.next()) != null && row.row().number() < chosen) {
                if (!skipped(row)) {
                    rowsAboveData++;
                }
            }
            if (row == null) {
                // a CSV has no sheets: its "sheet" is the file's own name, which the message already gives
                String where = format == SourceFormat.CSV ? "the file" : "the sheet \"" + sheet + "\"";
                throw Problems.input(file, where + " has no row " + chosen + " to use as header");
            }
            RawRow header = null;
            if (row.row().number() == chosen) {
                header = row;
                rowsAboveData += skipped(row) ? 0 : 1;
            } else {
                pending.add(row);
            }
            fillLookahead();
            return header;
        }
        fillLookahead();
        if (pending.isEmpty()) {
            return null;
        }
        List<SourceRow> rows = new ArrayList<>(pending.size());
        for (RawRow r : pending) {
            rows.add(r.row());
        }
        int index = HeaderDetector.detect(rows);
        for (int i = 0; i < index; i++) {
            pending.removeFirst();
        }
        rowsAboveData = index + 1L;
        return pending.removeFirst();
    }

    private void fillLookahead() {
        RawRow row;
        while (pending.size() < LOOKAHEAD && (row = raw.next()) != null) {
            if (!skipped(row)) {
                pending.add(row);
            }
        }
    }

    private int width(RawRow header, boolean fieldCount) {
        if (fieldCount) {
            if (header != null) {
                return header.row().cells().size();
            }
            return pending.isEmpty() ? 0 : pending.peekFirst().row().cells().size();
        }
        int width = header == null ? 0 : span(header.row());
        for (RawRow r : pending) {
            width = Math.max(width, span(r.row()));
        }
        return width;
    }

    private static int span(SourceRow row) {
        List<Cell> cells = row.cells();
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isBlank()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Non-blank rows at and above the header: the header itself and the junk rows above it. */
    long rowsAboveData() {
        return rowsAboveData;
    }

    /** Adds a sheet-level issue found by whoever opened the table (e.g. why this sheet was chosen). */
    void addIssue(SourceIssue issue) {
        List<SourceIssue> all = new ArrayList<>(issues.size() + 1);
        all.add(issue);
        all.addAll(issues);
        issues = List.copyOf(all);
    }

    /** Whether the sheet holds no row with a value at all. */
    boolean isEmpty() {
        return empty;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public SourceFormat format() {
        return format;
    }

    @Override
    public String sheet() {
        return sheet;
    }

    @Override
    public long headerRow() {
        return headerRow;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<SourceIssue> issues() {
        List<SourceIssue> late = lateIssues.get();
        if (late.isEmpty()) {
            return issues;
        }
        List<SourceIssue> all = new ArrayList<>(late);
        all.addAll(issues);
        return all;
    }

    @Override
    public SourceRow next() {
        RawRow next;
        do {
            next = pending.isEmpty() ? raw.next() : pending.removeFirst();
            if (next == null) {
                return null;
            }
        } while (skipped(next));
        SourceRow row = next.row();
        int fields = row.cells().size();
        if (expectedFields >= 0 && fields != expectedFields) {
            List<SourceIssue> rowIssues = new ArrayList<>(row.issues());
            rowIssues.add(new SourceIssue("ragged-row", row.number(), null, "Line " + next.line() + " has " + fields
                    + (fields == 1 ? " field" : " fields") + " where " + expectedFieldsOf + expectedFields + "."));
            row = new SourceRow(row.number(), row.cells(), List.copyOf(rowIssues));
        }
        return row;
    }

    /**
     * Whether a row is skipped: nothing in it and nothing to say about it. A row whose formulas hold no saved result
     * looks blank but is a row in Excel, so it is kept with its issues.
     */
    private static boolean skipped(RawRow row) {
        return row.row().isBlank() && row.row().issues().isEmpty();
    }

    @Override
    public void close() {
        raw.close();
    }
}
