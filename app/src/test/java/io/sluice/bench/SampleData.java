package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Regenerates the committed sample datasets and their profiles: {@code java -cp "$BENCH_CP"
 * io.sluice.bench.SampleData sample-data} with the class path of the {@code bench} profile (sample-data/README.md). Prints each file's planted faults as a Markdown table for the README.
 */
public final class SampleData {

    public static final String DS1_CSV = "ds1-concrete-mix.csv";
    public static final String DS2_CSV = "ds2-betonmischungen.csv";
    public static final String DS3_XLSX = "ds3-lab-refresh.xlsx";
    public static final String DS3_XLS = "ds3-lab-refresh.xls";

    private SampleData() {
    }

    /** ds1: 200 rows, 15 columns, about 7 % faulty. */
    public static GeneratorOptions ds1Options() {
        return sample(1001, 200, MixColumn.CORE_COUNT, 0.07, "DS1");
    }

    /** ds2: 150 rows, 15 columns, about 8 % faulty. */
    public static GeneratorOptions ds2Options() {
        return sample(2002, 150, MixColumn.CORE_COUNT, 0.08, "DS2");
    }

    /** ds3: 120 rows, all 20 columns, about 10 % faulty. */
    public static GeneratorOptions ds3Options() {
        return sample(3003, 120, MixColumn.values().length, 0.10, "DS3");
    }

    /**
     * Writes the four sample files with faults to reject and the profiles of every sample into {@code dir}; returns
     * what each file holds. The delivery files with faults to clean are {@link DeliverySamples}'.
     */
    public static List<GenerationReport> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<GenerationReport> reports = new ArrayList<>();
        reports.add(new ConcreteMixGenerator(ds1Options()).writeCsv(dir.resolve(DS1_CSV), CsvLayout.english()));
        reports.add(new ConcreteMixGenerator(ds2Options()).writeCsv(dir.resolve(DS2_CSV), CsvLayout.german()));
        ConcreteMixGenerator ds3 = new ConcreteMixGenerator(ds3Options());
        reports.add(ds3.writeXlsx(dir.resolve(DS3_XLSX), WorkbookLayout.labRefresh()));
        reports.add(ds3.writeXls(dir.resolve(DS3_XLS), WorkbookLayout.labRefresh()));
        SampleProfiles.write(dir.resolve("profiles"));
        return reports;
    }

    /** A Markdown table of the planted faults: the row a spreadsheet shows, the column (English name), the value. */
    public static String faultTable(GenerationReport report) {
        StringBuilder table = new StringBuilder("| row | column | fault | value |\n| ---: | --- | --- | --- |\n");
        for (InjectedFault fault : report.faults()) {
            table.append("| ").append(report.sheetRow(fault))
                    .append(" | ").append(fault.column().english())
                    .append(" | ").append(fault.fault().label())
                    .append(" | ").append(fault.value().isEmpty() ? "(empty)"
                            : "`" + fault.value().replace("|", "\\|") + "`").append(" |\n");
        }
        return table.toString();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        for (GenerationReport report : writeAll(dir)) {
            System.out.printf("%n### %s (%d rows, %d faulty)%n%n%s", report.file().getFileName(), report.rows(),
                    report.faultyRows(), faultTable(report));
        }
        for (DeliverySamples.DeliveryFile file : DeliverySamples.writeAll(dir)) {
            System.out.printf("%n### %s (%d rows, %d with faults to clean)%n%n%s", file.file().getFileName(),
                    file.rows(), file.faultyRows(), DeliverySamples.faultTable(file));
        }
        LabWorkbookSample.LabWorkbook lab = LabWorkbookSample.write(dir);
        System.out.printf("%n### %s (%d mixes)%n%n%s", lab.file().getFileName(), lab.mixes(),
                LabWorkbookSample.faultTable(lab));
    }

    private static GeneratorOptions sample(long seed, long rows, int columns, double rate, String prefix) {
        return new GeneratorOptions(seed, rows, columns, rate, EnumSet.allOf(Fault.class), prefix, null);
    }
}
