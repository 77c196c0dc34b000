package io.sluice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sluice.core.cleaning.ClosestKnownValues;
import io.sluice.core.cleaning.KeyCollision;
import io.sluice.core.cleaning.KnownValueReader;
import io.sluice.core.cleaning.KnownValueRules;
import io.sluice.core.cleaning.NearestNeighbours;
import io.sluice.core.review.ColumnValues;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.commit.Committer;
import io.sluice.core.commit.Rollback;
import io.sluice.core.commit.ValidRows;
import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.ReviewApprovedRows;
import io.sluice.core.review.ReviewAuditCopy;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.review.RowValidator;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the layers apart: core knows nothing of JavaFX or the CLI and never prints; the two front ends stay apart and
 * reach the core's machinery only through the use cases of {@code io.sluice.core.usecase} (decision 0008).
 */
@AnalyzeClasses(packages = "io.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNoJavaFx = noClasses().that().resideInAPackage("io.sluice.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..");

    @ArchTest
    static final ArchRule coreKnowsNoFrontEnd = noClasses().that().resideInAPackage("io.sluice.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sluice.cli..", "io.sluice.desktop..", "picocli..");

    @ArchTest
    static final ArchRule desktopAndCliStayApart = noClasses().that().resideInAPackage("io.sluice.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sluice.cli..", "picocli..");

    @ArchTest
    static final ArchRule cliKnowsNoDesktop = noClasses().that().resideInAPackage("io.sluice.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sluice.desktop..", "javafx..");

    /**
     * Only the product is imported here (no test classes), so a bench class moved back into src/main shows up as a
     * product class in io.sluice.bench; the shipped jar's content is checked again in .ci/installer-smoke.
     */
    @ArchTest
    static final ArchRule productHoldsNoBench = noClasses().should().resideInAPackage("io.sluice.bench..")
            .orShould().dependOnClassesThat().resideInAPackage("io.sluice.bench..")
            .because("the benchmarks and the sample-data generator live in the test tree and never ship in sluice.jar"
                    + " (decision 0010)");

    @ArchTest
    static final ArchRule coreNeverPrints = noClasses().that().resideInAPackage("io.sluice.core..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace");

    /**
     * The front ends validate, stage, re-validate, commit, keep bookkeeping and roll back only through the use cases,
     * so the command line and the desktop cannot drift apart again. They may hold core values (findings, counts,
     * filters, batch records); the machinery below is the use cases' to assemble.
     */
    @ArchTest
    static final ArchRule frontEndsReachMachineryOnlyThroughUseCases = noClasses()
            .that().resideInAnyPackage("io.sluice.cli..", "io.sluice.desktop..")
            .should().dependOnClassesThat().belongToAnyOf(ValidationJob.class, ReviewStager.class,
                    ProfileRowValidator.class, RowValidator.class, Committer.class, Rollback.class, ValidRows.class,
                    ReviewApprovedRows.class, ReviewAuditCopy.class, Bookkeeping.class, BookkeepingSchema.class,
                    ColumnValues.class, ClosestKnownValues.class, KnownValueReader.class, KnownValueRules.class,
                    KeyCollision.class, NearestNeighbours.class)
            .orShould().callMethod(ReviewSession.class, "open", Review.class, RowValidator.class);
}
