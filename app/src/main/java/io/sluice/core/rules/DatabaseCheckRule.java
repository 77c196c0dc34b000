package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.database.CheckConstraint;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.DatabaseCheckEvaluator;
import io.sluice.core.database.SumCheck;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CHECK constraints too complex for a row rule (e.g. {@code cement_kg + COALESCE(fly_ash_kg, 0) <= 1200}), checked
 * per chunk, read-only: a comparison of sums of numeric columns is restated in Sluice ({@link SumCheck}, the database's
 * own answer for every value), anything else, and any row holding a value the restatement does not vouch for, is
 * evaluated by the target database itself over the chunk's values.
 */
final class DatabaseCheckRule implements ChunkRule {

    /** Every constraint of this rule, in the table's order, which is the order of a row's findings. */
    private final List<String> names;
    private final Map<String, String> expressions = new HashMap<>();
    /** The constraints left to the database, or null when Sluice restates them all. */
    private final DatabaseCheckEvaluator byDatabase;
    private final List<Restated> restated;
    /** The restated constraints once more, for the rare row the restatement cannot answer; null when none. */
    private final DatabaseCheckEvaluator restatedByDatabase;
    private final RuleReach reach;

    /** A constraint restated in Sluice, with the names to find its columns' values in a mapped row. */
    private record Restated(SumCheck check, String[] columns) {
    }

    DatabaseCheckRule(TargetDatabase db, TableInfo table, List<CheckConstraint> checks,
                      Map<String, String> mappedByLowerName) {
        List<String> names = new ArrayList<>();
        List<CheckConstraint> left = new ArrayList<>();
        List<CheckConstraint> restatedChecks = new ArrayList<>();
        List<Restated> restated = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> read = new HashSet<>();
        for (CheckConstraint check : checks) {
            names.add(check.name());
            expressions.put(check.name(), check.expression());
            ids.add("check:" + check.name());
            Optional<SumCheck> sum = SumCheck.parse(check, table);
            if (sum.isPresent()) {
                restated.add(new Restated(sum.get(), sum.get().columns().stream()
                        .map(c -> mappedByLowerName.getOrDefault(c.name().toLowerCase(Locale.ROOT), c.name()))
                        .toArray(String[]::new)));
                restatedChecks.add(check);
            } else {
                left.add(check);
            }
            // every column whose name occurs in the expression, even inside a longer word: more than it reads, never
            // less (an unmapped column holds its default whatever a fix does)
            String expression = check.expression().toLowerCase(Locale.ROOT);
            for (ColumnInfo column : table.columns()) {
                String name = column.name().toLowerCase(Locale.ROOT);
                if (expression.contains(name)) {
                    read.add(name);
                }
            }
        }
        this.names = List.copyOf(names);
        this.restated = List.copyOf(restated);
        this.byDatabase = left.isEmpty() ? null : new DatabaseCheckEvaluator(db, table, left);
        this.restatedByDatabase = restatedChecks.isEmpty() ? null
                : new DatabaseCheckEvaluator(db, table, restatedChecks);
        this.reach = new RuleReach(ids, read);
    }

    /** Whether Sluice restates this constraint itself instead of asking the database. */
    static boolean restates(CheckConstraint check, TableInfo table) {
        return SumCheck.parse(check, table).isPresent();
    }

    @Override
    public RuleReach reach() {
        return reach;
    }

    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        List<List<String>> fromDatabase = byDatabase == null ? null : byDatabase.evaluate(values(chunk));
        List<MappedRow> unanswered = null;
        List<Set<String>> broken = null;
        for (int i = 0; i < chunk.size(); i++) {
            MappedRow row = chunk.get(i);
            for (int k = 0; k < restated.size(); k++) {
                Restated r = restated.get(k);
                SumCheck.Outcome outcome = r.check().evaluate(values(row, r.columns()));
                if (outcome == SumCheck.Outcome.BROKEN) {
                    broken = broken == null ? new ArrayList<>(Collections.nCopies(chunk.size(), null)) : broken;
                    broken.set(i, with(broken.get(i), r.check().constraint()));
                } else if (outcome == SumCheck.Outcome.ASK_DATABASE) {
                    unanswered = unanswered == null ? new ArrayList<>() : unanswered;
                    if (unanswered.isEmpty() || unanswered.get(unanswered.size() - 1) != row) {
                        unanswered.add(row);
                    }
                }
            }
        }
        if (unanswered != null) {
            broken = broken == null ? new ArrayList<>(Collections.nCopies(chunk.size(), null)) : broken;
            askDatabase(chunk, unanswered, broken);
        }
        for (int i = 0; i < chunk.size(); i++) {
            List<String> byDb = fromDatabase == null ? List.of() : fromDatabase.get(i);
            Set<String> inSluice = broken == null ? null : broken.get(i);
            if (!byDb.isEmpty() || inSluice != null) {
                report(chunk.get(i), byDb, inSluice, findings);
            }
        }
    }

    /** The rows the restatement could not answer, given the database's answer for every restated constraint. */
    private void askDatabase(List<MappedRow> chunk, List<MappedRow> unanswered, List<Set<String>> broken) {
        List<List<String>> answers = restatedByDatabase.evaluate(values(unanswered));
        int next = 0;
        for (int i = 0; i < chunk.size() && next < unanswered.size(); i++) {
            if (chunk.get(i) == unanswered.get(next)) {
                Set<String> violated = answers.get(next).isEmpty() ? null : new HashSet<>(answers.get(next));
                broken.set(i, violated);
                next++;
            }
        }
    }

    private static Set<String> with(Set<String> names, String name) {
        Set<String> result = names == null ? new HashSet<>(2) : names;
        result.add(name);
        return result;
    }

    /** The rows' typed values by target column, as {@link DatabaseCheckEvaluator#evaluate} reads them. */
    static List<Map<String, Object>> values(List<MappedRow> rows) {
        List<Map<String, Object>> values = new ArrayList<>(rows.size());
        for (MappedRow row : rows) {
            values.add(new RowValues(row));
        }
        return values;
    }

    /** The typed values of the named columns; a value that failed conversion, or an unmapped column, is null. */
    private static Object[] values(MappedRow row, String[] columns) {
        Object[] values = new Object[columns.length];
        for (int c = 0; c < columns.length; c++) {
            int i = row.indexOf(columns[c]);
            values[c] = i < 0 || row.error(i) != null ? null : row.value(i);
        }
        return values;
    }

    // Out of the loop above, so that the compiler does not build these rare sentences into the per-chunk method.
    private void report(MappedRow row, List<String> byDatabase, Set<String> inSluice, Consumer<Finding> findings) {
        for (String constraint : names) {
            if (!byDatabase.contains(constraint) && (inSluice == null || !inSluice.contains(constraint))) {
                continue;
            }
            findings.accept(Findings.onRow(row, "check:" + constraint, Severity.ERROR,
                    "The row breaks the table's rule " + constraint + ": " + expressions.get(constraint) + ".",
                    null));
        }
    }

    /**
     * A row's typed values by target column, read through without copying. A value that failed conversion is
     * unknown to the database (null): the type rule reports it.
     */
    private static final class RowValues extends AbstractMap<String, Object> {
        private final MappedRow row;

        RowValues(MappedRow row) {
            this.row = row;
        }

        @Override
        public Object get(Object key) {
            int i = key instanceof String name ? row.indexOf(name) : -1;
            return i < 0 || row.error(i) != null ? null : row.value(i);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && row.indexOf(name) >= 0;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            for (String target : row.targets()) {
                entries.add(new SimpleImmutableEntry<>(target, get(target)));
            }
            return entries;
        }
    }
}
