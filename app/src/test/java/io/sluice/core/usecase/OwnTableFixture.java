package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/** A test that validates and imports small files into a table of its own ({@link OwnTable}), closed after each test. */
abstract class OwnTableFixture {

    @TempDir
    Path dir;

    /** The target a test made, or null. */
    OwnTable target;

    @AfterEach
    void closeTarget() {
        if (target != null) {
            target.close();
        }
    }

    /**
     * Makes {@link #target} a table {@code employee} whose {@code manager_id} is a foreign key to itself (then runs
     * {@code more}), and validates these CSV lines into the review {@code employees.sluice}, which it returns.
     */
    Path employeesReview(TestDatabases.Engine engine, List<String> lines, String... more) throws Exception {
        String[] statements = new String[more.length + 1];
        statements[0] = "CREATE TABLE employee (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                + " manager_id INTEGER REFERENCES employee (id))";
        System.arraycopy(more, 0, statements, 1, more.length);
        target = new OwnTable(engine, dir, "employee", List.of("id", "name", "manager_id"), statements);
        Path csv = target.csv("employees.csv", lines);
        Path review = dir.resolve("employees.sluice");
        LoadFile.run(csv, SourceOptions.DEFAULTS, review, false, Progress.NONE);
        ValidateReview.run(review, target.profile(), target.db, Progress.NONE);
        return review;
    }
}
