package io.sluice.core.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns header cells into unique, non-blank column names, reporting every rename. */
final class HeaderNames {

    /** The names and the renames made to get them. */
    record Result(List<String> names, List<SourceIssue> issues) {
    }

    private HeaderNames() {
    }

    /** Names for {@code width} columns from a header row; a null header names the columns after their letters. */
    static Result of(SourceRow header, int width) {
        List<String> names = new ArrayList<>(width);
        List<SourceIssue> issues = new ArrayList<>();
        if (header == null) {
            for (int i = 0; i < width; i++) {
                names.add(Columns.letter(i));
            }
            return new Result(List.copyOf(names), List.of());
        }
        long row = header.number();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < width; i++) {
            String letter = Columns.letter(i);
            String name = header.cell(i).text().strip();
            if (name.isEmpty()) {
                name = unique("Column " + letter, taken);
                issues.add(new SourceIssue("blank-header", row, letter,
                        "The header of column " + letter + " is blank; it is named \"" + name + "\"."));
            } else if (taken.contains(key(name))) {
                String original = name;
                name = unique(original, taken);
                issues.add(new SourceIssue("duplicate-header", row, letter,
                        "The header \"" + original + "\" of column " + letter + " appears more than once; it is named \""
                                + name + "\"."));
            }
            taken.add(key(name));
            names.add(name);
        }
        return new Result(List.copyOf(names), List.copyOf(issues));
    }

    private static String unique(String base, Set<String> taken) {
        if (!taken.contains(key(base))) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + " (" + n + ")";
            if (!taken.contains(key(candidate))) {
                return candidate;
            }
        }
    }

    // Target databases often fold identifier case, so "Name" and "NAME" would collide there.
    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
