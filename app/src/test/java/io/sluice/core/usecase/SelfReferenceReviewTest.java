package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.review.Decision;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.validate.ValidationJob;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A foreign key of a table to itself in a review (an employee's manager), on H2 and PostgreSQL: rejecting a parent
 * row gives each child that names it a finding saying so, which goes when the parent is pending again and comes back
 * with the redo; validating the review again keeps it; and the review's answer to "can I import this?" is not "yes"
 * while an approved row's parent will not be imported with it.
 */
class SelfReferenceReviewTest extends OwnTableFixture {

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRejectedParentGivesItsChildrenAFindingAndTheImportAnswerIsNotYes(TestDatabases.Engine engine)
            throws Exception {
        Path review = employeesReview(engine, List.of("id,name,manager_id", "1,Ada,", "2,Bob,1", "3,Cyd,2",
                "4,Dee,1"));
        Target to = target.target;
        String parent = target.spelled("employee.id");

        try (OpenReview opened = OpenReview.open(review, to::open)) {
            assertThat(findings(opened)).isEmpty();
            opened.session().reject(3, "left the company");
            assertThat(findings(opened)).containsExactly("4 self-fk manager_id '2' names row 3 of this file, which is"
                    + " rejected and will not be imported, and " + parent + " does not hold it: approve that row, or"
                    + " reject this one too.");
            opened.session().undo();
            assertThat(findings(opened)).isEmpty();
            opened.session().redo();
            assertThat(findings(opened)).extracting(f -> f.substring(0, 10)).containsExactly("4 self-fk ");
        }
        ValidateReview.run(review, target.profile(), target.db, Progress.NONE);
        try (OpenReview opened = OpenReview.open(review, to::open)) {
            assertThat(findings(opened)).extracting(f -> f.substring(0, 10)).containsExactly("4 self-fk ");
            opened.session().clear(3);
            assertThat(findings(opened)).isEmpty();

            opened.session().approve(2);
            opened.session().approve(4);
            assertThat(ImportReadiness.of(opened.review(), review, to).answer()).isEqualTo("Import: not yet: 1"
                    + " approved row (row 4) names a parent row of the same table that is not approved or has errors,"
                    + " and the table does not hold it, so the import would refuse it; approve that parent, or take it"
                    + " out of the approved ones (sluice decide employees.sluice --clear rows:4).");
            opened.session().approve(3);
            assertThat(ImportReadiness.of(opened.review(), review, to).answer()).isEqualTo("Import: yes: the target"
                    + " table is as validated; 3 approved rows would be imported (sluice import --review"
                    + " employees.sluice), 1 pending stay out.");
        }
    }

    @Test
    void aReviewThatRecordsNoShapeOfItsTargetIsDecidedWithoutConnecting() throws Exception {
        target = new OwnTable(TestDatabases.Engine.H2, dir, "employee", List.of("id", "name", "manager_id"),
                "CREATE TABLE employee (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL,"
                        + " manager_id INTEGER REFERENCES employee (id))");
        Path csv = target.csv("employees.csv", List.of("id,name,manager_id", "1,Ada,", "2,Bob,1"));
        Path review = dir.resolve("employees.sluice");
        try (ValidationJob job = ValidationJob.prepare(csv, SourceOptions.DEFAULTS, target.profile(), target.db);
             Review staged = Review.create(review, ReviewStager.info(job, target.db), job.table().columns());
             ReviewStager stager = new ReviewStager(staged)) {
            stager.finish(job.table().issues(), job.run(stager, Progress.NONE));
        }

        try (OpenReview opened = OpenReview.open(review, () -> {
            throw new IllegalStateException("a decision must not connect");
        })) {
            opened.session().reject(2, "left the company");
            opened.session().approve(3);
            opened.session().undo();
            assertThat(opened.review().ledger().decision(2)).map(Decision::status).contains(DecisionStatus.REJECTED);
            assertThat(opened.review().ledger().decision(3)).isEmpty();
            assertThat(findings(opened)).isEmpty();
        }
    }

    @Test
    void aDecisionStandsWhenTheTargetCannotBeReachedAndSaysItsChildrenWereNotCheckedAgain() throws Exception {
        Path review = employeesReview(TestDatabases.Engine.H2, List.of("id,name,manager_id", "1,Ada,", "2,Bob,1",
                "3,Cyd,2"));
        // a server nobody listens on: the very exception a refused connection gives
        Target offline = new Target("jdbc:postgresql://127.0.0.1:1/bench", "bench", "bench");

        try (OpenReview opened = OpenReview.open(review, offline::open)) {
            opened.session().reject(3, "left the company");
            assertThat(opened.review().ledger().decision(3)).map(Decision::status).contains(DecisionStatus.REJECTED);
            assertThat(findings(opened)).as("the children's findings stay as they were").isEmpty();
            assertThat(opened.session().notice()).hasValueSatisfying(notice -> assertThat(notice)
                    .startsWith("The change is saved, but the rows naming a parent row of the same table were not"
                            + " checked again, because the target could not be reached (Cannot connect to ")
                    .contains("refused").endsWith("); validating the review again, or its import, checks them."));

            assertThat(opened.session().undo()).isTrue();
            assertThat(opened.review().ledger().decision(3)).isEmpty();
            assertThat(opened.session().notice()).isPresent();
        }
        // reached again, the next change checks the children and says nothing more
        try (OpenReview opened = OpenReview.open(review, target.target::open)) {
            opened.session().reject(3, "left the company");
            assertThat(opened.session().notice()).isEmpty();
            assertThat(findings(opened)).extracting(f -> f.substring(0, 10)).containsExactly("4 self-fk ");
        }
    }

    private static List<String> findings(OpenReview opened) {
        List<String> all = new ArrayList<>();
        opened.review().forEachFinding(f -> all.add(line(f)));
        return all;
    }

    private static String line(Finding f) {
        return f.row() + " " + f.rule() + " " + f.message();
    }
}
