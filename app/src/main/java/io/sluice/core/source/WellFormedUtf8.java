package io.sluice.core.source;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether bytes are well-formed UTF-8, judged as the JDK's UTF-8 decoder judges them (Unicode's table of well-formed
 * byte sequences: no overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut off at the end), without
 * decoding them into characters. Eight ASCII bytes are passed over at a time, so a mostly-ASCII file costs a fraction
 * of a decode.
 */
final class WellFormedUtf8 {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private WellFormedUtf8() {
    }

    /** Reads the stream to its end (not closed) unless a byte proves it is not UTF-8. */
    static boolean check(InputStream in) throws IOException {
        byte[] buf = new byte[BUFFER_BYTES];
        int carried = 0;
        while (true) {
            int read = in.read(buf, carried, buf.length - carried);
            if (read < 0) {
                return carried == 0;
            }
            int end = carried + read;
            int i = 0;
            while (i < end) {
                while (i + 8 <= end && ((long) LONGS.get(buf, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i == end) {
                    break;
                }
                int lead = buf[i] & 0xFF;
                if (lead < 0x80) {
                    i++;
                    continue;
                }
                int length = sequenceLength(lead);
                if (length == 0) {
                    return false;
                }
                if (i + length > end) {
                    break;
                }
                if (!continues(lead, buf[i + 1] & 0xFF)) {
                    return false;
                }
                for (int k = 2; k < length; k++) {
                    if ((buf[i + k] & 0xC0) != 0x80) {
                        return false;
                    }
                }
                i += length;
            }
            // A sequence cut by the buffer's end (at most three bytes) is judged with the bytes that follow it.
            carried = end - i;
            if (carried > 0) {
                if (!prefixCanContinue(buf, i, end)) {
                    return false;
                }
                System.arraycopy(buf, i, buf, 0, carried);
            }
        }
    }

    /** Bytes in a sequence that starts with {@code lead}, or 0 when no well-formed sequence starts so. */
    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    /** Whether {@code second} may follow {@code lead}: the ranges that exclude overlongs, surrogates, > U+10FFFF. */
    private static boolean continues(int lead, int second) {
        int low = 0x80;
        int high = 0xBF;
        switch (lead) {
            case 0xE0 -> low = 0xA0;
            case 0xED -> high = 0x9F;
            case 0xF0 -> low = 0x90;
            case 0xF4 -> high = 0x8F;
            default -> {
            }
        }
        return second >= low && second <= high;
    }

    /** Whether the incomplete sequence buf[from, to) is well-formed so far. */
    private static boolean prefixCanContinue(byte[] buf, int from, int to) {
        int lead = buf[from] & 0xFF;
        if (from + 1 < to && !continues(lead, buf[from + 1] & 0xFF)) {
            return false;
        }
        for (int k = from + 2; k < to; k++) {
            if ((buf[k] & 0xC0) != 0x80) {
                return false;
            }
        }
        return true;
    }
}
