package io.sluice.core.review;

import io.sluice.core.SluiceException;
import io.sluice.core.mapping.TextCleanup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a value fix does to each cell of a column: a plain value a front end builds and hands to
 * {@link ReviewSession#fix}. A fix sees a cell's effective text (the steward's edit, else the raw text) and gives the
 * new text; a cell whose text stays the same is not touched. A bad regular expression is refused when the fix is
 * made, with one sentence.
 */
public sealed interface ValueFix {

    /** The kind word stored with the fix and shown in the audit: replace, find-replace, set, blank, ... */
    String kind();

    /** In words, for the undo menu and the audit, e.g. "Trim the values". */
    String describe();

    /** The per-cell function, compiled once (regular expressions, tables). */
    UnaryOperator<String> compile();

    /**
     * Replaces whole values: a cell whose text equals a key exactly (case and spaces matter) gets the key's value.
     * Many pairs make one fix, one undo step.
     */
    record Replace(Map<String, String> pairs) implements ValueFix {
        public Replace {
            Objects.requireNonNull(pairs, "pairs");
            Map<String, String> copy = new LinkedHashMap<>();
            pairs.forEach((from, to) -> copy.put(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to,
                    "to")));
            if (copy.isEmpty()) {
                throw SluiceException.input("A replace fix needs at least one value to replace.");
            }
            pairs = Collections.unmodifiableMap(copy);
        }

        /** One value by another. */
        public static Replace of(String from, String to) {
            return new Replace(Map.of(from, to));
        }

        @Override
        public String kind() {
            return "replace";
        }

        @Override
        public String describe() {
            if (pairs.size() == 1) {
                Map.Entry<String, String> pair = pairs.entrySet().iterator().next();
                return "Replace '" + pair.getKey() + "' by '" + pair.getValue() + "'";
            }
            return "Replace " + pairs.size() + " values";
        }

        @Override
        public UnaryOperator<String> compile() {
            return text -> pairs.getOrDefault(text, text);
        }
    }

    /**
     * Finds {@code find} in the cell and puts {@code replacement} in its place: literal text, or a regular expression
     * (Java syntax) whose groups the replacement names as {@code $1}, {@code ${name}}. With {@code wholeCell} only a
     * cell the text or expression matches entirely is changed; otherwise every occurrence within the cell is.
     */
    record FindReplace(String find, String replacement, boolean regex, boolean wholeCell) implements ValueFix {
        public FindReplace {
            Objects.requireNonNull(replacement, "replacement");
            if (find == null || find.isEmpty()) {
                throw SluiceException.input("Find and replace needs something to find.");
            }
            if (regex) {
                checkReplacement(pattern(find), replacement);
            }
        }

        @Override
        public String kind() {
            return "find-replace";
        }

        @Override
        public String describe() {
            return (regex ? "Replace matches of /" + find + "/" : "Replace '" + find + "'") + " by '" + replacement
                    + "'" + (wholeCell ? " (whole cell)" : "");
        }

        @Override
        public UnaryOperator<String> compile() {
            if (!regex) {
                return wholeCell ? text -> text.equals(find) ? replacement : text
                        : text -> text.replace(find, replacement);
            }
            Pattern pattern = pattern(find);
            return text -> {
                Matcher matcher = pattern.matcher(text);
                if (!wholeCell) {
                    return matcher.find() ? matcher.replaceAll(replacement) : text;
                }
                if (!matcher.matches()) {
                    return text;
                }
                StringBuilder out = new StringBuilder();
                matcher.appendReplacement(out, replacement);
                return out.toString();
            };
        }

        private static Pattern pattern(String find) {
            try {
                return Pattern.compile(find);
            } catch (PatternSyntaxException e) {
                throw SluiceException.input("The regular expression '" + find + "' is not valid: "
                        + e.getDescription() + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : "")
                        + ".", e);
            }
        }

        /** Refuses a replacement that names a group the expression lacks, or ends in a lone \ or $. */
        private static void checkReplacement(Pattern pattern, String replacement) {
            int groups = pattern.matcher("").groupCount();
            for (int i = 0; i < replacement.length(); i++) {
                char c = replacement.charAt(i);
                if (c == '\\') {
                    if (++i == replacement.length()) {
                        throw SluiceException.input("The replacement '" + replacement + "' ends in a lone \\; write"
                                + " \\\\ for a backslash.");
                    }
                } else if (c == '$') {
                    if (i + 1 == replacement.length()) {
                        throw SluiceException.input("The replacement '" + replacement + "' ends in a lone $; write"
                                + " \\$ for a dollar sign.");
                    }
                    char next = replacement.charAt(i + 1);
                    if (Character.isDigit(next) && next - '0' > groups) {
                        throw SluiceException.input("The replacement '" + replacement + "' names group $" + next
                                + " but the expression has " + (groups == 0 ? "no groups" : groups == 1 ? "1 group"
                                : groups + " groups") + ".");
                    }
                    if (!Character.isDigit(next) && next != '{') {
                        throw SluiceException.input("The replacement '" + replacement + "' has a $ not followed by a"
                                + " group number; write \\$ for a dollar sign.");
                    }
                }
            }
            try {
                pattern.matcher("").replaceAll(replacement);
            } catch (IllegalArgumentException e) {
                throw SluiceException.input("The replacement '" + replacement + "' is not valid: " + e.getMessage()
                        + ".", e);
            }
        }
    }

    /** Sets every cell (of the rows chosen) to one value. */
    record SetValue(String value) implements ValueFix {
        public SetValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String kind() {
            return "set";
        }

        @Override
        public String describe() {
            return "Set '" + value + "'";
        }

        @Override
        public UnaryOperator<String> compile() {
            return text -> value;
        }
    }

    /** Empties every cell (of the rows chosen). */
    record Blank() implements ValueFix {
        @Override
        public String kind() {
            return "blank";
        }

        @Override
        public String describe() {
            return "Blank out the values";
        }

        @Override
        public UnaryOperator<String> compile() {
            return text -> "";
        }
    }

    /** Strips white space, also no-break spaces, from both ends of each value. */
    record Trim() implements ValueFix {
        @Override
        public String kind() {
            return "trim";
        }

        @Override
        public String describe() {
            return "Trim the values";
        }

        @Override
        public UnaryOperator<String> compile() {
            return TextCleanup::trim;
        }
    }

    /** Turns every run of white space within a value into one plain space. */
    record CollapseSpaces() implements ValueFix {
        @Override
        public String kind() {
            return "collapse-spaces";
        }

        @Override
        public String describe() {
            return "Collapse the spaces in the values";
        }

        @Override
        public UnaryOperator<String> compile() {
            return TextCleanup::collapseSpaces;
        }
    }

    /** Upper, lower or title case (each word's first letter upper), independent of the machine's language. */
    record ChangeCase(TextCase textCase) implements ValueFix {
        public ChangeCase {
            Objects.requireNonNull(textCase, "textCase");
        }

        @Override
        public String kind() {
            return "case";
        }

        @Override
        public String describe() {
            return "Change the values to " + textCase.name().toLowerCase(Locale.ROOT) + " case";
        }

        @Override
        public UnaryOperator<String> compile() {
            return switch (textCase) {
                case UPPER -> text -> text.toUpperCase(Locale.ROOT);
                case LOWER -> text -> text.toLowerCase(Locale.ROOT);
                case TITLE -> TextCleanup::titleCase;
            };
        }
    }

    /** The case a {@link ChangeCase} fix gives. */
    enum TextCase {
        UPPER, LOWER, TITLE
    }
}
