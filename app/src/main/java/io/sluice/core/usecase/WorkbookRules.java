package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.review.QualityBasis;
import io.sluice.core.review.RowVerdict;
import io.sluice.core.review.RuleChange;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceRow;
import io.sluice.core.tables.WorkbookRowValidator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The steward's rules on one table of a workbook review, fed by one sheet: tried over the sheet's rows as they are
 * now ({@link #preview}), applied or removed as one undoable step of that sheet ({@link #apply}, {@link #remove}),
 * as {@link ApplyRule} and {@link RulePreview} do for the review of one sheet. The sheet's review records the profile
 * with the changed rules, from which the workbook review reads that table's rules ({@code WorkbookFiles.profile}),
 * so its undo takes the rule out again, findings and profile exactly; after each step the references of every sheet
 * are checked again, as the rows in error are no parents. Repeats within the workbook ({@code unique}) are judged
 * over the whole workbook by {@code validate --review}, not by a step on one sheet: such a rule is refused.
 */
public final class WorkbookRules {

    /** Rows read and validated at a time. */
    private static final int CHUNK = 500;

    private WorkbookRules() {
    }

    /** What the rule would flag on the sheet, changing nothing; the first {@code examples} findings kept. */
    public static RulePreview.Outcome preview(OpenWorkbookReview workbook, String sheet, String table, RuleSpec rule,
                                              int examples, Progress progress) {
        Objects.requireNonNull(rule, "rule");
        Step step = new Step(workbook, sheet, table);
        String id = RuleSet.idOf(rule);
        if (step.part.rules().stream().anyMatch(r -> RuleSet.idOf(r).equalsIgnoreCase(id))) {
            throw SluiceException.input("Table " + step.part.table() + " already has a rule '" + id + "'; give the"
                    + " new rule another id.");
        }
        Profile after = step.with(rule, null);
        RuleKindCheck.refuse(rule, step.db.table(step.part.table()));
        step.refuseDerivedOrUnique(after, id);
        List<RulePreview.Example> kept = new ArrayList<>();
        long[] counts = new long[2];
        long rows = step.run(after, Set.of(id), progress, new Consumer<>() {
            private long lastRow = -1;

            @Override
            public void accept(Finding f) {
                counts[1]++;
                if (f.row() != lastRow) {
                    counts[0]++;
                    lastRow = f.row();
                }
                if (kept.size() < Math.max(0, examples)) {
                    kept.add(new RulePreview.Example(f.row(), f.cell(), f.column(), f.value(), f.message()));
                }
            }
        });
        return new RulePreview.Outcome(id, counts[0], counts[1], rows, rows, kept);
    }

    /**
     * Adds the rule to the table's rules, or replaces its rule of the same id (ignoring case), and replaces its
     * findings on the sheet, as one undoable step of the sheet; then the references of every sheet are checked again.
     */
    public static ApplyRule.Outcome apply(OpenWorkbookReview workbook, String sheet, String table, RuleSpec rule,
                                          Progress progress) {
        return apply(workbook, sheet, table, rule, null, progress);
    }

    /**
     * As {@link #apply(OpenWorkbookReview, String, String, RuleSpec, Progress)}, the rule taking the place of the
     * table's rule {@code formerId} too (ignoring case; null for none), the id it had before the steward renamed it.
     */
    public static ApplyRule.Outcome apply(OpenWorkbookReview workbook, String sheet, String table, RuleSpec rule,
                                          String formerId, Progress progress) {
        Objects.requireNonNull(rule, "rule");
        Step step = new Step(workbook, sheet, table);
        String id = RuleSet.idOf(rule);
        String replaced = step.part.rules().stream().map(RuleSet::idOf)
                .filter(r -> r.equalsIgnoreCase(id) || r.equalsIgnoreCase(formerId)).findFirst().orElse(null);
        Profile after = step.with(rule, formerId);
        RuleKindCheck.refuse(rule, step.db.table(step.part.table()));
        step.refuseDerivedOrUnique(after, id);
        return step.change(after, id, ApplyRule.changeOf(replaced, id) + " on " + step.part.table(), progress);
    }

    /** Removes the table's rule with this id (ignoring case) and its findings, as one undoable step of the sheet. */
    public static ApplyRule.Outcome remove(OpenWorkbookReview workbook, String sheet, String table, String ruleId,
                                           Progress progress) {
        Objects.requireNonNull(ruleId, "ruleId");
        Step step = new Step(workbook, sheet, table);
        List<RuleSpec> rules = new ArrayList<>();
        String id = null;
        for (RuleSpec r : step.part.rules()) {
            if (RuleSet.idOf(r).equalsIgnoreCase(ruleId)) {
                id = RuleSet.idOf(r);
            } else {
                rules.add(r);
            }
        }
        if (id == null) {
            if (step.rulesOf(step.before).described().stream()
                    .anyMatch(r -> !r.editable() && r.id().equalsIgnoreCase(ruleId))) {
                throw SluiceException.input("The rule '" + ruleId + "' is derived from table " + step.part.table()
                        + " of the target and cannot be removed; it changes only with the table.");
            }
            throw SluiceException.input("Table " + step.part.table() + " of the profile has no rule '" + ruleId
                    + "' (" + (step.part.rules().isEmpty() ? "it has no rules of its own" : "its rules: "
                    + String.join(", ", step.part.rules().stream().map(RuleSet::idOf).toList())) + ").");
        }
        return step.change(step.withRules(rules), id, "Remove rule '" + id + "' on " + step.part.table(), progress);
    }

    /** One table's rules on one sheet, as the workbook review records them now. */
    private static final class Step {
        private final OpenWorkbookReview workbook;
        private final OpenReview member;
        private final String sheet;
        private final Profile before;
        private final TableMapping part;
        private final TargetDatabase db;

        Step(OpenWorkbookReview workbook, String sheetName, String tableName) {
            this.workbook = workbook;
            this.member = workbook.sheet(sheetName);
            this.sheet = member.review().info().sheet();
            List<String> tables = workbook.tablesOf(sheet);
            String table = table(tables, tableName);
            if (!member.isValidated()) {
                throw SluiceException.input("Sheet " + sheet + " of " + workbook.file().getFileName() + " has not"
                        + " been validated to the end; validate the review again before changing its rules.");
            }
            this.before = workbook.profile();
            this.part = before.tables().stream().filter(t -> t.table().equalsIgnoreCase(table)).findFirst()
                    .orElseThrow(() -> SluiceException.input("The profile of " + workbook.file().getFileName()
                            + " does not map table " + table + "; validate the review again with its profile."));
            this.db = workbook.target();
        }

        /** The table the rule is on: the one named (any case), or the sheet's only table. */
        private String table(List<String> tables, String named) {
            if (named == null) {
                if (tables.size() == 1) {
                    return tables.get(0);
                }
                throw SluiceException.input("Sheet " + sheet + " feeds " + tables.size() + " tables ("
                        + String.join(", ", tables) + "): name the table the rule is on with --table TABLE.");
            }
            return tables.stream().filter(t -> t.equalsIgnoreCase(named.strip())).findFirst()
                    .orElseThrow(() -> SluiceException.input("Sheet " + sheet + " of "
                            + workbook.file().getFileName() + " feeds no table '" + named + "' (its tables: "
                            + String.join(", ", tables) + ")."));
        }

        Profile with(RuleSpec rule, String formerId) {
            String id = RuleSet.idOf(rule);
            List<RuleSpec> rules = new ArrayList<>();
            boolean replaced = false;
            for (RuleSpec r : part.rules()) {
                String had = RuleSet.idOf(r);
                if (!had.equalsIgnoreCase(id) && !had.equalsIgnoreCase(formerId)) {
                    rules.add(r);
                } else if (!replaced) {
                    rules.add(rule);
                    replaced = true;
                }
            }
            if (!replaced) {
                rules.add(rule);
            }
            return withRules(rules);
        }

        Profile withRules(List<RuleSpec> rules) {
            List<TableMapping> parts = new ArrayList<>();
            before.tables().forEach(t -> parts.add(t == part ? t.withRules(rules) : t));
            Profile after = before.withTables(parts);
            ProfileProblem problem = ProfileValidator.firstProblem(after);
            if (problem != null) {
                throw SluiceException.input("The rule cannot run: " + problem.message() + ".");
            }
            return after;
        }

        WorkbookRowValidator.TableRules rulesOf(Profile profile) {
            try {
                return WorkbookRowValidator.rulesOf(profile, part.table(), sheet, member.review().info().headerRow(),
                        member.columns(), db);
            } catch (SluiceException e) {
                throw e;
            } catch (RuntimeException e) {
                throw SluiceException.input("The rule cannot run on table " + part.table() + ": " + e.getMessage()
                        + (e.getMessage() != null && e.getMessage().endsWith(".") ? "" : "."), e);
            }
        }

        void refuseDerivedOrUnique(Profile after, String id) {
            if (rulesOf(before).described().stream().anyMatch(r -> !r.editable() && r.id().equalsIgnoreCase(id))) {
                throw SluiceException.input("'" + id + "' is the id of a rule derived from table " + part.table()
                        + " of the target; give the new rule another id.");
            }
            if (rulesOf(after).uniqueness().stream().anyMatch(u -> u.equalsIgnoreCase(id))) {
                throw SluiceException.input("Rule '" + id + "' looks for repeats, which are judged over the whole"
                        + " workbook, not one sheet's step: add it to the profile and run 'sluice validate --review "
                        + workbook.file() + " --profile P.json'.");
            }
        }

        ApplyRule.Outcome change(Profile after, String id, String description, Progress progress) {
            Set<String> idsBefore = ids(rulesOf(before));
            WorkbookRowValidator.TableRules rulesAfter = rulesOf(after);
            Set<String> idsAfter = ids(rulesAfter);
            Set<String> replaced = new TreeSet<>(Set.of(id));
            idsBefore.stream().filter(r -> !idsAfter.contains(r)).forEach(replaced::add);
            idsAfter.stream().filter(r -> !idsBefore.contains(r)).forEach(replaced::add);
            Set<String> fileWide = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            fileWide.addAll(validator(after).fileWideRules());
            replaced.removeIf(fileWide::contains);
            replaced.add(id);
            Set<String> uniqueness = new HashSet<>(fileWide);
            uniqueness.remove("reference");
            RuleChange change = new RuleChange(id, description, replaced, ProfileIO.toJson(after),
                    QualityBasis.of(member.columns().size(), uniqueness),
                    sink -> run(after, replaced, progress, sink));
            RuleChange.Step step = member.session().applyRule(change);
            workbook.profileChanged();
            workbook.recheckReferences(progress);
            return new ApplyRule.Outcome(id, step.findings(), step.flaggedRows(), step.rowsNowInError(),
                    step.rowsNoLongerInError());
        }

        private static Set<String> ids(WorkbookRowValidator.TableRules rules) {
            Set<String> ids = new HashSet<>();
            rules.described().forEach((RuleInfo r) -> ids.add(r.id()));
            return ids;
        }

        private WorkbookRowValidator validator(Profile profile) {
            return WorkbookRowValidator.of(profile, workbook.tablesOf(sheet), sheet,
                    member.review().info().headerRow(), member.columns(), db);
        }

        /**
         * Validates every row of the sheet as the steward sees it with {@code profile}, handing the findings of
         * {@code rules} to the sink in row order; returns the rows read.
         */
        long run(Profile profile, Set<String> rules, Progress progress, Consumer<Finding> sink) {
            WorkbookRowValidator validator = validator(profile);
            Set<String> wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            wanted.addAll(rules);
            long read = 0;
            try (ReviewRows rows = new ReviewRows(member.file())) {
                List<SourceRow> chunk = new ArrayList<>(CHUNK);
                SourceRow row;
                do {
                    row = rows.next();
                    if (row != null) {
                        chunk.add(row);
                    }
                    if (chunk.size() == CHUNK || row == null && !chunk.isEmpty()) {
                        if (progress.isCancelled()) {
                            throw new CancellationException("Cancelled");
                        }
                        for (RowVerdict verdict : validator.validateAll(chunk)) {
                            verdict.findings().stream().filter(f -> wanted.contains(f.rule())).forEach(sink);
                        }
                        read += chunk.size();
                        progress.rowsDone(read);
                        chunk.clear();
                    }
                } while (row != null);
            }
            return read;
        }
    }
}
