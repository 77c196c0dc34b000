package io.sluice.core.export;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.validate.ReportSource;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.DecisionCounts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the validation report as one self-contained HTML file for people: source, profile, counts, quality scores,
 * findings per rule and per column as bar charts (inline SVG), and the worst rows. No script, no external reference:
 * it opens offline, from a mail attachment, and every text from the data is HTML-escaped. The counts come from a
 * {@link ValidationSummary} (one streaming pass, or a review's counts) and the rows from {@link WorstRows}, so the
 * file is small whatever the row count.
 */
public final class HtmlReportWriter {

    /** Bars drawn per chart; the rest are summed up in one line under it. */
    static final int BARS = 25;

    static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2933;\
            background:#f5f7fa;margin:0}
            main{max-width:1080px;margin:0 auto;padding:32px 24px 48px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:36px 0 12px}
            .sub{color:#52606d;margin:0 0 24px}
            .card{background:#fff;border-radius:10px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:18px 22px}
            .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:14px}
            .kpi .n{font-size:28px;font-weight:600}.kpi .l{color:#52606d;font-size:13px}
            .kpi.err .n{color:#c0392b}.kpi.warn .n{color:#b7791f}.kpi.ok .n{color:#2f855a}
            table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 10px;vertical-align:top}
            th{color:#52606d;font-weight:600;font-size:13px;border-bottom:1px solid #d9e2ec}
            tr+tr td{border-top:1px solid #edf0f3}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .meta th{width:160px;border:0}.meta td{border:0}
            .sev{display:inline-block;border-radius:4px;padding:0 6px;font-size:12px;font-weight:600}
            .sev.error{background:#ffc7ce;color:#9c0006}.sev.warning{background:#ffeb9c;color:#7a5b00}
            svg text{font-size:13px;fill:#1f2933}.more{color:#52606d;font-size:13px;margin:6px 0 0}
            footer{color:#7b8794;font-size:12px;margin-top:40px}
            ul.f{margin:0;padding-left:18px}code{font-size:13px}
            """;

    private final Writer out;

    HtmlReportWriter(Writer out) {
        this.out = out;
    }

    /**
     * Writes the report to a new or replaced file.
     *
     * @param summary   counts and scores; {@code scores} may be null when not known (e.g. a review made before scores)
     * @param worst     the worst rows, worst first
     * @param decisions the steward's decisions for a review, or null for a file validated on the fly
     */
    public static void write(Path file, ReportSource source, ValidationSummary summary, List<WorstRows.WorstRow> worst,
                             DecisionCounts decisions) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new HtmlReportWriter(w).report(source, summary, worst, decisions);
        } catch (IOException e) {
            throw CsvSink.failure(file.toString(), e);
        }
    }

    private void report(ReportSource s, ValidationSummary sum, List<WorstRows.WorstRow> worst, DecisionCounts d)
            throws IOException {
        String name = BackToSenderWriter.fileName(s.path());
        out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"/>"
                + "<title>Validation report: " + esc(name) + "</title><style>" + CSS + "</style></head>\n<body><main>\n");
        out.write("<h1>Validation report</h1>\n<p class=\"sub\">" + esc(name) + " checked with profile <b>"
                + esc(s.profileName()) + "</b> against " + esc(s.table()) + "</p>\n");

        out.write("<div class=\"card\"><table class=\"meta\">");
        meta("Source file", s.path());
        meta("Sheet", s.sheet() + (s.headerRow() > 0 ? " (header in row " + s.headerRow() + ")" : " (no header)"));
        meta("Format", s.format());
        meta("SHA-256", s.sha256());
        meta("Profile", s.profileName() + (s.profilePath() != null ? " (" + s.profilePath() + ")" : ""));
        meta("Target", s.target() + ", table " + s.table());
        meta("Written", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.now().truncatedTo(
                ChronoUnit.SECONDS)).replace('T', ' '));
        out.write("</table></div>\n");

        out.write("<h2>Counts</h2>\n<div class=\"kpis\">");
        kpi("rows", sum.rows(), "");
        kpi("valid rows", sum.valid(), "ok");
        kpi("rows with errors", sum.withErrors(), "err");
        kpi("rows with warnings", sum.withWarnings(), "warn");
        kpi("errors", sum.errors(), "err");
        kpi("warnings", sum.warnings(), "warn");
        out.write("</div>\n");
        if (d != null) {
            out.write("<h2>Decisions</h2>\n<div class=\"kpis\">");
            kpi("approved", d.approved(), "ok");
            kpi("rejected", d.rejected(), "err");
            kpi("pending", d.pending(), "");
            out.write("</div>\n");
        }
        if (sum.scores() != null) {
            out.write("<h2>Quality scores</h2>\n<div class=\"card\">");
            ValidationSummary.FileScores sc = sum.scores();
            chart(Map.of(), new String[] {"completeness", "validity", "uniqueness", "overall"},
                    new double[] {sc.completeness(), sc.validity(), sc.uniqueness(), sc.overall()});
            out.write("</div>\n");
        }
        out.write("<h2>Findings by rule</h2>\n<div class=\"card\">");
        chart(sum.byRule());
        out.write("</div>\n<h2>Findings by column</h2>\n<div class=\"card\">");
        chart(sum.byColumn());
        out.write("</div>\n");
        worstRows(worst);
        out.write("<footer>Written by Sluice. This file has no scripts and loads nothing from the network.</footer>\n");
        out.write("</main></body></html>\n");
    }

    void meta(String label, String value) throws IOException {
        out.write("<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>");
    }

    void kpi(String label, long n, String kind) throws IOException {
        out.write("<div class=\"card kpi " + kind + "\"><div class=\"n\">" + String.format(Locale.ROOT, "%,d", n)
                + "</div><div class=\"l\">" + esc(label) + "</div></div>");
    }

    void chart(Map<String, Long> counts) throws IOException {
        if (counts.isEmpty()) {
            out.write("<p>No findings.</p>");
            return;
        }
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .toList();
        int shown = Math.min(top.size(), BARS);
        String[] labels = new String[shown];
        double[] values = new double[shown];
        for (int i = 0; i < shown; i++) {
            labels[i] = top.get(i).getKey();
            values[i] = top.get(i).getValue();
        }
        chart(counts, labels, values);
        if (top.size() > shown) {
            long rest = top.subList(shown, top.size()).stream().mapToLong(Map.Entry::getValue).sum();
            out.write("<p class=\"more\">and " + (top.size() - shown) + " more with " + rest + " findings</p>");
        }
    }

    /** Horizontal bars; percentages (scores) when {@code counts} is empty, else counts scaled to the largest. */
    private void chart(Map<String, Long> counts, String[] labels, double[] values) throws IOException {
        boolean percent = counts.isEmpty();
        double max = percent ? 100 : 1;
        for (double v : values) {
            max = Math.max(max, v);
        }
        int rowHeight = 26;
        int labelWidth = 260;
        int barWidth = 620;
        out.write("<svg role=\"img\" width=\"100%\" viewBox=\"0 0 960 " + (labels.length * rowHeight + 4)
                + "\">");
        for (int i = 0; i < labels.length; i++) {
            int y = i * rowHeight;
            int w = (int) Math.round(barWidth * values[i] / max);
            String label = labels[i] == null ? "" : labels[i];
            String shortLabel = label.length() > 34 ? label.substring(0, 33) + "\u2026" : label;
            String fill = percent ? (values[i] >= 95 ? "#48bb78" : values[i] >= 80 ? "#ecc94b" : "#f56565")
                    : "#5a8dee";
            String value = percent ? String.format(Locale.ROOT, "%.1f%%", values[i])
                    : String.format(Locale.ROOT, "%,d", (long) values[i]);
            out.write("<g><title>" + esc(label) + ": " + value + "</title>"
                    + "<text x=\"0\" y=\"" + (y + 18) + "\">" + esc(shortLabel) + "</text>"
                    + "<rect x=\"" + labelWidth + "\" y=\"" + (y + 5) + "\" width=\"" + barWidth + "\" height=\"16\""
                    + " rx=\"3\" fill=\"#edf0f3\"/>"
                    + "<rect x=\"" + labelWidth + "\" y=\"" + (y + 5) + "\" width=\"" + Math.max(w, 1)
                    + "\" height=\"16\" rx=\"3\" fill=\"" + fill + "\"/>"
                    + "<text x=\"" + (labelWidth + barWidth + 10) + "\" y=\"" + (y + 18) + "\">" + value
                    + "</text></g>");
        }
        out.write("</svg>");
    }

    void worstRows(List<WorstRows.WorstRow> worst) throws IOException {
        out.write("<h2>Worst rows</h2>\n<div class=\"card\">");
        if (worst.isEmpty()) {
            out.write("<p>No row has a finding.</p></div>\n");
            return;
        }
        boolean sheets = worst.stream().anyMatch(w -> w.sheet() != null);
        out.write("<table><tr>" + (sheets ? "<th>sheet</th>" : "") + "<th class=\"num\">row</th>"
                + "<th class=\"num\">errors</th><th class=\"num\">warnings</th>"
                + (sheets ? "" : "<th class=\"num\">score</th>") + "<th>findings</th></tr>");
        for (WorstRows.WorstRow w : worst) {
            out.write("<tr>" + (sheets ? "<td>" + esc(w.sheet()) + "</td>" : "") + "<td class=\"num\">" + w.row()
                    + "</td><td class=\"num\">" + w.errors() + "</td><td class=\"num\">" + w.warnings() + "</td>"
                    + (sheets ? "" : "<td class=\"num\">" + (w.score() < 0 ? "\u2013" : Integer.toString(w.score()))
                    + "</td>") + "<td><ul class=\"f\">");
            for (int i = 0; i < w.findings().size(); i++) {
                Finding f = w.findings().get(i);
                String sev = f.severity() == Severity.ERROR ? "error" : "warning";
                String table = w.tables() == null ? "" : esc(w.tables().get(i)) + " ";
                out.write("<li><span class=\"sev " + sev + "\">" + sev + "</span> " + table + "<code>"
                        + esc(f.rule()) + "</code>" + (f.column() != null ? " in <b>" + esc(f.column()) + "</b>" : "")
                        + ": " + esc(f.message()) + "</li>");
            }
            if (w.errors() + w.warnings() > w.findings().size()) {
                out.write("<li>and " + (w.errors() + w.warnings() - w.findings().size()) + " more</li>");
            }
            out.write("</ul></td></tr>");
        }
        out.write("</table></div>\n");
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
