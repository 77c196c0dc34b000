package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.review.RowFilter;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A workbook sheet whose table has a foreign key to itself (an employee's manager), on H2 and PostgreSQL: rejecting
 * a parent row gives each child that names it a finding saying so, which goes with the undo or the clear and comes
 * back with the redo and a validation again; and the workbook's {@code Import:} line is not "yes" while an approved
 * row's parent will not be imported with it.
 */
class WorkbookSelfReferenceTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRejectedParentRowOfTheSheetGivesItsChildrenAFindingAndTheImportAnswerIsNotYes(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database database = engine.fresh();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE department (code VARCHAR(10) PRIMARY KEY, name VARCHAR(40))");
            s.execute("CREATE TABLE employee (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL UNIQUE,"
                    + " dept VARCHAR(10) REFERENCES department (code), manager_id INTEGER REFERENCES employee (id))");
        }
        Path workbook = dir.resolve("staff.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            sheet(wb, "Departments", List.of(List.of("Code", "Name"), List.of("OPS", "Operations")));
            sheet(wb, "Staff", List.of(List.of("Id", "Name", "Dept", "Manager"), List.of("1", "Ada", "OPS", ""),
                    List.of("2", "Bob", "OPS", "1"), List.of("3", "Cyd", "OPS", "2"), List.of("4", "Dee", "OPS", "1")));
            wb.write(out);
        }
        TableMapping departments = new TableMapping("department", new SourceSettings("Departments", 1, null, null),
                List.of(ColumnMapping.of("Code", "code"), ColumnMapping.of("Name", "name")), null, null,
                List.of("code"), "skip-existing", null, null);
        // the natural key is the name, so the manager is the table's foreign key to itself, not a reference
        TableMapping staff = new TableMapping("employee", new SourceSettings("Staff", 1, null, null),
                List.of(ColumnMapping.of("Id", "id"), ColumnMapping.of("Name", "name"),
                        ColumnMapping.of("Dept", "dept"), ColumnMapping.of("Manager", "manager_id")), null,
                List.of(new TableReference("dept", "department", null)), List.of("name"), "insert", null, null);
        Profile profile = Profile.ofTables("staff", null, List.of(departments, staff), null);
        Path review = dir.resolve("staff.sluice");
        Supplier<TargetDatabase> open = () -> TargetDatabase.open(database.url(), database.user(),
                database.password());
        try (TargetDatabase db = open.get()) {
            ValidateWorkbookReview.stage(workbook, SourceOptions.DEFAULTS, profile, "staff", review, db, null,
                    Progress.NONE);
        }
        Target to = new Target(database.url(), database.user(), database.password());

        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, open)) {
            assertThat(findings(opened)).isEmpty();
            opened.rejectAll("Staff", s -> s.rows(List.of(3L)), "left the company");
            List<String> rejected = findings(opened);
            String table = engine == TestDatabases.Engine.H2 ? "EMPLOYEE" : "employee";
            String key = engine == TestDatabases.Engine.H2 ? "EMPLOYEE.ID" : "employee.id";
            assertThat(rejected).containsExactly("Staff 4 self-fk " + table + ": Manager '2' names row 3 of sheet"
                    + " Staff, which is rejected and will not be imported, and " + key + " does not hold it: approve"
                    + " that row, or reject this one too.");
            assertThat(opened.notice()).isEmpty();
            assertThat(opened.undo("Staff")).isTrue();
            assertThat(findings(opened)).isEmpty();
            assertThat(opened.redo("Staff")).isTrue();
            assertThat(findings(opened)).isEqualTo(rejected);
            opened.clearAll("Staff", s -> s.rows(List.of(3L)));
            assertThat(findings(opened)).isEmpty();
            opened.rejectAll("Staff", s -> s.rows(List.of(3L)), "left the company");
        }
        try (TargetDatabase db = open.get()) {
            ValidateWorkbookReview.run(review, null, db, null, Progress.NONE);
        }
        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, open)) {
            assertThat(findings(opened)).extracting(f -> f.substring(0, 16)).containsExactly("Staff 4 self-fk ");
            opened.clearAll("Staff", s -> s.rows(List.of(3L)));
            opened.approveAll("Departments", s -> RowFilter.all());
            opened.approveAll("Staff", s -> s.rows(List.of(2L, 4L)));
        }
        assertThat(ImportReadiness.of(review, to).answer()).isEqualTo("Import: not yet: 1 approved row of sheet Staff"
                + " (row 4) names a parent row of the same table that is not approved or has errors, and the table"
                + " does not hold it, so the import would refuse it; approve that parent, or take it out of the"
                + " approved ones (sluice decide staff.sluice --sheet Staff --clear rows:4).");
        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, open)) {
            opened.approveAll("Staff", s -> s.rows(List.of(3L)));
        }
        assertThat(ImportReadiness.of(review, to).answer()).isEqualTo("Import: yes: the target tables are as"
                + " validated; 4 approved rows (1 of Departments, 3 of Staff) would be imported (sluice import"
                + " --review staff.sluice), 1 pending stay out.");
    }

    private static List<String> findings(OpenWorkbookReview opened) {
        List<String> all = new ArrayList<>();
        for (String sheet : opened.sheets()) {
            opened.sheet(sheet).review().forEachFinding(f -> all.add(sheet + " " + line(f)));
        }
        return all;
    }

    private static String line(Finding f) {
        return f.row() + " " + f.rule() + " " + f.message();
    }

    /** Adds a sheet of these rows of text cells (the header first) to the workbook. */
    static void sheet(Workbook wb, String name, List<List<String>> rows) {
        Sheet sheet = wb.createSheet(name);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                row.createCell(c).setCellValue(rows.get(r).get(c));
            }
        }
    }
}
