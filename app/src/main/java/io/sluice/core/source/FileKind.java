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
 * password-protected XLSX, which Office wraps in OLE2), a spreadsheet or web page written as markup is refused with
 * its name, anything else is CSV text.
 */
final class FileKind {

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] EMPTY_ZIP = {0x50, 0x4B, 0x05, 0x06};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    /** Every SQLite database starts so; a Sluice review is one. */
    private static final byte[] SQLITE = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** Enough of a file's start to hold the root element and namespaces of a markup document. */
    private static final int HEAD = 4096;

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
            head = in.readNBytes(HEAD);
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
        String markup = markup(head);
        if (markup != null) {
            throw Problems.input(file, markup);
        }
        if (isJson(file, head)) {
            // a profile given where the file goes is an easy slip of argument order; as CSV it fails on a quote
            throw Problems.input(file, "is a JSON file (a Sluice profile is one), not a spreadsheet or a text file of"
                    + " rows; load a profile as a profile, not as a source file");
        }
        if (namedLikeExcel(file)) {
            throw Problems.input(file, "is named like an Excel file but its content is not an Excel workbook"
                    + " (it is damaged, or it is text that should be named .csv)");
        }
        return SourceFormat.CSV;
    }

    /** A file named .json whose text starts as a JSON object or array does. */
    private static boolean isJson(Path file, byte[] head) {
        if (!Problems.name(file).toLowerCase(Locale.ROOT).endsWith(".json")) {
            return false;
        }
        int bom = startsWith(head, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        String start = new String(head, bom, head.length - bom, StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    /**
     * What a text file that starts with markup is, when it is a spreadsheet or a table Sluice cannot read: read as
     * CSV it would give rows of tags. Excel 2003 and LibreOffice save a workbook as one XML file, LibreOffice as flat
     * OpenDocument, and many systems export a table as a web page named .xls. Null for anything else.
     */
    private static String markup(byte[] head) {
        String text;
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE})) {
            text = new String(head, 2, head.length - 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(head, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            text = new String(head, 2, head.length - 2, StandardCharsets.UTF_16BE);
        } else {
            int bom = startsWith(head, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
            text = new String(head, bom, head.length - bom, StandardCharsets.UTF_8);
        }
        String start = text.stripLeading().toLowerCase(Locale.ROOT);
        if (!start.startsWith("<")) {
            return null;
        }
        if (start.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
            return "is an Excel 2003 XML spreadsheet, which Sluice cannot read; open it in Excel or LibreOffice and"
                    + " save it as .xlsx";
        }
        if (start.contains("urn:oasis:names:tc:opendocument:xmlns:office")) {
            return "is a flat OpenDocument file (.fods, from LibreOffice), which Sluice cannot read; save it as .xlsx";
        }
        if (start.startsWith("<!doctype html") || start.contains("<html") || start.startsWith("<table")) {
            return "is a web page (HTML), not a spreadsheet, although some systems export tables so; open it in"
                    + " Excel or LibreOffice and save it as .xlsx";
        }
        if (start.startsWith("<?xml")) {
            return "is an XML file, not a spreadsheet or a text file of rows";
        }
        return null;
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
