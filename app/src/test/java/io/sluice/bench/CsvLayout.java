package io.sluice.bench;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How a generated CSV looks.
 *
 * @param charset       file encoding
 * @param bom           start with a byte order mark (UTF-8 only)
 * @param delimiter     field separator
 * @param decimalComma  write 12,5 instead of 12.5
 * @param datePattern   java.time pattern of the cast date
 * @param germanHeaders German column headers instead of English ones
 * @param nullMarkers   texts written for "no value", taking turns; [""] writes empty fields
 */
public record CsvLayout(Charset charset, boolean bom, char delimiter, boolean decimalComma, String datePattern,
                        boolean germanHeaders, List<String> nullMarkers) {

    public CsvLayout {
        if (bom && !StandardCharsets.UTF_8.equals(charset)) {
            throw new IllegalArgumentException("A byte order mark is only written for UTF-8, not " + charset + ".");
        }
        nullMarkers = nullMarkers == null || nullMarkers.isEmpty() ? List.of("") : List.copyOf(nullMarkers);
    }

    /** UTF-8 without BOM, comma separated, decimal point, dd/MM/yyyy, English headers, empty fields for no value. */
    public static CsvLayout english() {
        return new CsvLayout(StandardCharsets.UTF_8, false, ',', false, "dd/MM/yyyy", false, List.of(""));
    }

    /** Windows-1252, semicolon separated, decimal comma, dd.MM.yyyy, German headers, k.A. and - for no value. */
    public static CsvLayout german() {
        return new CsvLayout(Charset.forName("windows-1252"), false, ';', true, "dd.MM.yyyy", true,
                List.of("k.A.", "-", ""));
    }

    public CsvLayout withBom() {
        return new CsvLayout(charset, true, delimiter, decimalComma, datePattern, germanHeaders, nullMarkers);
    }
}
