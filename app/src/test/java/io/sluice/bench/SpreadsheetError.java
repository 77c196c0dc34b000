package io.sluice.bench;

/** An error a spreadsheet shows instead of a value; a CSV export carries its text. */
public enum SpreadsheetError {
    DIV_0("#DIV/0!");

    private final String text;

    SpreadsheetError(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
