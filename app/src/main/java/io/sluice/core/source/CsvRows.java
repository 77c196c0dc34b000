package io.sluice.core.source;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every record of a CSV file as a raw row of TEXT/BLANK cells, numbered like Excel numbers the rows it shows. */
final class CsvRows implements RawRows {

    private static final Pattern RECORD_LINE = Pattern.compile("\\(record starting at line (\\d+)\\)$");

    private final Path file;
    private final CsvDialect dialect;
    private final CsvReader<CsvRecord> reader;
    private final CloseableIterator<CsvRecord> records;
    private long number;

    CsvRows(Path file, CsvDialect dialect) {
        this.file = file;
        this.dialect = dialect;
        InputStream in = null;
        try {
            in = Files.newInputStream(file);
            in.skipNBytes(dialect.bomLength());
            // The parser reports a quote left open; the line where it opened is found again only then.
            this.reader = CsvReader.builder()
                    .fieldSeparator(dialect.delimiter())
                    .skipEmptyLines(false)
                    .allowUnclosedQuote(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .ofCsvRecord(strictReader(in));
            this.records = reader.iterator();
        } catch (IOException e) {
            closeQuietly(in);
            throw Problems.input(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public RawRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            number++;
            Cell[] cells = new Cell[record.getFieldCount()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = Cell.text(record.getField(i));
            }
            return new RawRow(new SourceRow(number, Arrays.asList(cells)), record.getStartingLineNumber());
        } catch (CsvParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("Unclosed quoted field") || message.startsWith("The maximum buffer size")) {
                long quoteLine = unclosedQuoteLine();
                if (quoteLine > 0) {
                    throw unterminated(quoteLine, e);
                }
            }
            throw malformed(e);
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause());
        }
    }

    private RuntimeException unterminated(long quoteLine, Throwable cause) {
        return Problems.input(file, "the quote opened on line " + quoteLine
                + " is never closed, so the rest of the file cannot be read", cause);
    }

    /**
     * The line where the quote that runs to the end of the file opened, or 0 when every quote closes. A separate pass,
     * only on the parser's error path, so that reading a good file pays nothing for it.
     */
    private long unclosedQuoteLine() {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(dialect.bomLength());
            QuoteTrackingReader tracker = new QuoteTrackingReader(strictReader(in), dialect.delimiter());
            char[] buffer = new char[8192];
            while (tracker.read(buffer, 0, buffer.length) >= 0) {
                // Only the tracker's state matters.
            }
            return tracker.unterminated() ? tracker.quoteLine() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    // Strict decoding: a byte that is not valid in the chosen encoding is an error, never a silent '?'.
    private InputStreamReader strictReader(InputStream in) {
        return new InputStreamReader(in, dialect.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private RuntimeException malformed(CsvParseException e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = RECORD_LINE.matcher(message);
        if (m.find()) {
            String detail = message.substring(0, m.start()).strip();
            return Problems.input(file, "is not valid CSV in the record starting on line " + m.group(1) + " ("
                    + Character.toLowerCase(detail.charAt(0)) + detail.substring(1) + ")", e);
        }
        return Problems.input(file, "is not valid CSV (" + message + ")", e);
    }

    private RuntimeException readFailure(IOException e) {
        if (e instanceof CharacterCodingException) {
            return Problems.input(file, "cannot be decoded as " + dialect.charset().name() + " on line "
                    + firstUndecodableLine() + "; choose the file's encoding", e);
        }
        return Problems.input(file, "could not be read (" + e.getMessage() + ")", e);
    }

    /** The decoder reads ahead, so the failing line is found again by a separate pass (only on this error path). */
    private long firstUndecodableLine() {
        CharsetDecoder decoder = dialect.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(dialect.bomLength());
            ByteBuffer bytes = ByteBuffer.allocate(8192);
            CharBuffer chars = CharBuffer.allocate(8192);
            byte[] chunk = new byte[8192];
            int n;
            boolean end = false;
            while (!end) {
                n = in.read(chunk, 0, bytes.remaining());
                end = n < 0;
                if (n > 0) {
                    bytes.put(chunk, 0, n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                chars.flip();
                while (chars.hasRemaining()) {
                    if (chars.get() == '\n') {
                        line++;
                    }
                }
                chars.clear();
                if (result.isError()) {
                    return line;
                }
                bytes.compact();
            }
        } catch (IOException e) {
            return line;
        }
        return line;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Closing a file that was only read cannot lose data; nothing to tell the steward.
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Already failing with a clearer error.
            }
        }
    }
}
