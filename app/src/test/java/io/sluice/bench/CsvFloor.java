package io.sluice.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The JVM's own floor for reading the CSV: FastCSV, the parser under Sluice's CSV reader, decoding the file as UTF-8
 * and making every field of every record a string, and nothing else (no encoding check, no hash, no mapping, no
 * rules, no report). In a fresh JVM ({@code csv-fastcsv}) it costs what any Java program pays to read the file cold,
 * the JIT compiling the parser included; five times in one JVM ({@code csv-fastcsv-warm}) what the parse alone costs
 * once compiled. Beside {@code pandas-read} it tells how much of the validation's distance to pandas is the runtime.
 */
final class CsvFloor {

    static final String STAGE = "csv-fastcsv";
    static final String WARM_STAGE = "csv-fastcsv-warm";

    private CsvFloor() {
    }

    /** Reads every field of every record; returns the number of data rows (records after the header). */
    static long read(Path file) throws IOException {
        long records = 0;
        long characters = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                for (int i = 0; i < record.getFieldCount(); i++) {
                    characters += record.getField(i).length();
                }
                records++;
            }
        }
        if (characters < 0) {
            throw new IllegalStateException("unreachable: keeps the fields from being optimised away");
        }
        return Math.max(0, records - 1);
    }
}
