package io.sluice.core.mapping;

import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.Cell;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proposes a mapping from a file's columns onto a table's: by name (normalised words, abbreviations, units in
 * brackets, a small synonym table in English and German) and by whether sampled values fit the column type. The best
 * matches are assigned first, each target at most once; below {@value #MIN_CONFIDENCE} nothing is suggested. Every
 * suggestion carries its confidence and a reason the steward can check.
 */
public final class Suggester {

    /** Below this confidence (0-100) a source column is left unmapped. */
    public static final int MIN_CONFIDENCE = 40;

    private final NameMatcher names;

    /** A suggester with the built-in synonym table. */
    public Suggester() {
        this.names = new NameMatcher(Synonyms.builtIn());
    }

    /** The suggested mappings only, in table order. */
    public List<ColumnMapping> suggest(List<String> sourceColumns, List<List<Cell>> sampleRows, TableInfo table) {
        return analyse(sourceColumns, sampleRows, table).mappings();
    }

    /**
     * A profile named {@code name} for {@code table} holding the suggested mappings, the table's primary key as
     * natural key and commit mode insert.
     */
    public Profile suggestProfile(String name, List<String> sourceColumns, List<List<Cell>> sampleRows,
                                  TableInfo table) {
        List<ColumnMapping> mappings = suggest(sourceColumns, sampleRows, table);
        return new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, name, null, table.reference(), mappings, null, null,
                naturalKey(table, mappings), "insert", null);
    }

    /**
     * The key an import can match rows on with these mappings: the primary key when every column of it is mapped,
     * else the first UNIQUE key that is (an identity primary key the database fills is never in a file), else the
     * primary key, which the import then names as unmapped.
     */
    public static List<String> naturalKey(TableInfo table, List<ColumnMapping> mappings) {
        Set<String> mapped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        mappings.forEach(m -> mapped.add(m.target()));
        if (!table.primaryKey().isEmpty() && mapped.containsAll(table.primaryKey())) {
            return table.primaryKey();
        }
        return table.uniqueKeys().stream().filter(mapped::containsAll).findFirst().orElse(table.primaryKey());
    }

    /**
     * Suggested mappings, the source columns left out and why, and the required target columns nobody fills.
     *
     * @param sampleRows up to a few hundred rows, cells by column index as in {@code sourceColumns}
     */
    public Suggestion analyse(List<String> sourceColumns, List<List<Cell>> sampleRows, TableInfo table) {
        List<ColumnInfo> columns = table.columns();
        List<ColumnName> targetNames = columns.stream().map(c -> ColumnName.of(c.name())).toList();
        List<Candidate> candidates = new ArrayList<>();
        Candidate[] bestPerSource = new Candidate[sourceColumns.size()];
        for (int s = 0; s < sourceColumns.size(); s++) {
            ColumnName sourceName = ColumnName.of(sourceColumns.get(s));
            List<Cell> samples = samplesOf(sampleRows, s);
            for (int t = 0; t < columns.size(); t++) {
                NameMatcher.Score score = names.score(sourceName, targetNames.get(t));
                if (score.value() <= 0) {
                    continue;
                }
                SampleCheck check = SampleCheck.of(samples, columns.get(t));
                int confidence = (int) Math.round(100 * score.value() * (0.7 + 0.3 * check.ratio()));
                Candidate c = new Candidate(s, t, confidence, score, check);
                if (bestPerSource[s] == null || BEST_FIRST.compare(c, bestPerSource[s]) < 0) {
                    bestPerSource[s] = c;
                }
                if (confidence >= MIN_CONFIDENCE) {
                    candidates.add(c);
                }
            }
        }
        candidates.sort(BEST_FIRST);
        Candidate[] bySource = new Candidate[sourceColumns.size()];
        Candidate[] byTarget = new Candidate[columns.size()];
        for (Candidate c : candidates) {
            if (bySource[c.source] == null && byTarget[c.target] == null) {
                bySource[c.source] = c;
                byTarget[c.target] = c;
            }
        }
        List<ColumnMapping> mappings = new ArrayList<>();
        List<ColumnInfo> missing = new ArrayList<>();
        for (int t = 0; t < columns.size(); t++) {
            Candidate c = byTarget[t];
            if (c != null) {
                mappings.add(mapping(c, sourceColumns.get(c.source), columns.get(t).name()));
            } else if (!columns.get(t).optional()) {
                missing.add(columns.get(t));
            }
        }
        List<Suggestion.UnmappedSource> unmapped = new ArrayList<>();
        for (int s = 0; s < sourceColumns.size(); s++) {
            if (bySource[s] == null) {
                unmapped.add(new Suggestion.UnmappedSource(sourceColumns.get(s),
                        whyUnmapped(bestPerSource[s], byTarget, sourceColumns, columns, table)));
            }
        }
        return new Suggestion(List.copyOf(mappings), List.copyOf(unmapped), List.copyOf(missing));
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt((Candidate c) -> -c.confidence)
            .thenComparingDouble(c -> -c.score.value()).thenComparingInt(c -> c.source).thenComparingInt(c -> c.target);

    private static ColumnMapping mapping(Candidate c, String source, String target) {
        String verb = c.score.value() >= 0.85 ? "matches" : "resembles";
        String reason = "name " + verb + " '" + source + "' → " + target
                + (c.score.viaSynonyms() ? " through synonyms" : "") + " (" + c.confidence + "); "
                + c.check.description();
        return new ColumnMapping(target, source, null, null, null, c.check.transforms(), c.confidence, reason);
    }

    private static String whyUnmapped(Candidate best, Candidate[] byTarget, List<String> sourceColumns,
                                      List<ColumnInfo> columns, TableInfo table) {
        if (best == null) {
            return "no column of " + table.name() + " resembles its name";
        }
        String target = columns.get(best.target).name();
        Candidate winner = byTarget[best.target];
        if (best.confidence >= MIN_CONFIDENCE && winner != null) {
            return "also resembles " + target + ", which is mapped from '" + sourceColumns.get(winner.source) + "'";
        }
        return "closest column is " + target + " (" + best.confidence + "), below the " + MIN_CONFIDENCE
                + " needed to suggest it";
    }

    private static List<Cell> samplesOf(List<List<Cell>> rows, int column) {
        List<Cell> cells = new ArrayList<>(rows.size());
        for (List<Cell> row : rows) {
            cells.add(column < row.size() ? row.get(column) : Cell.BLANK);
        }
        return cells;
    }

    private record Candidate(int source, int target, int confidence, NameMatcher.Score score, SampleCheck check) {
    }
}
