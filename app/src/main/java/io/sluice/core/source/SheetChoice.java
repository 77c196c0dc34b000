package io.sluice.core.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Picks the sheet to read: the named one, else the first visible one (a hidden sheet is never picked silently). */
final class SheetChoice {

    private SheetChoice() {
    }

    static int choose(Path file, List<SheetInfo> sheets, String wanted) {
        if (wanted != null) {
            for (int i = 0; i < sheets.size(); i++) {
                if (sheets.get(i).name().equals(wanted)) {
                    return i;
                }
            }
            for (int i = 0; i < sheets.size(); i++) {
                if (sheets.get(i).name().equalsIgnoreCase(wanted.strip())) {
                    return i;
                }
            }
            throw Problems.input(file, "has no sheet named \"" + wanted + "\" (its sheets are " + names(sheets) + ")");
        }
        for (int i = 0; i < sheets.size(); i++) {
            if (!sheets.get(i).hidden()) {
                return i;
            }
        }
        if (sheets.isEmpty()) {
            throw Problems.input(file, "has no sheets");
        }
        throw Problems.input(file, "has only hidden sheets; name the one to read (" + names(sheets) + ")");
    }

    private static String names(List<SheetInfo> sheets) {
        List<String> names = new ArrayList<>();
        for (SheetInfo s : sheets) {
            names.add("\"" + s.name() + "\"");
        }
        return String.join(", ", names);
    }

    /**
     * The sheet-level issues of an XLSX sheet: its merged ranges, and formulas whose saved results the workbook itself
     * says are not to be trusted.
     */
    static List<SourceIssue> sheetIssues(List<String> merges, boolean formulas, boolean calculatesOnOpening) {
        List<SourceIssue> issues = mergedIssues(merges);
        if (formulas && calculatesOnOpening) {
            issues.add(new SourceIssue("formulas-not-calculated", 0, null, "The program that wrote this workbook did not"
                    + " calculate its formulas (it asks Excel to, on opening), so the results saved in it, which Sluice"
                    + " reads, may be 0 or missing; open and save the file in Excel first if this sheet's formulas"
                    + " matter."));
        }
        return issues;
    }

    /** One sheet-level issue per merged range, e.g. "Cells B2:D2 are merged; only B2 holds the value." */
    static List<SourceIssue> mergedIssues(List<String> ranges) {
        List<SourceIssue> issues = new ArrayList<>(ranges.size());
        for (String range : ranges) {
            String first = range.contains(":") ? range.substring(0, range.indexOf(':')) : range;
            String letters = first.replaceAll("[^A-Za-z]", "");
            String digits = first.replaceAll("[^0-9]", "");
            long row = digits.isEmpty() ? 0 : Long.parseLong(digits);
            issues.add(new SourceIssue("merged-cells", row, letters.isEmpty() ? null : letters,
                    "Cells " + range + " are merged; only " + first + " holds the value."));
        }
        return issues;
    }
}
