package io.sluice.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lab workbook at benchmark size, clean: a {@code Materials} sheet (the sample's seven materials), a
 * {@code Suppliers} sheet (the five suppliers the sample schema already holds) and a wide {@code Mixes} sheet of N
 * mixes laid out as {@code ds4-lab-workbook.xlsx} (every mix has its seven components; every mix its 28-day strength,
 * every tenth also a 7-day one). Written with POI's streaming writer, so memory stays a window of rows; beside it the
 * same target rows, with the ids the import will give them, as one CSV per table for the databases' own bulk loads.
 * Both are written once per size and reused.
 */
public final class LabWorkbookGenerator {

    /** The prepared CSVs, in the order the bulk loads take them (parents first). */
    static final List<String> TABLES = List.of("material", "concrete_mix", "mix_component", "strength_test");

    private static final String[][] SUPPLIERS = {
        {"NORD", "Nordcem AB", "SE"}, {"ALPC", "Alpenzement GmbH", "AT"}, {"CEMS", "Cementos del Sur", "ES"},
        {"RHEI", "Rheinkalk Baustoffe", "DE"}, {"EVIA", "Cimenterie d'Évian", "FR"}};
    private static final LocalDate FIRST_CAST = LocalDate.of(2019, 1, 1);

    /** The workbook and the directory of its tables' CSVs, with the row count of each table. */
    public record Generated(Path workbook, Path csvDir, long mixes, long components, long strengths) {

        long rows() {
            return LabWorkbookSample.MATERIALS.size() + mixes + components + strengths;
        }
    }

    private LabWorkbookGenerator() {
    }

    /** The workbook {@code lab-N.xlsx} and CSVs {@code lab-N-csv/} in {@code dir}, written unless already there. */
    public static Generated generate(Path dir, int mixes) throws IOException {
        Path workbook = dir.resolve("lab-" + mixes + ".xlsx");
        Path csvDir = dir.resolve("lab-" + mixes + "-csv");
        long strengths = mixes + (mixes + 9) / 10;
        Generated generated = new Generated(workbook, csvDir, mixes, 7L * mixes, strengths);
        if (Files.exists(workbook) && Files.exists(csvDir.resolve("strength_test.csv"))) {
            return generated;
        }
        Files.createDirectories(csvDir);
        Path partial = dir.resolve(workbook.getFileName() + ".partial");
        try (SXSSFWorkbook book = new SXSSFWorkbook(200);
             Csvs csvs = new Csvs(csvDir)) {
            book.setCompressTempFiles(true);
            Styles styles = new Styles(book);
            writeMaterials(book.createSheet(LabWorkbookSample.MATERIALS_SHEET), styles, csvs);
            writeSuppliers(book.createSheet(LabWorkbookSample.SUPPLIERS_SHEET), styles);
            writeMixes(book.createSheet(LabWorkbookSample.MIXES_SHEET), styles, csvs, mixes);
            try (OutputStream out = Files.newOutputStream(partial)) {
                book.write(out);
            }
            book.dispose();
        }
        Files.move(partial, workbook, StandardCopyOption.REPLACE_EXISTING);
        return generated;
    }

    private static void writeMaterials(Sheet sheet, Styles styles, Csvs csvs) throws IOException {
        header(sheet.createRow(0), styles, "Material", "Class");
        int r = 1;
        for (Map.Entry<String, String> material : LabWorkbookSample.MATERIALS.entrySet()) {
            Row row = sheet.createRow(r);
            text(row, 0, material.getKey(), styles.text);
            text(row, 1, material.getValue(), styles.text);
            csvs.material.write(r + "," + material.getKey() + "," + material.getValue() + "\n");
            r++;
        }
    }

    private static void writeSuppliers(Sheet sheet, Styles styles) {
        header(sheet.createRow(0), styles, "Code", "Name", "Country");
        for (int r = 0; r < SUPPLIERS.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < SUPPLIERS[r].length; i++) {
                text(row, i, SUPPLIERS[r][i], styles.text);
            }
        }
    }

    private static void writeMixes(Sheet sheet, Styles styles, Csvs csvs, int mixes) throws IOException {
        List<String> headers = new ArrayList<>(List.of(LabWorkbookSample.MIX_CODE, LabWorkbookSample.SUPPLIER,
                LabWorkbookSample.CAST_DATE));
        headers.addAll(LabWorkbookSample.MATERIAL_COLUMNS.keySet());
        headers.addAll(LabWorkbookSample.STRENGTHS.keySet());
        header(sheet.createRow(0), styles, headers.toArray(new String[0]));
        int strengthColumn = 3 + LabWorkbookSample.MATERIAL_COLUMNS.size();
        long componentId = 0;
        long strengthId = 0;
        for (int i = 0; i < mixes; i++) {
            long mixId = i + 1L;
            Row row = sheet.createRow(i + 1);
            String code = String.format(Locale.ROOT, "LAB-%07d", mixId);
            String supplier = SUPPLIERS[i % SUPPLIERS.length][0];
            LocalDate cast = FIRST_CAST.plusDays(i % 1500);
            text(row, 0, code, styles.text);
            text(row, 1, supplier, styles.text);
            Cell date = row.createCell(2);
            date.setCellValue(cast);
            date.setCellStyle(styles.date);
            BigDecimal[] dosages = dosages(i);
            for (int m = 0; m < dosages.length; m++) {
                number(row, 3 + m, dosages[m], styles.scale(dosages[m].scale()));
                csvs.component.write(++componentId + "," + mixId + "," + (m + 1) + "," + dosages[m].toPlainString()
                        + "\n");
            }
            // column "Cement added on site" stays blank: no component
            BigDecimal f28 = BigDecimal.valueOf(2000 + i % 6000, 2);
            if (i % 10 == 0) {
                BigDecimal f7 = f28.multiply(new BigDecimal("0.7")).setScale(2, java.math.RoundingMode.HALF_UP);
                number(row, strengthColumn, f7, styles.scale(2));
                csvs.strength.write(++strengthId + "," + mixId + ",7," + f7.toPlainString() + "\n");
            }
            number(row, strengthColumn + 1, f28, styles.scale(2));
            csvs.strength.write(++strengthId + "," + mixId + ",28," + f28.toPlainString() + "\n");
            StringBuilder mix = new StringBuilder(128).append(mixId).append(',').append(code);
            for (BigDecimal d : dosages) {
                mix.append(',').append(d.toPlainString());
            }
            mix.append(",28,").append(f28.toPlainString()).append(',').append(cast).append(',').append(supplier)
                    .append('\n');
            csvs.mix.write(mix.toString());
        }
    }

    /** The seven dosages of mix i in material order, within every CHECK of the sample schema. */
    private static BigDecimal[] dosages(int i) {
        return new BigDecimal[] {
            BigDecimal.valueOf(2500 + i % 2000, 1),     // cement 250.0-449.9
            BigDecimal.valueOf(1400 + i % 600, 1),      // water 140.0-199.9
            BigDecimal.valueOf(100 + i % 900, 1),       // fly ash 10.0-99.9
            BigDecimal.valueOf(100 + (i * 7) % 800, 1), // slag 10.0-89.9
            BigDecimal.valueOf(9000 + i % 2000, 1),     // coarse aggregate 900.0-1099.9
            BigDecimal.valueOf(6000 + (i * 3) % 2000, 1), // fine aggregate 600.0-799.9
            BigDecimal.valueOf(100 + i % 800, 2)};      // superplasticizer 1.00-8.99
    }

    private static void header(Row row, Styles styles, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            text(row, i, titles[i], styles.bold);
        }
    }

    private static void text(Row row, int index, String value, CellStyle style) {
        Cell cell = row.createCell(index);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int index, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(index);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    /** The four CSVs with their headers, written beside the workbook. */
    private static final class Csvs implements AutoCloseable {
        final BufferedWriter material;
        final BufferedWriter mix;
        final BufferedWriter component;
        final BufferedWriter strength;

        Csvs(Path dir) throws IOException {
            material = open(dir, "material", "id,name,material_class");
            mix = open(dir, "concrete_mix", "id,mix_code,cement_kg,water_kg,fly_ash_kg,slag_kg,coarse_agg_kg,"
                    + "fine_agg_kg,superplasticizer_kg,age_days,strength_mpa,cast_date,supplier_code");
            component = open(dir, "mix_component", "id,mix_id,material_id,dosage_kg");
            strength = open(dir, "strength_test", "id,mix_id,age_days,strength_mpa");
        }

        private static BufferedWriter open(Path dir, String table, String header) throws IOException {
            BufferedWriter w = Files.newBufferedWriter(dir.resolve(table + ".csv"), StandardCharsets.UTF_8);
            w.write(header + "\n");
            return w;
        }

        @Override
        public void close() throws IOException {
            material.close();
            mix.close();
            component.close();
            strength.close();
        }
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle text;
        final CellStyle date;
        private final CellStyle[] byScale = new CellStyle[3];

        Styles(SXSSFWorkbook book) {
            DataFormat formats = book.createDataFormat();
            var font = book.createFont();
            font.setBold(true);
            bold = book.createCellStyle();
            bold.setFont(font);
            text = style(book, formats, "@");
            date = style(book, formats, "dd.mm.yyyy");
            String[] numberFormats = {"0", "0.0", "0.00"};
            for (int scale = 0; scale < byScale.length; scale++) {
                byScale[scale] = style(book, formats, numberFormats[scale]);
            }
        }

        CellStyle scale(int scale) {
            return byScale[scale];
        }

        private static CellStyle style(SXSSFWorkbook book, DataFormat formats, String format) {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(formats.getFormat(format));
            return style;
        }
    }
}
