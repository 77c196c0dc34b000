package io.sluice.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Renders generated values as the text a file carries. */
final class TextValues {

    private static final String PLAIN_DATE = "dd/MM/yyyy";

    private TextValues() {
    }

    /** Neutral rendering for fault reports: decimal point, dd/MM/yyyy, "" for no value. */
    static String plain(Object value) {
        return render(value, false, DateTimeFormatter.ofPattern(PLAIN_DATE), PLAIN_DATE, "");
    }

    static String render(Object value, boolean decimalComma, DateTimeFormatter dates, String datePattern,
                         String nullText) {
        if (value == null) {
            return nullText;
        }
        if (value instanceof BigDecimal d) {
            String text = d.toPlainString();
            return decimalComma ? text.replace('.', ',') : text;
        }
        if (value instanceof LocalDate date) {
            return dates.format(date);
        }
        if (value instanceof ImpossibleDate date) {
            return date.format(datePattern);
        }
        if (value instanceof SpreadsheetError error) {
            return error.text();
        }
        return value.toString();
    }
}
