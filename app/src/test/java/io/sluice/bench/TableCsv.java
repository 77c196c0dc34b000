package io.sluice.bench;

import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.database.ColumnInfo;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes approved rows as a CSV shaped exactly like the target table, for the bulk loads the commit is compared
 * with: a header of the column names, then the mapped values (numbers plain, dates ISO). An empty unquoted field is
 * NULL for both H2's CSVREAD and PostgreSQL's COPY; an empty text is written quoted.
 */
final class TableCsv {

    private TableCsv() {
    }

    /** Writes the rows to {@code file} in UTF-8 and returns how many were written. */
    static long write(Iterable<ApprovedRow> rows, List<ColumnInfo> columns, Path file) throws IOException {
        long count = 0;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", columns.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
            out.write('\n');
            for (ApprovedRow row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(field(row.values().get(i).value()));
                }
                out.write('\n');
                count++;
            }
        }
        return count;
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (text.isEmpty() || text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
