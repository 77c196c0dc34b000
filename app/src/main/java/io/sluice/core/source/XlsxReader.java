package io.sluice.core.source;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an XLSX sheet: safety scan of the package first, then the sheet's rows from the bytes of its own scan, parsed
 * by Sluice ({@link SheetXmlRows}) or streamed by fastexcel, with fastexcel's shared strings and cell formats.
 */
final class XlsxReader {

    /** Cell formats on (for dates and number display), formulas' cached values only. */
    static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

    /**
     * {@code -Dsluice.xlsx.rows=fastexcel} reads every sheet's rows with fastexcel instead of Sluice's own parser of
     * the scanned bytes ({@link SheetXmlRows}): for comparing the two, and a way back should a file need it.
     */
    private static final boolean FASTEXCEL_ROWS = "fastexcel".equals(System.getProperty("sluice.xlsx.rows"));

    private XlsxReader() {
    }

    /**
     * @param everySheet scan every worksheet first, for row and column counts of all sheets ({@code inspect});
     *                   otherwise only the chosen sheet is scanned, beside the reading
     */
    static Opened open(Path file, SourceOptions options, boolean everySheet, Progress progress) {
        return open(file, options, everySheet, !FASTEXCEL_ROWS, progress);
    }

    /** @param sheetXml whether Sluice's own parser may read the rows (when the sheet's scan hands it the bytes) */
    static Opened open(Path file, SourceOptions options, boolean everySheet, boolean sheetXml) {
        return open(file, options, everySheet, sheetXml, Progress.NONE);
    }

    /** @param progress polled while the safety scan inflates the package, which takes seconds for a large sheet */
    static Opened open(Path file, SourceOptions options, boolean everySheet, boolean sheetXml, Progress progress) {
        XlsxScan scan = XlsxScan.of(file, everySheet, progress);
        ReadableWorkbook workbook;
        XlsxPackage zip;
        try {
            XlsxPackage.Opened opened = XlsxPackage.open(file.toFile(), OPTIONS);
            zip = opened == null ? null : opened.zip();
            workbook = opened == null ? new ReadableWorkbook(file.toFile(), OPTIONS) : opened.workbook();
        } catch (IOException | RuntimeException e) {
            throw notReadable(file, e);
        }
        SheetPartScan beside = null;
        try {
            List<Sheet> sheets = workbook.getSheets().toList();
            List<SheetInfo> infos = new ArrayList<>(sheets.size());
            for (Sheet sheet : sheets) {
                infos.add(SheetInfo.listed(sheet.getName(), sheet.getVisibility() != SheetVisibility.VISIBLE));
            }
            int chosen = SheetChoice.choose(file, infos, options.sheet());
            Sheet sheet = sheets.get(chosen);
            XlsxScan.SheetPart part = scan.sheet(sheet.getId());
            beside = part == null && scan.part(sheet.getId()) != null
                    ? SheetPartScan.start(file, scan.part(sheet.getId())) : null;
            boolean parseXml = beside != null && zip != null && SheetXmlRows.available() && sheetXml;
            if (beside != null && !parseXml) {
                if (zip != null) {
                    zip.readSheetFrom(beside); // the sheet is inflated once, for the safety scan and the reading
                } else {
                    beside.bytes().abandon(); // fastexcel inflates the sheet itself; the scan only checks it
                }
            }
            boolean calculates = scan.calculatesOnOpening();
            List<SourceIssue> issues = part == null ? List.of()
                    : SheetChoice.sheetIssues(part.merges(), part.formulas(), calculates);
            RawRows rows = new XlsxRows(file, sheet, scan.part(sheet.getId()), workbook, beside, parseXml);
            SheetPartScan sheetScan = beside;
            HeaderedTable table = new HeaderedTable(file, SourceFormat.XLSX, sheet.getName(), rows, issues,
                    sheetScan == null ? List::of
                            : () -> SheetChoice.sheetIssues(sheetScan.merges(), sheetScan.formulas(), calculates),
                    options, false);
            return new Opened(table, List.copyOf(infos), null, null);
        } catch (SluiceException e) {
            closeQuietly(workbook, beside);
            if (beside != null) {
                beside.stop();
            }
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(workbook, beside);
            if (beside != null) {
                beside.merges(); // a sheet that fails to open may be a hostile one: the safety verdict comes first
            }
            throw notReadable(file, e);
        }
    }

    private static RuntimeException notReadable(Path file, Exception e) {
        if (XlsxScan.isStrict(file)) {
            return Problems.input(file, "is saved as Strict Open XML Spreadsheet, which Sluice cannot read; save it in"
                    + " Excel as Excel Workbook (.xlsx)", e);
        }
        return Problems.input(file, "is not a valid Excel file (" + e.getMessage() + ")", e);
    }

    private static void closeQuietly(ReadableWorkbook workbook, SheetPartScan beside) {
        if (beside != null) {
            beside.bytes().abandon();
        }
        try {
            workbook.close();
        } catch (IOException ignored) {
            // Already failing with a clearer error.
        }
    }
}
