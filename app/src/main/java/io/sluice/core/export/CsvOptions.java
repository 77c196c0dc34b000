package io.sluice.core.export;

import io.sluice.core.SluiceException;

/**
 * How Sluice writes its CSV exports; {@link #DEFAULTS} is RFC 4180 (comma, CRLF, minimal quoting, no BOM) with
 * formula guarding on. Files are always UTF-8.
 *
 * @param delimiter     field separator
 * @param bom           write a UTF-8 byte order mark first, so Excel detects UTF-8 when opening the file
 * @param quoting       which fields are quoted
 * @param lineEnding    {@code "\r\n"} (RFC 4180) or {@code "\n"}
 * @param guardFormulas prefix text that a spreadsheet would evaluate as a formula (see {@link FormulaGuard})
 */
public record CsvOptions(char delimiter, boolean bom, Quoting quoting, String lineEnding, boolean guardFormulas) {

    /** Which fields are enclosed in double quotes. */
    public enum Quoting {
        /** Only fields containing the delimiter, a quote or a line break. */
        MINIMAL,
        /** Every field, empty ones included. */
        ALL
    }

    public static final String CRLF = "\r\n";
    public static final String LF = "\n";

    public static final CsvOptions DEFAULTS = new CsvOptions(',', false, Quoting.MINIMAL, CRLF, true);

    public CsvOptions {
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw SluiceException.input("The CSV delimiter cannot be a double quote or a line break.");
        }
        quoting = quoting == null ? Quoting.MINIMAL : quoting;
        lineEnding = lineEnding == null ? CRLF : lineEnding;
        if (!lineEnding.equals(CRLF) && !lineEnding.equals(LF)) {
            throw SluiceException.input("The CSV line ending must be CRLF or LF.");
        }
    }

    public CsvOptions withDelimiter(char delimiter) {
        return new CsvOptions(delimiter, bom, quoting, lineEnding, guardFormulas);
    }

    public CsvOptions withBom(boolean bom) {
        return new CsvOptions(delimiter, bom, quoting, lineEnding, guardFormulas);
    }

    public CsvOptions withQuoting(Quoting quoting) {
        return new CsvOptions(delimiter, bom, quoting, lineEnding, guardFormulas);
    }

    public CsvOptions withLineEnding(String lineEnding) {
        return new CsvOptions(delimiter, bom, quoting, lineEnding, guardFormulas);
    }

    public CsvOptions withGuardFormulas(boolean guardFormulas) {
        return new CsvOptions(delimiter, bom, quoting, lineEnding, guardFormulas);
    }

    /** The guard these options ask for. */
    public FormulaGuard guard() {
        return FormulaGuard.of(guardFormulas);
    }
}
