package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.cleaning.Candidate;
import io.sluice.core.cleaning.ClosestKnownValues;
import io.sluice.core.cleaning.Correction;
import io.sluice.core.cleaning.KnownValueReader;
import io.sluice.core.cleaning.KnownValueRules;
import io.sluice.core.cleaning.KnownValues;
import io.sluice.core.cleaning.Replacement;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ColumnValues;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Suggests valid values for the bad values of a review whose right value lies in a known set: a foreign key's parent
 * keys, a CHECK {@code IN} list, the profile's {@code allowed} values or {@code lookup} table. Each distinct bad value
 * of a column is listed once with its rows and up to three closest valid values, scored and explained. Each table of
 * valid values is read once, streamed. Nothing in the review changes; {@link Outcome#plan} lists the replacements
 * that accepting the suggestions would make.
 */
public final class SuggestCorrections {

    /**
     * The suggestions.
     *
     * @param profileName the profile the review was validated with
     * @param target      the target database read, without any password
     * @param corrections one per distinct bad value of a column, in column order, most rows first
     * @param fromHeaders  source columns of a workbook's sheet whose reference findings name a value made from the
     *                     column's header (an unpivot), which no cell fix mends: none is suggested for them
     */
    public record Outcome(String profileName, String target, List<Correction> corrections, List<String> fromHeaders) {

        public Outcome {
            corrections = List.copyOf(corrections);
            fromHeaders = List.copyOf(fromHeaders);
        }

        /**
         * What accepting every suggestion scoring {@code minScore} or more would change, without changing anything:
         * the best candidate of each bad value, unless another candidate ties with it.
         */
        public List<Replacement> plan(int minScore) {
            List<Replacement> plan = new ArrayList<>();
            for (Correction c : corrections) {
                c.accepted(minScore).ifPresent(plan::add);
            }
            return plan;
        }
    }

    private record Bad(String column, String rule, KnownValues known, String value, long rows) {
    }

    private SuggestCorrections() {
    }

    /**
     * Suggests values for the review's bad values, on source column {@code column} only when it is not null.
     *
     * @param target the target to read valid values from, or null for the one the review records
     */
    public static Outcome run(Path reviewFile, Supplier<TargetDatabase> target, String column) {
        try (Review review = Review.open(reviewFile)) {
            WorkbookMembers.requireOneSheet(review, "suggesting corrections");
            String json = review.info().profileJson();
            if (json == null) {
                throw SluiceException.input("The review " + reviewFile + " has not been validated with a profile, so"
                        + " no finding points to a known set of values yet; validate it with a profile first.");
            }
            String header = column == null ? null : review.columns().get(ReviewColumns.index(review, column));
            if (target == null && review.info().targetUrl() == null) {
                throw SluiceException.input("The review " + reviewFile + " records no target database to read the"
                        + " valid values from; name the target database.");
            }
            Profile profile = ProfileIO.fromJson(json, reviewFile.toString());
            Supplier<TargetDatabase> connect = target != null ? target : OpenReview.recordedTarget(review);
            try (TargetDatabase db = connect.get()) {
                TableInfo table = db.table(profile.table());
                KnownValueRules rules = KnownValueRules.of(profile, table, db);
                List<Bad> bad = new ArrayList<>();
                ColumnValues.forEachFindingValue(review, header, (col, targetColumn, rule, value, rows) -> {
                    Optional<KnownValues> known = rules.forFinding(rule, targetColumn);
                    known.ifPresent(k -> bad.add(new Bad(col, rule, k, value, rows)));
                });
                return new Outcome(profile.name(), db.displayUrl(), suggest(db, bad, review.columns()), List.of());
            }
        }
    }

    /**
     * Suggests values for the bad values of one sheet of a workbook review (as it is now, edits included), on source
     * column {@code column} only when it is not null: the known sets of every table the sheet feeds, and for a
     * reference to another table of the workbook, the parent's keys in the target and in its sheet.
     */
    public static Outcome run(OpenWorkbookReview workbook, String sheet, String column) {
        OpenReview member = workbook.sheet(sheet);
        Review review = member.review();
        String name = review.info().sheet();
        String header = column == null ? null : review.columns().get(member.columnIndexIgnoringCase(column));
        TargetDatabase db = workbook.target();
        WorkbookKnownValues known = WorkbookKnownValues.of(workbook, name, db);
        List<Bad> bad = new ArrayList<>();
        Set<String> fromHeaders = new LinkedHashSet<>();
        ColumnValues.forEachFindingValue(review, header, (col, target, rule, value, rows) -> {
            if (known.madeFromHeader(rule, target, col, value)) {
                fromHeaders.add(col);
            } else {
                known.forFinding(rule, target).ifPresent(k -> bad.add(new Bad(col, rule, k, value, rows)));
            }
        });
        return new Outcome(workbook.profile().name(), db.displayUrl(), suggest(db, bad, review.columns()),
                List.copyOf(fromHeaders));
    }

    /** The candidates of every list, those in all of them first, best first; at most three. */
    private static List<Candidate> merged(List<List<Candidate>> lists) {
        if (lists.size() == 1) {
            return lists.get(0);
        }
        Map<String, Candidate> best = new LinkedHashMap<>();
        Map<String, Integer> inLists = new HashMap<>();
        for (List<Candidate> list : lists) {
            for (Candidate c : list) {
                best.merge(c.value(), c, (x, y) -> x.score() >= y.score() ? x : y);
                inLists.merge(c.value(), 1, Integer::sum);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt((Candidate c) -> inLists.get(c.value()) == lists.size() ? 0 : 1)
                        .thenComparing(Comparator.comparingInt(Candidate::score).reversed())
                        .thenComparing(Candidate::value))
                .limit(ClosestKnownValues.KEPT)
                .toList();
    }

    private static List<Correction> suggest(TargetDatabase db, List<Bad> bad, List<String> columns) {
        Map<KnownValues, Map<String, Integer>> valuesBySet = new LinkedHashMap<>();
        for (Bad b : bad) {
            Map<String, Integer> ids = valuesBySet.computeIfAbsent(b.known(), k -> new LinkedHashMap<>());
            ids.putIfAbsent(b.value(), ids.size());
        }
        Map<KnownValues, ClosestKnownValues> closest = new LinkedHashMap<>();
        for (Map.Entry<KnownValues, Map<String, Integer>> set : valuesBySet.entrySet()) {
            ClosestKnownValues index = new ClosestKnownValues(new ArrayList<>(set.getValue().keySet()));
            KnownValueReader.forEach(db, set.getKey(), index::offer);
            closest.put(set.getKey(), index);
        }
        // a value two rules reject (a foreign key and an allowed list, say) is listed once, with the values that
        // satisfy both first
        Map<List<String>, List<Bad>> byValue = new LinkedHashMap<>();
        for (Bad b : bad) {
            byValue.computeIfAbsent(List.of(b.column(), b.value()), k -> new ArrayList<>()).add(b);
        }
        List<Correction> corrections = new ArrayList<>();
        for (List<Bad> same : byValue.values()) {
            List<List<Candidate>> lists = new ArrayList<>();
            long rows = 0;
            for (Bad b : same) {
                lists.add(closest.get(b.known()).candidates(valuesBySet.get(b.known()).get(b.value())));
                rows = Math.max(rows, b.rows());
            }
            Bad first = same.get(0);
            corrections.add(new Correction(first.column(),
                    same.stream().map(Bad::rule).distinct().collect(Collectors.joining(", ")),
                    same.stream().map(b -> b.known().describe()).distinct().collect(Collectors.joining("; ")),
                    first.value(), rows, merged(lists)));
        }
        corrections.sort(Comparator.comparingInt((Correction c) -> columns.indexOf(c.column()))
                .thenComparing(Comparator.comparingLong(Correction::rows).reversed())
                .thenComparing(Correction::value));
        return corrections;
    }
}
