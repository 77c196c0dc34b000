package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.database.TableShape;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.Review;
import io.sluice.core.review.RowFilter;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.sluice.core.usecase.MixTarget.mix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A review records the shape of the target table its findings were judged against; an import or dry run of the
 * review refuses, before anything is written, a table changed since in a way that can make those findings untrue,
 * on H2 and PostgreSQL, and validating the review again (decisions kept) lets it through. Changes no finding depends
 * on, and reviews made before the shape was recorded, import as before.
 */
class TargetChangedImportTest {

    @TempDir
    Path dir;

    private MixTarget target;

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    /** Each kind of change, as one statement both engines take, with the words the refusal says it in. */
    static Stream<Arguments> changes() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabases.Engine engine : TestDatabases.Engine.values()) {
            all.add(Arguments.of(engine, "ALTER TABLE concrete_mix ADD CONSTRAINT ck_cement_min CHECK (cement_kg > 355)",
                    "a CHECK constraint ("));
            all.add(Arguments.of(engine, "ALTER TABLE concrete_mix ALTER COLUMN strength_mpa SET NOT NULL",
                    "became NOT NULL"));
            all.add(Arguments.of(engine, "ALTER TABLE concrete_mix ALTER COLUMN w_b_ratio SET DATA TYPE NUMERIC(3, 2)",
                    "changed from"));
            all.add(Arguments.of(engine, "CREATE UNIQUE INDEX ux_mix_cement ON concrete_mix (cement_kg, water_kg)",
                    "a UNIQUE constraint on ("));
            all.add(Arguments.of(engine, "ALTER TABLE concrete_mix DROP COLUMN w_b_ratio", "was dropped"));
            all.add(Arguments.of(engine, "ALTER TABLE concrete_mix ADD COLUMN lab_code VARCHAR(10) NOT NULL",
                    "a required column"));
            all.add(Arguments.of(engine, "ALTER TABLE concrete_mix DROP CONSTRAINT fk_mix_supplier",
                    "a foreign key ("));
        }
        // H2 has neither: it refuses an index on an expression or with a WHERE
        all.add(Arguments.of(TestDatabases.Engine.POSTGRESQL,
                "CREATE UNIQUE INDEX ux_mix_code_lower ON concrete_mix (lower(mix_code))",
                "a UNIQUE index on (lower((mix_code)::text)) was added"));
        all.add(Arguments.of(TestDatabases.Engine.POSTGRESQL,
                "CREATE UNIQUE INDEX ux_mix_rich ON concrete_mix (supplier_code) WHERE cement_kg > 400",
                "a UNIQUE index on (supplier_code) WHERE (cement_kg > (400)::numeric) was added"));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("changes")
    void aTableChangedSinceValidationRefusesTheDryRunAndTheImport(TestDatabases.Engine engine, String change,
                                                                   String said) throws Exception {
        target = MixTarget.of(engine, dir);
        Path reviewFile = approvedReview();
        execute(change);

        ImportRows.ImportSettings settings = new ImportRows.ImportSettings(null, false, "tester");
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean dryRun = attempt == 0;
            assertThatThrownBy(() -> {
                try (ImportRows rows = ImportRows.fromReview(target.db, reviewFile, settings)) {
                    if (dryRun) {
                        rows.dryRun(Progress.NONE);
                    } else {
                        rows.commit(Progress.NONE);
                    }
                }
            }).isInstanceOf(TargetChangedException.class)
                    .hasMessageStartingWith("The table concrete_mix has changed since mixes.sluice was validated (")
                    .hasMessageContaining(said)
                    .hasMessageEndingWith("); validate the review again before importing (sluice validate --review"
                            + " mixes.sluice; its decisions and edits are kept).")
                    .satisfies(e -> assertThat(((SluiceException) e).kind()).isEqualTo(SluiceException.Kind.INPUT));
        }
        assertThat(target.mixes()).as("nothing written").isEmpty();
        assertThat(target.batches()).as("no batch recorded").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void validatingTheReviewAgainRecordsTheTableAsItIsNowAndKeepsTheDecisions(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        Path reviewFile = approvedReview();
        execute("CREATE UNIQUE INDEX ux_mix_cement ON concrete_mix (cement_kg, water_kg)");

        assertThat(ValidateReview.again(reviewFile, target.db, Progress.NONE)).as("approved rows in error").isZero();

        importsBothMixes(reviewFile);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void changesNoFindingDependsOnImportAsBefore(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Path reviewFile = approvedReview();
        execute("ALTER TABLE concrete_mix ADD COLUMN note VARCHAR(40)");
        execute("ALTER TABLE concrete_mix ADD COLUMN checked_at DATE DEFAULT CURRENT_DATE NOT NULL");
        execute("CREATE INDEX ix_mix_water ON concrete_mix (water_kg)");
        execute("COMMENT ON COLUMN concrete_mix.cement_kg IS 'kg per cubic metre'");

        importsBothMixes(reviewFile);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aReviewValidatedBeforeTheShapeWasRecordedImportsAsBeforeAndSaysItCouldNotBeChecked(
            TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Path reviewFile = approvedReview();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + reviewFile);
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM review_meta WHERE key = 'target.shapes'")).isEqualTo(1);
        }

        try (ImportRows rows = ImportRows.fromReview(target.db, reviewFile,
                new ImportRows.ImportSettings(null, false, "tester"))) {
            assertThat(rows.targetUnrecorded()).isTrue();
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(2);
        }
        assertThat(TargetChangedException.unrecordedNote("mixes.sluice")).isEqualTo("mixes.sluice was validated"
                + " before Sluice recorded the target's tables, so whether they changed since could not be checked;"
                + " validating the review again records them.");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theShapeIsTheSameReadTwiceAndAsTheReviewKeepsIt(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Path reviewFile = approvedReview();
        TableShape first = TableShape.of(target.db.table("concrete_mix"));
        try (TargetDatabase again = target.target().open(); Review review = Review.open(reviewFile)) {
            assertThat(TableShape.of(again.table("CONCRETE_MIX"))).isEqualTo(first);
            assertThat(review.targetShapes()).hasValue(Map.of("concrete_mix", first));
        }
        assertThat(first.checks()).hasSize(6);
        assertThat(first.foreignKeys()).hasSize(1);
        assertThat(first.changesSince(first)).isEmpty();
    }

    @Test
    void aUniqueIndexOnAnExpressionOrWithAWhereAtValidationIsRecordedAndImportsAsBefore() throws Exception {
        target = MixTarget.of(TestDatabases.Engine.POSTGRESQL, dir);
        execute("CREATE UNIQUE INDEX ux_mix_code_lower ON concrete_mix (lower(mix_code))");
        execute("CREATE UNIQUE INDEX ux_mix_rich ON concrete_mix (supplier_code) WHERE cement_kg > 400");
        Path reviewFile = approvedReview();

        try (Review review = Review.open(reviewFile)) {
            assertThat(review.targetShapes().orElseThrow().get("concrete_mix").uniqueIndexes()).containsExactly(
                    "(lower((mix_code)::text))", "(supplier_code) WHERE (cement_kg > (400)::numeric)");
        }
        importsBothMixes(reviewFile);
    }

    @Test
    void aShapeRecordedBeforeUniqueIndexesWereIsNotSaidToHaveGainedOne() {
        TableShape recorded = new TableShape("concrete_mix", List.of(), List.of(), List.of(), List.of(), List.of(),
                null);
        TableShape now = new TableShape("concrete_mix", List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("(lower(mix_code))"));

        assertThat(now.changesSince(recorded)).isEmpty();
        assertThat(recorded.changesSince(now)).isEmpty();
    }

    /** The dry run and the import of the review's two approved mixes, checked against the table as it is now. */
    private void importsBothMixes(Path reviewFile) throws SQLException {
        try (ImportRows rows = ImportRows.fromReview(target.db, reviewFile,
                new ImportRows.ImportSettings(null, false, "tester"))) {
            assertThat(rows.targetUnrecorded()).isFalse();
            assertThat(rows.dryRun(Progress.NONE)).isEqualTo(new CommitPlan(2, 0, 0));
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(2);
        }
        assertThat(target.mixes()).containsExactly("DS1-0000001|350.0", "DS1-0000002|360.0");
    }

    /** Two valid mixes, validated into mixes.sluice and approved. */
    private Path approvedReview() throws Exception {
        Path csv = target.csv("mixes.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        Path reviewFile = dir.resolve("mixes.sluice");
        ValidateFile.run(new ValidateFile.Request(csv, SourceOptions.DEFAULTS, MixTarget.profile(), "ds1",
                reviewFile, false), target.db, null, Progress.NONE);
        try (OpenReview review = OpenReview.open(reviewFile, () -> target.target().open())) {
            assertThat(review.session().approveAll(RowFilter.valid())).isEqualTo(2);
        }
        return reviewFile;
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = target.db.connection().createStatement()) {
            s.execute(sql);
        }
        if (!target.db.connection().getAutoCommit()) {
            target.db.connection().commit();
        }
    }
}
