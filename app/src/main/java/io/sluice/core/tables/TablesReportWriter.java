package io.sluice.core.tables;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import io.sluice.core.SluiceException;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.validate.FindingSpool;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.JsonReportWriter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the report of a workbook validated onto several tables as JSON (format {@value #FORMAT}, see the README):
 * source, profile, target, counts per table and per sheet, gates, and every finding with its table, sheet, row and
 * cell. Findings are spooled to a temporary file as they arrive, so the heap does not grow with their number.
 */
public final class TablesReportWriter implements Consumer<TableFinding>, AutoCloseable {

    public static final String FORMAT = "sluice-tables-report";
    public static final int VERSION = 1;

    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** What the report is about: the workbook, the profile (path may be null) and the target. */
    public record About(String path, String sha256, String profileName, String profilePath, String profileSha256,
                        String target) {
    }

    private final FindingSpool spool = new FindingSpool("sluice-table-findings");

    @Override
    public void accept(TableFinding finding) {
        spool.add(g -> {
            g.writeStringField("table", finding.table());
            g.writeStringField("sheet", finding.sheet());
        }, finding.finding());
    }

    /** Findings received so far. */
    public long findings() {
        return spool.count();
    }

    /** Writes the whole report to {@code out} (not closed), without naming columns the profile does not map. */
    public void write(About about, TablesSummary summary, List<GateResult> gates, Writer out) {
        write(about, summary, gates, List.of(), out);
    }

    /**
     * Writes the whole report to {@code out} (not closed); each sheet names its columns the profile does not map and
     * those Sluice added when it sent rows back ({@code unmapped}, by sheet).
     */
    public void write(About about, TablesSummary summary, List<GateResult> gates, List<UnmappedColumns> unmapped,
                      Writer out) {
        try {
            JsonGenerator g = JSON.createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeObjectFieldStart("source");
            g.writeStringField("path", about.path());
            g.writeStringField("sha256", about.sha256());
            g.writeEndObject();
            g.writeObjectFieldStart("profile");
            g.writeStringField("name", about.profileName());
            if (about.profilePath() != null) {
                g.writeStringField("path", about.profilePath());
            }
            g.writeStringField("sha256", about.profileSha256());
            g.writeEndObject();
            g.writeObjectFieldStart("target");
            g.writeStringField("url", about.target());
            g.writeEndObject();
            g.writeObjectFieldStart("counts");
            g.writeNumberField("rows", summary.rows());
            g.writeNumberField("valid", summary.rows() - summary.rowsWithErrors());
            g.writeNumberField("withErrors", summary.rowsWithErrors());
            g.writeNumberField("findings", summary.findings());
            g.writeEndObject();
            g.writeArrayFieldStart("sheets");
            for (TablesSummary.SheetTally s : summary.sheets()) {
                g.writeStartObject();
                g.writeStringField("sheet", s.sheet());
                g.writeNumberField("rows", s.rows());
                g.writeNumberField("valid", s.valid());
                g.writeNumberField("withErrors", s.rowsWithErrors());
                g.writeNumberField("targetRows", s.targetRows());
                g.writeNumberField("findings", s.findings());
                JsonReportWriter.writeUnmapped(g, unmapped.stream().filter(u -> s.sheet().equals(u.sheet()))
                        .findFirst().orElse(UnmappedColumns.none(s.sheet())));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("tables");
            for (TablesSummary.TableTally t : summary.tables()) {
                g.writeStartObject();
                g.writeStringField("table", t.table());
                g.writeStringField("sheet", t.sheet());
                g.writeNumberField("targetRows", t.targetRows());
                g.writeNumberField("toImport", t.importable());
                g.writeNumberField("errors", t.errors());
                g.writeNumberField("warnings", t.warnings());
                g.writeEndObject();
            }
            g.writeEndArray();
            JsonReportWriter.writeGates(g, gates);
            spool.writeArray(g);
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw SluiceException.input("Cannot write the report: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        spool.close();
    }
}
