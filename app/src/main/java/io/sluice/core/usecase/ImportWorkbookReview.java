package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.BatchAddition;
import io.sluice.core.commit.NothingToImportException;
import io.sluice.core.commit.RelatedBatchRequest;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.core.commit.RelatedCommitter;
import io.sluice.core.commit.TableCounts;
import io.sluice.core.commit.TableRows;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewAuditCopy;
import io.sluice.core.review.ReviewInfo;
import io.sluice.core.rules.Finding;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.WorkbookValidation;
import io.sluice.core.validate.GateMeasures;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.core.validate.QualityGates;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Imports the approved source rows of every sheet of a workbook review as one batch into several related tables, or
 * answers what that would do (dry run): each approved row, with the steward's edits, is expanded into the target
 * rows of every table its sheet feeds, and {@link RelatedCommitter} writes them in one transaction, parents first,
 * with provenance per table (sheet and source row) and every sheet's audit log in the same transaction. An approved
 * row whose parent is neither in the target nor approved in this review refuses the import in one sentence naming
 * the sheet and the row, before anything is written. Close it when done.
 */
public final class ImportWorkbookReview implements AutoCloseable {

    /** What the import wrote: the batch, with its counts per table, and the audit entries copied with it. */
    public record Result(RelatedCommitResult batch, long auditEntries) {
    }

    private final TargetDatabase db;
    private final WorkbookFiles files;
    private final RelatedBatchRequest request;
    private final List<GateResult> gates;
    private final long approved;
    private final boolean targetUnrecorded;

    private ImportWorkbookReview(TargetDatabase db, WorkbookFiles files, RelatedBatchRequest request,
                                 List<GateResult> gates, long approved, boolean targetUnrecorded) {
        this.db = db;
        this.files = files;
        this.request = request;
        this.gates = gates;
        this.approved = approved;
        this.targetUnrecorded = targetUnrecorded;
    }

    /**
     * Chooses the approved rows of every sheet under the import's mode (given, or each table's own) and checks that
     * each of their references resolves to the target or to an approved row; {@code progress} can cancel that check.
     * A table changed since the review was validated, in a way that can make its findings untrue, is refused before
     * anything else ({@link TargetChangedException}).
     */
    public static ImportWorkbookReview fromReview(TargetDatabase db, Path review, ImportRows.ImportSettings settings,
                                                  Progress progress) {
        WorkbookFiles files = WorkbookFiles.open(review);
        try {
            Profile profile = files.profile();
            ValidateTables.refuseScoreGates(profile);
            Profile underMode = settings.mode() == null ? profile : ImportTables.withMode(profile, settings.mode());
            long rows = 0;
            long rejected = 0;
            long approved = 0;
            long withErrors = 0;
            for (Review member : files.reviews()) {
                DecisionCounts counts = member.ledger().counts();
                rows += member.rowCount();
                rejected += counts.rejected();
                approved += counts.approved();
                withErrors += member.counts().rowsWithErrors();
            }
            List<GateResult> gates = QualityGates.evaluate(profile.gates(), new GateMeasures(rows, withErrors,
                    rejected, null));
            Function<String, TableInfo> tables = db.tablesIntrospectedOnce();
            boolean checked = true;
            for (Review member : files.reviews()) {
                checked &= TargetChangedException.refuseIfChanged(member, String.valueOf(review.getFileName()),
                        tables);
            }
            if (approved > 0) {
                refuseUnresolved(files, underMode, db, progress);
            }
            List<TableRows> tableRows = new ArrayList<>();
            for (TableMapping part : WorkbookValidation.parentsFirst(underMode)) {
                ImportMode mode = ImportMode.parse(part.commitMode(), "profile '" + profile.name() + "', table "
                        + part.table());
                TableInfo table = tables.apply(part.table());
                Set<String> targets = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
                targets.addAll(part.targetColumns());
                List<ColumnInfo> columns = table.columns().stream().filter(c -> targets.contains(c.name())).toList();
                String sheet = files.sheetOf(underMode, part);
                Path member = files.path(sheet);
                tableRows.add(new TableRows(table, columns, sheet, mode, part.naturalKey(),
                        ImportTables.references(underMode, part), new WorkbookRows(() -> ReviewRows.approved(member),
                        underMode, part, tables, null)));
            }
            ReviewInfo info = files.workbook().info();
            RelatedBatchRequest request = new RelatedBatchRequest(info.source().getFileName().toString(),
                    info.sha256(), profile.name(), ProfileIO.sha256(profile), null, rows, approved,
                    rejected, settings.allowDuplicate(), settings.steward(), gates, tableRows);
            return new ImportWorkbookReview(db, files, request, gates, approved, !checked);
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /**
     * Refuses, in one sentence naming sheet and row, an approved row with a reference that neither the target nor
     * an approved row of this review resolves: the import would otherwise fail at the commit, or write a child that
     * leans on a parent the steward did not approve.
     */
    static void refuseUnresolved(WorkbookFiles files, Profile profile, TargetDatabase db,
                                         Progress progress) {
        List<TableFinding> unresolved = new ArrayList<>();
        long[] count = new long[1];
        try (WorkbookValidation validation = WorkbookValidation.prepareOver(part -> files.sheetOf(profile, part),
                sheet -> ReviewRows.approved(files.path(sheet)), profile, db)) {
            validation.referencesOnly().run(f -> {
                if (unresolved.isEmpty()) {
                    unresolved.add(f);
                }
                count[0]++;
            }, progress);
        }
        if (!unresolved.isEmpty()) {
            TableFinding first = unresolved.get(0);
            Finding f = first.finding();
            String more = count[0] == 1 ? "" : " (" + (count[0] - 1) + " more such reference"
                    + (count[0] == 2 ? "" : "s") + ")";
            String parent = (f.column() == null ? f.target() : f.column()) + " '" + f.value() + "'"
                    + (f.cell() == null ? "" : ", cell " + f.cell());
            throw SluiceException.input(files.file().getFileName() + " cannot be imported: approved row " + f.row()
                    + " of sheet " + first.sheet() + " makes a " + first.table() + " row whose parent (" + parent
                    + ") is neither in the target nor approved in this review" + more + "; approve the parent row,"
                    + " or take row " + f.row() + " out of the approved ones.");
        }
    }


    /**
     * Whether a sheet of the review was validated before Sluice recorded its target tables, so that nobody could
     * tell whether they changed since.
     */
    public boolean targetUnrecorded() {
        return targetUnrecorded;
    }

    /** Approved source rows over all sheets. */
    public long approved() {
        return approved;
    }

    /** The profile's gates as measured on the review (rejected rows: the rows the steward rejected). */
    public List<GateResult> gates() {
        return gates;
    }

    /** Whether a failed blocking gate refuses this import. */
    public boolean blocked() {
        return QualityGates.blocks(gates);
    }

    /** The mode each table is written with, by table as the target names it, parents first. */
    public Map<String, String> modes() {
        Map<String, String> modes = new LinkedHashMap<>();
        request.tables().forEach(t -> modes.put(t.table().name(), t.mode().code()));
        return modes;
    }

    /** What the import would do per table, parents first; writes nothing. Refuses as {@link #commit} does. */
    public List<TableCounts> dryRun(Progress progress) {
        refuseNothing();
        return new RelatedCommitter(db).plan(request, progress);
    }

    /**
     * Writes the approved rows as one batch in one transaction, with the audit log of every sheet; on any refusal,
     * failure or cancel nothing is written.
     */
    public Result commit(Progress progress) {
        refuseNothing();
        AtomicLong audit = new AtomicLong();
        try (ReviewAuditCopy auditCopy = ReviewAuditCopy.start(files.reviews())) {
            BatchAddition keepAudit = (connection, batchId) -> audit.set(auditCopy.write(batchId, connection));
            RelatedCommitResult result = new RelatedCommitter(db).commit(request, progress, keepAudit);
            return new Result(result, audit.get());
        }
    }

    private void refuseNothing() {
        if (blocked()) {
            throw new GatesBlockedException(gates.stream().filter(g -> g.status() == GateStatus.BLOCKED).toList());
        }
        if (approved == 0) {
            throw new NothingToImportException(files.file().getFileName() + " has no approved rows to import;"
                    + " approve rows first.");
        }
    }

    @Override
    public void close() {
        files.close();
    }
}
