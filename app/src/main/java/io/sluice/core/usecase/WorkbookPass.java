package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.Progress;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.RelatedChunks;
import io.sluice.core.commit.TableRows;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.tables.TargetRow;
import io.sluice.core.tables.WorkbookValidation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One read of a workbook for an import or its dry run: the workbook is validated chunk by chunk across all its tables
 * (parents' sheets first) on a second connection to the target, which sees the target as committed while the import's
 * transaction writes (as for one table, decision 0022), and as soon as a chunk's findings are known its source rows
 * without an error in any table are handed to the commit with every target row they make, parents' tables first.
 * The validation runs a chunk ahead on a thread of its own ({@link ChecksAhead}, decision 0050); the findings, the
 * progress and the rows reach the listener and the commit on the calling thread, chunk by chunk in the validation's
 * order. At the end the whole workbook's summary is handed to {@code atEnd}, which may refuse (a blocking gate, no row
 * to import) and so roll the batch back.
 */
final class WorkbookPass implements RelatedChunks {

    private final TargetDatabase db;
    private final Path file;
    private final Function<TableMapping, SourceOptions> optionsOf;
    private final Profile underMode;
    private final Map<String, TableRows> tables;
    private final Consumer<TableFinding> findings;
    private final Progress progress;
    private final Consumer<TablesSummary> atEnd;
    private volatile SluiceException readFailure;

    /**
     * @param tables   the batch's tables by the part's table as the profile names it
     * @param progress told the source rows validated and written; can cancel
     */
    WorkbookPass(TargetDatabase db, Path file, Function<TableMapping, SourceOptions> optionsOf, Profile underMode,
                 Map<String, TableRows> tables, Consumer<TableFinding> findings, Progress progress,
                 Consumer<TablesSummary> atEnd) {
        this.db = db;
        this.file = file;
        this.optionsOf = optionsOf;
        this.underMode = underMode;
        this.tables = tables;
        this.findings = findings;
        this.progress = progress;
        this.atEnd = atEnd;
    }

    /** The input failure that stopped the read (a sheet that cannot be read further), or null. */
    SluiceException readFailure() {
        return readFailure;
    }

    @Override
    public void feed(Sink sink) {
        try {
            write(sink);
        } catch (SluiceException e) {
            // the commit's own failures while writing a chunk are target failures; an input one is the workbook's
            if (e.kind() == SluiceException.Kind.INPUT) {
                readFailure = e;
            }
            throw e;
        }
    }

    /** Takes each validated chunk from the validation ahead and hands its findings, rows and progress on. */
    private void write(Sink sink) {
        try (ChecksAhead ahead = ChecksAhead.start(this::validate, progress)) {
            long done = 0;
            ChecksAhead.Checked chunk;
            while ((chunk = ahead.next()) != null) {
                chunk.findings().forEach(findings);
                if (progress.isCancelled()) {
                    throw new CancellationException("The import of " + file.getFileName() + " was cancelled.");
                }
                for (ChecksAhead.TableChunk rows : chunk.tables()) {
                    sink.write(rows.table(), rows.rows());
                }
                done += chunk.sourceRows();
                progress.rowsDone(done);
            }
            ChecksAhead.End end = ahead.end();
            end.findings().forEach(findings);
            end.rethrow();
            atEnd.accept(end.summary());
        }
    }

    /** The validation itself, on the thread ahead: each chunk's clean rows by table, parents first. */
    private TablesSummary validate(ChecksAhead.Handing handing) {
        try (TargetDatabase reader = db.openAlongside();
             WorkbookValidation validation = WorkbookValidation.prepare(file, optionsOf, underMode, reader)) {
            return validation.run(handing::finding, (sheet, rows, made, errors) -> {
                List<ChecksAhead.TableChunk> chunk = new ArrayList<>(made.size());
                for (Map.Entry<String, List<TargetRow>> part : made.entrySet()) {
                    List<ApprovedRow> clean = new ArrayList<>(part.getValue().size());
                    for (TargetRow row : part.getValue()) {
                        if (row.sourceRow() > Integer.MAX_VALUE || !errors.get((int) row.sourceRow())) {
                            clean.add(new ApprovedRow(row.sourceRow(), row.legacyId(), row.values()));
                        }
                    }
                    chunk.add(new ChecksAhead.TableChunk(tables.get(part.getKey()), clean));
                }
                handing.hand(chunk, rows.size());
            }, handing.cancel());
        }
    }
}
