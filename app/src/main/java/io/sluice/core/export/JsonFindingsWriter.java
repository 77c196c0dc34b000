package io.sluice.core.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.core.rules.Finding;
import io.sluice.core.tables.TableFinding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Findings as one streamed JSON array; see {@link FindingsWriter#json}. For a workbook onto several tables each object
 * starts with the finding's table and sheet ({@link TableFindingsWriter#json}).
 */
final class JsonFindingsWriter implements FindingsWriter, TableFindingsWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final JsonGenerator g;
    private final String name;
    private long count;
    private boolean closed;

    private JsonFindingsWriter(JsonGenerator g, String name) throws IOException {
        this.g = g;
        this.name = name;
        g.writeStartArray();
    }

    static JsonFindingsWriter open(Path file) {
        OutputStream out = null;
        try {
            out = Files.newOutputStream(file);
            return new JsonFindingsWriter(JSON.createGenerator(out, JsonEncoding.UTF8), file.toString());
        } catch (IOException e) {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the open failure is the one worth reporting
                }
            }
            throw CsvSink.failure(file.toString(), e);
        }
    }

    static JsonFindingsWriter open(OutputStream out) {
        try {
            JsonGenerator g = JSON.createGenerator(new CsvSink.KeepOpen(out), JsonEncoding.UTF8);
            return new JsonFindingsWriter(g, "the output stream");
        } catch (IOException e) {
            throw CsvSink.failure("the output stream", e);
        }
    }

    @Override
    public void write(Finding f) {
        try {
            g.writeStartObject();
            fields(f);
        } catch (IOException e) {
            throw CsvSink.failure(name, e);
        }
        count++;
    }

    @Override
    public void write(TableFinding f) {
        try {
            g.writeStartObject();
            g.writeStringField("table", f.table());
            g.writeStringField("sheet", f.sheet());
            fields(f.finding());
        } catch (IOException e) {
            throw CsvSink.failure(name, e);
        }
        count++;
    }

    /** The finding's own fields, then the end of its object. */
    private void fields(Finding f) throws IOException {
        g.writeNumberField("row", f.row());
        g.writeStringField("column", f.column());
        g.writeStringField("cell", f.cell());
        g.writeStringField("target", f.target());
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.severity() == null ? null : f.severity().label());
        g.writeStringField("message", f.message());
        g.writeStringField("value", f.value());
        g.writeEndObject();
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            g.writeEndArray();
            g.writeRaw('\n');
            g.close();
        } catch (IOException e) {
            throw CsvSink.failure(name, e);
        }
    }
}
