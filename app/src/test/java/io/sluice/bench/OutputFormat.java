package io.sluice.bench;

import java.util.Locale;

/** The file kinds the generator writes. */
public enum OutputFormat {
    /** UTF-8, comma, decimal point, dd/MM/yyyy. */
    CSV,
    /** As CSV, with a UTF-8 byte order mark. */
    CSV_BOM,
    /** Windows-1252, semicolon, decimal comma, dd.MM.yyyy, German headers. */
    CSV_1252,
    XLSX,
    XLS;

    /** Parses csv, csv-bom, csv-1252, xlsx or xls. */
    public static OutputFormat parse(String text) {
        for (OutputFormat format : values()) {
            if (format.cliName().equals(text.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown format " + text + "; use csv, csv-bom, csv-1252, xlsx or xls.");
    }

    /** The format a file name's extension implies: .xlsx, .xls, else CSV. */
    public static OutputFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xlsx")) {
            return XLSX;
        }
        return lower.endsWith(".xls") ? XLS : CSV;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
