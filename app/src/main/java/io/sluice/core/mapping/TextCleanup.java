package io.sluice.core.mapping;

/**
 * The text clean-ups a profile's transforms and a review's value fixes share, so that "title case" or "collapse
 * spaces" means the same on load as in the review.
 */
public final class TextCleanup {

    private TextCleanup() {
    }

    /** Strips white space, also no-break spaces, from both ends. */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** Each word's first letter upper case, the rest lower case; a digit or apostrophe does not start a word. */
    public static String titleCase(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                b.append(wordStart ? Character.toTitleCase(c) : Character.toLowerCase(c));
                wordStart = false;
            } else {
                b.append(c);
                wordStart = !Character.isDigit(c) && c != '\'' && c != '\u2019';
            }
        }
        return b.toString();
    }

    /** Every run of white space (also no-break spaces) becomes one plain space. */
    public static String collapseSpaces(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F';
            if (!space) {
                b.append(c);
            } else if (!inSpace) {
                b.append(' ');
            }
            inSpace = space;
        }
        return b.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F';
    }
}
