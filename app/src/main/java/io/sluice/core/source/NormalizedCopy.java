package io.sluice.core.source;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;

/**
 * A temporary copy of an XLSX package whose one worksheet went through {@link WorksheetNormalizer}, for the files
 * fastexcel cannot read as written. The worksheet is inflated through POI's zip-bomb threshold stream; every other
 * part is copied still compressed, exactly as the safety scan passed it. Deleted on close.
 */
final class NormalizedCopy implements AutoCloseable {

    private final Path path;

    private NormalizedCopy(Path path) {
        this.path = path;
    }

    /** Writes the copy of {@code file} with {@code part} (e.g. xl/worksheets/sheet1.xml) normalized. */
    static NormalizedCopy of(Path file, String sheet, String part, boolean date1904) {
        Path copy;
        try {
            copy = Files.createTempFile("sluice-sheet-", ".xlsx");
        } catch (IOException e) {
            throw Problems.input(file, "could not be read: no room for a temporary copy (" + e.getMessage() + ")", e);
        }
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile());
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(copy)) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (!entry.getName().equals(part)) {
                    try (InputStream raw = zip.getRawInputStream(entry)) {
                        out.addRawArchiveEntry(entry, raw);
                    }
                    continue;
                }
                out.putArchiveEntry(new ZipArchiveEntry(part));
                try (InputStream in = zip.getInputStream(entry)) {
                    WorksheetNormalizer.copy(file, sheet, date1904, in, out);
                }
                out.closeArchiveEntry();
            }
        } catch (IOException | XMLStreamException e) {
            delete(copy);
            if (e instanceof XMLStreamException && !String.valueOf(e.getMessage()).contains("Zip bomb")) {
                throw Problems.input(file, "has a damaged sheet \"" + sheet + "\" that cannot be read ("
                        + e.getMessage() + ")", e);
            }
            throw XlsxScan.translate(file, e);
        } catch (RuntimeException e) {
            delete(copy);
            throw XlsxScan.translate(file, e);
        }
        return new NormalizedCopy(copy);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        delete(path);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A temporary file left behind is removed with the temporary folder; reading is unaffected.
        }
    }
}
