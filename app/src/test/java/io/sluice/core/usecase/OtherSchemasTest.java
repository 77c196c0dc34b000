package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.cleaning.Candidate;
import io.sluice.core.cleaning.Correction;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.profile.TableReference;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tables of schemas other than public, on H2 and PostgreSQL: a foreign key is looked up in its parent's own schema
 * (a third schema, public from another schema, another schema from public, a quoted name with a dot) and a finding
 * names that schema; a connection whose default schema is not public names every table so that it is found again; and
 * a table the role may only read is not offered for an import, which is refused in one sentence before any row is
 * written.
 */
class OtherSchemasTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aForeignKeyIntoAThirdSchemaIsLookedUpThereAndTheFindingNamesIt(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database database = engine.fresh();
        run(database, "CREATE SCHEMA lab", "CREATE SCHEMA ref", "CREATE SCHEMA \"Ref.Data\"",
                "CREATE TABLE ref.material (code VARCHAR(10) PRIMARY KEY)",
                "CREATE TABLE material (code VARCHAR(10) PRIMARY KEY)",
                "CREATE TABLE \"Ref.Data\".\"Supplier\" (\"Code\" VARCHAR(10) PRIMARY KEY)",
                "CREATE TABLE lab.sample_test (sample_id VARCHAR(10) PRIMARY KEY,"
                        + " material VARCHAR(10) REFERENCES ref.material (code),"
                        + " supplier VARCHAR(10) REFERENCES \"Ref.Data\".\"Supplier\" (\"Code\"))",
                "INSERT INTO ref.material VALUES ('CEM-R')", "INSERT INTO material VALUES ('CEM-P')",
                "INSERT INTO \"Ref.Data\".\"Supplier\" VALUES ('S1')");
        Path csv = Files.write(dir.resolve("samples.csv"), List.of("sample_id,material,supplier", "A,CEM-R,S1",
                "B,CEM-P,S1", "C,CEM-R,S9"));

        List<Finding> findings = validate(database, csv, "lab.sample_test", "sample_id", "material", "supplier");

        assertThat(findings).extracting(Finding::row).containsExactly(3L, 4L);
        assertThat(findings.get(0).message().toLowerCase(Locale.ROOT))
                .endsWith("'cem-p' does not exist in ref.material.code.");
        assertThat(findings.get(1).message()).endsWith("'S9' does not exist in \"Ref.Data\".\"Supplier\".Code.");

        Path review = dir.resolve("samples.sluice");
        LoadFile.run(csv, SourceOptions.DEFAULTS, review, false, Progress.NONE);
        try (TargetDatabase db = open(database)) {
            ValidateReview.run(review, profile("lab.sample_test", "sample_id", "material", "supplier"), db,
                    Progress.NONE);
        }
        List<Correction> corrections = SuggestCorrections.run(review, () -> open(database), null).corrections();
        assertThat(corrections).extracting(c -> c.value() + " from " + c.known().toLowerCase(Locale.ROOT) + ": "
                + c.candidates().stream().map(Candidate::value).toList())
                .containsExactly("CEM-P from ref.material.code: [CEM-R]",
                        "S9 from \"ref.data\".\"supplier\".code: [S1]");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aPublicTablesKeyIntoAnotherSchemaIsLookedUpThereNotInPublicsTableOfTheSameName(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database database = engine.fresh();
        run(database, "CREATE SCHEMA lab",
                "CREATE TABLE lab.sample_test (sample_id VARCHAR(10) PRIMARY KEY)",
                "CREATE TABLE sample_test (sample_id VARCHAR(10) PRIMARY KEY)",
                "CREATE TABLE cube (cube_id INT PRIMARY KEY, sample_id VARCHAR(10) REFERENCES lab.sample_test)",
                "INSERT INTO lab.sample_test VALUES ('LAB-1')", "INSERT INTO sample_test VALUES ('PUB-1')");
        Path csv = Files.write(dir.resolve("cubes.csv"), List.of("cube_id,sample_id", "1,LAB-1", "2,PUB-1"));

        List<Finding> findings = validate(database, csv, "cube", "cube_id", "sample_id");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.row()).isEqualTo(3L);
            assertThat(f.message().toLowerCase(Locale.ROOT))
                    .endsWith("'pub-1' does not exist in lab.sample_test.sample_id.");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aConnectionWhoseDefaultSchemaIsLabNamesEveryTableSoThatItIsFoundAgain(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database database = engine.fresh();
        run(database, "CREATE SCHEMA lab",
                "CREATE TABLE material (code VARCHAR(10) PRIMARY KEY)",
                "CREATE TABLE lab.material (code VARCHAR(10) PRIMARY KEY, note VARCHAR(20))",
                "CREATE TABLE lab.sample_test (sample_id VARCHAR(10) PRIMARY KEY,"
                        + " material VARCHAR(10) REFERENCES public.material (code))",
                "INSERT INTO material VALUES ('CEM-P')", "INSERT INTO lab.material VALUES ('CEM-L', 'lab only')");
        TestDatabases.Database inLab = defaultSchemaLab(database);

        try (TargetDatabase db = open(inLab)) {
            List<String> names = TargetTables.names(db);
            assertThat(names).as("no bare name: a bare name means public on other connections")
                    .allMatch(n -> n.contains(".")).hasSize(3);
            for (String name : names) {
                TableInfo table = db.table(name);
                assertThat(table.reference()).as("%s found again by its name", name).isEqualTo(name);
                assertThat(name.toLowerCase(Locale.ROOT))
                        .isEqualTo((table.schema() + "." + table.name()).toLowerCase(Locale.ROOT));
            }
            assertThat(db.table("material").schema()).as("a bare name typed means the connection's default schema")
                    .isEqualToIgnoringCase("lab");
        }
        Path csv = Files.write(dir.resolve("samples.csv"), List.of("sample_id,material", "A,CEM-P", "B,CEM-L"));
        List<Finding> findings = validate(inLab, csv, "lab.sample_test", "sample_id", "material");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.row()).isEqualTo(3L);
            assertThat(f.message().toLowerCase(Locale.ROOT))
                    .endsWith("'cem-l' does not exist in public.material.code.");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aWorkbooksSuggestedReferenceAndImportReachTheParentInItsOwnSchemaNotATableOfTheSameName(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database database = engine.fresh();
        run(database, "CREATE SCHEMA lab", "CREATE SCHEMA ref",
                "CREATE TABLE material (id INT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " code VARCHAR(10) NOT NULL UNIQUE)",
                "CREATE TABLE ref.material (id INT GENERATED BY DEFAULT AS IDENTITY (START WITH 100) PRIMARY KEY,"
                        + " code VARCHAR(10) NOT NULL UNIQUE)",
                "CREATE TABLE lab.sample_test (sample_id VARCHAR(10) PRIMARY KEY,"
                        + " material_id INT NOT NULL REFERENCES ref.material (id))");
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        Path workbook = dir.resolve("samples.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
            WorkbookSelfReferenceTest.sheet(wb, "Materials", List.of(List.of("Code"), List.of("CEM-1"),
                    List.of("CEM-2")));
            WorkbookSelfReferenceTest.sheet(wb, "Sample tests", List.of(List.of("Sample Id", "Material Id"),
                    List.of("S1", "CEM-2"), List.of("S2", "CEM-1")));
            wb.write(out);
        }

        try (TargetDatabase db = open(database)) {
            List<String> tables = List.of(db.table("material").reference(), db.table("ref.material").reference(),
                    db.table("lab.sample_test").reference());
            Profile profile = SuggestTables.run(workbook, null, tables, "samples", db).profile();
            TableMapping samples = profile.tables().get(2);
            assertThat(samples.references()).extracting(TableReference::table).containsExactly(tables.get(1));

            ImportTables rows = ImportTables.fromFile(db, workbook, SourceOptions.DEFAULTS,
                    Profile.ofTables("samples", null, List.of(profile.tables().get(1), samples), null),
                    new ImportRows.ImportSettings(null, false, "steward"), null, Progress.NONE);
            rows.commit(Progress.NONE);
        }
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT t.sample_id, m.code FROM lab.sample_test t"
                     + " JOIN ref.material m ON m.id = t.material_id ORDER BY t.sample_id")) {
            List<String> joined = new ArrayList<>();
            while (rs.next()) {
                joined.add(rs.getString(1) + " " + rs.getString(2));
            }
            assertThat(joined).containsExactly("S1 CEM-2", "S2 CEM-1");
        }
    }

    @Test
    void aTableTheRoleMayOnlyReadIsNotOfferedAndItsImportIsRefusedBeforeAnyRowIsWrittenAndAReviewSaysSo()
            throws Exception {
        TestDatabases.Database database = TestDatabases.postgres();
        run(database, "CREATE SCHEMA lab",
                "CREATE TABLE lab.sample_test (sample_id VARCHAR(10) PRIMARY KEY)",
                "CREATE TABLE lab.readings (reading_id INT PRIMARY KEY, value_mpa NUMERIC(5, 1))");
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        String role = "reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        run(database, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw'",
                "GRANT USAGE ON SCHEMA lab TO " + role,
                "GRANT SELECT, INSERT ON lab.sample_test TO " + role,
                "GRANT SELECT ON lab.readings TO " + role,
                "GRANT ALL ON ALL TABLES IN SCHEMA public TO " + role,
                "GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO " + role);
        TestDatabases.Database asReader = as(database, role);
        Path csv = Files.write(dir.resolve("readings.csv"), List.of("reading_id,value_mpa", "1,41.5"));
        Profile profile = profile("lab.readings", "reading_id", "value_mpa");

        try (TargetDatabase db = open(asReader)) {
            assertThat(TargetTables.names(db)).contains("lab.sample_test").doesNotContain("lab.readings");
            assertThat(TargetTables.lookupTables(db)).contains("lab.sample_test", "lab.readings");
            assertThatThrownBy(() -> {
                try (ImportRows rows = ImportRows.fromFile(db, csv, SourceOptions.DEFAULTS, profile,
                        new ImportRows.ImportSettings(ImportMode.INSERT, false, "tester"), Progress.NONE)) {
                    rows.commit(Progress.NONE);
                }
            }).isInstanceOf(SluiceException.class).hasMessage("Role " + role + " may not insert into table"
                    + " lab.readings of " + db.displayUrl() + ", so the database would refuse the import; ask the"
                    + " table's owner to grant INSERT on it, or map the rows onto a table the role may write.");

            Path review = dir.resolve("readings.sluice");
            LoadFile.run(csv, SourceOptions.DEFAULTS, review, false, Progress.NONE);
            ValidateReview.run(review, profile, db, Progress.NONE);
            Target to = new Target(asReader.url(), role, "pw");
            try (OpenReview opened = OpenReview.open(review, to::open)) {
                opened.session().approve(2);
                assertThat(ImportReadiness.of(opened.review(), review, to).answer()).isEqualTo("Import: no: Role "
                        + role + " may not insert into table lab.readings of " + db.displayUrl() + ", so the"
                        + " database would refuse the import; ask the table's owner to grant INSERT on it, or map"
                        + " the rows onto a table the role may write.");
            }
        }
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM lab.readings")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    /** The same database on a connection whose default schema is lab: a role's search_path, H2's SCHEMA setting. */
    private static TestDatabases.Database defaultSchemaLab(TestDatabases.Database database) throws SQLException {
        if (database.engine() == TestDatabases.Engine.H2) {
            return new TestDatabases.Database(database.engine(), database.url() + ";SCHEMA=LAB", database.user(),
                    database.password());
        }
        String role = "steward_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        run(database, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw'", "ALTER ROLE " + role
                        + " SET search_path = lab, public", "GRANT USAGE ON SCHEMA lab TO " + role,
                "GRANT ALL ON ALL TABLES IN SCHEMA lab TO " + role, "GRANT ALL ON ALL TABLES IN SCHEMA public TO "
                        + role);
        return as(database, role);
    }

    /** The database as that role, password pw: any user the URL names taken out, as it would win over the role. */
    private static TestDatabases.Database as(TestDatabases.Database database, String role) {
        String url = database.url().replaceAll("([?&])user=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return new TestDatabases.Database(database.engine(), url, role, "pw");
    }

    private List<Finding> validate(TestDatabases.Database database, Path csv, String table, String... columns) {
        List<Finding> findings = new ArrayList<>();
        try (TargetDatabase db = open(database)) {
            ValidateFile.run(ValidateFile.Request.headless(csv, SourceOptions.DEFAULTS, profile(table, columns),
                    null), db, r -> findings.addAll(r.findings()), Progress.NONE);
        }
        return findings;
    }

    private static Profile profile(String table, String... columns) {
        List<ColumnMapping> mapped = new ArrayList<>();
        for (String column : columns) {
            mapped.add(ColumnMapping.of(column, column));
        }
        return new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, "schemas", null, table, mapped, null, null,
                null, null, null);
    }

    private static TargetDatabase open(TestDatabases.Database database) {
        return TargetDatabase.open(database.url(), database.user(), database.password());
    }

    private static void run(TestDatabases.Database database, String... statements) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
