package io.sluice.core.export;

import io.sluice.core.tables.TablesReportWriter;
import io.sluice.core.tables.TablesSummary;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.sluice.core.export.HtmlReportWriter.esc;

/**
 * The HTML report of a workbook validated onto several tables, as self-contained as {@link HtmlReportWriter}'s: the
 * workbook, profile and target; source rows, valid rows and rows with errors; a table of counts per sheet and one per
 * target table (parents first); for a review the decisions per sheet; findings by table, by rule and by sheet and
 * column as bar charts; and the worst source rows with each finding's table.
 */
public final class TablesHtmlReportWriter {

    /** The steward's decisions on the source rows of one sheet of a review. */
    public record SheetDecisions(String sheet, long approved, long rejected, long pending) {
    }

    private final Writer out;
    private final HtmlReportWriter page;

    private TablesHtmlReportWriter(Writer out) {
        this.out = out;
        this.page = new HtmlReportWriter(out);
    }

    /**
     * Writes the report to a new or replaced file.
     *
     * @param decisions per sheet for a review, or null for a workbook validated on the fly
     */
    public static void write(Path file, TablesReportWriter.About about, TablesSummary summary,
                             TableFindingCounts counts, List<WorstRows.WorstRow> worst,
                             List<SheetDecisions> decisions) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new TablesHtmlReportWriter(w).report(about, summary, counts, worst, decisions);
        } catch (IOException e) {
            throw CsvSink.failure(file.toString(), e);
        }
    }

    private void report(TablesReportWriter.About a, TablesSummary s, TableFindingCounts counts,
                        List<WorstRows.WorstRow> worst, List<SheetDecisions> decisions) throws IOException {
        String name = BackToSenderWriter.fileName(a.path());
        List<String> tables = s.tables().stream().map(TablesSummary.TableTally::table).toList();
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"/>"
                + "<title>Validation report: " + esc(name) + "</title><style>" + HtmlReportWriter.CSS
                + "</style></head>\n<body><main>\n");
        out.write("<h1>Validation report</h1>\n<p class=\"sub\">" + esc(name) + " checked with profile <b>"
                + esc(a.profileName()) + "</b> against " + tables.size() + " tables</p>\n");
        out.write("<div class=\"card\"><table class=\"meta\">");
        page.meta("Source file", a.path());
        page.meta("SHA-256", a.sha256());
        page.meta("Profile", a.profileName() + (a.profilePath() != null ? " (" + a.profilePath() + ")" : ""));
        page.meta("Target", a.target());
        page.meta("Tables", String.join(", ", tables) + " (parents first)");
        page.meta("Written", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.now().truncatedTo(
                ChronoUnit.SECONDS)).replace('T', ' '));
        out.write("</table></div>\n");

        long errors = s.tables().stream().mapToLong(TablesSummary.TableTally::errors).sum();
        long warnings = s.tables().stream().mapToLong(TablesSummary.TableTally::warnings).sum();
        out.write("<h2>Counts</h2>\n<div class=\"kpis\">");
        page.kpi("source rows", s.rows(), "");
        page.kpi("valid source rows", s.rows() - s.rowsWithErrors(), "ok");
        page.kpi("source rows with errors", s.rowsWithErrors(), "err");
        page.kpi("errors", errors, "err");
        page.kpi("warnings", warnings, "warn");
        out.write("</div>\n<p class=\"more\">A source row with an error in any table it feeds is left out of an import"
                + " with every row it makes.</p>\n");

        out.write("<h2>Sheets</h2>\n<div class=\"card\"><table><tr><th>sheet</th><th class=\"num\">rows</th>"
                + "<th class=\"num\">valid</th><th class=\"num\">with errors</th><th class=\"num\">target rows</th>"
                + "<th class=\"num\">findings</th></tr>");
        for (TablesSummary.SheetTally t : s.sheets()) {
            row(List.of(t.sheet()), t.rows(), t.valid(), t.rowsWithErrors(), t.targetRows(), t.findings());
        }
        out.write("</table></div>\n");
        out.write("<h2>Tables</h2>\n<div class=\"card\"><table><tr><th>table</th><th>sheet</th>"
                + "<th class=\"num\">target rows</th><th class=\"num\">to import</th><th class=\"num\">errors</th>"
                + "<th class=\"num\">warnings</th></tr>");
        for (TablesSummary.TableTally t : s.tables()) {
            row(List.of(t.table(), t.sheet()), t.targetRows(), t.importable(), t.errors(), t.warnings());
        }
        out.write("</table></div>\n");
        if (decisions != null) {
            out.write("<h2>Decisions</h2>\n<div class=\"card\"><table><tr><th>sheet</th><th class=\"num\">approved"
                    + "</th><th class=\"num\">rejected</th><th class=\"num\">pending</th></tr>");
            for (SheetDecisions d : decisions) {
                row(List.of(d.sheet()), d.approved(), d.rejected(), d.pending());
            }
            out.write("</table></div>\n");
        }
        out.write("<h2>Findings by table</h2>\n<div class=\"card\">");
        page.chart(counts.byTable());
        out.write("</div>\n<h2>Findings by rule</h2>\n<div class=\"card\">");
        page.chart(counts.byRule());
        out.write("</div>\n<h2>Findings by sheet and column</h2>\n<div class=\"card\">");
        page.chart(counts.byColumn());
        out.write("</div>\n");
        page.worstRows(worst);
        out.write("<footer>Written by Sluice. This file has no scripts and loads nothing from the network.</footer>\n");
        out.write("</main></body></html>\n");
    }

    /** One table row: texts first, then numbers aligned right. */
    private void row(List<String> texts, long... numbers) throws IOException {
        StringBuilder b = new StringBuilder("<tr>");
        for (String text : texts) {
            b.append("<td>").append(esc(text)).append("</td>");
        }
        for (long n : numbers) {
            b.append("<td class=\"num\">").append(n).append("</td>");
        }
        out.write(b.append("</tr>").toString());
    }
}
