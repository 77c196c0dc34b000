package io.sluice.core.usecase;

import io.sluice.bench.LabWorkbookGenerator;
import io.sluice.bench.LabWorkbookSample;
import io.sluice.bench.SampleProfiles;
import io.sluice.core.Progress;
import io.sluice.core.Severity;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.core.commit.TableCounts;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.tables.TableFinding;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An import of a workbook of several chunks onto related tables, which reads the workbook once and writes each
 * chunk as it is validated: what is found only in a late chunk (a repeated mix code, a row with errors under a
 * blocking gate), a cancel mid-way, a child of a rejected parent, and a dry run's counts against the import's.
 */
class ImportTablesTest {

    /** Four chunks of source rows on the Mixes sheet. */
    private static final int MIXES = 2000;
    /** The mix made by 0-based index i sits on sheet row i + 1 (0-based), source row i + 2. */
    private static final int CAST_DATE_COLUMN = 2;

    @TempDir
    Path dir;

    private Path workbook(Consumer<Sheet> change) throws Exception {
        Path lab = LabWorkbookGenerator.generate(dir, MIXES).workbook();
        Path changed = dir.resolve("changed-" + System.nanoTime() + ".xlsx");
        try (InputStream in = Files.newInputStream(lab); Workbook workbook = WorkbookFactory.create(in)) {
            change.accept(workbook.getSheet(LabWorkbookSample.MIXES_SHEET));
            try (OutputStream out = Files.newOutputStream(changed)) {
                workbook.write(out);
            }
        }
        return changed;
    }

    /** The last mix takes the first mix's code. */
    private Path lastMixRepeatsTheFirst() throws Exception {
        // the generated codes are inline strings: a new cell, so the file holds only the new value
        return workbook(sheet -> {
            org.apache.poi.ss.usermodel.Row last = sheet.getRow(MIXES);
            last.removeCell(last.getCell(0));
            last.createCell(0).setCellValue("LAB-0000001");
        });
    }

    /** Mix {@code index} has a cast date that is no date. */
    private Path mixWithoutDate(int index) throws Exception {
        return workbook(sheet -> sheet.getRow(index + 1).getCell(CAST_DATE_COLUMN).setCellValue("someday"));
    }

    private static TargetDatabase open(TestDatabases.Engine engine) throws SQLException {
        TestDatabases.Database database = engine.fresh();
        SampleSchema.install(database.url(), database.user(), database.password());
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        return TargetDatabase.open(database.url(), database.user(), database.password());
    }

    private static ImportTables importing(TargetDatabase db, Path file, Profile profile,
                                          Consumer<TableFinding> findings) {
        return ImportTables.fromFile(db, file, SourceOptions.DEFAULTS, profile,
                new ImportRows.ImportSettings(null, false, "steward"), findings, Progress.NONE);
    }

    private static List<String> query(TargetDatabase db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static List<String> counts(List<TableCounts> tables) {
        return tables.stream().map(t -> t.table().toLowerCase().replaceAll("^[a-z_]+\\.", "") + " " + t.inserted()
                + " " + t.updated() + " " + t.skipped()).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aMixCodeRepeatedInTheLastChunkIsLeftOutAsValidateFindsIt(TestDatabases.Engine engine) throws Exception {
        Path file = lastMixRepeatsTheFirst();
        try (TargetDatabase db = open(engine)) {
            List<TableFinding> validated = new ArrayList<>();
            ValidateTables.run(file, SourceOptions.DEFAULTS, SampleProfiles.lab(), null, db, validated::add,
                    Progress.NONE);
            List<TableFinding> imported = new ArrayList<>();
            ImportTables rows = importing(db, file, SampleProfiles.lab(), imported::add);
            RelatedCommitResult result = rows.commit(Progress.NONE);

            // the repeat is an error of the last row of the Mixes sheet only (source row MIXES + 1), though the
            // first mix was written chunks before; the import's pass finds exactly what validate finds
            assertThat(validated).filteredOn(f -> f.finding().severity() == Severity.ERROR).isNotEmpty()
                    .allMatch(f -> f.finding().row() == MIXES + 1);
            assertThat(imported).extracting(TableFinding::toString)
                    .containsExactlyElementsOf(validated.stream().map(TableFinding::toString).toList());
            assertThat(rows.summary().sheets()).extracting(s -> s.sheet() + " " + s.rows() + " " + s.rowsWithErrors())
                    .containsExactly("Materials 7 0", "Suppliers 5 0", "Mixes " + MIXES + " 1");
            // the last mix (index 1999: one strength test) is left out with its seven components
            assertThat(counts(result.tables())).containsExactly("material 7 0 0", "supplier 0 0 5",
                    "concrete_mix 1999 0 0", "mix_component 13993 0 0", "strength_test 2199 0 0");
            assertThat(query(db, "SELECT COUNT(*) FROM concrete_mix WHERE mix_code = 'LAB-0000001'"))
                    .containsExactly("1");
            assertThat(query(db, "SELECT COUNT(*), COUNT(DISTINCT mix_id) FROM mix_component"))
                    .containsExactly("13993|1999");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aChildOfAMixRowWithErrorsIsLeftOutWithIt(TestDatabases.Engine engine) throws Exception {
        // mix 1234 (source row 1236, the Mixes sheet's third chunk) has no valid cast date; it has one strength test
        Path file = mixWithoutDate(1234);
        try (TargetDatabase db = open(engine)) {
            List<TableCounts> plan = importing(db, file, SampleProfiles.lab(), null).dryRun(Progress.NONE);
            List<TableFinding> findings = new ArrayList<>();
            ImportTables rows = importing(db, file, SampleProfiles.lab(), findings::add);
            RelatedCommitResult result = rows.commit(Progress.NONE);

            assertThat(findings).filteredOn(f -> f.finding().severity() == Severity.ERROR)
                    .extracting(f -> f.finding().row() + " " + f.finding().rule()).containsExactly("1236 type");
            assertThat(counts(result.tables())).containsExactly("material 7 0 0", "supplier 0 0 5",
                    "concrete_mix 1999 0 0", "mix_component 13993 0 0", "strength_test 2199 0 0");
            assertThat(counts(plan)).isEqualTo(counts(result.tables()));
            assertThat(rows.summary().sheets()).extracting(s -> s.sheet() + " " + s.rows() + " " + s.rowsWithErrors())
                    .containsExactly("Materials 7 0", "Suppliers 5 0", "Mixes " + MIXES + " 1");
            assertThat(query(db, "SELECT status, rows_read, rows_rejected, source_rows_approved"
                    + " FROM sluice_import_batch")).containsExactly("committed|" + (7 + 5 + MIXES) + "|1|"
                    + (7 + 5 + MIXES - 1));
            assertThat(query(db, "SELECT SUM(row_count) FROM sluice_provenance_run WHERE batch_id = "
                    + result.batchId())).containsExactly(String.valueOf(7 + 5 + 1999 + 13993 + 2199));
            assertThat(query(db, "SELECT COUNT(*) FROM concrete_mix WHERE mix_code = 'LAB-0001235'"))
                    .containsExactly("0");
            // every component holds its own mix's id: its cement dosage is its mix's cement
            assertThat(query(db, "SELECT COUNT(*) FROM mix_component c JOIN concrete_mix m ON m.id = c.mix_id"
                    + " JOIN material t ON t.id = c.material_id WHERE t.name = 'Cement' AND c.dosage_kg = m.cement_kg"))
                    .containsExactly("1999");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBlockingGateFailedOnlyByTheLastChunkCommitsNothing(TestDatabases.Engine engine) throws Exception {
        Path file = mixWithoutDate(MIXES - 1);
        Profile lab = SampleProfiles.lab();
        Profile gated = Profile.ofTables(lab.name(), lab.nullMarkers(), lab.tables(),
                List.of(new GateSpec("rejectedRows", null, BigDecimal.ZERO, null, "block")));
        try (TargetDatabase db = open(engine)) {
            ImportTables rows = importing(db, file, gated, null);

            assertThatThrownBy(() -> rows.commit(Progress.NONE)).isInstanceOf(GatesBlockedException.class);
            assertThat(rows.blocked()).isTrue();
            assertThat(query(db, "SELECT (SELECT COUNT(*) FROM concrete_mix) + (SELECT COUNT(*) FROM mix_component)"
                    + " + (SELECT COUNT(*) FROM strength_test) + (SELECT COUNT(*) FROM material)"
                    + " + (SELECT COUNT(*) FROM sluice_provenance_run) + (SELECT COUNT(*) FROM sluice_import_batch)"))
                    .containsExactly("0");
            // the identities the refused batch moved are set back: the next import starts at 1 again
            RelatedCommitResult result = importing(db, file, lab, null).commit(Progress.NONE);
            assertThat(result.inserted()).isEqualTo(7 + 1999 + 13993 + 2199);
            assertThat(query(db, "SELECT MIN(id) FROM concrete_mix")).containsExactly("1");
            assertThat(query(db, "SELECT MIN(id) FROM mix_component")).containsExactly("1");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCancelMidwayWritesNothingAndRecordsAFailedBatch(TestDatabases.Engine engine) throws Exception {
        Path file = LabWorkbookGenerator.generate(dir, MIXES).workbook();
        try (TargetDatabase db = open(engine)) {
            long[] done = {0};
            Progress cancelAfterTwoChunks = new Progress() {
                @Override
                public void rowsDone(long rows) {
                    done[0] = rows;
                }

                @Override
                public boolean isCancelled() {
                    return done[0] >= 1000;
                }
            };

            assertThatThrownBy(() -> importing(db, file, SampleProfiles.lab(), null).commit(cancelAfterTwoChunks))
                    .isInstanceOf(CancellationException.class);
            assertThat(done[0]).isBetween(1000L, MIXES - 1L);
            assertThat(query(db, "SELECT (SELECT COUNT(*) FROM concrete_mix) + (SELECT COUNT(*) FROM mix_component)"
                    + " + (SELECT COUNT(*) FROM material) + (SELECT COUNT(*) FROM sluice_provenance_run)"))
                    .containsExactly("0");
            assertThat(query(db, "SELECT status FROM sluice_import_batch")).containsExactly("failed");
            assertThat(validationsRunning()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void findingsOfSeveralChunksReachTheListenerOnTheImportingThreadAsValidateGivesThem(TestDatabases.Engine engine)
            throws Exception {
        // mixes without a cast date in the first, third and last chunk of the Mixes sheet
        Path file = workbook(sheet -> {
            for (int index : new int[] {10, 1234, MIXES - 1}) {
                sheet.getRow(index + 1).getCell(CAST_DATE_COLUMN).setCellValue("someday");
            }
        });
        try (TargetDatabase db = open(engine)) {
            List<TableFinding> validated = new ArrayList<>();
            ValidateTables.run(file, SourceOptions.DEFAULTS, SampleProfiles.lab(), null, db, validated::add,
                    Progress.NONE);
            List<TableFinding> imported = new ArrayList<>();
            List<String> threads = new ArrayList<>();
            RelatedCommitResult result = importing(db, file, SampleProfiles.lab(), f -> {
                imported.add(f);
                threads.add(Thread.currentThread().getName());
            }).commit(Progress.NONE);

            assertThat(validated).filteredOn(f -> f.finding().severity() == Severity.ERROR)
                    .extracting(f -> f.finding().row()).containsExactly(12L, 1236L, (long) MIXES + 1);
            assertThat(imported).extracting(TableFinding::toString)
                    .containsExactlyElementsOf(validated.stream().map(TableFinding::toString).toList());
            assertThat(threads).containsOnly(Thread.currentThread().getName());
            assertThat(counts(result.tables())).containsExactly("material 7 0 0", "supplier 0 0 5",
                    "concrete_mix 1997 0 0", "mix_component 13979 0 0", "strength_test 2196 0 0");
            assertThat(validationsRunning()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFailureWhileWritingStopsTheValidationAheadAndWritesNothing(TestDatabases.Engine engine) throws Exception {
        Path file = LabWorkbookGenerator.generate(dir, MIXES).workbook();
        try (TargetDatabase db = open(engine)) {
            Progress failingAfterTwoChunks = new Progress() {
                @Override
                public void rowsDone(long rows) {
                    if (rows >= 1000) {
                        throw new IllegalStateException("the screen showing the progress went away");
                    }
                }
            };

            assertThatThrownBy(() -> importing(db, file, SampleProfiles.lab(), null).commit(failingAfterTwoChunks))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContaining("failed and nothing was written: the screen showing the progress went away");
            assertThat(validationsRunning()).isEmpty();
            assertThat(query(db, "SELECT (SELECT COUNT(*) FROM concrete_mix) + (SELECT COUNT(*) FROM mix_component)"
                    + " + (SELECT COUNT(*) FROM material) + (SELECT COUNT(*) FROM sluice_provenance_run)"))
                    .containsExactly("0");
            assertThat(query(db, "SELECT status FROM sluice_import_batch")).containsExactly("failed");
        }
    }

    /** Validations still running ahead of an import that has ended. */
    private static List<Thread> validationsRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("sluice-workbook-validation")).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aWorkbookThatCannotBeReadPastItsFirstChunksIsAnInputFailureAndWritesNothing(TestDatabases.Engine engine)
            throws Exception {
        Path file = damagedAtMixRow(1500);
        try (TargetDatabase db = open(engine)) {
            assertThatThrownBy(() -> importing(db, file, SampleProfiles.lab(), null).commit(Progress.NONE))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.kind())
                            .isEqualTo(SluiceException.Kind.INPUT))
                    .hasMessageContaining("has a damaged sheet \"Mixes\" that cannot be read");
            assertThat(query(db, "SELECT (SELECT COUNT(*) FROM concrete_mix) + (SELECT COUNT(*) FROM mix_component)"
                    + " + (SELECT COUNT(*) FROM material) + (SELECT COUNT(*) FROM sluice_provenance_run)"))
                    .containsExactly("0");
            assertThat(query(db, "SELECT status FROM sluice_import_batch")).containsExactly("failed");
            assertThat(validationsRunning()).isEmpty();
        }
    }

    /** The generated workbook with a cell on source row {@code row} of Mixes that points at no shared string. */
    private Path damagedAtMixRow(int row) throws Exception {
        Path lab = LabWorkbookGenerator.generate(dir, MIXES).workbook();
        Path damaged = dir.resolve("damaged.xlsx");
        String marker = "<row r=\"" + row + "\"";
        boolean[] found = {false};
        try (ZipFile in = new ZipFile(lab.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream entryBytes = in.getInputStream(entry)) {
                    bytes = entryBytes.readAllBytes();
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                int at = entry.getName().startsWith("xl/worksheets/") ? text.indexOf(marker) : -1;
                if (at >= 0) {
                    int cell = text.indexOf("<c ", at);
                    text = text.substring(0, cell) + "<c r=\"Z" + row + "\" t=\"s\"><v>oops</v></c>"
                            + text.substring(cell);
                    bytes = text.getBytes(StandardCharsets.UTF_8);
                    found[0] = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        assertThat(found[0]).as("row " + row + " of the Mixes sheet").isTrue();
        return damaged;
    }
}
