package io.sluice.desktop.commit;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitConflictException;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.NothingToImportException;
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
        if (WorkbookImport.isWorkbook(reviewFile)) {
            // each table keeps the mode its part of the profile names
            return WorkbookImport.planOf(reviewFile, target, duplicate);
        }
        try (TargetDatabase db = TargetAccess.openForImport(target);
             ImportRows rows = ImportRows.fromReview(db, reviewFile,
                     new ImportRows.ImportSettings(chosen, duplicate, "dry run"))) {
            String table = rows.profile().table();
            if (rows.chosen() == 0) {
                return new PlanOutcome(0, rows.mode(), table, null, List.of(), null);
            }
            try {
                CommitPlan plan = rows.dryRun(Progress.NONE);
                String refusal = null;
                try {
                    rows.refuseIfNothingChanges(plan);
                } catch (NothingToImportException e) {
                    refusal = e.getMessage();
                }
                return new PlanOutcome(rows.chosen(), rows.mode(), table, plan, List.of(), refusal);
            } catch (CommitConflictException e) {
                return new PlanOutcome(rows.chosen(), rows.mode(), table, null, e.findings(), e.getMessage());
            } catch (RuntimeException e) {
                // e.g. approved values the columns cannot store: refused, but the approved rows are still counted
                return new PlanOutcome(rows.chosen(), rows.mode(), table, null, List.of(), ErrorText.sentence(e));
            }
        }
    }


    /**
     * What the dry run found; {@code plan} is null when refused, {@code problem} null when not. For a workbook review
     * ({@code related}) {@code mode} is null (each table keeps the profile's mode), {@code table} names the related
     * tables, parents first, and {@code tables} holds the plan per table (the plan is their total).
     */
    record PlanOutcome(long approved, ImportMode mode, String table, CommitPlan plan, List<Finding> conflicts,
                       String problem, boolean related, List<TablePlan> tables) {

        PlanOutcome {
            conflicts = List.copyOf(conflicts);
            tables = List.copyOf(tables);
        }

        /** A review of one sheet into one table. */
        PlanOutcome(long approved, ImportMode mode, String table, CommitPlan plan, List<Finding> conflicts,
                    String problem) {
            this(approved, mode, table, plan, conflicts, problem, false, List.of());
        }

        /** A workbook review into several related tables. */
        static PlanOutcome related(long approved, String tables, CommitPlan plan, List<Finding> conflicts,
                                   String problem, List<TablePlan> perTable) {
            return new PlanOutcome(approved, null, tables, plan, conflicts, problem, true, perTable);
        }
    }
}
