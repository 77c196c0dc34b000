package io.sluice.core.source;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The safety pass over an XLSX file before fastexcel (which has no zip-bomb defence) may open it: every entry is
 * inflated through POI's ZipSecureFile threshold stream with POI's default limits, XML parts with a DOCTYPE are
 * refused, and the worksheet parts yield their merged ranges on the way.
 */
final class XlsxScan {

    /** What the scan learnt about one worksheet part: its merged ranges and whether it holds formulas. */
    record SheetPart(List<String> merges, boolean formulas) {
    }

    private static final String WORKBOOK = "xl/workbook.xml";
    private static final String WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
    private static final String WORKSHEETS = "xl/worksheets/";

    private final Map<String, XmlPartScanner.Facts> parts;

    private XlsxScan(Map<String, XmlPartScanner.Facts> parts) {
        this.parts = parts;
    }

    /** Scans every part of the package, worksheets included (for {@code inspect}, which reports every sheet). */
    static XlsxScan of(Path file) {
        return of(file, true, Progress.NONE);
    }

    /**
     * Scans the package; without worksheets, those are left to a {@link SheetPartScan} of the one sheet that is read.
     * A cancel through {@code progress} ends it with a {@link CancellationException} within a read of the inflater.
     */
    static XlsxScan of(Path file, boolean worksheets, Progress progress) {
        Map<String, XmlPartScanner.Facts> parts = new HashMap<>();
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            Enumeration<ZipArchiveEntry> entries = zip.getEntries();
            byte[] drain = new byte[64 * 1024];
            while (entries.hasMoreElements()) {
                ZipArchiveEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                if (!worksheets && name.startsWith(WORKSHEETS)) {
                    continue;
                }
                try (InputStream in = cancellable(DeflatedPartStream.open(zip, entry), file, progress)) {
                    if (in == null) {
                        throw Problems.input(file, "is a damaged Excel file (the part " + name + " cannot be read)");
                    }
                    if (name.endsWith(".xml") || name.endsWith(".rels")) {
                        XmlPartScanner.Facts facts = XmlPartScanner.scan(in);
                        if (facts.doctype) {
                            throw Problems.input(file, "contains a DOCTYPE declaration in " + name
                                    + ", which Sluice refuses because it can be used to read other files (XXE)");
                        }
                        parts.put(name, facts);
                    } else {
                        while (in.read(drain) > 0) {
                            // Inflating through the threshold stream is the zip-bomb check itself.
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw translate(file, e);
        }
        if (!parts.containsKey(WORKBOOK)) {
            throw Problems.input(file, notAWorkbook(parts));
        }
        return new XlsxScan(parts);
    }

    /** A part's stream that stops with a CancellationException once {@code progress} is cancelled; null stays null. */
    private static InputStream cancellable(InputStream in, Path file, Progress progress) {
        if (in == null || progress == Progress.NONE) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                stopIfCancelled();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                stopIfCancelled();
                return super.read(b, off, len);
            }

            private void stopIfCancelled() {
                if (progress.isCancelled()) {
                    throw new CancellationException("Reading " + Problems.name(file) + " was cancelled.");
                }
            }
        };
    }

    /**
     * Whether the workbook part uses the ISO 29500 Strict namespaces (Excel's "Strict Open XML Spreadsheet"), which
     * fastexcel does not know. Asked only once reading has failed, after the safety scan passed the package.
     */
    static boolean isStrict(Path file) {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            ZipArchiveEntry entry = zip.getEntry(WORKBOOK);
            if (entry == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                return head.contains("http://purl.oclc.org/ooxml/spreadsheetml/main");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static RuntimeException translate(Path file, Exception e) {
        if (e instanceof SluiceException || e instanceof CancellationException) {
            return (RuntimeException) e;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Zip bomb")) {
            return Problems.input(file, "looks like a zip bomb (a part expands far beyond its compressed size), so"
                    + " Sluice refuses to open it", e);
        }
        return Problems.input(file, "is not a valid Excel file (its zip structure is damaged)", e);
    }

    private static String notAWorkbook(Map<String, XmlPartScanner.Facts> parts) {
        if (parts.containsKey("word/document.xml")) {
            return "is a Word document, not an Excel workbook";
        }
        if (parts.containsKey("ppt/presentation.xml")) {
            return "is a PowerPoint presentation, not an Excel workbook";
        }
        if (parts.containsKey("content.xml") && parts.containsKey("META-INF/manifest.xml")) {
            return "is an OpenDocument file (.ods, from LibreOffice or Google Sheets), which Sluice cannot read; save it"
                    + " as .xlsx";
        }
        if (parts.containsKey("xl/_rels/workbook.bin.rels")) {
            return "is an Excel binary workbook (.xlsb), which Sluice cannot read; save it as .xlsx";
        }
        return "is a zip archive but not an Excel workbook";
    }

    /** The facts of the worksheet a workbook relationship id points at, or null when unknown or not scanned. */
    SheetPart sheet(String relationshipId) {
        String part = part(relationshipId);
        XmlPartScanner.Facts facts = part == null ? null : parts.get(part);
        return facts == null ? null : new SheetPart(List.copyOf(facts.merges), facts.formulas);
    }

    /**
     * Whether the workbook asks for its formulas to be calculated when it is opened ({@code fullCalcOnLoad}), as
     * programs that write formulas without calculating them (XlsxWriter, openpyxl) do.
     */
    boolean calculatesOnOpening() {
        return parts.get(WORKBOOK).calculateOnOpening;
    }

    /** The package part (e.g. xl/worksheets/sheet1.xml) a workbook relationship id points at, or null. */
    String part(String relationshipId) {
        XmlPartScanner.Facts rels = parts.get(WORKBOOK_RELS);
        if (rels == null || relationshipId == null) {
            return null;
        }
        for (String[] rel : rels.relationships) {
            if (relationshipId.equals(rel[0]) && rel[1] != null) {
                return resolve(rel[1]);
            }
        }
        return null;
    }

    private static String resolve(String target) {
        if (target.startsWith("/")) {
            return target.substring(1);
        }
        String path = "xl/" + target;
        // Targets like "../xl/worksheets/sheet1.xml" are rare but legal.
        while (path.contains("/../")) {
            int at = path.indexOf("/../");
            int parent = path.lastIndexOf('/', at - 1);
            path = (parent < 0 ? "" : path.substring(0, parent + 1)) + path.substring(at + 4);
        }
        return path;
    }
}
