package io.sluice.core.source;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cheap byte-level pass over one XML part of a workbook, without parsing it: notices a DOCTYPE (the door to XXE)
 * and captures the few tags the reading needs (merged ranges, workbook relationships). Row and column counts are not
 * taken here: a row element may hold only formatting, so only reading the cells tells. Relies on '<' never appearing unescaped inside XML text or attribute values.
 */
final class XmlPartScanner {

    /** What one part holds. */
    static final class Facts {
        boolean doctype;
        /** Whether the part holds a formula element ({@code <f>}): a worksheet with formulas. */
        boolean formulas;
        /** Whether the workbook part asks for every formula to be calculated when it is opened. */
        boolean calculateOnOpening;
        final List<String> merges = new ArrayList<>();
        final List<String[]> relationships = new ArrayList<>();
    }

    private static final int TEXT = 0;
    private static final int NAME = 1;
    private static final int CAPTURE = 2;
    private static final int MAX_NAME = 64;
    private static final int MAX_TAG = 4096;
    private static final byte[] DOCTYPE = "!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] CAPTURED = {"mergeCell".getBytes(StandardCharsets.US_ASCII),
            "Relationship".getBytes(StandardCharsets.US_ASCII), "calcPr".getBytes(StandardCharsets.US_ASCII)};

    private final byte[] name = new byte[MAX_NAME];
    private int nameLength;
    private final byte[] tag = new byte[MAX_TAG];
    private int tagLength;
    private String captured;
    private int state = TEXT;
    private final Facts facts = new Facts();

    XmlPartScanner() {
    }

    /** What the bytes fed so far hold. */
    Facts facts() {
        return facts;
    }

    static Facts scan(InputStream in) throws IOException {
        XmlPartScanner scanner = new XmlPartScanner();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (Thread.currentThread().isInterrupted()) {
                // the reading this scan accompanies has ended early; nothing waits for the result
                throw new InterruptedIOException("scan stopped");
            }
            scanner.feed(buffer, n);
        }
        return scanner.facts;
    }

    /** Scans the next {@code length} bytes of the part. */
    void feed(byte[] buffer, int length) {
        int state = this.state;
        int i = 0;
        while (i < length) {
            if (state == TEXT) {
                // Most bytes of a sheet are values and attributes: run to the next tag in one tight loop.
                while (i < length && buffer[i] != '<') {
                    i++;
                }
                if (i == length) {
                    break;
                }
                state = NAME;
                nameLength = 0;
                i++;
                continue;
            }
            byte b = buffer[i++];
            switch (state) {
                case NAME:
                    if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '>' || (b == '/' && nameLength > 0)) {
                        state = endOfName();
                        if (state == CAPTURE && b == '>') {
                            endOfTag();
                            state = TEXT;
                        } else if (b == '>') {
                            state = TEXT;
                        }
                    } else if (nameLength < MAX_NAME) {
                        name[nameLength++] = b;
                    }
                    break;
                default:
                    if (b == '>') {
                        endOfTag();
                        state = TEXT;
                    } else if (tagLength < MAX_TAG) {
                        tag[tagLength++] = b;
                    }
                    break;
            }
        }
        this.state = state;
    }

    private int endOfName() {
        if (startsWithIgnoreCase(DOCTYPE)) {
            facts.doctype = true;
            return TEXT;
        }
        int start = 0;
        for (int i = 0; i < nameLength; i++) {
            if (name[i] == ':') {
                start = i + 1;
            }
        }
        // Element names are compared as bytes: a sheet of a million rows has tens of millions of them.
        int length = nameLength - start;
        if (length == 1 && name[start] == 'f') {
            facts.formulas = true;
            return TEXT;
        }
        for (byte[] wanted : CAPTURED) {
            if (is(start, length, wanted)) {
                captured = new String(wanted, StandardCharsets.US_ASCII);
                tagLength = 0;
                return CAPTURE;
            }
        }
        return TEXT;
    }

    private boolean is(int start, int length, byte[] wanted) {
        return length == wanted.length && Arrays.equals(name, start, start + length, wanted, 0, length);
    }

    private void endOfTag() {
        String attributes = new String(tag, 0, tagLength, StandardCharsets.UTF_8);
        switch (captured) {
            case "mergeCell":
                String ref = attribute(attributes, "ref");
                if (ref != null) {
                    facts.merges.add(ref);
                }
                break;
            case "calcPr":
                String full = attribute(attributes, "fullCalcOnLoad");
                facts.calculateOnOpening = "1".equals(full) || "true".equals(full);
                break;
            default:
                facts.relationships.add(new String[] {attribute(attributes, "Id"), attribute(attributes, "Target")});
                break;
        }
        captured = null;
    }

    private boolean startsWithIgnoreCase(byte[] prefix) {
        if (nameLength < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toUpperCase(name[i]) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The value of an attribute in the text of a tag, or null. */
    static String attribute(String attributes, String key) {
        int from = 0;
        while (true) {
            int at = attributes.indexOf(key, from);
            if (at < 0) {
                return null;
            }
            int end = at + key.length();
            boolean startsWord = at == 0 || Character.isWhitespace(attributes.charAt(at - 1));
            int eq = end;
            while (eq < attributes.length() && Character.isWhitespace(attributes.charAt(eq))) {
                eq++;
            }
            if (startsWord && eq < attributes.length() && attributes.charAt(eq) == '=') {
                int q = eq + 1;
                while (q < attributes.length() && Character.isWhitespace(attributes.charAt(q))) {
                    q++;
                }
                if (q < attributes.length()) {
                    char quote = attributes.charAt(q);
                    int close = attributes.indexOf(quote, q + 1);
                    if (close > q) {
                        return attributes.substring(q + 1, close);
                    }
                }
                return null;
            }
            from = end;
        }
    }
}
