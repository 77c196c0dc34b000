package io.sluice.desktop.commit;

import io.sluice.core.Progress;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.ImportTables;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.review.RowFilter;
import io.sluice.desktop.TargetChoice;
import io.sluice.testing.TableText;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repository's lab workbook onto five related tables ({@code sample-data/ds4-lab-workbook.xlsx} with
 * {@code profiles/ds4-lab.profile.json}), imported straight from the file as {@code sluice import} does, and the
 * related tables' contents for the tests that roll it back.
 */
public final class LabWorkbook {

    /** The workbook: Materials, Suppliers and Mixes sheets, with the faults the sample-data README lists. */
    public static final Path FILE = Path.of("..", "sample-data", "ds4-lab-workbook.xlsx");
    /** Its version-2 profile: material, supplier, concrete_mix, mix_component, strength_test. */
    public static final Path PROFILE = Path.of("..", "sample-data", "profiles", "ds4-lab.profile.json");
    /** The tables the profile writes, parents first. */
    public static final List<String> TABLES = List.of("material", "supplier", "concrete_mix", "mix_component",
            "strength_test");

    /** The parents' sheet whose row 4 misspells a material. */
    public static final String MATERIALS = "Materials";
    /** The Materials row that reads {@code Fly-ash} where the Mixes sheet's header names {@code Fly ash}. */
    public static final long FLY_ASH_ROW = 4;

    private LabWorkbook() {
    }

    public static Profile profile() {
        return ProfileIO.read(PROFILE);
    }

    /** Imports the workbook's valid source rows as one batch; returns what it did per table. */
    public static RelatedCommitResult importInto(TargetChoice target, String steward) {
        try (TargetDatabase db = TargetAccess.openForImport(target)) {
            ImportTables rows = ImportTables.fromFile(db, FILE, SourceOptions.DEFAULTS, profile(),
                    new ImportRows.ImportSettings(null, false, steward), null, Progress.NONE);
            return rows.commit(Progress.NONE);
        }
    }

    /**
     * Stages the workbook into a new workbook review {@code review} (one review per sheet), renames the Materials
     * sheet's {@code Fly-ash} (row 4) to {@code Fly ash} so that the mixes' fly-ash components find their material,
     * and approves every valid row of every sheet, as a steward would; returns the review file.
     */
    public static Path reviewApprovingValid(TargetChoice target, Path review) {
        try (TargetDatabase db = target.open()) {
            ValidateWorkbookReview.stage(FILE, SourceOptions.DEFAULTS, profile(), PROFILE.toString(), review, db,
                    null, Progress.NONE);
        }
        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, target::open)) {
            opened.edit(MATERIALS, FLY_ASH_ROW, 0, "Fly ash");
            opened.approveAll(null, sheet -> RowFilter.pending().and(RowFilter.valid()));
        }
        return review;
    }

    /** Rows per related table, parents first (the suppliers the sample schema seeds included). */
    public static Map<String, Integer> rowCounts(TargetChoice target) throws SQLException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (TargetDatabase db = target.open()) {
            for (String table : TABLES) {
                counts.put(table, TableText.rows(db.connection(), "SELECT * FROM " + table).size());
            }
        }
        return counts;
    }
}
