package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.review.RuleFindingsWriter;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.WorkbookValidation;

import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps a workbook review's reference findings true after a change: whether a child row's parent resolves depends
 * on other rows (a material's name edited, a material row rejected, a parent row that got an error), so after every
 * edit, fix, decision, undo and redo the references of every sheet are checked again from the members' rows as they
 * stand, the rows with other errors and the rejected rows left out as parents, and each member's findings of rule
 * {@code reference} are replaced.
 */
final class ReferenceFindings {

    private ReferenceFindings() {
    }

    /**
     * Checks every reference of the workbook again and replaces the reference findings of every member, streamed
     * into each member in one transaction per member (committed once the whole pass succeeded), so any number of
     * findings fits in a small heap.
     */
    static void recheck(WorkbookFiles files, Profile profile, TargetDatabase db, Progress progress) {
        Map<String, BitSet> inError = new HashMap<>();
        for (String sheet : files.sheets()) {
            inError.put(sheet, WorkbookFiles.bits(files.member(sheet).rowsWithErrorsOtherThan(
                    TableFinding.REFERENCE_RULE)));
        }
        WorkbookValidation.LeftOutRows rejected = files.rejected();
        Map<String, RuleFindingsWriter> writers = new LinkedHashMap<>();
        try (WorkbookValidation validation = WorkbookValidation.prepareOver(part -> files.sheetOf(profile, part),
                sheet -> new ReviewRows(files.path(sheet)), profile, db)) {
            for (String sheet : files.sheets()) {
                writers.put(sheet, files.member(sheet).replacingFindingsOf(TableFinding.REFERENCE_RULE));
            }
            validation.leavingOut((sheet, row) -> {
                BitSet errors = inError.get(sheet);
                if (errors != null && row <= Integer.MAX_VALUE && errors.get((int) row)) {
                    return "has errors";
                }
                return rejected.why(sheet, row);
            }).referencesOnly().run(f -> writers.get(f.sheet()).append(f.forReview()), progress);
            writers.values().forEach(RuleFindingsWriter::commit);
        } finally {
            writers.values().forEach(RuleFindingsWriter::close);
        }
    }
}
