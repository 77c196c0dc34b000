package io.sluice.core.source;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The one inflation of the worksheet being read, on a thread of its own: the part is inflated behind POI's
 * threshold stream (zip-bomb limits, {@link DeflatedPartStream}), scanned for a DOCTYPE and its merged ranges, and handed to the
 * reader as {@link #bytes()}, so that fastexcel parses exactly the bytes that passed the checks and the reader's
 * thread does not inflate. Every other part of the package (shared strings, styles, the workbook: what fastexcel holds
 * in memory) has passed {@link XlsxScan} first. A reader that cannot take the bytes (fastexcel opened the file itself,
 * or the sheet is read on from a normalized copy) abandons them, and the scan then only checks, as a pass beside the
 * reading. A zip bomb or DOCTYPE found here stops the reading before the bytes that hold it are parsed.
 */
final class SheetPartScan {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final String part;
    private final SheetBytes bytes = new SheetBytes();
    private final CompletableFuture<XmlPartScanner.Facts> facts = new CompletableFuture<>();
    private final Thread thread;

    private SheetPartScan(Path file, String part) {
        this.file = file;
        this.part = part;
        this.thread = new Thread(this::run, "sluice-xlsx-scan");
        thread.setDaemon(true);
    }

    /** Starts inflating and scanning {@code part} (e.g. xl/worksheets/sheet1.xml) of the file. */
    static SheetPartScan start(Path file, String part) {
        SheetPartScan scan = new SheetPartScan(file, part);
        scan.thread.start();
        return scan;
    }

    /** The package part this scan inflates. */
    String part() {
        return part;
    }

    /** The checked bytes of the part, for the reader to parse; closing them lets the scan go on alone. */
    SheetBytes bytes() {
        return bytes;
    }

    private void run() {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            ZipArchiveEntry entry = zip.getEntry(part);
            if (entry == null) {
                throw Problems.input(file, "is a damaged Excel file (the part " + part + " is missing)");
            }
            try (InputStream in = DeflatedPartStream.open(zip, entry)) {
                XmlPartScanner scanner = new XmlPartScanner();
                boolean handing = true;
                byte[] chunk = null;
                while (true) {
                    if (chunk == null) {
                        chunk = bytes.emptyChunk(CHUNK);
                    }
                    int n = in.readNBytes(chunk, 0, CHUNK);
                    if (n <= 0) {
                        break;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        // the reading this scan serves has ended early; nothing waits for the result
                        throw new java.io.InterruptedIOException("scan stopped");
                    }
                    scanner.feed(chunk, n);
                    if (scanner.facts().doctype) {
                        throw Problems.input(file, "contains a DOCTYPE declaration in " + part
                                + ", which Sluice refuses because it can be used to read other files (XXE)");
                    }
                    if (handing) {
                        handing = bytes.put(chunk, n);
                        if (handing) {
                            chunk = null; // the reader owns it until it hands it back
                        }
                    }
                }
                bytes.end();
                facts.complete(scanner.facts());
            }
        } catch (InterruptedException e) {
            fail(new java.io.InterruptedIOException("scan stopped"));
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        RuntimeException verdict = XlsxScan.translate(file, e);
        facts.completeExceptionally(verdict);
        bytes.fail(new IOException(verdict.getMessage(), verdict));
    }

    /** Throws the scan's verdict if it found the sheet unsafe; returns at once otherwise. */
    void check() {
        if (facts.isCompletedExceptionally()) {
            merges();
        }
    }

    /**
     * The merged ranges of the sheet, once the scan has checked the whole part; the reader takes no more bytes from
     * it after this.
     */
    List<String> merges() {
        return List.copyOf(finished().merges);
    }

    /** Whether the sheet holds formulas, once the scan has checked the whole part (as {@link #merges()}). */
    boolean formulas() {
        return finished().formulas;
    }

    private XmlPartScanner.Facts finished() {
        bytes.abandon();
        try {
            return facts.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : Problems.input(file, "could not be checked (" + e.getCause().getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.input(file, "was not checked to the end: reading was interrupted", e);
        }
    }

    /** Stops the scan when reading ends early. */
    void stop() {
        bytes.abandon();
        thread.interrupt();
    }
}
