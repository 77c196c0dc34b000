package io.sluice.core.usecase;

import io.sluice.bench.LabWorkbookSample;
import io.sluice.bench.SampleProfiles;
import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.core.commit.TableCounts;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.tables.TableFinding;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Validation across related tables: a parent on a source row with errors, and what an import then leaves out. */
class ValidateTablesTest {

    @TempDir
    Path dir;

    /** The lab workbook with the class of material Water (Materials row 3) set to a value its CHECK refuses. */
    private Path workbookWithWaterRejected() throws Exception {
        Path lab = LabWorkbookSample.write(dir.resolve("lab")).file();
        Path changed = dir.resolve("water-rejected.xlsx");
        try (InputStream in = Files.newInputStream(lab); Workbook workbook = WorkbookFactory.create(in)) {
            workbook.getSheet(LabWorkbookSample.MATERIALS_SHEET).getRow(2).getCell(1).setCellValue("liquid");
            try (OutputStream out = Files.newOutputStream(changed)) {
                workbook.write(out);
            }
        }
        return changed;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aReferenceToAParentOnARowWithErrorsIsAFindingAndTheChildRowIsLeftOut(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database database = engine.fresh();
        SampleSchema.install(database.url(), database.user(), database.password());
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        Path file = workbookWithWaterRejected();
        Profile profile = SampleProfiles.lab();
        try (TargetDatabase db = TargetDatabase.open(database.url(), database.user(), database.password())) {
            List<TableFinding> findings = new ArrayList<>();
            ValidateTables.Outcome outcome = ValidateTables.run(file, SourceOptions.DEFAULTS, profile, null, db,
                    findings::add, Progress.NONE);

            assertThat(findings).filteredOn(f -> f.sheet().equals("Materials"))
                    .extracting(f -> f.finding().row() + " " + f.finding().cell()).containsExactly("3 B3");
            List<TableFinding> water = findings.stream().filter(f -> f.finding().rule().equals("reference")
                    && f.finding().value().equals("Water (kg/m3)")).toList();
            // every mix holds water: each Mixes row gets the finding on the Water column's header cell
            assertThat(water).hasSize(40).allMatch(f -> f.sheet().equals("Mixes")
                    && f.table().equalsIgnoreCase("mix_component") && f.finding().cell().equals("E1"));
            assertThat(water.get(0).finding().message()).isEqualTo("Water (kg/m3) 'Water' names a row of material"
                    + " made by row 3 of sheet Materials, which has errors and is left out, and material (name)"
                    + " does not hold it: fix that row, or this row is left out too.");
            assertThat(outcome.summary().sheets()).extracting(s -> s.sheet() + " " + s.rowsWithErrors())
                    .containsExactly("Materials 1", "Suppliers 0", "Mixes 40");

            ImportTables rows = ImportTables.fromFile(db, file, SourceOptions.DEFAULTS, profile,
                    new ImportRows.ImportSettings(null, false, "steward"), null, Progress.NONE);
            RelatedCommitResult result = rows.commit(Progress.NONE);
            // no mix row is left: only the six good materials and the supplier only in the workbook are written
            assertThat(result.tables()).extracting(t -> t.table().toLowerCase().replace("public.", "") + " "
                    + t.inserted()).containsExactly("material 6", "supplier 1", "concrete_mix 0", "mix_component 0",
                    "strength_test 0");
            assertThat(result.tables()).extracting(TableCounts::updated).containsOnly(0L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aModeChosenForTheImportAppliesToEveryTable(TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database database = engine.fresh();
        SampleSchema.install(database.url(), database.user(), database.password());
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        Path file = LabWorkbookSample.write(dir.resolve("lab")).file();
        try (TargetDatabase db = TargetDatabase.open(database.url(), database.user(), database.password())) {
            ImportTables rows = ImportTables.fromFile(db, file, SourceOptions.DEFAULTS, SampleProfiles.lab(),
                    new ImportRows.ImportSettings(ImportMode.UPSERT, false, "steward"), null, Progress.NONE);

            assertThat(rows.modes().values()).containsOnly("upsert");
            assertThat(rows.dryRun(Progress.NONE)).extracting(TableCounts::inserted)
                    .containsExactly(7L, 1L, 21L, 107L, 39L);
        }
    }
}
