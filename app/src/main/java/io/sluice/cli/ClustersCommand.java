package io.sluice.cli;

import io.sluice.core.cleaning.ClusterMethod;
import io.sluice.core.cleaning.ValueCluster;
import io.sluice.core.cleaning.ValueCount;
import io.sluice.core.usecase.ClusterValues;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sluice clusters REVIEW --column HEADER}: values of one column that probably mean the same thing. */
@Command(name = "clusters", mixinStandardHelpOptions = true,
        description = {"Cluster the values of one column of a review that probably mean the same thing, as"
                + " OpenRefine does; each cluster names the value to keep (the most frequent) and the rows that"
                + " would change. Nothing is changed.",
                "Methods: fingerprint (same words, ignoring case, accents, punctuation and order), ngram (same"
                        + " letter pairs), phonetic (names that sound alike: Double Metaphone), knn (within"
                        + " --radius edits)."})
final class ClustersCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REVIEW.sluice", description = "A review saved by 'validate' or 'load'.")
    Path file;

    @Option(names = "--column", required = true, paramLabel = "HEADER", description = "The source column to cluster.")
    String column;

    @Option(names = "--method", defaultValue = "fingerprint", paramLabel = "METHOD",
            description = "fingerprint (default), ngram, phonetic or knn.")
    String method;

    @Option(names = "--radius", paramLabel = "N",
            description = "For knn: the most edits between two values of a cluster, 1 to 3 (default: 1).")
    Integer radius;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format.")
    OutputFormat format;

    @Option(names = "--sheet", paramLabel = "SHEET",
            description = "For the review of a workbook onto several tables: the sheet whose column to cluster.")
    String sheet;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ClusterMethod chosen = ClusterMethod.parse(method);
        if (radius != null && chosen != ClusterMethod.KNN) {
            throw new UsageException("--radius goes with --method knn only: the other methods compare keys, not"
                    + " distances.");
        }
        PrintWriter out = spec.commandLine().getOut();
        int distance = radius == null ? ClusterValues.DEFAULT_RADIUS : radius;
        ClusterValues.Outcome outcome;
        String sheetName = null;
        if (ValidateWorkbookReview.isWorkbookReview(file)) {
            try (OpenWorkbookReview review = OpenWorkbookReview.open(file, null)) {
                OpenReview member = WorkbookSheetOption.sheet(review, sheet, "Clustering values");
                sheetName = member.review().info().sheet();
                outcome = ClusterValues.run(member, column, chosen, distance);
            }
        } else {
            WorkbookSheetOption.refuseOnOneSheet(file, sheet);
            outcome = ClusterValues.run(file, column, chosen, distance);
        }
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("review", file.toString());
            if (sheetName != null) {
                json.put("sheet", sheetName);
            }
            json.put("column", outcome.column());
            json.put("method", outcome.method().word());
            if (chosen == ClusterMethod.KNN) {
                json.put("radius", outcome.radius());
            }
            json.put("distinctValues", outcome.distinctValues());
            json.put("clusters", outcome.clusters());
            json.put("replacements", outcome.replacements());
            out.println(Json.write(json));
        } else {
            printText(out, sheetName, outcome);
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private static void printText(PrintWriter out, String sheet, ClusterValues.Outcome outcome) {
        String by = outcome.method() == ClusterMethod.KNN ? "nearest neighbours within " + outcome.radius()
                + (outcome.radius() == 1 ? " edit" : " edits") : outcome.method().word();
        out.print(sheet == null ? "Column" : "Sheet " + sheet + ", column");
        out.printf(" '%s': %d distinct value(s), %d cluster(s) by %s.%n", outcome.column(),
                outcome.distinctValues(), outcome.clusters().size(), by);
        int n = 0;
        for (ValueCluster cluster : outcome.clusters()) {
            out.println();
            out.printf("Cluster %d: keep '%s'; %d row(s) would change.%n", ++n, cluster.keep(),
                    cluster.rowsAffected());
            TextTable table = new TextTable("  VALUE", "ROWS");
            for (ValueCount v : cluster.values()) {
                table.add("  " + TextTable.value(v.value()), String.valueOf(v.rows()));
            }
            table.print(out);
        }
    }
}
