package io.sluice.core.source;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How a CSV file is written: its encoding (BOM, else valid UTF-8, else Windows-1252), the length of its byte order
 * mark, and its delimiter (the candidate that splits the first records into the most consistent field counts).
 *
 * @param charset   the encoding to decode with
 * @param bomLength bytes of byte order mark to skip (0 when none)
 * @param delimiter the field separator
 * @param fallback  true when the bytes were not valid UTF-8 and Windows-1252 was assumed
 */
record CsvDialect(Charset charset, int bomLength, char delimiter, boolean fallback) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_RECORDS = 50;
    private static final char[] CANDIDATES = {',', ';', '\t', '|'};

    static CsvDialect detect(Path file, SourceOptions options) {
        byte[] head = head(file);
        int bom = 0;
        Charset bomCharset = null;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
            bomCharset = StandardCharsets.UTF_8;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            bom = 2;
            bomCharset = StandardCharsets.UTF_16LE;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            bom = 2;
            bomCharset = StandardCharsets.UTF_16BE;
        }
        Charset charset;
        boolean fallback = false;
        if (options.encoding() != null) {
            charset = options.encoding();
            Charset marked = bomCharset;
            refuseUnlikely(file, head, bom, charset, options.delimiter(), () -> marked != null ? marked
                    : utf16WithoutBom(head) != null ? utf16WithoutBom(head)
                    : isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252);
        } else if (bomCharset != null) {
            charset = bomCharset;
        } else if (utf16WithoutBom(head) != null) {
            charset = utf16WithoutBom(head);
        } else {
            for (byte b : head) {
                if (b == 0) {
                    throw Problems.input(file, "is not a spreadsheet or a text file (it holds binary data)");
                }
            }
            fallback = !isUtf8(file);
            charset = fallback ? WINDOWS_1252 : StandardCharsets.UTF_8;
        }
        char delimiter = options.delimiter() != null
                ? options.delimiter()
                : detectDelimiter(sample(head, bom, charset, head.length == SAMPLE_BYTES), preferTab(file));
        return new CsvDialect(charset, bom, delimiter, fallback);
    }

    /**
     * Refuses a chosen encoding the bytes cannot be: the start of the file decodes to mostly NUL or undecodable
     * characters, or, read past its first line, to text without a single line break or field delimiter (UTF-8 read as
     * UTF-16 decodes to CJK characters that are all valid, but never to a comma or a line break).
     */
    private static void refuseUnlikely(Path file, byte[] head, int bom, Charset chosen, Character delimiter,
                                       Supplier<Charset> detected) {
        String text = new String(head, bom, head.length - bom, chosen);
        if (text.isEmpty()) {
            return;
        }
        long broken = text.chars().filter(c -> c == 0 || c == '\uFFFD').count();
        boolean unseparated = !separated(text, delimiter) && text.length() > 8;
        Charset found = broken * 10 > text.length() || unseparated ? detected.get() : chosen;
        // a file of one long line without a delimiter is no sign: only one that has them in another encoding
        if (broken * 10 > text.length() || unseparated && !found.equals(chosen)
                && separated(new String(head, bom, head.length - bom, found), delimiter)) {
            String why = broken * 10 > text.length() ? "mostly NUL or undecodable characters"
                    : "no line break or field delimiter";
            throw Problems.input(file, "it cannot be " + chosen.name() + " (read so, it holds " + why + ")"
                    + (found.equals(chosen) ? "" : "; its bytes read as " + found.name() + ": give that encoding, or"
                    + " none to have it detected"));
        }
    }

    private static boolean separated(String text, Character delimiter) {
        return text.chars().anyMatch(c -> c == '\n' || c == '\r' || (delimiter == null
                ? c == ',' || c == ';' || c == '\t' || c == '|' : c == delimiter));
    }

    /**
     * UTF-16 written without a byte order mark (some database and Windows exports): text that is mostly Latin has a
     * zero byte in every other place, after each character (little-endian) or before it (big-endian).
     */
    static Charset utf16WithoutBom(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 2) {
            return null;
        }
        int zeroFirst = 0;
        int zeroSecond = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            zeroFirst += head[i] == 0 ? 1 : 0;
            zeroSecond += head[i + 1] == 0 ? 1 : 0;
        }
        if (zeroFirst == 0 && zeroSecond * 10 >= pairs * 6) {
            return StandardCharsets.UTF_16LE;
        }
        if (zeroSecond == 0 && zeroFirst * 10 >= pairs * 6) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        } catch (IOException e) {
            throw Problems.input(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the whole file is well-formed UTF-8; one pass, stops at the first bad byte. */
    private static boolean isUtf8(Path file) {
        try (InputStream stream = Files.newInputStream(file)) {
            return WellFormedUtf8.check(stream);
        } catch (IOException e) {
            throw Problems.input(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static String sample(byte[] head, int bom, Charset charset, boolean truncated) {
        String text = new String(head, bom, head.length - bom, charset);
        if (truncated) {
            int lastBreak = text.lastIndexOf('\n');
            if (lastBreak > 0) {
                text = text.substring(0, lastBreak + 1);
            }
        }
        return text;
    }

    private static boolean preferTab(Path file) {
        String name = Problems.name(file).toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".tab");
    }

    /** The candidate whose field counts agree best over the first records, more fields winning a tie. */
    static char detectDelimiter(String sample, boolean preferTab) {
        char best = preferTab ? '\t' : ',';
        double bestConsistency = 0;
        int bestFields = 1;
        for (char candidate : CANDIDATES) {
            Map<Integer, Integer> counts = fieldCounts(sample, candidate);
            int records = 0;
            int mode = 0;
            int modeFrequency = 0;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                records += e.getValue();
                if (e.getValue() > modeFrequency || (e.getValue() == modeFrequency && e.getKey() > mode)) {
                    mode = e.getKey();
                    modeFrequency = e.getValue();
                }
            }
            if (mode < 2) {
                continue;
            }
            double consistency = (double) modeFrequency / records;
            boolean better = consistency > bestConsistency + 1e-9
                    || (Math.abs(consistency - bestConsistency) <= 1e-9 && mode > bestFields);
            if (better) {
                best = candidate;
                bestConsistency = consistency;
                bestFields = mode;
            }
        }
        return best;
    }

    private static Map<Integer, Integer> fieldCounts(String sample, char delimiter) {
        Map<Integer, Integer> counts = new HashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .allowExtraCharsAfterClosingQuote(true)
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(sample)) {
            int seen = 0;
            for (CsvRecord record : reader) {
                counts.merge(record.getFieldCount(), 1, Integer::sum);
                if (++seen == SAMPLE_RECORDS) {
                    break;
                }
            }
        } catch (CsvParseException | IOException e) {
            // The sample may end inside a quoted field; the records counted so far are evidence enough.
            return counts;
        }
        return counts;
    }
}
