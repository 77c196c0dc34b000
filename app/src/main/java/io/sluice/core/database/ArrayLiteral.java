package io.sluice.core.database;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An array written as PostgreSQL writes one, {@code {1,2,NULL,"a,b"}}, read for H2, which converts no text to an
 * array but takes the elements as an {@code Object[]} and converts each to its element type: braces around
 * comma-separated elements, nested braces for an array of arrays, an element in double quotes when it holds a comma,
 * brace, quote, backslash or space at either end, a backslash taking the next character as it is, and an unquoted
 * NULL (any case) for none. Each element is kept as text.
 *
 * @param text     the literal as written, which is also its text wherever a value's text is shown
 * @param elements the elements: String, null, or Object[] for a nested array
 */
public record ArrayLiteral(String text, Object[] elements) {

    @Override
    public String toString() {
        return text;
    }

    /**
     * The literal's elements.
     *
     * @throws IllegalArgumentException with what is wrong, in words, when the text is not such a literal
     */
    public static ArrayLiteral parse(String text) {
        Cursor cursor = new Cursor(text);
        cursor.skipSpace();
        Object[] elements = cursor.array();
        cursor.skipSpace();
        if (!cursor.atEnd()) {
            throw new IllegalArgumentException("text after the closing brace");
        }
        return new ArrayLiteral(text, elements);
    }

    /**
     * The literal of these elements (String, null, or Object[] for a nested array), each text in double quotes, so
     * that {@link #parse} gives back exactly these elements whatever they spell.
     */
    public static ArrayLiteral of(Object[] elements) {
        StringBuilder text = new StringBuilder();
        write(elements, text);
        return new ArrayLiteral(text.toString(), elements);
    }

    private static void write(Object[] elements, StringBuilder text) {
        text.append('{');
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            if (elements[i] == null) {
                text.append("NULL");
            } else if (elements[i] instanceof Object[] nested) {
                write(nested, text);
            } else {
                text.append('"');
                String element = elements[i].toString();
                for (int c = 0; c < element.length(); c++) {
                    char ch = element.charAt(c);
                    if (ch == '"' || ch == '\\') {
                        text.append('\\');
                    }
                    text.append(ch);
                }
                text.append('"');
            }
        }
        text.append('}');
    }

    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        Object[] array() {
            if (atEnd() || s.charAt(i) != '{') {
                throw new IllegalArgumentException("it does not begin with {");
            }
            i++;
            List<Object> elements = new ArrayList<>();
            skipSpace();
            if (!atEnd() && s.charAt(i) == '}') {
                i++;
                return elements.toArray();
            }
            while (true) {
                skipSpace();
                if (atEnd()) {
                    throw new IllegalArgumentException("a brace is not closed");
                }
                char c = s.charAt(i);
                if (c == '{') {
                    elements.add(array());
                } else if (c == '"') {
                    elements.add(quoted());
                } else {
                    elements.add(unquoted());
                }
                skipSpace();
                if (atEnd()) {
                    throw new IllegalArgumentException("a brace is not closed");
                }
                char after = s.charAt(i++);
                if (after == '}') {
                    return elements.toArray();
                }
                if (after != ',') {
                    throw new IllegalArgumentException("'" + after + "' where a comma or a closing brace goes");
                }
            }
        }

        String quoted() {
            StringBuilder element = new StringBuilder();
            i++;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return element.toString();
                }
                if (c == '\\') {
                    if (i >= s.length()) {
                        break;
                    }
                    c = s.charAt(i++);
                }
                element.append(c);
            }
            throw new IllegalArgumentException("a double quote is not closed");
        }

        /** Up to the next comma or brace; spaces around it are not part of it, an escaped one is. */
        String unquoted() {
            StringBuilder element = new StringBuilder();
            int kept = 0;
            boolean escaped = false;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ',' || c == '}') {
                    break;
                }
                if (c == '{' || c == '"') {
                    throw new IllegalArgumentException("'" + c + "' inside an element without double quotes");
                }
                i++;
                if (c == '\\') {
                    if (i >= s.length()) {
                        throw new IllegalArgumentException("a backslash at the end");
                    }
                    element.append(s.charAt(i++));
                    kept = element.length();
                    escaped = true;
                } else {
                    element.append(c);
                    if (!Character.isWhitespace(c)) {
                        kept = element.length();
                    }
                }
            }
            String text = element.substring(0, kept);
            if (text.isEmpty()) {
                throw new IllegalArgumentException("an empty element (write \"\" for an empty text)");
            }
            return !escaped && text.toUpperCase(Locale.ROOT).equals("NULL") ? null : text;
        }
    }
}
