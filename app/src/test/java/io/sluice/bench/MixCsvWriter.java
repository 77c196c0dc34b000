package io.sluice.bench;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;

/** Writes generated rows as CSV in one of the {@link CsvLayout}s, streaming. */
final class MixCsvWriter {

    private final CsvLayout layout;
    private final List<MixColumn> columns;
    private final DateTimeFormatter dates;

    MixCsvWriter(CsvLayout layout, List<MixColumn> columns) {
        this.layout = layout;
        this.columns = columns;
        this.dates = DateTimeFormatter.ofPattern(layout.datePattern());
    }

    GenerationReport write(Iterator<MixRow> rows, Path out) throws IOException {
        // A strict encoder: a character Windows-1252 cannot hold must fail the run, not turn into '?'.
        CharsetEncoder encoder = layout.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        FaultTally tally = new FaultTally();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), encoder), 1 << 16);
             CsvWriter csv = CsvWriter.builder()
                     .fieldSeparator(layout.delimiter())
                     .lineDelimiter(LineDelimiter.CRLF)
                     .build(writer)) {
            if (layout.bom()) {
                writer.write('\uFEFF');
            }
            csv.writeRecord(columns.stream().map(c -> layout.germanHeaders() ? c.german() : c.english()).toList());
            String[] fields = new String[columns.size()];
            while (rows.hasNext()) {
                MixRow row = rows.next();
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = text(row, columns.get(i));
                }
                csv.writeRecord(fields);
                tally.add(row, fault -> fault.withValue(text(row, fault.column())));
            }
        }
        return tally.report(out, 2);
    }

    private String text(MixRow row, MixColumn column) {
        List<String> markers = layout.nullMarkers();
        // Markers take turns by row and column, so each shows up in a small file; free text is simply left empty.
        String nullText = column.kind() == MixColumn.Kind.TEXT ? ""
                : markers.get((int) ((row.number() + column.ordinal()) % markers.size()));
        return TextValues.render(row.value(column), layout.decimalComma(), dates, layout.datePattern(), nullText);
    }
}
