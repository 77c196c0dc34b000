package io.sluice.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The lab workbook for related tables: a {@code Materials} sheet, a {@code Suppliers} sheet and a wide {@code Mixes}
 * sheet whose rows each make a mix, one component per material column holding a dosage and one strength test per
 * strength column holding a result. Clean values come from the concrete-mix generator; four faults are planted
 * ({@link LabFault}), each listed by row in sample-data/README.md.
 */
public final class LabWorkbookSample {

    public static final String LAB_XLSX = "ds4-lab-workbook.xlsx";
    public static final String MATERIALS_SHEET = "Materials";
    public static final String SUPPLIERS_SHEET = "Suppliers";
    public static final String MIXES_SHEET = "Mixes";
    public static final String MIX_CODE = "Mix Code";
    public static final String SUPPLIER = "Supplier";
    public static final String CAST_DATE = "Cast Date";
    /** The second cement column: cement added on site, which is the same material as the first. */
    public static final String CEMENT_ON_SITE = "Cement added on site (kg/m3)";
    /** Strength column headers and the age in days each holds. */
    public static final Map<String, Integer> STRENGTHS = strengths();

    static final int MIXES = 40;

    /** Mixes header of each material column and the material's name in the Materials sheet. */
    static final Map<String, String> MATERIAL_COLUMNS = materialColumns();
    /** Material name to its class, in Materials sheet order. */
    static final Map<String, String> MATERIALS = materials();

    private static final String[][] SUPPLIERS = {
        {"NORD", "Nordcem AB", "SE"}, {"ALPC", "Alpenzement GmbH", "AT"}, {"CEMS", "Cementos del Sur", "ES"},
        {"RHEI", "Rheinkalk Baustoffe", "DE"}, {"EVIA", "Cimenterie d'Évian", "FR"},
        {"HOLC", "Holcim Nord GmbH", "DE"}};
    private static final MixColumn[] DOSAGES = {MixColumn.CEMENT, MixColumn.WATER, MixColumn.FLY_ASH, MixColumn.SLAG,
        MixColumn.COARSE_AGGREGATE, MixColumn.FINE_AGGREGATE, MixColumn.SUPERPLASTICIZER};

    // Data rows (1-based, header not counted) carrying each planted fault.
    private static final int MISSPELT_MATERIAL = 3;
    private static final int DOSAGE_OUT_OF_RANGE = 12;
    private static final int SUPPLIER_ONLY_IN_WORKBOOK = 23;
    private static final int DUPLICATE_COMPONENT = 31;

    /** What the sample holds that a steward must see. */
    public enum LabFault {
        UNKNOWN_MATERIAL("unknown material name"),
        DOSAGE_OUT_OF_RANGE("component dosage out of range"),
        SUPPLIER_ONLY_IN_WORKBOOK("supplier only in the Suppliers sheet"),
        DUPLICATE_COMPONENT("duplicate component");

        private final String label;

        LabFault(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One planted fault: the sheet, the row a spreadsheet shows (header is row 1), the column's header, the value. */
    public record PlantedFault(String sheet, long sheetRow, String column, LabFault fault, String value) {
    }

    /** The written workbook and what was planted in it. */
    public record LabWorkbook(Path file, int mixes, List<PlantedFault> faults) {
    }

    private LabWorkbookSample() {
    }

    /** Writes the workbook into {@code dir}. */
    public static LabWorkbook write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(LAB_XLSX);
        List<PlantedFault> faults = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            writeMaterials(workbook.createSheet(MATERIALS_SHEET), styles, faults);
            writeSuppliers(workbook.createSheet(SUPPLIERS_SHEET), styles);
            writeMixes(workbook.createSheet(MIXES_SHEET), styles, faults);
            workbook.setActiveSheet(workbook.getSheetIndex(MIXES_SHEET));
            try (OutputStream stream = Files.newOutputStream(out)) {
                workbook.write(stream);
            }
        }
        faults.sort((a, b) -> a.sheet().equals(b.sheet()) ? Long.compare(a.sheetRow(), b.sheetRow())
                : a.sheet().equals(MATERIALS_SHEET) ? -1 : 1);
        return new LabWorkbook(out, MIXES, List.copyOf(faults));
    }

    /** A Markdown table of the planted faults, as the sample-data README lists them. */
    public static String faultTable(LabWorkbook workbook) {
        StringBuilder table = new StringBuilder(
                "| sheet | row | column | fault | value |\n| --- | ---: | --- | --- | --- |\n");
        for (PlantedFault fault : workbook.faults()) {
            table.append("| ").append(fault.sheet()).append(" | ").append(fault.sheetRow())
                    .append(" | ").append(fault.column()).append(" | ").append(fault.fault().label())
                    .append(" | `").append(fault.value()).append("` |\n");
        }
        return table.toString();
    }

    private static void writeMaterials(Sheet sheet, Styles styles, List<PlantedFault> faults) {
        header(sheet, styles, "Material", "Class");
        int r = 1;
        for (Map.Entry<String, String> material : MATERIALS.entrySet()) {
            String name = material.getKey();
            if (r == MISSPELT_MATERIAL) {
                // the Mixes header "Fly Ash (kg/m3)" means "Fly ash"; this sheet spells it otherwise
                name = "Fly-ash";
                faults.add(new PlantedFault(MATERIALS_SHEET, r + 1, "Material", LabFault.UNKNOWN_MATERIAL, name));
            }
            Row row = sheet.createRow(r++);
            text(row, 0, name, styles.text);
            text(row, 1, material.getValue(), styles.text);
        }
    }

    private static void writeSuppliers(Sheet sheet, Styles styles) {
        header(sheet, styles, "Code", "Name", "Country");
        for (int r = 0; r < SUPPLIERS.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < SUPPLIERS[r].length; i++) {
                text(row, i, SUPPLIERS[r][i], styles.text);
            }
        }
    }

    private static void writeMixes(Sheet sheet, Styles styles, List<PlantedFault> faults) {
        List<String> headers = new ArrayList<>(List.of(MIX_CODE, SUPPLIER, CAST_DATE));
        headers.addAll(MATERIAL_COLUMNS.keySet());
        headers.addAll(STRENGTHS.keySet());
        header(sheet, styles, headers.toArray(new String[0]));
        sheet.createFreezePane(1, 1);
        GeneratorOptions options = new GeneratorOptions(5005, MIXES, MixColumn.CORE_COUNT, 0,
                EnumSet.noneOf(Fault.class), "DS4", null);
        MixRowSource source = new MixRowSource(options);
        Random random = new Random(5005);
        for (int n = 1; n <= MIXES; n++) {
            MixRow mix = source.next();
            Row row = sheet.createRow(n);
            int sheetRow = n + 1;
            text(row, 0, "LAB-%04d".formatted(n), styles.text);
            String supplier = (String) mix.value(MixColumn.SUPPLIER);
            if (n == SUPPLIER_ONLY_IN_WORKBOOK) {
                supplier = "HOLC";
                faults.add(new PlantedFault(MIXES_SHEET, sheetRow, SUPPLIER, LabFault.SUPPLIER_ONLY_IN_WORKBOOK,
                        supplier));
            }
            text(row, 1, supplier, styles.text);
            Cell cast = row.createCell(2);
            cast.setCellValue((LocalDate) mix.value(MixColumn.CAST_DATE));
            cast.setCellStyle(styles.date);
            for (int m = 0; m < DOSAGES.length; m++) {
                BigDecimal dosage = (BigDecimal) mix.value(DOSAGES[m]);
                if (n == DOSAGE_OUT_OF_RANGE && DOSAGES[m] == MixColumn.COARSE_AGGREGATE) {
                    dosage = dosage.movePointRight(1).setScale(1); // a digit too many: 898.9 typed as 8989.0
                    faults.add(new PlantedFault(MIXES_SHEET, sheetRow, headers.get(3 + m), LabFault.DOSAGE_OUT_OF_RANGE,
                            dosage.toPlainString()));
                }
                number(row, 3 + m, dosage, styles.scale(DOSAGES[m].scale()));
            }
            if (n == DUPLICATE_COMPONENT) {
                BigDecimal extra = new BigDecimal("25.0");
                number(row, 3 + DOSAGES.length, extra, styles.scale(1));
                faults.add(new PlantedFault(MIXES_SHEET, sheetRow, CEMENT_ON_SITE, LabFault.DUPLICATE_COMPONENT,
                        extra.toPlainString()));
            }
            writeStrengths(row, 4 + DOSAGES.length, mix, n, random, styles);
        }
        for (int i = 0; i < headers.size(); i++) {
            sheet.setColumnWidth(i, (i < 3 ? 12 : 16) * 256);
        }
    }

    /** Abrams-style strength from w/b at 28 days and the ACI 209 age curve, 4 % scatter; every 5th mix has no 7d. */
    private static void writeStrengths(Row row, int first, MixRow mix, int n, Random random, Styles styles) {
        double f28 = 95 * Math.exp(-1.9 * ((BigDecimal) mix.value(MixColumn.W_B)).doubleValue());
        int column = first;
        for (int age : STRENGTHS.values()) {
            double scatter = 1 + 0.04 * random.nextGaussian();
            if (age != 28 && n % 5 == 0) {
                column++;
                continue;
            }
            double strength = Math.max(2, f28 * age / (4 + 0.85 * age) * scatter);
            number(row, column++, MixRowSource.decimal(strength, 2), styles.scale(2));
        }
    }

    private static void header(Sheet sheet, Styles styles, String... titles) {
        Row header = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            text(header, i, titles[i], styles.bold);
            sheet.setColumnWidth(i, 20 * 256);
        }
    }

    private static void text(Row row, int index, String value, CellStyle style) {
        Cell cell = row.createCell(index);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** A numeric cell; a mix without that material (no value or zero) leaves the cell blank, as the lab does. */
    private static void number(Row row, int index, BigDecimal value, CellStyle style) {
        if (value == null || value.signum() == 0) {
            return;
        }
        Cell cell = row.createCell(index);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private static Map<String, String> materialColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put(MixColumn.CEMENT.english(), "Cement");
        columns.put(MixColumn.WATER.english(), "Water");
        columns.put(MixColumn.FLY_ASH.english(), "Fly ash");
        columns.put(MixColumn.SLAG.english(), "Slag");
        columns.put(MixColumn.COARSE_AGGREGATE.english(), "Coarse aggregate");
        columns.put(MixColumn.FINE_AGGREGATE.english(), "Fine aggregate");
        columns.put(MixColumn.SUPERPLASTICIZER.english(), "Superplasticizer");
        columns.put(CEMENT_ON_SITE, "Cement");
        return java.util.Collections.unmodifiableMap(columns);
    }

    private static Map<String, String> materials() {
        Map<String, String> materials = new LinkedHashMap<>();
        materials.put("Cement", "binder");
        materials.put("Water", "water");
        materials.put("Fly ash", "binder");
        materials.put("Slag", "binder");
        materials.put("Coarse aggregate", "aggregate");
        materials.put("Fine aggregate", "aggregate");
        materials.put("Superplasticizer", "admixture");
        return java.util.Collections.unmodifiableMap(materials);
    }

    private static Map<String, Integer> strengths() {
        Map<String, Integer> strengths = new LinkedHashMap<>();
        strengths.put("Strength 7d (MPa)", 7);
        strengths.put("Strength 28d (MPa)", 28);
        return java.util.Collections.unmodifiableMap(strengths);
    }

    /** The cell styles of the workbook, made once. */
    private static final class Styles {
        final CellStyle bold;
        final CellStyle text;
        final CellStyle date;
        private final CellStyle[] byScale = new CellStyle[3];

        Styles(Workbook workbook) {
            DataFormat formats = workbook.createDataFormat();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            text = style(workbook, formats, "@");
            date = style(workbook, formats, "dd.mm.yyyy");
            String[] numberFormats = {"0", "0.0", "0.00"};
            for (int scale = 0; scale < byScale.length; scale++) {
                byScale[scale] = style(workbook, formats, numberFormats[scale]);
            }
        }

        CellStyle scale(int scale) {
            return byScale[scale];
        }

        private static CellStyle style(Workbook workbook, DataFormat formats, String format) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(formats.getFormat(format));
            return style;
        }
    }
}
