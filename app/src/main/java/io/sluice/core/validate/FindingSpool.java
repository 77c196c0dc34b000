package io.sluice.core.validate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.core.rules.Finding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A report's findings, spooled to a temporary JSON-lines file as they arrive and copied into the report's
 * {@code findings} array at the end, so a report of a million findings needs no more heap than a small one. Every
 * JSON report of Sluice (one table, several tables) keeps its findings this way.
 */
public final class FindingSpool implements AutoCloseable {

    /** Fields a report writes before a finding's own, e.g. the table and sheet it belongs to. */
    @FunctionalInterface
    public interface LeadingFields {

        LeadingFields NONE = g -> { };

        void write(JsonGenerator g) throws IOException;
    }

    private final Path file;
    private final JsonGenerator lines;
    private long count;

    /** A spool in a new temporary file whose name starts with {@code prefix}. */
    public FindingSpool(String prefix) {
        try {
            file = Files.createTempFile(prefix, ".jsonl");
            lines = JsonFactory.builder().build().createGenerator(Files.newOutputStream(file), JsonEncoding.UTF8);
            lines.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the report findings", e);
        }
    }

    /** Spools one finding as a JSON object: {@code leading}'s fields, then the finding's. */
    public void add(LeadingFields leading, Finding finding) {
        try {
            lines.writeStartObject();
            leading.write(lines);
            JsonReportWriter.writeFindingFields(lines, finding);
            lines.writeEndObject();
            lines.writeRaw('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report findings to " + file, e);
        }
    }

    /** Findings spooled so far. */
    public long count() {
        return count;
    }

    /** Writes the {@code findings} array of every finding spooled, in the order they came. */
    public void writeArray(JsonGenerator g) throws IOException {
        lines.flush();
        g.writeArrayFieldStart("findings");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                g.writeRawValue(line);
            }
        }
        g.writeEndArray();
    }

    /** Removes the temporary file. */
    @Override
    public void close() {
        try {
            lines.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary file " + file, e);
        }
    }
}
