package io.sluice.core.usecase;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The front ends import, list batches and roll back only through the use cases: they never assemble the commit
 * engine, the rollback, the row choosers or the bookkeeping themselves.
 */
@AnalyzeClasses(packages = "io.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ImportUseCaseBoundaryTest {

    @ArchTest
    static final ArchRule frontEndsImportOnlyThroughUseCases = noClasses()
            .that().resideInAnyPackage("io.sluice.cli..", "io.sluice.desktop..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.sluice.core.commit.Committer")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.sluice.core.commit.Rollback")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.sluice.core.commit.ValidRows")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.sluice.core.review.ReviewApprovedRows")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.sluice.core.review.ReviewAuditCopy")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.sluice.core.bookkeeping.Bookkeeping")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.sluice.core.bookkeeping.BookkeepingSchema");
}
