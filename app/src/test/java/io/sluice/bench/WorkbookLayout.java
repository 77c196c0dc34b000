package io.sluice.bench;

/**
 * How a generated workbook looks.
 *
 * @param sheetName      name of the data sheet
 * @param junkRows       a merged title, an "Exported from LabDB 4.2 on ..." line and a blank row above the header
 * @param suppliersSheet a second visible sheet "Suppliers" listing the supplier table
 * @param hiddenSheet    a hidden third sheet "Lookup" with the allowed ages and supplier codes
 * @param formulaEvery   every n-th row computes w/c as a formula =water/cement with a cached value; 0 for none.
 *                       Rows with zero cement hold #DIV/0!: a formula with that cached error in .xls, a plain
 *                       error cell in .xlsx (POI's streaming writer cannot cache an error result).
 */
public record WorkbookLayout(String sheetName, boolean junkRows, boolean suppliersSheet, boolean hiddenSheet,
                             int formulaEvery) {

    public static final String SUPPLIERS_SHEET = "Suppliers";
    public static final String LOOKUP_SHEET = "Lookup";

    public WorkbookLayout {
        if (sheetName == null || sheetName.isBlank()) {
            throw new IllegalArgumentException("The data sheet needs a name.");
        }
        if (formulaEvery < 0) {
            throw new IllegalArgumentException("formulaEvery must not be negative, not " + formulaEvery + ".");
        }
    }

    /** The lab refresh export: junk rows, Suppliers sheet, hidden Lookup sheet, a formula every 7th row. */
    public static WorkbookLayout labRefresh() {
        return new WorkbookLayout("Mixes", true, true, true, 7);
    }

    /** Header in row 1 and one sheet; only zero-cement rows carry a formula. */
    public static WorkbookLayout plain() {
        return new WorkbookLayout("Mixes", false, false, false, 0);
    }

    /** Row number (1-based) of the header row. */
    public int headerRow() {
        return junkRows ? 4 : 1;
    }
}
