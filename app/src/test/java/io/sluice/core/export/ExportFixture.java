package io.sluice.core.export;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.List;

/** A small typed target table, a mapper onto it, and ways to read an export back. */
final class ExportFixture {

    static final List<ColumnInfo> COLUMNS = List.of(
            column("ID", JDBCType.BIGINT, "BIGINT", null, 19, 0),
            column("CODE", JDBCType.VARCHAR, "VARCHAR", 200, null, null),
            column("AMOUNT", JDBCType.DECIMAL, "DECIMAL", null, 40, 20),
            column("MADE_ON", JDBCType.DATE, "DATE", null, null, null),
            column("TESTED_AT", JDBCType.TIMESTAMP, "TIMESTAMP", null, null, null),
            column("PASSED", JDBCType.BOOLEAN, "BOOLEAN", null, null, null));

    static final List<String> SOURCE_COLUMNS = List.of("id", "code", "amount", "made", "tested", "passed");

    static final Mapper MAPPER = mapper();

    private ExportFixture() {
    }

    private static ColumnInfo column(String name, JDBCType type, String typeName, Integer length, Integer precision,
                                     Integer scale) {
        return new ColumnInfo(name, type, typeName, true, length, precision, scale, null, false);
    }

    private static Mapper mapper() {
        List<ColumnMapping> mappings = new ArrayList<>();
        for (int i = 0; i < SOURCE_COLUMNS.size(); i++) {
            mappings.add(ColumnMapping.of(SOURCE_COLUMNS.get(i), COLUMNS.get(i).name()));
        }
        Profile profile = new Profile(null, 0, "export-test", null, "SAMPLE", mappings, List.of(), List.of(),
                List.of(), null, null);
        TableInfo table = new TableInfo(null, "SAMPLE", COLUMNS, List.of("ID"), List.of(), List.of(), List.of());
        return Mapper.compile(profile, SOURCE_COLUMNS, table);
    }

    static SourceRow row(long number, Cell... cells) {
        return new SourceRow(number, List.of(cells));
    }

    /** Every record of a CSV text, header included, parsed by FastCSV with the given delimiter. */
    static List<List<String>> records(String csv, char delimiter) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).ofCsvRecord(csv)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Header and data rows' cell texts as Sluice's own reader sees the file. */
    static List<List<String>> readBack(Path file, char delimiter) {
        SourceOptions options = SourceOptions.DEFAULTS.withHeaderRow(1);
        options = new SourceOptions(options.sheet(), options.headerRow(), options.noHeader(), options.encoding(),
                delimiter);
        List<List<String>> rows = new ArrayList<>();
        try (SourceTable table = Sources.open(file, options)) {
            rows.add(table.columns());
            SourceRow row;
            while ((row = table.next()) != null) {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < table.columns().size(); i++) {
                    texts.add(row.cell(i).text());
                }
                rows.add(texts);
            }
        }
        return rows;
    }
}
