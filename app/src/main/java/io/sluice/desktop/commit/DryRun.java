package io.sluice.desktop.commit;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitConflictException;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.NothingToImportException;
import io.sluice.core.commit.TableCounts;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.rules.Finding;
import io.sluice.core.usecase.ImportRows;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.ErrorText;

import java.nio.file.Path;
import java.util.List;

/**
 * The commit's dry run, computed in a background task: the approved rows, the plan's counts, or why the import would
 * be refused (a failed blocking quality gate, a repeated import, conflicts, values the columns cannot store).
 */
final class DryRun {

    private DryRun() {
    }

    /** {@code chosen} null: the profile's commit mode. */
    static PlanOutcome planOf(Path reviewFile, TargetChoice target, ImportMode chosen, boolean duplicate) {
        try (TargetDatabase db = TargetAccess.openForImport(target);
             ImportRows rows = ImportRows.fromReview(db, reviewFile,
                     new ImportRows.ImportSettings(chosen, duplicate, "dry run"))) {
            String table = rows.profile().table();
            if (rows.chosen() == 0) {
                return new PlanOutcome(0, rows.mode(), table, null, List.of(), null, List.of());
            }
            try {
                CommitPlan plan = rows.dryRun(Progress.NONE);
                String refusal = null;
                try {
                    rows.refuseIfNothingChanges(plan);
                } catch (NothingToImportException e) {
                    refusal = e.getMessage();
                }
                return new PlanOutcome(rows.chosen(), rows.mode(), table, plan, List.of(), refusal, List.of());
            } catch (CommitConflictException e) {
                return new PlanOutcome(rows.chosen(), rows.mode(), table, null, e.findings(), e.getMessage(),
                        List.of());
            } catch (RuntimeException e) {
                // e.g. approved values the columns cannot store: refused, but the approved rows are still counted
                return new PlanOutcome(rows.chosen(), rows.mode(), table, null, List.of(), ErrorText.sentence(e),
                        List.of());
            }
        }
    }


    /**
     * What the dry run found; {@code plan} is null when refused, {@code problem} null when not. For a workbook review
     * {@code table} names the related tables, parents first, and {@code tables} holds the plan per table (the plan
     * is their total); for one table {@code tables} is empty.
     */
    record PlanOutcome(long approved, ImportMode mode, String table, CommitPlan plan, List<Finding> conflicts,
                       String problem, List<TableCounts> tables) {

        PlanOutcome {
            conflicts = List.copyOf(conflicts);
            tables = List.copyOf(tables);
        }

        /** Whether the rows go into several related tables. */
        boolean related() {
            return !tables.isEmpty();
        }
    }
}
