package io.sluice.desktop.commit;

import io.sluice.core.Progress;
import io.sluice.core.commit.CommitConflictException;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.TableCounts;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.ImportWorkbookReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The commit of a workbook review (a profile onto several tables), through {@link ImportWorkbookReview}: the
 * approved source rows of every sheet go into the related tables as one batch, each table with the profile's own
 * mode, parents first. Its dry run counts per table; both run in a background task.
 */
final class WorkbookImport {

    private WorkbookImport() {
    }

    /** Whether the review is a workbook review, whose commit goes through here. */
    static boolean isWorkbook(Path review) {
        return ValidateWorkbookReview.isWorkbookReview(review);
    }

    /** The dry run: the approved source rows, and what the batch would do to each table, or why it is refused. */
    static DryRun.PlanOutcome planOf(Path review, TargetChoice target, boolean duplicate) {
        try (TargetDatabase db = TargetAccess.openForImport(target);
             ImportWorkbookReview rows = ImportWorkbookReview.fromReview(db, review,
                     new ImportRows.ImportSettings(null, duplicate, "dry run"), Progress.NONE)) {
            Map<String, String> modes = rows.modes();
            String tables = String.join(", ", modes.keySet().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
            if (rows.approved() == 0) {
                return DryRun.PlanOutcome.related(0, tables, null, List.of(), null, List.of());
            }
            try {
                List<TableCounts> counts = rows.dryRun(Progress.NONE);
                CommitPlan plan = new CommitPlan(sum(counts, TableCounts::inserted), sum(counts, TableCounts::updated),
                        sum(counts, TableCounts::skipped));
                String problem = plan.changesNothing() ? "The approved rows would change nothing in tables " + tables
                        + ": every one of them is already there and would be skipped." : null;
                return DryRun.PlanOutcome.related(rows.approved(), tables, plan, List.of(), problem,
                        counts.stream().map(c -> TablePlan.of(c, modes)).toList());
            } catch (CommitConflictException e) {
                return DryRun.PlanOutcome.related(rows.approved(), tables, null, e.findings(), e.getMessage(),
                        List.of());
            } catch (RuntimeException e) {
                return DryRun.PlanOutcome.related(rows.approved(), tables, null, List.of(), ErrorText.sentence(e),
                        List.of());
            }
        }
    }

    /** Writes the approved source rows of every sheet as one batch; the review's decisions are kept with it. */
    static CommitOutcome commitOf(Path review, TargetChoice target, boolean duplicate, String steward,
                                  TaskContext ctx) {
        try (TargetDatabase db = TargetAccess.openForImport(target);
             ImportWorkbookReview rows = ImportWorkbookReview.fromReview(db, review,
                     new ImportRows.ImportSettings(null, duplicate, steward), ctx)) {
            Map<String, String> modes = rows.modes();
            ImportWorkbookReview.Result result = rows.commit(ctx);
            return CommitOutcome.related(result.batch(), result.auditEntries(),
                    result.batch().tables().stream().map(c -> TablePlan.of(c, modes)).toList());
        }
    }

    private static long sum(List<TableCounts> counts, java.util.function.ToLongFunction<TableCounts> count) {
        return counts.stream().mapToLong(count).sum();
    }
}
