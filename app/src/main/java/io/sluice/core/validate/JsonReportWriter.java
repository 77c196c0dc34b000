package io.sluice.core.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.sluice.core.SluiceException;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceIssue;

import java.io.IOException;
import java.io.Writer;
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

    private final FindingSpool spool = new FindingSpool("sluice-findings");

    @Override
    public void accept(RowResult row) {
        if (!row.findings().isEmpty()) {
            spool(row.findings());
        }
    }

    // Apart from accept(), which sees every row, so that the compiler does not build JSON writing into it.
    private void spool(List<Finding> findings) {
        for (Finding f : findings) {
            spool.add(FindingSpool.LeadingFields.NONE, f);
        }
    }

    /**
     * Writes {@code unmappedColumns} and {@code sluiceColumns}, each an array of headers (always, empty when none):
     * the same two fields in every report and summary that names them.
     */
    public static void writeUnmapped(JsonGenerator g, UnmappedColumns unmapped) throws IOException {
        g.writeArrayFieldStart("unmappedColumns");
        for (String column : unmapped.columns()) {
            g.writeString(column);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sluiceColumns");
        for (String column : unmapped.sluiceColumns()) {
            g.writeString(column);
        }
        g.writeEndArray();
    }

    /** Writes the whole report to {@code out} (not closed). */
    public void write(ReportSource source, ValidationSummary summary, List<SourceIssue> sourceIssues, Writer out) {
        write(source, summary, sourceIssues, List.of(), out);
    }

    /** Writes the whole report to {@code out} (not closed), with the profile's quality gates measured. */
    public void write(ReportSource source, ValidationSummary summary, List<SourceIssue> sourceIssues,
                      List<GateResult> gates, Writer out) {
        write(source, summary, sourceIssues, UnmappedColumns.none(null), gates, out);
    }

    /**
     * Writes the whole report to {@code out} (not closed), with the file's columns the profile does not map (a column
     * the sender added since the profile was made, and those Sluice added to a workbook it sent back) and the
     * profile's quality gates measured.
     */
    public void write(ReportSource source, ValidationSummary summary, List<SourceIssue> sourceIssues,
                      UnmappedColumns unmapped, List<GateResult> gates, Writer out) {
        write(source, summary, sourceIssues, unmapped, ReturnedRows.NONE, gates, out);
    }

    /**
     * As above, with the rows that came back from a workbook Sluice sent back ({@code returnedRows}: their count and
     * the first of their {@code Sluice row} values), written when there are any.
     */
    public void write(ReportSource source, ValidationSummary summary, List<SourceIssue> sourceIssues,
                      UnmappedColumns unmapped, ReturnedRows returned, List<GateResult> gates, Writer out) {
        try {
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
            writeUnmapped(g, unmapped);
            if (returned.rows() > 0) {
                g.writeObjectFieldStart("returnedRows");
                g.writeNumberField("rows", returned.rows());
                g.writeArrayFieldStart("first");
                for (String row : returned.sluiceRows()) {
                    g.writeString(row);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            spool.writeArray(g);
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw SluiceException.input("Cannot write the report: " + e.getMessage(), e);
        }
    }

    /** Number of findings received so far. */
    public long findings() {
        return spool.count();
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

    /** A finding's own fields (row, column, cell, target, rule, severity, message, value), in report order. */
    static void writeFindingFields(JsonGenerator g, Finding f) throws IOException {
        g.writeNumberField("row", f.row());
        g.writeStringField("column", f.column());
        g.writeStringField("cell", f.cell());
        g.writeStringField("target", f.target());
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("message", f.message());
        g.writeStringField("value", f.value());
    }

    @Override
    public void close() {
        spool.close();
    }
}
