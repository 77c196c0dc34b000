package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens an XLS (BIFF8) sheet with POI HSSF. HSSF loads the whole workbook, which is acceptable because an XLS sheet
 * holds at most 65,536 rows.
 */
final class XlsReader {

    private XlsReader() {
    }

    static Opened open(Path file, SourceOptions options) {
        HSSFWorkbook workbook = load(file);
        try {
            List<SheetInfo> infos = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                boolean hidden = workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i);
                infos.add(SheetInfo.listed(workbook.getSheetName(i), hidden));
            }
            int chosen = SheetChoice.choose(file, infos, options.sheet());
            Sheet sheet = workbook.getSheetAt(chosen);
            List<String> ranges = new ArrayList<>();
            for (CellRangeAddress range : sheet.getMergedRegions()) {
                ranges.add(range.formatAsString());
            }
            boolean date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
            RawRows rows = new XlsRows(workbook, sheet, new ExcelCells(date1904));
            HeaderedTable table = new HeaderedTable(file, SourceFormat.XLS, sheet.getSheetName(), rows,
                    SheetChoice.mergedIssues(ranges), options, false);
            return new Opened(table, List.copyOf(infos), null, null);
        } catch (SluiceException e) {
            closeQuietly(workbook);
            throw e;
        } catch (RuntimeException e) {
            closeQuietly(workbook);
            throw Problems.input(file, "is a damaged Excel file (" + e.getMessage() + ")", e);
        }
    }

    private static HSSFWorkbook load(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw Problems.input(file, "is password-protected; remove the password in Excel and try again");
            }
            if (!fs.getRoot().hasEntry("Workbook") && !fs.getRoot().hasEntry("WORKBOOK")
                    && !fs.getRoot().hasEntry("Book") && !fs.getRoot().hasEntry("BOOK")) {
                throw Problems.input(file, "is an Office file but not an Excel workbook");
            }
            return new HSSFWorkbook(fs.getRoot(), false);
        } catch (EncryptedDocumentException e) {
            throw Problems.input(file, "is password-protected; remove the password in Excel and try again", e);
        } catch (OldExcelFormatException e) {
            throw Problems.input(file, "is in the Excel 5/95 format, which Sluice cannot read; save it as .xlsx", e);
        } catch (SluiceException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw Problems.input(file, "is not a valid Excel file (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(HSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // Already failing with a clearer error.
        }
    }
}
