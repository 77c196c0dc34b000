package io.sluice.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Entry point for reading source files (XLSX, XLS, CSV/TSV), the format told by content. Every bad file — missing,
 * empty, corrupt, password-protected, zip bomb, XXE, undecodable — raises a SluiceException of kind INPUT whose
 * message is one sentence naming the file.
 */
public final class Sources {

    private Sources() {
    }

    /** Inspects a file: format, sheets (hidden flag, row and column counts), encoding, delimiter, header row. */
    public static SourceInspection inspect(Path file, SourceOptions options) {
        SourceOptions chosen = options == null ? SourceOptions.DEFAULTS : options;
        SourceFormat format = FileKind.detect(file);
        Opened opened = open(file, format, chosen, true);
        try (SourceTable table = opened.table()) {
            long headerRow = table.headerRow();
            List<String> columns = table.columns();
            List<SourceIssue> issues = table.issues();
            List<SheetInfo> sheets = format == SourceFormat.CSV ? List.of(counted(table)) : opened.sheets();
            return new SourceInspection(file, format, sheets, table.sheet(), opened.encoding(), opened.delimiter(),
                    headerRow, columns, issues);
        }
    }

    /** A text file has no directory of its rows: count them by reading it through (about a second a million). */
    private static SheetInfo counted(SourceTable table) {
        long rows = table.headerRow();
        int widest = table.columns().size();
        SourceRow row;
        while ((row = table.next()) != null) {
            rows = row.number();
            widest = Math.max(widest, row.cells().size());
        }
        return new SheetInfo(table.sheet(), false, rows, widest);
    }

    /** Opens the chosen sheet for streaming, header detected (or as chosen) and skipped. Close the table after use. */
    public static SourceTable open(Path file, SourceOptions options) {
        SourceOptions chosen = options == null ? SourceOptions.DEFAULTS : options;
        return open(file, FileKind.detect(file), chosen, false).table();
    }

    private static Opened open(Path file, SourceFormat format, SourceOptions options, boolean everySheet) {
        return switch (format) {
            case XLSX -> XlsxReader.open(file, options, everySheet);
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
        } catch (java.nio.file.NoSuchFileException e) {
            throw Problems.input(file, "does not exist", e);
        } catch (IOException e) {
            throw Problems.input(file, "could not be read (" + e.getMessage() + ")", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256.", e);
        }
    }
}
