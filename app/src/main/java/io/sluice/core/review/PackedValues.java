package io.sluice.core.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the JSON arrays SQLite's {@code json_array} packs a row's texts into ({@link ApprovedRowCursor}): each value a
 * string or null. SQLite writes such an array without spaces and escapes every quote, backslash and control character
 * in a string, so a string without a backslash holds its text's UTF-8 bytes as they are: those are decoded straight
 * from the array, which costs about a third of a JSON parser's work (decision 0085). An array holding an escape, a
 * byte sequence that is not UTF-8, or anything else goes through one reused non-blocking Jackson parser, which reads
 * any JSON and refuses what is not.
 */
final class PackedValues implements AutoCloseable {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private String[] values = new String[16];

    PackedValues() {
        try {
            parser = JSON.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot make a JSON parser.", e);
        }
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /**
     * Reads one array; its values are then {@link #value(int)} 0 to the count returned.
     *
     * @throws IllegalArgumentException when the bytes are not one JSON array of strings and nulls
     */
    int read(byte[] json) {
        int count = plain(json);
        return count >= 0 ? count : parsed(json);
    }

    /** The {@code i}-th value of the array read last; null for a JSON null. */
    String value(int i) {
        return values[i];
    }

    /** The values of an array as SQLite writes it with no escape in it, or -1 to have the parser read it. */
    private int plain(byte[] json) {
        int n = json.length;
        if (n < 2 || json[0] != '[' || json[n - 1] != ']') {
            return -1;
        }
        int count = 0;
        int at = 1;
        if (at == n - 1) {
            return 0;
        }
        while (true) {
            String value;
            if (json[at] == '"') {
                int start = at + 1;
                int end = start;
                boolean ascii = true;
                byte b;
                while ((b = json[end]) != '"') {
                    if (b == '\\' || b >= 0 && b < 0x20) {
                        return -1;
                    }
                    ascii &= b >= 0;
                    end++;
                    if (end == n) {
                        return -1;
                    }
                }
                value = ascii ? new String(json, start, end - start, StandardCharsets.ISO_8859_1)
                        : new String(json, start, end - start, StandardCharsets.UTF_8);
                if (!ascii && value.indexOf('\uFFFD') >= 0) {
                    return -1; // malformed UTF-8, or a replacement character of its own: the parser decides
                }
                at = end + 1;
            } else if (at + 4 <= n && json[at] == 'n' && json[at + 1] == 'u' && json[at + 2] == 'l'
                    && json[at + 3] == 'l') {
                value = null;
                at += 4;
            } else {
                return -1;
            }
            store(count++, value);
            if (at == n - 1) {
                return count;
            }
            if (json[at] != ',' || at + 1 == n - 1) {
                return -1;
            }
            at++;
        }
    }

    private int parsed(byte[] json) {
        try {
            feeder.feedInput(json, 0, json.length);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalArgumentException("A packed row is not a JSON array.");
            }
            int count = 0;
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null || token == JsonToken.NOT_AVAILABLE || token.isStructStart()) {
                    throw new IllegalArgumentException("A packed row holds more than values.");
                }
                store(count++, token == JsonToken.VALUE_NULL ? null : parser.getText());
            }
            // the array is the whole value: the next one is fed only once this one is used up
            if (parser.nextToken() != JsonToken.NOT_AVAILABLE) {
                throw new IllegalArgumentException("A packed row holds more than one array.");
            }
            return count;
        } catch (IOException e) {
            throw new IllegalArgumentException("A packed row cannot be read back.", e);
        }
    }

    private void store(int i, String value) {
        if (i == values.length) {
            values = Arrays.copyOf(values, 2 * i);
        }
        values[i] = value;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // the parser holds no resource beyond memory
        }
    }
}
