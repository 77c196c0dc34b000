package io.sluice.core.source;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;

/**
 * One deflated part of a package, inflated from 64 KB of compressed input at a time, behind POI's zip-bomb threshold
 * stream with its default limits. The zip library's own stream hands the inflater 512 bytes per call, so a sheet of a
 * million rows took some 200,000 inflate calls more than it needs; the limits are checked on the same counts (the
 * compressed bytes the inflater has consumed, the bytes it has written).
 */
final class DeflatedPartStream extends InputStream implements InputStreamStatistics {

    private static final int INPUT = 64 * 1024;

    private final InputStream raw;
    private final Inflater inflater = new Inflater(true);
    private final byte[] input = new byte[INPUT];
    private boolean rawEnded;
    private boolean closed;

    private DeflatedPartStream(InputStream raw) {
        this.raw = raw;
    }

    /**
     * The inflated bytes of {@code entry}, checked against POI's zip-bomb limits as they are read; an entry that is not
     * deflated is read through the package's own stream, with the same checks.
     */
    static InputStream open(ZipSecureFile zip, ZipArchiveEntry entry) throws IOException {
        if (entry.getMethod() != ZipEntry.DEFLATED) {
            return zip.getInputStream(entry);
        }
        InputStream raw = zip.getRawInputStream(entry);
        if (raw == null) {
            return zip.getInputStream(entry);
        }
        return new ZipArchiveThresholdInputStream(new DeflatedPartStream(raw));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("Stream closed");
        }
        if (length == 0) {
            return 0;
        }
        try {
            while (true) {
                int n = inflater.inflate(into, offset, length);
                if (n > 0) {
                    return n;
                }
                if (inflater.finished() || inflater.needsDictionary()) {
                    return -1;
                }
                if (inflater.needsInput()) {
                    fill();
                }
            }
        } catch (DataFormatException e) {
            String message = e.getMessage();
            throw new ZipException(message != null ? message : "Invalid ZLIB data format");
        }
    }

    private void fill() throws IOException {
        int n = raw.read(input, 0, INPUT);
        if (n <= 0) {
            if (rawEnded) {
                throw new EOFException("Unexpected end of ZLIB input stream");
            }
            // a raw (nowrap) inflater may ask for one byte past the data, as the zip library's stream also gives it
            rawEnded = true;
            input[0] = 0;
            n = 1;
        }
        inflater.setInput(input, 0, n);
    }

    /** The compressed bytes the inflater has consumed (not merely buffered): the zip-bomb ratio's denominator. */
    @Override
    public long getCompressedCount() {
        return inflater.getBytesRead();
    }

    @Override
    public long getUncompressedCount() {
        return inflater.getBytesWritten();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            inflater.end();
            raw.close();
        }
    }
}
