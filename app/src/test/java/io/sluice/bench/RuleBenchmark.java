package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.usecase.ApplyRule;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.RulePreview;
import io.sluice.core.usecase.RulesInForce;
import io.sluice.core.usecase.ValidateReview;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Measures what the rule builder asks of a big review: the hit preview of one rule on a sample (target 200 ms) and
 * over every row (target: a full validation of the review divided by the number of rules in force), and applying the
 * rule to the review with its undo. Builds (or reuses) the ds1-like review of {@link BenchReviews}, validates a copy
 * of it again to have the full validation's time side by side, and prints each figure with its target and ratio. Not
 * a test: run it by hand with {@code -Xmx256m} and the test classpath (see the README's Performance section):
 * <pre>
 * java -Xmx256m -cp "$BENCH_CP" io.sluice.bench.RuleBenchmark app/target/rule-bench 1000000
 * </pre>
 */
public final class RuleBenchmark {

    private static final int SAMPLE = RulePreview.SAMPLE_ROWS;

    private RuleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "app/target/rule-bench");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        Files.createDirectories(dir);
        System.setProperty("sluice.home", System.getProperty("sluice.home", dir.resolve("home").toString()));
        Path built = dir.resolve("mixes-" + rows + ".sluice");
        if (!Files.exists(built)) {
            BenchReviews.build(dir, rows, built);
        }
        Path review = dir.resolve("rules-" + rows + ".sluice");
        Files.copy(built, review, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "Review: %s, %,d rows, max heap %d MB, load average %.1f%n", review, rows,
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Profile profile = SampleProfiles.ds1();
        List<RuleSpec> candidates = List.of(
                new RuleSpec("cement-range", "range", "cement_kg", null, new BigDecimal("150"),
                        new BigDecimal("450"), null, null, null, null, null, null, null, null),
                new RuleSpec("wc-ratio", "expression", null, null, new BigDecimal("0.25"), new BigDecimal("0.80"),
                        null, null, null, null, null, "water_kg / cement_kg", "warning", null),
                new RuleSpec("supplier-nord", "allowed", "supplier_code", null, null, null, null,
                        List.of("NORD", "ALPC"), null, null, null, null, null, null));
        try (TargetDatabase db = TargetDatabase.openDefault()) {
            int rulesInForce = RulesInForce.list(profile, db).rules().size();
            double validation = measure("full validation of the review (" + rulesInForce + " rules in force)",
                    () -> ValidateReview.run(review, profile, db, Progress.NONE));
            double share = validation / rulesInForce;
            System.out.printf(Locale.ROOT, "  one rule's share of it: %.2f s%n", share);
            for (RuleSpec rule : candidates) {
                RulePreview.Request request = new RulePreview.Request(review, rule, 5);
                // the first sample compiles the rule and connects; the second is what a steward editing it waits for
                measure("preview of '" + rule.id() + "' on " + SAMPLE + " rows, first",
                        () -> RulePreview.sample(request, db, SAMPLE));
                double sample = measure("preview of '" + rule.id() + "' on " + SAMPLE + " rows, again",
                        () -> RulePreview.sample(request, db, SAMPLE));
                System.out.printf(Locale.ROOT, "  target 0.20 s: %s%n", sample <= 0.2 ? "met" : "not met");
                RulePreview.Outcome[] full = new RulePreview.Outcome[1];
                double whole = measure("preview of '" + rule.id() + "' over every row", () -> {
                    full[0] = RulePreview.full(request, db, Progress.NONE);
                    return full[0];
                });
                System.out.printf(Locale.ROOT, "  would flag %,d of %,d rows; %.2fx one rule's share of a"
                                + " validation (target 1.0x or less): %s%n", full[0].flaggedRows(),
                        full[0].rowsInReview(), whole / share, whole <= share ? "met" : "not met");
            }
            // the open review connects a target of its own and closes it
            try (OpenReview open = OpenReview.open(review, TargetDatabase::openDefault)) {
                RuleSpec rule = candidates.get(1);
                ApplyRule.Outcome[] applied = new ApplyRule.Outcome[1];
                measure("apply '" + rule.id() + "' to the review", () -> {
                    applied[0] = ApplyRule.apply(open, rule, Progress.NONE);
                    return applied[0];
                });
                System.out.printf(Locale.ROOT, "  %,d rows flagged, %,d now in error, %,d no longer%n",
                        applied[0].flaggedRows(), applied[0].rowsNowInError(), applied[0].rowsNoLongerInError());
                measure("undo of the applied rule", () -> open.session().undo());
            }
        }
    }

    /** Runs {@code work} once and prints its wall and thread CPU time; returns the wall time in seconds. */
    private static double measure(String what, Callable<?> work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%-72s %7.2f s (cpu of this thread %6.2f s)%n", what, seconds, cpu);
        return seconds;
    }
}
