package io.sluice.core.source;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Entry point for reading source files (XLSX, XLS, CSV/TSV), the format told by content. Every bad file — missing,
 * empty, corrupt, password-protected, zip bomb, XXE, undecodable — raises a SluiceException of kind INPUT whose
 * message is one sentence naming the file.
 */
public final class Sources {

    /** Rows between two polls of a cancel while a sheet is counted (a mask: every 4,096 rows). */
    private static final long CANCEL_POLL_ROWS = 4095;

    private Sources() {
    }

    /**
     * Inspects a file: format, encoding, delimiter, header row and columns of the sheet read by default, and every
     * sheet (hidden ones flagged) read through the way validate reads it, so that its counts are the ones validate
     * gets. Costs one read of every sheet.
     */
    public static SourceInspection inspect(Path file, SourceOptions options) {
        return inspect(file, options, Progress.NONE);
    }

    /**
     * Inspects a file as {@link #inspect(Path, SourceOptions)} does; a cancel through {@code progress} ends it with a
     * {@link CancellationException} within a few thousand rows, however large the file.
     */
    public static SourceInspection inspect(Path file, SourceOptions options, Progress progress) {
        SourceOptions chosen = options == null ? SourceOptions.DEFAULTS : options;
        SourceFormat format = FileKind.detect(file);
        Opened opened = open(file, format, chosen, true, progress);
        String defaultSheet;
        long headerRow;
        List<String> columns;
        SheetInfo counted;
        List<SourceIssue> issues = new ArrayList<>();
        try (HeaderedTable table = opened.table()) {
            defaultSheet = table.sheet();
            headerRow = table.headerRow();
            columns = table.columns();
            counted = counted(file, listed(opened.sheets(), defaultSheet), table, progress);
            issues.addAll(table.issues()); // read through, so merged ranges found beside the reading are in
        }
        List<SheetInfo> sheets = new ArrayList<>(opened.sheets().size());
        for (SheetInfo sheet : opened.sheets()) {
            sheets.add(sheet.name().equals(defaultSheet) ? counted
                    : countedOther(file, format, chosen.withSheet(sheet.name()), sheet, issues, progress));
        }
        return new SourceInspection(file, format, List.copyOf(sheets), defaultSheet, opened.encoding(),
                opened.delimiter(), headerRow, columns, List.copyOf(issues));
    }

    private static SheetInfo listed(List<SheetInfo> sheets, String name) {
        return sheets.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElse(SheetInfo.listed(name, false));
    }

    /** A sheet that cannot be read (with these options, or at all) is reported in a note; the others are counted. */
    private static SheetInfo countedOther(Path file, SourceFormat format, SourceOptions options, SheetInfo sheet,
                                          List<SourceIssue> issues, Progress progress) {
        try (HeaderedTable table = open(file, format, options, false, progress).table()) {
            return counted(file, sheet, table, progress);
        } catch (SluiceException e) {
            String reason = e.getMessage().startsWith(Problems.name(file) + ": ")
                    ? e.getMessage().substring(Problems.name(file).length() + 2) : e.getMessage();
            issues.add(new SourceIssue("unreadable-sheet", 0, null, "The sheet \"" + sheet.name()
                    + "\" cannot be read: " + reason));
            return sheet;
        }
    }

    /** Reads a sheet through as validate does: the data rows it gets and the columns they span. */
    private static SheetInfo counted(Path file, SheetInfo sheet, HeaderedTable table, Progress progress) {
        long dataRows = 0;
        int widest = table.columns().size();
        SourceRow row;
        while ((row = table.next()) != null) {
            if ((++dataRows & CANCEL_POLL_ROWS) == 0) {
                if (progress.isCancelled()) {
                    throw new CancellationException("Reading " + Problems.name(file) + " was cancelled.");
                }
                progress.rowsDone(dataRows); // a count of seconds shows it moves
            }
            for (int i = row.cells().size() - 1; i >= widest; i--) {
                if (!row.cells().get(i).isBlank()) {
                    widest = i + 1;
                    break;
                }
            }
        }
        return new SheetInfo(sheet.name(), sheet.hidden(), table.rowsAboveData() + dataRows, widest,
                table.headerRow(), dataRows);
    }

    /** Opens the chosen sheet for streaming, header detected (or as chosen) and skipped. Close the table after use. */
    public static SourceTable open(Path file, SourceOptions options) {
        SourceOptions chosen = options == null ? SourceOptions.DEFAULTS : options;
        return open(file, FileKind.detect(file), chosen, false, Progress.NONE).table();
    }

    /**
     * Opens the named sheet, else the first visible one; when that one holds no data at all (a cover sheet left
     * empty), the next visible sheet that does is read instead, and the table says so.
     */
    private static Opened open(Path file, SourceFormat format, SourceOptions options, boolean everySheet,
                               Progress progress) {
        Opened first = openSheet(file, format, options, everySheet, progress);
        if (options.sheet() != null || !first.table().isEmpty()) {
            return first;
        }
        String empty = first.table().sheet();
        for (SheetInfo sheet : first.sheets()) {
            if (sheet.hidden() || sheet.name().equals(empty)) {
                continue;
            }
            Opened next = openSheet(file, format, options.withSheet(sheet.name()), everySheet, progress);
            if (!next.table().isEmpty()) {
                first.table().close();
                next.table().addIssue(new SourceIssue("empty-first-sheet", 0, null, "The first visible sheet \"" + empty
                        + "\" holds no data, so the sheet \"" + sheet.name() + "\" is read; name a sheet to read"
                        + " another one."));
                return next;
            }
            next.table().close();
        }
        return first;
    }

    private static Opened openSheet(Path file, SourceFormat format, SourceOptions options, boolean everySheet,
                                    Progress progress) {
        return switch (format) {
            case XLSX -> XlsxReader.open(file, options, everySheet, progress);
            case XLS -> XlsReader.open(file, options);
            case CSV -> CsvFileReader.open(file, options);
        };
    }

    /** SHA-256 of the file as lowercase hex (used in reports and batches). */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchFileException e) {
            throw Problems.input(file, "does not exist", e);
        } catch (IOException e) {
            throw Problems.input(file, "could not be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256.", e);
        }
    }
}
