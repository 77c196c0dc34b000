package io.sluice.core.source;

import java.io.IOException;
import java.io.Reader;

/**
 * Passes characters through while following the CSV quoting, so that a quote left open can be reported with the line
 * where it opened: the parser names only the line where the record starts. Used on the parser's error path only.
 */
final class QuoteTrackingReader extends Reader {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final Reader in;
    private final char delimiter;
    private int state = FIELD_START;
    private long line = 1;
    private long quoteLine;
    private boolean previousCr;
    private boolean eof;

    QuoteTrackingReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = in.read(buf, off, len);
        if (n < 0) {
            eof = true;
        } else {
            track(buf, off, off + n);
        }
        return n;
    }

    private void track(char[] buf, int from, int to) {
        int s = state;
        long l = line;
        boolean cr = previousCr;
        for (int i = from; i < to; i++) {
            char c = buf[i];
            if (c == '\n') {
                if (!cr) {
                    l++;
                }
                cr = false;
                if (s != QUOTED) {
                    s = FIELD_START;
                }
                continue;
            }
            cr = c == '\r';
            if (cr) {
                l++;
                if (s != QUOTED) {
                    s = FIELD_START;
                }
                continue;
            }
            switch (s) {
                case FIELD_START:
                    if (c == '"') {
                        s = QUOTED;
                        quoteLine = l;
                    } else if (c != delimiter) {
                        s = UNQUOTED;
                    }
                    break;
                case UNQUOTED:
                    if (c == delimiter) {
                        s = FIELD_START;
                    }
                    break;
                case QUOTED:
                    if (c == '"') {
                        s = QUOTE_IN_QUOTED;
                    }
                    break;
                default:
                    s = c == '"' ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
                    break;
            }
        }
        state = s;
        line = l;
        previousCr = cr;
    }

    /** True when the whole input was read and a quoted field was never closed. */
    boolean unterminated() {
        return eof && state == QUOTED;
    }

    /** The line on which the last quoted field opened. */
    long quoteLine() {
        return quoteLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
