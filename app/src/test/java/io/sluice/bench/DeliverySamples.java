package io.sluice.bench;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two monthly delivery files from one sender, with the faults a steward cleans rather than rejects: a repeated wrong
 * supplier code, a transposed one, several spellings of one plant, trailing spaces, {@code n/a} written into a
 * number column, and a number written with its unit. The April file repeats the sender's habits, so fixes saved
 * into the profile from the March file show on the next one. Every clean value comes from the concrete-mix generator;
 * the two files share one sequence of rows, so their mix codes never collide.
 */
public final class DeliverySamples {

    public static final String MARCH_CSV = "ds4-deliveries-march.csv";
    public static final String APRIL_CSV = "ds4-deliveries-april.csv";
    public static final String PLANT_HEADER = "Plant";

    static final int MARCH_ROWS = 120;
    static final int APRIL_ROWS = 80;

    private static final String[] PLANTS = {"Hamburg-Harburg", "Lübeck", "Kiel-Wik"};

    /** What a steward finds in these files, each kind once per table row of the README. */
    public enum CleaningFault {
        WRONG_SUPPLIER_CODE("repeated wrong supplier code"),
        TRANSPOSED_SUPPLIER_CODE("transposed supplier code"),
        PLANT_SPELLING("another spelling of a plant"),
        TRAILING_SPACE("trailing space"),
        NA_MARKER("n/a in a number column"),
        NUMBER_WITH_UNIT("number with its unit");

        private final String label;

        CleaningFault(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One planted fault: the row a spreadsheet shows (header is row 1), the column's header and the value. */
    public record PlantedFault(long sheetRow, String column, CleaningFault fault, String value) {
    }

    /** A written file and what was planted in it, in row order. */
    public record DeliveryFile(Path file, int rows, List<PlantedFault> faults) {

        /** Rows with at least one planted fault. */
        public long faultyRows() {
            return faults.stream().mapToLong(PlantedFault::sheetRow).distinct().count();
        }
    }

    private DeliverySamples() {
    }

    /** Writes the March and April files into {@code dir}. */
    public static List<DeliveryFile> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        GeneratorOptions options = new GeneratorOptions(4004, MARCH_ROWS + APRIL_ROWS, MixColumn.CORE_COUNT, 0,
                EnumSet.noneOf(Fault.class), "DS4", null);
        Iterator<MixRow> rows = new MixRowSource(options);
        DeliveryFile march = write(rows, MARCH_ROWS, marchFaults(), dir.resolve(MARCH_CSV));
        DeliveryFile april = write(rows, APRIL_ROWS, aprilFaults(), dir.resolve(APRIL_CSV));
        return List.of(march, april);
    }

    /** A Markdown table of the planted faults, as the sample-data README lists them. */
    public static String faultTable(DeliveryFile file) {
        StringBuilder table = new StringBuilder("| row | column | fault | value |\n| ---: | --- | --- | --- |\n");
        for (PlantedFault fault : file.faults()) {
            table.append("| ").append(fault.sheetRow())
                    .append(" | ").append(fault.column())
                    .append(" | ").append(fault.fault().label())
                    .append(" | `").append(fault.value()).append("` |\n");
        }
        return table.toString();
    }

    /** Data row number (1-based) to the faults planted in it. */
    private static Map<Integer, List<Planting>> marchFaults() {
        Map<Integer, List<Planting>> faults = new TreeMap<>();
        every(faults, 8, 3, MARCH_ROWS, supplier("NRD", CleaningFault.WRONG_SUPPLIER_CODE));
        at(faults, supplier("ALCP", CleaningFault.TRANSPOSED_SUPPLIER_CODE), 7, 36, 65, 94);
        // plant n % 3: 0 Hamburg-Harburg, 1 Lübeck, 2 Kiel-Wik; each spelling replaces its own plant
        at(faults, plant("Hamburg Harburg", CleaningFault.PLANT_SPELLING), 3, 18, 36, 57, 90);
        at(faults, plant("HAMBURG-HARBURG", CleaningFault.PLANT_SPELLING), 9, 45, 102);
        at(faults, plant("hamburg-harburg ", CleaningFault.PLANT_SPELLING), 21, 69);
        at(faults, plant("Hambrug-Harburg", CleaningFault.PLANT_SPELLING), 81);
        at(faults, plant("Luebeck", CleaningFault.PLANT_SPELLING), 13, 49, 76);
        at(faults, plant("Lubeck", CleaningFault.PLANT_SPELLING), 94);
        at(faults, plant("Kiel-Wik ", CleaningFault.TRAILING_SPACE), 26, 62, 110);
        at(faults, naMarker(), 15, 33, 51, 88);
        at(faults, withUnit(), 27, 64, 99);
        return faults;
    }

    private static Map<Integer, List<Planting>> aprilFaults() {
        Map<Integer, List<Planting>> faults = new TreeMap<>();
        every(faults, 8, 3, APRIL_ROWS, supplier("NRD", CleaningFault.WRONG_SUPPLIER_CODE));
        at(faults, supplier("ALCP", CleaningFault.TRANSPOSED_SUPPLIER_CODE), 7, 52);
        at(faults, plant("Hamburg Harburg", CleaningFault.PLANT_SPELLING), 6, 30);
        at(faults, plant("HAMBURG-HARBURG", CleaningFault.PLANT_SPELLING), 48);
        at(faults, plant("Luebeck", CleaningFault.PLANT_SPELLING), 16, 55);
        at(faults, plant("Kiel-Wik ", CleaningFault.TRAILING_SPACE), 20);
        at(faults, naMarker(), 25);
        return faults;
    }

    private static DeliveryFile write(Iterator<MixRow> rows, int count, Map<Integer, List<Planting>> faults,
                                      Path out) throws IOException {
        List<MixColumn> columns = MixColumn.first(MixColumn.CORE_COUNT);
        CsvLayout layout = CsvLayout.english();
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(layout.datePattern());
        List<PlantedFault> planted = new ArrayList<>();
        try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
             CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(writer)) {
            List<String> header = new ArrayList<>(columns.stream().map(MixColumn::english).toList());
            header.add(PLANT_HEADER);
            csv.writeRecord(header);
            for (int n = 1; n <= count; n++) {
                MixRow row = rows.next();
                String[] fields = new String[header.size()];
                for (int i = 0; i < columns.size(); i++) {
                    fields[i] = TextValues.render(row.value(columns.get(i)), false, dates, layout.datePattern(), "");
                }
                fields[columns.size()] = PLANTS[n % PLANTS.length];
                for (Planting planting : faults.getOrDefault(n, List.of())) {
                    int index = planting.column() == null ? columns.size() : columns.indexOf(planting.column());
                    fields[index] = planting.value(row);
                    planted.add(new PlantedFault(n + 1L, header.get(index), planting.fault(), fields[index]));
                }
                csv.writeRecord(fields);
            }
        }
        return new DeliveryFile(out, count, List.copyOf(planted));
    }

    /** A fault for one column; a null column is the Plant column, which the concrete-mix generator does not make. */
    private record Planting(MixColumn column, CleaningFault fault, String fixed) {

        String value(MixRow row) {
            if (fault == CleaningFault.NUMBER_WITH_UNIT) {
                return ((BigDecimal) row.value(column)).toPlainString() + " kg";
            }
            return fixed;
        }
    }

    private static Planting supplier(String code, CleaningFault fault) {
        return new Planting(MixColumn.SUPPLIER, fault, code);
    }

    private static Planting plant(String spelling, CleaningFault fault) {
        return new Planting(null, fault, spelling);
    }

    private static Planting naMarker() {
        return new Planting(MixColumn.SUPERPLASTICIZER, CleaningFault.NA_MARKER, "n/a");
    }

    private static Planting withUnit() {
        return new Planting(MixColumn.CEMENT, CleaningFault.NUMBER_WITH_UNIT, null);
    }

    private static void every(Map<Integer, List<Planting>> faults, int step, int offset, int rows, Planting planting) {
        for (int n = offset; n <= rows; n += step) {
            faults.computeIfAbsent(n, k -> new ArrayList<>()).add(planting);
        }
    }

    private static void at(Map<Integer, List<Planting>> faults, Planting planting, int... rows) {
        for (int n : rows) {
            faults.computeIfAbsent(n, k -> new ArrayList<>()).add(planting);
        }
    }
}
