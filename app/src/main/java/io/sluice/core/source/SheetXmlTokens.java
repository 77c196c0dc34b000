package io.sluice.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The tags and text of a worksheet part read straight from its UTF-8 bytes, for {@link SheetXmlRows}. It accepts only
 * a strict subset of well-formed XML 1.0 (UTF-8, the five predefined entities, character references, CDATA,
 * comments, namespace prefixes declared in scope) and checks it as closely as a conforming parser: names that match,
 * no attribute twice, only characters XML allows. Anything else (another encoding, a DOCTYPE, a processing
 * instruction, anything it cannot tell is well-formed) throws {@link Unsupported}, and the reader reads the sheet on
 * with fastexcel, which gives the answer Sluice has always given for it. It never guesses.
 */
final class SheetXmlTokens {

    /** Thrown where the bytes hold something these tokens do not read; carries no stack trace (it is a signal). */
    static final class Unsupported extends RuntimeException {
        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    static final int START = 1;
    static final int END = 2;
    static final int EOF = 3;

    private static final int BUFFER = 128 * 1024;
    private static final int MAX_TAG = 1024 * 1024;
    private static final int MAX_DEPTH = 256;
    private static final int MAX_ATTRIBUTES = 64;

    private final InputStream in;
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private int lim;
    private boolean eof;

    /** Open elements, their qualified names as bytes. */
    private byte[][] open = new byte[16][];
    private int[] openLength = new int[16];
    private int depth;
    private boolean pendingEnd;
    private boolean started;
    private boolean rootEnded;

    /** Namespace prefixes declared in scope, and the depth of the element declaring each. */
    private String[] prefixes = new String[8];
    private int[] prefixDepth = new int[8];
    private int prefixCount;

    /** The current start tag: its local name and its attributes as offsets into the buffer, valid until next(). */
    private int nameStart;
    private int nameEnd;
    private int localStart;
    private final int[] attrNameStart = new int[MAX_ATTRIBUTES];
    private final int[] attrNameEnd = new int[MAX_ATTRIBUTES];
    private final int[] attrLocalStart = new int[MAX_ATTRIBUTES];
    private final int[] attrValueStart = new int[MAX_ATTRIBUTES];
    private final int[] attrValueEnd = new int[MAX_ATTRIBUTES];
    private int attrCount;

    /** Text between tags is appended here while collecting, otherwise only checked. */
    private char[] text = new char[256];
    private int textLength;
    private boolean collecting;

    SheetXmlTokens(InputStream in) {
        this.in = in;
    }

    /** Starts or stops keeping the text read from now on; starting empties it. */
    void collect(boolean on) {
        collecting = on;
        if (on) {
            textLength = 0;
        }
    }

    /** The text kept since {@link #collect} was turned on. */
    String text() {
        return new String(text, 0, textLength);
    }

    int textLength() {
        return textLength;
    }

    /** The depth of the element whose start or end was last returned (the root is 1). */
    int depth() {
        return depth;
    }

    /**
     * The next tag: {@link #START} (an empty-element tag gives its {@link #END} next), {@link #END}, or {@link #EOF}
     * once the root element has ended. Text between tags is checked and, when collecting, kept.
     */
    int next() throws IOException {
        if (pendingEnd) {
            pendingEnd = false;
            closeElement();
            return END;
        }
        settleClose();
        if (!started) {
            prolog();
            started = true;
        }
        while (true) {
            if (depth == 0 && rootEnded) {
                return EOF; // what follows the root is not read: fastexcel stops at </sheetData> as well
            }
            readText();
            ensure(2);
            if (lim - pos < 2) {
                throw new Unsupported("the part ends inside an element");
            }
            byte b = buf[pos + 1];
            if (b == '/') {
                endTag();
                return END;
            } else if (b == '!') {
                markup();
            } else if (b == '?') {
                throw new Unsupported("processing instruction");
            } else {
                startTag();
                return START;
            }
        }
    }

    /** Whether the local name of the current start tag is {@code name} (ASCII). */
    boolean is(String name) {
        return sameAscii(buf, localStart, nameEnd - localStart, name);
    }

    /** Whether the element just opened or closed has the local name {@code name}; for END, of the closed element. */
    boolean endIs(String name) {
        byte[] q = open[depth];
        int length = openLength[depth];
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (q[i] == ':') {
                start = i + 1;
            }
        }
        return sameAscii(q, start, length - start, name);
    }

    /** Index of the unprefixed attribute {@code name} of the current start tag, or -1. */
    int attribute(String name) {
        for (int a = 0; a < attrCount; a++) {
            if (attrLocalStart[a] != attrNameStart[a]) {
                continue; // prefixed: not the attribute without namespace that fastexcel asks for
            }
            if (sameAscii(buf, attrNameStart[a], attrNameEnd[a] - attrNameStart[a], name)) {
                return a;
            }
        }
        return -1;
    }

    /** The raw bytes of an attribute's value; usable as-is only when {@link #plain} says so. */
    int valueStart(int attribute) {
        return attrValueStart[attribute];
    }

    int valueEnd(int attribute) {
        return attrValueEnd[attribute];
    }

    byte at(int offset) {
        return buf[offset];
    }

    /** Whether an attribute's value is only ASCII letters and digits, so its bytes are its value. */
    boolean plain(int attribute) {
        for (int i = attrValueStart[attribute]; i < attrValueEnd[attribute]; i++) {
            byte b = buf[i];
            if (!((b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    /** Whether an attribute's value is exactly {@code value}. */
    boolean valueIs(int attribute, String value) {
        int start = attrValueStart[attribute];
        return plain(attribute) && sameAscii(buf, start, attrValueEnd[attribute] - start, value);
    }

    // ---- the prolog ----

    private void prolog() throws IOException {
        ensure(4);
        if (lim - pos >= 2 && ((buf[pos] & 0xff) == 0xFE || (buf[pos] & 0xff) == 0xFF || buf[pos] == 0)) {
            throw new Unsupported("not UTF-8");
        }
        if (lim - pos >= 3 && (buf[pos] & 0xff) == 0xEF && (buf[pos + 1] & 0xff) == 0xBB
                && (buf[pos + 2] & 0xff) == 0xBF) {
            pos += 3;
        }
        ensure(6);
        if (lim - pos >= 6 && buf[pos] == '<' && buf[pos + 1] == '?' && buf[pos + 2] == 'x' && buf[pos + 3] == 'm'
                && buf[pos + 4] == 'l' && isSpace(buf[pos + 5])) {
            declaration();
        }
    }

    /** The XML declaration: version 1.0, encoding UTF-8 if named, standalone yes or no. */
    private void declaration() throws IOException {
        int end = find((byte) '?', (byte) '>', pos + 5);
        String decl = new String(buf, pos + 5, end - pos - 5, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        pos = end + 2;
        String version = pseudo(decl, "version");
        String encoding = pseudo(decl, "encoding");
        if (!"1.0".equals(version) || (encoding != null && !encoding.equalsIgnoreCase("UTF-8"))) {
            throw new Unsupported("XML declaration " + decl);
        }
        String rest = decl.replaceFirst("^version\\s*=\\s*(\"1\\.0\"|'1\\.0')", "")
                .replaceFirst("^\\s+encoding\\s*=\\s*(\"[^\"]*\"|'[^']*')", "")
                .replaceFirst("^\\s+standalone\\s*=\\s*(\"(yes|no)\"|'(yes|no)')", "");
        if (!rest.isEmpty()) {
            throw new Unsupported("XML declaration " + decl);
        }
    }

    private static String pseudo(String decl, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|\\s)" + name + "\\s*=\\s*(\"([^\"]*)\"|'([^']*)')")
                .matcher(decl);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }

    // ---- tags ----

    private void startTag() throws IOException {
        if (depth == 0 && rootEnded) {
            throw new Unsupported("a second root element");
        }
        settleClose();
        // Tags are short: parse in place, and should the buffer end inside one, read more and parse it again.
        while (!parseStartTag()) {
            if (!more(MAX_TAG)) {
                throw new Unsupported("the part ends inside a tag");
            }
        }
        pushElement();
        if (prefixedAttributes) {
            declarePrefixes();
            for (int a = 0; a < attrCount; a++) {
                if (attrLocalStart[a] != attrNameStart[a] && !isXmlns(a)) {
                    checkPrefix(attrNameStart[a], attrLocalStart[a], true);
                }
            }
        }
        checkPrefix(nameStart, localStart, false);
    }

    private boolean prefixedAttributes;

    /** Parses the start tag at pos in one pass; false when the buffer ends before the tag does. */
    private boolean parseStartTag() {
        byte[] b = buf;
        int end = lim;
        int i = pos + 1;
        nameStart = i;
        i = name(i, end);
        if (i < 0) {
            return false;
        }
        nameEnd = i;
        localStart = lastLocal;
        attrCount = 0;
        prefixedAttributes = false;
        while (true) {
            int spaced = i;
            while (i < end && isSpace(b[i])) {
                i++;
            }
            if (i >= end) {
                return false;
            }
            byte c = b[i];
            if (c == '>') {
                pos = i + 1;
                pendingEnd = false;
                break;
            }
            if (c == '/') {
                if (i + 1 >= end) {
                    return false;
                }
                if (b[i + 1] != '>') {
                    throw new Unsupported("'/' inside a tag");
                }
                pos = i + 2;
                pendingEnd = true;
                break;
            }
            if (i == spaced || attrCount == MAX_ATTRIBUTES) {
                throw new Unsupported("attributes not separated");
            }
            int a = attrCount++;
            attrNameStart[a] = i;
            i = name(i, end);
            if (i < 0) {
                return false;
            }
            attrNameEnd[a] = i;
            attrLocalStart[a] = lastLocal;
            if (lastLocal != attrNameStart[a]) {
                prefixedAttributes = true;
            }
            while (i < end && isSpace(b[i])) {
                i++;
            }
            if (i >= end) {
                return false;
            }
            if (b[i] != '=') {
                throw new Unsupported("attribute without value");
            }
            i++;
            while (i < end && isSpace(b[i])) {
                i++;
            }
            if (i >= end) {
                return false;
            }
            byte quote = b[i];
            if (quote != '"' && quote != '\'') {
                throw new Unsupported("attribute value not quoted");
            }
            i++;
            attrValueStart[a] = i;
            while (true) {
                while (i < end && PLAIN_VALUE[b[i] & 0xff]) {
                    i++;
                }
                if (i >= end) {
                    return false;
                }
                byte v = b[i];
                if (v == quote) {
                    break;
                }
                if (v == '"' || v == '\'' || v == '\t' || v == '\n' || v == '\r') {
                    i++;
                } else if (v == '&') {
                    if (end - i < 12 && !eof) {
                        return false;
                    }
                    i = reference(i, end, false);
                } else if ((v & 0xff) >= 0x80) {
                    if (end - i < 4 && !eof) {
                        return false;
                    }
                    i = utf8(i, end, false);
                } else {
                    throw new Unsupported("a character XML does not allow in an attribute");
                }
            }
            attrValueEnd[a] = i;
            i++;
            for (int other = 0; other < a; other++) {
                // compared by local name: two prefixes may name one namespace, which a parser refuses too
                if (sameBytes(attrLocalStart[other], attrNameEnd[other], attrLocalStart[a], attrNameEnd[a])) {
                    throw new Unsupported("an attribute twice");
                }
            }
        }
        return true;
    }

    private boolean sameBytes(int aStart, int aEnd, int bStart, int bEnd) {
        int length = aEnd - aStart;
        if (length != bEnd - bStart) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (buf[aStart + k] != buf[bStart + k]) {
                return false;
            }
        }
        return true;
    }

    private void endTag() throws IOException {
        settleClose();
        while (true) {
            int end = lim;
            byte[] q = open[depth];
            int length = depth == 0 ? -1 : openLength[depth];
            int i = pos + 2;
            if (length < 0) {
                throw new Unsupported("an end tag without a start");
            }
            if (i + length >= end) {
                if (!more(MAX_TAG)) {
                    throw new Unsupported("the part ends inside a tag");
                }
                continue;
            }
            for (int k = 0; k < length; k++) {
                if (buf[i + k] != q[k]) {
                    throw new Unsupported("end tag does not match its start");
                }
            }
            i += length;
            while (i < end && isSpace(buf[i])) {
                i++;
            }
            if (i >= end) {
                if (!more(MAX_TAG)) {
                    throw new Unsupported("the part ends inside a tag");
                }
                continue;
            }
            if (buf[i] != '>') {
                throw new Unsupported("end tag does not match its start");
            }
            pos = i + 1;
            closeElement();
            return;
        }
    }

    private void pushElement() {
        depth++;
        if (depth >= MAX_DEPTH) {
            throw new Unsupported("elements nested too deep");
        }
        if (depth >= open.length) {
            open = Arrays.copyOf(open, open.length * 2);
            openLength = Arrays.copyOf(openLength, openLength.length * 2);
        }
        int length = nameEnd - nameStart;
        byte[] name = open[depth];
        if (name == null || name.length < length) {
            name = new byte[Math.max(16, length)];
            open[depth] = name;
        }
        System.arraycopy(buf, nameStart, name, 0, length);
        openLength[depth] = length;
    }

    /** Called once the end of the element at {@link #depth} has been returned: its prefixes go out of scope. */
    private void closeElement() {
        // The END just returned is for open[depth]; endIs() reads it, so the depth drops on the next call.
        pendingClose = true;
    }

    private boolean pendingClose;

    private void settleClose() {
        if (pendingClose) {
            pendingClose = false;
            while (prefixCount > 0 && prefixDepth[prefixCount - 1] == depth) {
                prefixCount--;
            }
            depth--;
            if (depth == 0) {
                rootEnded = true;
            }
        }
    }

    /** Where the local part of the name last read starts. */
    private int lastLocal;

    /** Reads an XML name (ASCII only) from i; returns where it ends, or -1 when the buffer ends inside it. */
    private int name(int i, int end) {
        byte[] b = buf;
        int start = i;
        int colon = -1;
        while (i < end) {
            byte c = b[i];
            if (NAME[c & 0xff]) {
                i++;
            } else if (c == ':' && colon < 0) {
                colon = i;
                i++;
            } else {
                break;
            }
        }
        if (i >= end) {
            return -1;
        }
        byte after = b[i];
        if (i == start || !NAME_START[b[start] & 0xff] || colon == i - 1
                || (colon >= 0 && !NAME_START[b[colon + 1] & 0xff])
                || !(isSpace(after) || after == '/' || after == '=' || after == '>')) {
            throw new Unsupported("a name Sluice does not read");
        }
        lastLocal = colon < 0 ? start : colon + 1;
        return i;
    }

    private static final boolean[] NAME = new boolean[256];
    private static final boolean[] NAME_START = new boolean[256];
    /** Bytes that stand for themselves in an attribute value (the quotes are handled apart). */
    private static final boolean[] PLAIN_VALUE = new boolean[256];
    /** Bytes that stand for themselves in text. */
    private static final boolean[] PLAIN_TEXT = new boolean[256];

    static {
        for (int c = 0; c < 128; c++) {
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            NAME_START[c] = letter;
            NAME[c] = letter || (c >= '0' && c <= '9') || c == '-' || c == '.';
            PLAIN_VALUE[c] = c >= 0x20 && c != '&' && c != '<' && c != '"' && c != '\'';
            PLAIN_TEXT[c] = c >= 0x20 && c != '&' && c != '<' && c != ']';
        }
    }

    private boolean isXmlns(int a) {
        int start = attrNameStart[a];
        int length = attrLocalStart[a] - start;
        return (length == 6 && buf[start] == 'x' && buf[start + 1] == 'm' && buf[start + 2] == 'l'
                && buf[start + 3] == 'n' && buf[start + 4] == 's' && buf[start + 5] == ':')
                || (attrLocalStart[a] == start && attrNameEnd[a] - start == 5 && buf[start] == 'x'
                && buf[start + 1] == 'm' && buf[start + 2] == 'l' && buf[start + 3] == 'n' && buf[start + 4] == 's');
    }

    private void declarePrefixes() {
        for (int a = 0; a < attrCount; a++) {
            if (attrLocalStart[a] != attrNameStart[a] && isXmlns(a)) {
                String prefix = new String(buf, attrLocalStart[a], attrNameEnd[a] - attrLocalStart[a],
                        java.nio.charset.StandardCharsets.US_ASCII);
                if (attrValueEnd[a] == attrValueStart[a] || prefix.startsWith("xml")) {
                    throw new Unsupported("a namespace declaration Sluice does not read");
                }
                if (prefixCount == prefixes.length) {
                    prefixes = Arrays.copyOf(prefixes, prefixCount * 2);
                    prefixDepth = Arrays.copyOf(prefixDepth, prefixCount * 2);
                }
                prefixes[prefixCount] = prefix;
                prefixDepth[prefixCount] = depth;
                prefixCount++;
            }
        }
    }

    private void checkPrefix(int start, int local, boolean attribute) {
        if (local == start) {
            return;
        }
        int length = local - 1 - start;
        if (attribute && length == 3 && buf[start] == 'x' && buf[start + 1] == 'm' && buf[start + 2] == 'l') {
            return; // xml:space, xml:lang
        }
        for (int p = prefixCount - 1; p >= 0; p--) {
            if (sameAscii(buf, start, length, prefixes[p])) {
                return;
            }
        }
        throw new Unsupported("an undeclared namespace prefix");
    }

    // ---- text ----

    /** Reads the text up to the next '<' (which is left at pos, with at least one more byte if there is one). */
    private void readText() throws IOException {
        settleClose();
        while (true) {
            if (pos >= lim && !more(0)) {
                throw new Unsupported("the part ends before its root element does");
            }
            int b = buf[pos] & 0xff;
            if (b == '<') {
                return;
            }
            if (depth == 0 && !isSpace((byte) b)) {
                throw new Unsupported("text outside the root element");
            }
            if (PLAIN_TEXT[b]) {
                int run = pos + 1;
                int end = lim;
                byte[] bytes = buf;
                while (run < end && PLAIN_TEXT[bytes[run] & 0xff]) {
                    run++;
                }
                if (collecting) {
                    append(pos, run);
                }
                pos = run;
            } else if (b == '\t' || b == '\n') {
                if (collecting) {
                    appendChar((char) b);
                }
                pos++;
            } else if (b == '\r') {
                ensure(2);
                pos++;
                if (pos < lim && buf[pos] == '\n') {
                    pos++;
                }
                if (collecting) {
                    appendChar('\n');
                }
            } else if (b == ']') {
                ensure(3);
                if (lim - pos >= 3 && buf[pos + 1] == ']' && buf[pos + 2] == '>') {
                    throw new Unsupported("']]>' in text");
                }
                if (collecting) {
                    appendChar(']');
                }
                pos++;
            } else if (b == '&') {
                ensure(12);
                pos = reference(pos, lim, collecting);
            } else if (b >= 0x80) {
                ensure(4);
                pos = utf8(pos, lim, collecting);
            } else {
                throw new Unsupported("a character XML does not allow");
            }
        }
    }

    /** A comment, a CDATA section, or (refused) a DOCTYPE or other declaration. */
    private void markup() throws IOException {
        settleClose();
        ensure(9);
        if (lim - pos >= 4 && buf[pos + 2] == '-' && buf[pos + 3] == '-') {
            int end = find((byte) '-', (byte) '-', pos + 4);
            ensure(end - pos + 3);
            end = find((byte) '-', (byte) '-', pos + 4);
            if (end + 2 >= lim || buf[end + 2] != '>') {
                throw new Unsupported("'--' inside a comment");
            }
            checkChars(pos + 4, end);
            pos = end + 3;
            return;
        }
        if (depth > 0 && lim - pos >= 9 && buf[pos + 2] == '[' && buf[pos + 3] == 'C' && buf[pos + 4] == 'D'
                && buf[pos + 5] == 'A' && buf[pos + 6] == 'T' && buf[pos + 7] == 'A' && buf[pos + 8] == '[') {
            pos += 9;
            while (true) {
                ensure(4);
                if (pos >= lim) {
                    throw new Unsupported("the part ends inside CDATA");
                }
                int b = buf[pos] & 0xff;
                if (b == ']' && lim - pos >= 3 && buf[pos + 1] == ']' && buf[pos + 2] == '>') {
                    pos += 3;
                    return;
                }
                if (b == '\r') {
                    ensure(2);
                    pos++;
                    if (pos < lim && buf[pos] == '\n') {
                        pos++;
                    }
                    if (collecting) {
                        appendChar('\n');
                    }
                } else if (b >= 0x80) {
                    pos = utf8(pos, lim, collecting);
                } else if (b >= 0x20 || b == '\t' || b == '\n') {
                    if (collecting) {
                        appendChar((char) b);
                    }
                    pos++;
                } else {
                    throw new Unsupported("a character XML does not allow");
                }
            }
        }
        throw new Unsupported("a declaration Sluice does not read (DOCTYPE or similar)");
    }

    private void checkChars(int start, int end) {
        int i = start;
        while (i < end) {
            int b = buf[i] & 0xff;
            if (b >= 0x80) {
                i = utf8(i, end, false);
            } else if (b >= 0x20 || b == '\t' || b == '\n' || b == '\r') {
                i++;
            } else {
                throw new Unsupported("a character XML does not allow");
            }
        }
    }

    /** The offset of the two bytes {@code a b} from {@code from}, refilling as needed; fails at the end. */
    private int find(byte a, byte b, int from) throws IOException {
        int i = from;
        while (true) {
            while (i + 1 < lim) {
                if (buf[i] == a && buf[i + 1] == b) {
                    return i;
                }
                i++;
            }
            int offset = i - pos;
            if (!more(MAX_TAG)) {
                throw new Unsupported("the part ends inside markup");
            }
            i = pos + offset;
        }
    }

    /** A reference at i ({@code &name;}, {@code &#n;}, {@code &#xh;}); returns the offset after it. */
    private int reference(int i, int end, boolean keep) {
        int semicolon = -1;
        for (int j = i + 1; j < end && j < i + 12; j++) {
            if (buf[j] == ';') {
                semicolon = j;
                break;
            }
        }
        if (semicolon < 0) {
            throw new Unsupported("a reference Sluice does not read");
        }
        int length = semicolon - i - 1;
        int code;
        if (length >= 2 && buf[i + 1] == '#') {
            code = 0;
            boolean hex = buf[i + 2] == 'x';
            int from = hex ? i + 3 : i + 2;
            if (from == semicolon) {
                throw new Unsupported("an empty character reference");
            }
            for (int j = from; j < semicolon; j++) {
                int digit = Character.digit(buf[j], hex ? 16 : 10);
                if (digit < 0) {
                    throw new Unsupported("a character reference Sluice does not read");
                }
                code = code * (hex ? 16 : 10) + digit;
            }
            if (!(code == 0x9 || code == 0xA || code == 0xD || (code >= 0x20 && code <= 0xD7FF)
                    || (code >= 0xE000 && code <= 0xFFFD) || (code >= 0x10000 && code <= 0x10FFFF))) {
                throw new Unsupported("a reference to a character XML does not allow");
            }
        } else if (entity(i + 1, length, "amp")) {
            code = '&';
        } else if (entity(i + 1, length, "lt")) {
            code = '<';
        } else if (entity(i + 1, length, "gt")) {
            code = '>';
        } else if (entity(i + 1, length, "quot")) {
            code = '"';
        } else if (entity(i + 1, length, "apos")) {
            code = '\'';
        } else {
            throw new Unsupported("an entity that is not declared");
        }
        if (keep) {
            appendCode(code);
        }
        return semicolon + 1;
    }

    private boolean entity(int start, int length, String name) {
        return sameAscii(buf, start, length, name);
    }

    /** Whether {@code length} bytes from {@code start} are {@code text}, a name or value in ASCII. */
    private static boolean sameAscii(byte[] bytes, int start, int length, String text) {
        if (length != text.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** One UTF-8 sequence at i, checked (no overlong form, no surrogate, no U+FFFE/U+FFFF); returns its end. */
    private int utf8(int i, int end, boolean keep) {
        int b = buf[i] & 0xff;
        int need;
        int code;
        int min;
        if (b >= 0xC2 && b <= 0xDF) {
            need = 1;
            code = b & 0x1F;
            min = 0x80;
        } else if (b >= 0xE0 && b <= 0xEF) {
            need = 2;
            code = b & 0x0F;
            min = 0x800;
        } else if (b >= 0xF0 && b <= 0xF4) {
            need = 3;
            code = b & 0x07;
            min = 0x10000;
        } else {
            throw new Unsupported("bytes that are not UTF-8");
        }
        if (i + need >= end) {
            throw new Unsupported("bytes that are not UTF-8");
        }
        for (int k = 1; k <= need; k++) {
            int c = buf[i + k] & 0xff;
            if ((c & 0xC0) != 0x80) {
                throw new Unsupported("bytes that are not UTF-8");
            }
            code = (code << 6) | (c & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) || code == 0xFFFE
                || code == 0xFFFF) {
            throw new Unsupported("bytes that are not UTF-8 characters XML allows");
        }
        if (keep) {
            appendCode(code);
        }
        return i + need + 1;
    }

    private void append(int start, int end) {
        int length = end - start;
        if (textLength + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
        }
        char[] t = text;
        int n = textLength;
        byte[] b = buf;
        for (int i = start; i < end; i++) {
            t[n++] = (char) b[i];
        }
        textLength = n;
    }

    private void appendChar(char c) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = c;
    }

    private void appendCode(int code) {
        if (code >= 0x10000) {
            appendChar(Character.highSurrogate(code));
            appendChar(Character.lowSurrogate(code));
        } else {
            appendChar((char) code);
        }
    }

    // ---- the buffer ----

    /** Makes at least n bytes available from pos unless the part ends first; false if none are left at all. */
    private boolean ensure(int n) throws IOException {
        while (lim - pos < n) {
            if (!more(0)) {
                return lim > pos;
            }
        }
        return true;
    }

    /** Reads more bytes after lim, keeping everything from pos; false at the end of the part. */
    private boolean more(int maxKept) throws IOException {
        if (eof) {
            return false;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            shiftAttributes(pos);
            pos = 0;
        }
        if (lim == buf.length) {
            if (maxKept > 0 && buf.length >= maxKept) {
                throw new Unsupported("a tag longer than Sluice reads");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, lim, buf.length - lim);
        if (n < 0) {
            eof = true;
            return false;
        }
        lim += n;
        return true;
    }

    private void shiftAttributes(int by) {
        // a tag is always wholly in the buffer before its offsets are taken; nothing to shift mid-tag
        nameStart -= by;
        nameEnd -= by;
        localStart -= by;
        for (int a = 0; a < attrCount; a++) {
            attrNameStart[a] -= by;
            attrNameEnd[a] -= by;
            attrLocalStart[a] -= by;
            attrValueStart[a] -= by;
            attrValueEnd[a] -= by;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
