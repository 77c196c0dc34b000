package io.sluice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.review.RowValidator;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.workspace.Review;
import io.sluice.core.workspace.ReviewStager;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The review's front-end code validates, opens reviews and re-validates rows only through the use cases of
 * {@code io.sluice.core.usecase}, so the command line and the desktop cannot drift apart again.
 */
@AnalyzeClasses(packages = "io.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ReviewUseCaseBoundaryTest {

    @ArchTest
    static final ArchRule reviewFrontEndsUseTheUseCases = noClasses().that()
            .haveFullyQualifiedName("io.sluice.cli.ValidateCommand")
            .or().haveFullyQualifiedName("io.sluice.cli.LoadCommand")
            .or().haveFullyQualifiedName("io.sluice.cli.DecideCommand")
            .or().haveFullyQualifiedName("io.sluice.cli.ReviewCommand")
            .or().resideInAPackage("io.sluice.desktop.review..")
            .should().dependOnClassesThat().belongToAnyOf(ValidationJob.class, ReviewStager.class,
                    ProfileRowValidator.class, RowValidator.class)
            .orShould().callMethod(ReviewSession.class, "open", Review.class,
                    RowValidator.class);
}
