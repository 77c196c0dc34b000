package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.review.Review;
import io.sluice.core.rules.Finding;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.WorkbookValidation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
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

    /** Checks every reference of the workbook again and replaces the reference findings of every member. */
    static void recheck(WorkbookFiles files, Profile profile, TargetDatabase db, Progress progress) {
        Map<String, BitSet> inError = new HashMap<>();
        Map<String, List<Finding>> found = new HashMap<>();
        for (String sheet : files.sheets()) {
            inError.put(sheet, WorkbookFiles.bits(files.member(sheet).rowsWithErrorsOtherThan(
                    TableFinding.REFERENCE_RULE)));
            found.put(sheet, new ArrayList<>());
        }
        WorkbookValidation.LeftOutRows rejected = files.rejected();
        try (WorkbookValidation validation = WorkbookValidation.prepareOver(part -> files.sheetOf(profile, part),
                sheet -> new ReviewRows(files.path(sheet)), profile, db)) {
            validation.leavingOut((sheet, row) -> {
                BitSet errors = inError.get(sheet);
                if (errors != null && row <= Integer.MAX_VALUE && errors.get((int) row)) {
                    return "has errors";
                }
                return rejected.why(sheet, row);
            }).referencesOnly().run(f -> found.get(f.sheet()).add(f.forReview()), progress);
        }
        for (String sheet : files.sheets()) {
            Review member = files.member(sheet);
            member.replaceFindingsOfRule(TableFinding.REFERENCE_RULE, found.get(sheet));
        }
    }
}
