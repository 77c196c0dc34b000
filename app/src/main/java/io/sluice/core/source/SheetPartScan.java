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
 * The safety pass over the one worksheet being read, run beside fastexcel instead of before it. Every other part of
 * the package (shared strings, styles, the workbook: what fastexcel holds in memory) has passed {@link XlsxScan}
 * first; the worksheet itself is only ever streamed, so checking it alongside costs no safety and saves a second
 * full pass over the largest part before the first row. A zip bomb found here stops reading at the next row.
 */
final class SheetPartScan {

    private final Path file;
    private final CompletableFuture<XmlPartScanner.Facts> facts = new CompletableFuture<>();
    private final Thread thread;

    private SheetPartScan(Path file, String part) {
        this.file = file;
        this.thread = new Thread(() -> run(part), "sluice-xlsx-scan");
        thread.setDaemon(true);
    }

    /** Starts scanning {@code part} (e.g. xl/worksheets/sheet1.xml) of the file. */
    static SheetPartScan start(Path file, String part) {
        SheetPartScan scan = new SheetPartScan(file, part);
        scan.thread.start();
        return scan;
    }

    private void run(String part) {
        try (ZipSecureFile zip = new ZipSecureFile(file.toFile())) {
            ZipArchiveEntry entry = zip.getEntry(part);
            if (entry == null) {
                facts.completeExceptionally(Problems.input(file, "is a damaged Excel file (the part " + part
                        + " is missing)"));
                return;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                XmlPartScanner.Facts result = XmlPartScanner.scan(in);
                if (result.doctype) {
                    throw Problems.input(file, "contains a DOCTYPE declaration in " + part
                            + ", which Sluice refuses because it can be used to read other files (XXE)");
                }
                facts.complete(result);
            }
        } catch (IOException | RuntimeException e) {
            facts.completeExceptionally(XlsxScan.translate(file, e));
        }
    }

    /** Throws the scan's verdict if it found the sheet unsafe; returns at once otherwise. */
    void check() {
        if (facts.isCompletedExceptionally()) {
            merges();
        }
    }

    /** The merged ranges of the sheet, waiting for the scan to finish. */
    List<String> merges() {
        try {
            return List.copyOf(facts.get().merges);
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
        thread.interrupt();
    }
}
