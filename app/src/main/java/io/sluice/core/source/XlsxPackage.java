package io.sluice.core.source;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * The zip package fastexcel reads an XLSX from, opened as POI's {@link ZipSecureFile}: every part fastexcel inflates
 * passes POI's zip-bomb limits, and the worksheet being read comes from its {@link SheetPartScan}, which inflates and
 * checks it once for both the safety scan and the reading. fastexcel opens its zip package itself and has no public
 * way to be given one, so the workbook is built through its package-private constructors; where those are missing
 * (another fastexcel version), {@link #open} returns null and the caller opens the file the ordinary way, with the
 * sheet scanned beside the reading.
 */
final class XlsxPackage extends ZipSecureFile {

    private static final Constructor<?> PACKAGE;
    private static final Constructor<ReadableWorkbook> WORKBOOK;

    static {
        Constructor<?> pkg = null;
        Constructor<ReadableWorkbook> workbook = null;
        try {
            Class<?> type = Class.forName("org.dhatim.fastexcel.reader.OPCPackage");
            pkg = type.getDeclaredConstructor(ZipFile.class, boolean.class);
            workbook = ReadableWorkbook.class.getDeclaredConstructor(type, ReadingOptions.class);
            pkg.setAccessible(true);
            workbook.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            pkg = null;
            workbook = null;
        }
        PACKAGE = pkg;
        WORKBOOK = workbook;
    }

    private volatile SheetPartScan sheet;

    private XlsxPackage(File file) throws IOException {
        super(file);
    }

    /** Whether workbooks can be opened over such a package with this fastexcel. */
    static boolean available() {
        return WORKBOOK != null;
    }

    /** A workbook reading through a package of its own, or null when this fastexcel cannot be given one. */
    static Opened open(File file, ReadingOptions options) throws IOException {
        if (!available()) {
            return null;
        }
        XlsxPackage zip = new XlsxPackage(file);
        try {
            Object pkg = PACKAGE.newInstance(zip, options.isWithCellFormat());
            return new Opened(WORKBOOK.newInstance(pkg, options), zip);
        } catch (InvocationTargetException e) {
            zip.close();
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        } catch (ReflectiveOperationException | RuntimeException e) {
            zip.close();
            return null;
        }
    }

    /** A workbook and the package it reads. */
    record Opened(ReadableWorkbook workbook, XlsxPackage zip) {
    }

    /** From now on, the part {@code scan} inflates is read from it instead of being inflated again. */
    void readSheetFrom(SheetPartScan scan) {
        this.sheet = scan;
    }

    @Override
    public ZipArchiveThresholdInputStream getInputStream(ZipArchiveEntry entry) throws IOException {
        SheetPartScan scan = sheet;
        if (scan != null && entry.getName().equals(scan.part())) {
            ZipArchiveThresholdInputStream checked = new ZipArchiveThresholdInputStream(scan.bytes());
            checked.setGuardState(false); // the scan's thread inflated these bytes through the guarded stream
            return checked;
        }
        return super.getInputStream(entry);
    }
}
