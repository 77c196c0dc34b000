package io.sluice.core.source;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells the format of a file from its first bytes, not its name: a zip is XLSX, an OLE2 compound file is XLS (or a
 * password-protected XLSX, which Office wraps in OLE2), anything else is CSV text.
 */
final class FileKind {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] EMPTY_ZIP = {0x50, 0x4B, 0x05, 0x06};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    /** Every SQLite database starts so; a Sluice review is one. */
    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private FileKind() {
    }

    static SourceFormat detect(Path file) {
        if (!Files.exists(file)) {
            throw Problems.input(file, "does not exist");
        }
        if (Files.isDirectory(file)) {
            throw Problems.input(file, "is a folder, not a file");
        }
        if (!Files.isReadable(file)) {
            throw Problems.input(file, "cannot be read (permission denied)");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE.length);
        } catch (IOException e) {
            throw Problems.input(file, "could not be read (" + e.getMessage() + ")", e);
        }
        if (head.length == 0) {
            throw Problems.input(file, "is empty");
        }
        if (startsWith(head, ZIP)) {
            return SourceFormat.XLSX;
        }
        if (startsWith(head, EMPTY_ZIP)) {
            throw Problems.input(file, "is an empty zip archive, not an Excel workbook");
        }
        if (startsWith(head, OLE2)) {
            if (isEncryptedOoxml(file)) {
                throw Problems.input(file, "is password-protected; remove the password in Excel and try again");
            }
            return SourceFormat.XLS;
        }
        if (startsWith(head, SQLITE)) {
            // read as text it would fail on its encoding, which sends the steward looking for the wrong cause
            throw Problems.input(file, Problems.name(file).toLowerCase(Locale.ROOT).endsWith(".sluice")
                    ? "is a Sluice review, not a spreadsheet or a text file; open it as a review, not as a source file"
                    : "is a SQLite database, not a spreadsheet or a text file");
        }
        if (namedLikeExcel(file)) {
            throw Problems.input(file, "is named like an Excel file but its content is not an Excel workbook"
                    + " (it is damaged, or it is text that should be named .csv)");
        }
        return SourceFormat.CSV;
    }

    /** Office stores an encrypted XLSX inside an OLE2 file next to an EncryptionInfo entry. */
    private static boolean isEncryptedOoxml(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptionInfo") && fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            throw Problems.input(file, "is not a valid Excel file (its OLE2 structure is damaged)", e);
        }
    }

    private static boolean namedLikeExcel(Path file) {
        String name = Problems.name(file).toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
