package io.sluice.core.validate;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.sluice.core.SluiceException;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceIssue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the validation report as JSON (format in the README): source, counts, scores, findings per rule and
 * column, and every finding. Findings are spooled to a temporary file as they arrive, so a report of a million
 * rows needs no more heap than a small one.
 */
public final class JsonReportWriter implements Consumer<RowResult>, AutoCloseable {

    public static final String FORMAT = "sluice-report";
    public static final int VERSION = 1;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private final Path spool;
    private final JsonGenerator spoolWriter;
    private long spooled;

    public JsonReportWriter() {
        try {
            spool = Files.createTempFile("sluice-findings", ".jsonl");
            spoolWriter = JsonFactory.builder().build()
                    .createGenerator(Files.newOutputStream(spool), JsonEncoding.UTF8);
            spoolWriter.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the report findings", e);
        }
    }

    @Override
    public void accept(RowResult row) {
        try {
            for (Finding f : row.findings()) {
                writeFinding(spoolWriter, f);
                spoolWriter.writeRaw('\n');
                spooled++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report findings to " + spool, e);
        }
    }

    /** Writes the whole report to {@code out} (not closed). */
    public void write(ReportSource source, ValidationSummary summary, List<SourceIssue> sourceIssues, Writer out) {
        write(source, summary, sourceIssues, List.of(), out);
    }

    /** Writes the whole report to {@code out} (not closed), with the profile's quality gates measured. */
    public void write(ReportSource source, ValidationSummary summary, List<SourceIssue> sourceIssues,
                      List<GateResult> gates, Writer out) {
        try {
            spoolWriter.flush();
            JsonGenerator g = JSON.createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            writeSource(g, source);
            writeCounts(g, summary);
            g.writeObjectFieldStart("scores");
            g.writeNumberField("completeness", summary.scores().completeness());
            g.writeNumberField("validity", summary.scores().validity());
            g.writeNumberField("uniqueness", summary.scores().uniqueness());
            g.writeNumberField("overall", summary.scores().overall());
            g.writeEndObject();
            writeGates(g, gates);
            writeCounts(g, "byRule", summary.byRule());
            writeCounts(g, "byColumn", summary.byColumn());
            g.writeArrayFieldStart("sourceIssues");
            for (SourceIssue issue : sourceIssues) {
                g.writeStartObject();
                g.writeStringField("kind", issue.kind());
                if (issue.row() > 0) {
                    g.writeNumberField("row", issue.row());
                }
                g.writeStringField("column", issue.column());
                g.writeStringField("message", issue.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            try (BufferedReader lines = Files.newBufferedReader(spool, StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    g.writeRawValue(line);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw SluiceException.input("Cannot write the report: " + e.getMessage(), e);
        }
    }

    /** Number of findings received so far. */
    public long findings() {
        return spooled;
    }

    private static void writeSource(JsonGenerator g, ReportSource s) throws IOException {
        g.writeObjectFieldStart("source");
        g.writeStringField("path", s.path());
        g.writeStringField("sha256", s.sha256());
        g.writeStringField("format", s.format());
        g.writeStringField("sheet", s.sheet());
        g.writeNumberField("headerRow", s.headerRow());
        g.writeEndObject();
        g.writeObjectFieldStart("profile");
        g.writeStringField("name", s.profileName());
        if (s.profilePath() != null) {
            g.writeStringField("path", s.profilePath());
        }
        g.writeStringField("sha256", s.profileSha256());
        g.writeEndObject();
        g.writeObjectFieldStart("target");
        g.writeStringField("url", s.target());
        g.writeStringField("table", s.table());
        g.writeEndObject();
    }

    private static void writeCounts(JsonGenerator g, ValidationSummary s) throws IOException {
        g.writeObjectFieldStart("counts");
        g.writeNumberField("rows", s.rows());
        g.writeNumberField("valid", s.valid());
        g.writeNumberField("withErrors", s.withErrors());
        g.writeNumberField("withWarnings", s.withWarnings());
        g.writeNumberField("errors", s.errors());
        g.writeNumberField("warnings", s.warnings());
        g.writeEndObject();
    }

    private static void writeCounts(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    /** The {@code gates} array of a report, as every report format of Sluice writes it. */
    public static void writeGates(JsonGenerator g, List<GateResult> gates) throws IOException {
        g.writeArrayFieldStart("gates");
        for (GateResult r : gates) {
            g.writeStartObject();
            g.writeStringField("metric", r.metric());
            g.writeStringField("unit", r.unit());
            if (r.min() != null) {
                g.writeNumberField("min", r.min());
            }
            if (r.max() != null) {
                g.writeNumberField("max", r.max());
            }
            g.writeStringField("action", r.action());
            if (r.measured() != null) {
                g.writeNumberField("measured", r.measured());
            }
            g.writeStringField("status", r.status().code());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void writeFinding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("row", f.row());
        g.writeStringField("column", f.column());
        g.writeStringField("cell", f.cell());
        g.writeStringField("target", f.target());
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        g.writeStringField("value", f.value());
        g.writeEndObject();
    }

    @Override
    public void close() {
        try {
            spoolWriter.close();
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the temporary file " + spool, e);
        }
    }
}
