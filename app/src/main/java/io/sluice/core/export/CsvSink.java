package io.sluice.core.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import io.sluice.core.SluiceException;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A FastCSV writer on a file or a caller's stream, with the BOM and dialect of {@link CsvOptions}. */
final class CsvSink implements AutoCloseable {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CsvWriter csv;
    private final String name;
    private boolean closed;

    private CsvSink(OutputStream out, String name, CsvOptions options) throws IOException {
        this.name = name;
        if (options.bom()) {
            out.write(UTF8_BOM);
        }
        CsvWriter.CsvWriterBuilder builder = CsvWriter.builder()
                .fieldSeparator(options.delimiter())
                .lineDelimiter(options.lineEnding().equals(CsvOptions.LF) ? LineDelimiter.LF : LineDelimiter.CRLF);
        if (options.quoting() == CsvOptions.Quoting.ALL) {
            builder.quoteStrategy(QuoteStrategies.ALWAYS);
        }
        this.csv = builder.build(out, StandardCharsets.UTF_8);
    }

    static CsvSink open(Path file, CsvOptions options) {
        OutputStream out = null;
        try {
            out = new BufferedOutputStream(Files.newOutputStream(file));
            return new CsvSink(out, file.toString(), options);
        } catch (IOException e) {
            closeQuietly(out);
            throw failure(file.toString(), e);
        }
    }

    /** Writes to a caller's stream, which is flushed but left open on {@link #close()}. */
    static CsvSink open(OutputStream out, CsvOptions options) {
        try {
            return new CsvSink(new KeepOpen(out), "the output stream", options);
        } catch (IOException e) {
            throw failure("the output stream", e);
        }
    }

    void record(String... fields) {
        try {
            csv.writeRecord(fields);
        } catch (UncheckedIOException e) {
            throw failure(name, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            csv.close();
        } catch (IOException | UncheckedIOException e) {
            throw failure(name, e);
        }
    }

    static SluiceException failure(String name, Exception e) {
        return SluiceException.input("Cannot write " + name + ": " + reasonOf(e) + ".", e);
    }

    /** Why a file could not be written, in words: NIO's file exceptions carry only the path as their message. */
    static String reasonOf(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        return cause instanceof NoSuchFileException ? "its folder does not exist"
                : cause instanceof AccessDeniedException ? "permission denied"
                : cause instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void closeQuietly(OutputStream out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the open failure is the one worth reporting
            }
        }
    }

    /** Flushes instead of closing, so a writer on standard output does not close it. */
    static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
