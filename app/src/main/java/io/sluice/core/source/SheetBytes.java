package io.sluice.core.source;

import org.apache.commons.compress.utils.InputStreamStatistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * The inflated bytes of one worksheet, handed from the thread that inflates and checks them ({@link SheetPartScan})
 * to the reader that parses them, in a few chunks at a time so that memory stays bounded. The reader may stop taking
 * them at any point ({@link #abandon}): the inflating thread then goes on checking the rest of the part on its own.
 */
final class SheetBytes extends InputStream implements InputStreamStatistics {

    /** At most this many chunks wait for the reader: about half a megabyte. */
    private static final int CAPACITY = 8;

    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>(CAPACITY);
    private final ArrayDeque<Integer> lengths = new ArrayDeque<>(CAPACITY);
    /** Chunks the reader has read, for the inflating thread to fill again instead of making new ones. */
    private final ArrayDeque<byte[]> empty = new ArrayDeque<>(CAPACITY);
    private boolean ended;
    private boolean abandoned;
    private IOException failure;
    private byte[] current;
    private int currentLength;
    private int position;
    private long handed;

    /**
     * Hands a chunk to the reader, waiting while the reader is behind; returns false when the reader has abandoned
     * the bytes (the chunk is then dropped).
     */
    synchronized boolean put(byte[] chunk, int length) throws InterruptedException {
        while (!abandoned && chunks.size() >= CAPACITY) {
            wait();
        }
        if (abandoned) {
            return false;
        }
        chunks.add(chunk);
        lengths.add(length);
        notifyAll();
        return true;
    }

    /** A chunk to fill: one the reader has finished with, or a new one. */
    synchronized byte[] emptyChunk(int size) {
        byte[] chunk = empty.poll();
        return chunk != null && chunk.length == size ? chunk : new byte[size];
    }

    /** The part has been handed over completely. */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    /** The part may not be read on: the reader's next read fails with {@code reason}. */
    synchronized void fail(IOException reason) {
        failure = reason;
        ended = true;
        chunks.clear();
        lengths.clear();
        notifyAll();
    }

    /** The reader takes no more bytes: the inflating thread no longer waits for it. */
    synchronized void abandon() {
        abandoned = true;
        chunks.clear();
        lengths.clear();
        notifyAll();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (current == null || position == currentLength) {
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(length, currentLength - position);
        System.arraycopy(current, position, into, offset, n);
        position += n;
        handed += n;
        return n;
    }

    /** What the reader has read; the zip-bomb limits were applied to these bytes on the inflating thread. */
    @Override
    public long getCompressedCount() {
        return handed;
    }

    @Override
    public long getUncompressedCount() {
        return handed;
    }

    private synchronized boolean nextChunk() throws IOException {
        while (chunks.isEmpty() && !ended && !abandoned) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("reading the sheet was interrupted");
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (abandoned) {
            // never a silent end of the sheet: the reader reads on from elsewhere (XlsxRows) or fails
            throw new IOException("the sheet's bytes are no longer handed to the reader");
        }
        if (chunks.isEmpty()) {
            current = null;
            return false;
        }
        if (current != null && empty.size() < CAPACITY) {
            empty.add(current); // read to its end: the inflating thread may fill it again
        }
        current = chunks.poll();
        currentLength = lengths.poll();
        position = 0;
        notifyAll();
        return true;
    }

    @Override
    public void close() {
        abandon();
    }
}
