package io.sluice.core.export;

import io.sluice.core.Progress;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.ReportSource;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.DecisionCounts;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportWriterTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final String SCRIPT = "<script>alert('x')</script>";

    @TempDir
    Path dir;

    @Test
    void showsTheNumbersOfTheValidationSummary() throws Exception {
        TestDatabases.Database h2 = TestDatabases.h2Mem();
        SampleSchema.install(h2.url(), h2.user(), h2.password());
        Profile profile = ProfileIO.read(SAMPLES.resolve("profiles/ds1.profile.json"));
        Path html = dir.resolve("report.html");
        ValidationSummary summary;
        try (TargetDatabase db = TargetDatabase.open(h2.url(), h2.user(), h2.password());
             ValidationJob job = ValidationJob.prepare(SAMPLES.resolve("ds1-concrete-mix.csv"),
                     SourceOptions.DEFAULTS.withHeaderRow(1), profile, db)) {
            WorstRows worst = new WorstRows(5);
            summary = job.run(worst, Progress.NONE);
            HtmlReportWriter.write(html, job.reportSource(null), summary, worst.rows(), null);
            assertThat(worst.rows()).hasSize(5);
            assertThat(worst.rows().get(0).errors()).isEqualTo(3);
        }
        String text = Files.readString(html);
        wellFormed(html);

        assertThat(kpi(text, "rows")).isEqualTo(summary.rows()).isEqualTo(200);
        assertThat(kpi(text, "valid rows")).isEqualTo(summary.valid());
        assertThat(kpi(text, "rows with errors")).isEqualTo(summary.withErrors());
        assertThat(kpi(text, "rows with warnings")).isEqualTo(summary.withWarnings());
        assertThat(kpi(text, "errors")).isEqualTo(summary.errors());
        assertThat(kpi(text, "warnings")).isEqualTo(summary.warnings());
        Map<String, Long> bars = bars(text);
        summary.byRule().forEach((rule, n) -> assertThat(bars).containsEntry(rule, n));
        summary.byColumn().forEach((column, n) -> assertThat(bars).containsEntry(column, n));
        assertThat(text).contains(String.format(Locale.ROOT, "overall: %.1f%%",
                summary.scores().overall()));
        assertThat(text).contains("ds1-concrete-mix.csv").contains("ds1-concrete-mix").doesNotContain("<script");
        noExternalReference(text);
    }

    @Test
    void escapesEveryTextFromTheData() throws Exception {
        ReportSource source = new ReportSource("/in/" + SCRIPT + ".csv", "ab", "CSV", SCRIPT, 1, SCRIPT, null,
                "cd", "jdbc:h2:mem:x", "T");
        ValidationSummary summary = new ValidationSummary(2, 1, 1, 0, 1, 0,
                new ValidationSummary.FileScores(100, 50, 100, 83.3), Map.of(SCRIPT, 1L), Map.of("a\"b&c", 1L));
        Finding f = new Finding(2, SCRIPT, "A2", null, SCRIPT, Severity.ERROR, "bad <b>" + SCRIPT, SCRIPT);
        Path html = dir.resolve("escaped.html");

        HtmlReportWriter.write(html, source, summary, List.of(new WorstRows.WorstRow(2, 1, 0, -1, List.of(f))),
                new DecisionCounts(1, 1, 0));

        String text = Files.readString(html);
        wellFormed(html);
        assertThat(text).doesNotContain("<script").doesNotContain("<b>bad")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("a&quot;b&amp;c");
        assertThat(kpi(text, "approved")).isEqualTo(1);
        noExternalReference(text);
    }

    @Test
    void keepsOnlyTheWorstRowsWorstFirst() {
        WorstRows worst = new WorstRows(2);
        Finding error = new Finding(1, "a", "A1", null, "r", Severity.ERROR, "e", null);
        Finding warning = new Finding(1, "a", "A1", null, "r", Severity.WARNING, "w", null);
        worst.offer(3, List.of(warning), 90);
        worst.offer(4, List.of(error), 70);
        worst.offer(5, List.of(error, error, warning), 40);
        worst.offer(6, List.of(error), 60);
        worst.offer(7, List.of(), 0);

        assertThat(worst.rows()).extracting(WorstRows.WorstRow::row).containsExactly(5L, 6L);
    }

    private static long kpi(String html, String label) {
        Matcher m = Pattern.compile("<div class=\"n\">([0-9,]+)</div><div class=\"l\">" + Pattern.quote(label)
                + "</div>").matcher(html);
        assertThat(m.find()).as(label).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static Map<String, Long> bars(String html) {
        Map<String, Long> bars = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<title>([^<]*): ([0-9,]+)</title>").matcher(html);
        while (m.find()) {
            bars.put(m.group(1).replace("&#39;", "'").replace("&amp;", "&"), Long.parseLong(m.group(2).replace(",", "")));
        }
        return bars;
    }

    private static void noExternalReference(String html) {
        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .doesNotContainPattern("(?i)url\\(\\s*[\"']?(https?:)?//").doesNotContain("@import");
    }

    /** Parses as XML: every element closed, every entity known, so any browser reads it the same way. */
    private static void wellFormed(Path html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(html.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
    }
}
