package io.sluice.core.source;

import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Builds XLSX files shaped like those other tools write: POI writes a valid package with one sheet "Data" and two cell
 * styles (1 = custom date format dd/mm/yyyy, 2 = "0.00"), then the worksheet XML (and optionally the shared strings)
 * is replaced by the exact XML under test.
 */
final class SheetXmlFixtures {

    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private SheetXmlFixtures() {
    }

    /** A workbook whose sheet "Data" holds exactly {@code sheetData} (the XML inside {@code <sheetData>}). */
    static Path workbook(Path file, String sheetData) throws IOException {
        return workbook(file, "<worksheet xmlns=\"" + MAIN_NS + "\"><sheetData>" + sheetData
                + "</sheetData></worksheet>", null);
    }

    /** A workbook with the whole worksheet XML, and the shared strings XML when not null. */
    static Path workbook(Path file, String worksheetXml, String sharedStringsXml) throws IOException {
        ByteArrayOutputStream base = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Data").createRow(0).createCell(0).setCellValue("placeholder");
            XSSFCellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            XSSFCellStyle twoDecimals = wb.createCellStyle();
            twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            wb.write(base);
        }
        Map<String, String> replaced = sharedStringsXml == null
                ? Map.of("xl/worksheets/sheet1.xml", worksheetXml)
                : Map.of("xl/worksheets/sheet1.xml", worksheetXml, "xl/sharedStrings.xml", sharedStringsXml);
        rewrite(base.toByteArray(), file, replaced);
        return file;
    }

    /** Copies a package, replacing (or adding) the named parts. */
    static void rewrite(byte[] zip, Path file, Map<String, String> parts) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             OutputStream os = Files.newOutputStream(file);
             ZipOutputStream out = new ZipOutputStream(os)) {
            ZipEntry entry;
            Set<String> written = new HashSet<>();
            while ((entry = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                written.add(entry.getName());
                if (parts.containsKey(entry.getName())) {
                    out.write(parts.get(entry.getName()).getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            for (Map.Entry<String, String> part : parts.entrySet()) {
                if (!written.contains(part.getKey())) {
                    out.putNextEntry(new ZipEntry(part.getKey()));
                    out.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        }
    }

    /** Reads a part of a package as text. */
    static String part(Path file, String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
