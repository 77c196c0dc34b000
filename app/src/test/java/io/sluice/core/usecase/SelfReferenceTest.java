package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.rules.Finding;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A foreign key of a table to itself (an employee's manager) on H2 and PostgreSQL: a parent on an earlier row of the
 * file without errors is found by validation, the dry run and the import alike, across chunks; a parent only on a
 * later row, or only on a row with errors, is an error saying so.
 */
class SelfReferenceTest extends OwnTableFixture {

    private OwnTable employees(TestDatabases.Engine engine) throws Exception {
        target = new OwnTable(engine, dir, "employee", List.of("id", "name", "manager_id"),
                "CREATE TABLE employee (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                        + " manager_id INTEGER REFERENCES employee (id))");
        return target;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aParentOnAnEarlierValidRowIsFoundAndALaterOrFailedOneIsAnErrorSayingSo(TestDatabases.Engine engine)
            throws Exception {
        OwnTable employees = employees(engine);
        Path csv = employees.csv("employees.csv", List.of("id,name,manager_id", "1,Ada,", "2,Bob,1", "3,Cyd,2",
                "4,Dee,5", "5,Eve,1", "6,Fay,99", "7,Gus,x", "8,Hal,7", "9,Ivy,9"));

        List<Finding> findings = employees.validate(csv);

        assertThat(findings).extracting(f -> f.row() + " " + f.rule()).containsExactly("5 self-fk", "7 self-fk",
                "8 type", "9 self-fk");
        String parent = employees.spelled("employee.id");
        assertThat(findings.get(0).message()).isEqualTo("manager_id '5' is neither in " + parent
                + " nor on an earlier row of this file (a parent must be written before the rows that name it).");
        assertThat(findings.get(3).message()).isEqualTo("manager_id '7' names row 8 of this file, which has errors"
                + " and will not be imported, and " + parent + " does not hold it: fix that row, or this row fails"
                + " too.");
        try (ImportRows rows = employees.importOf(csv, null)) {
            assertThat(rows.dryRun(Progress.NONE)).isEqualTo(new CommitPlan(5, 0, 0));
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(5);
        }
        assertThat(TableText.rows(employees.db.connection(), "SELECT id, manager_id FROM employee ORDER BY id"))
                .containsExactly("1|null", "2|1", "3|2", "5|1", "9|9");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aChainOfParentsAcrossChunksValidatesAndImportsEveryRow(TestDatabases.Engine engine) throws Exception {
        OwnTable employees = employees(engine);
        List<String> lines = new ArrayList<>(List.of("id,name,manager_id", "1,E1,"));
        for (int id = 2; id <= 2_600; id++) {
            lines.add(id + ",E" + id + "," + (id - 1));
        }
        Path csv = employees.csv("chain.csv", lines);

        assertThat(employees.validate(csv)).isEmpty();
        // an upsert looks every chunk's parents up before writing it, when its earlier rows are not yet written
        try (ImportRows rows = employees.importOf(csv, ImportMode.UPSERT)) {
            assertThat(rows.dryRun(Progress.NONE)).isEqualTo(new CommitPlan(2_600, 0, 0));
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(2_600);
        }
        assertThat(TableText.rows(employees.db.connection(), "SELECT COUNT(*) FROM employee"))
                .containsExactly("2600");
    }
}
