package io.sluice.core.usecase;

import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.RowFilter;
import io.sluice.core.rules.Finding;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A decision that neither rejects a row nor takes a rejection back does not judge the rows naming a parent row of
 * the same table again (decision 0088): random steps on a random forest of employees, each followed by the full pass,
 * which must find the review's {@code self-fk} findings exactly as the step left them; and such a step connects to
 * nothing.
 */
class SelfReferenceDecisionStepsTest extends OwnTableFixture {

    private static final int ROWS = 60;

    @ParameterizedTest
    @CsvSource({"H2, 1, 150", "H2, 2, 150", "H2, 3, 150", "POSTGRESQL, 4, 60"})
    void afterEveryStepTheFindingsAreThoseOfTheFullPass(TestDatabases.Engine engine, long seed, int steps)
            throws Exception {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of("id,name,manager_id"));
        for (int id = 1; id <= ROWS; id++) {
            int pick = random.nextInt(10);
            // mostly an earlier row; sometimes none, a later row, one in the table, or one nowhere
            String manager = id == 1 || pick == 0 ? "" : pick == 1 ? String.valueOf(id + 1 + random.nextInt(5))
                    : pick == 2 ? "1000" : pick == 3 ? "999" : String.valueOf(1 + random.nextInt(id - 1));
            String name = random.nextInt(12) == 0 ? "" : "E" + id; // a blank name is an error of its own
            lines.add(id + "," + name + "," + manager);
        }
        Path review = employeesReview(engine, lines, "INSERT INTO employee (id, name) VALUES (1000, 'Zed')");
        ProfileRowValidator full = ProfileRowValidator.of(target.profile(), List.of("id", "name", "manager_id"),
                target.db);

        try (OpenReview opened = OpenReview.open(review, target.target::open)) {
            for (int step = 0; step < steps; step++) {
                long row = 2 + random.nextInt(ROWS);
                String did = switch (random.nextInt(8)) {
                    case 0, 1 -> {
                        opened.session().approve(row);
                        yield "approve " + row;
                    }
                    case 2 -> {
                        opened.session().reject(row, "no");
                        yield "reject " + row;
                    }
                    case 3 -> {
                        opened.session().clear(row);
                        yield "clear " + row;
                    }
                    case 4 -> {
                        List<Long> some = List.of(row, 2 + (row + 7) % ROWS, 2 + (row + 19) % ROWS);
                        opened.session().approveAll(RowFilter.rows(some));
                        yield "approve " + some;
                    }
                    case 5 -> "undo " + opened.session().undo();
                    case 6 -> "redo " + opened.session().redo();
                    default -> {
                        int column = random.nextInt(2) + 1;
                        String text = column == 1 ? (random.nextBoolean() ? "" : "E" + row)
                                : String.valueOf(1 + random.nextInt(ROWS + 3));
                        opened.session().edit(row, column, text);
                        yield "edit " + row + " " + column + " '" + text + "'";
                    }
                };
                List<String> left = findings(opened);
                full.recheckDecided(opened.review());
                assertThat(left).as("after step %d (%s)", step, did).isEqualTo(findings(opened));
            }
        }
    }

    @Test
    void anApprovalAndItsUndoConnectToNothing() throws Exception {
        Path review = employeesReview(TestDatabases.Engine.H2, List.of("id,name,manager_id", "1,Ada,", "2,Bob,1",
                "3,Cyd,2"));

        try (OpenReview opened = OpenReview.open(review, () -> {
            throw new IllegalStateException("an approval must not connect");
        })) {
            opened.session().approve(3);
            opened.session().approveAll(RowFilter.all());
            opened.session().clear(2);
            assertThat(opened.session().undo()).isTrue();
            assertThat(opened.session().redo()).isTrue();
            assertThat(opened.session().notice()).isEmpty();
            assertThat(findings(opened)).isEmpty();
        }
    }

    private static List<String> findings(OpenReview opened) {
        List<String> all = new ArrayList<>();
        opened.review().forEachFinding(f -> all.add(line(f)));
        all.sort(null); // a pass writes its findings anew, in another order among the others
        return all;
    }

    private static String line(Finding f) {
        return f.row() + " " + f.rule() + " " + f.severity() + " " + f.message();
    }
}
