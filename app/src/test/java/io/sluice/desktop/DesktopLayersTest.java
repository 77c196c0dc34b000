package io.sluice.desktop;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the desktop's packages in layers (decision 0006): the composition root {@code desktop.app} on top, one package
 * per step below it, what the steps share in {@code io.sluice.desktop}, and {@code desktop.task} as a leaf.
 */
@AnalyzeClasses(packages = "io.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopLayersTest {

    private static final String[] STEPS = {"io.sluice.desktop.source..", "io.sluice.desktop.mapping..",
            "io.sluice.desktop.review..", "io.sluice.desktop.commit..", "io.sluice.desktop.history..",
            "io.sluice.desktop.export.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.sluice.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule taskIsALeaf = noClasses().that().resideInAPackage("io.sluice.desktop.task..")
            .should().dependOnClassesThat(resideInAPackage("io.sluice.desktop..")
                    .and(not(resideInAPackage("io.sluice.desktop.task.."))))
            .because("the task runner, its failure sentences, Latest and Debounce serve every screen and know none of them");

    @ArchTest
    static final ArchRule sharedPiecesKnowNoStep = noClasses().that().resideInAPackage("io.sluice.desktop")
            .should().dependOnClassesThat().resideInAnyPackage(STEPS)
            .orShould().dependOnClassesThat().resideInAPackage("io.sluice.desktop.app..");

    @ArchTest
    static final ArchRule stepsKnowNeitherEachOtherNorTheRoot = slices().matching("io.sluice.desktop.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("io.sluice.desktop.app.."), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("io.sluice.desktop.task.."));

    @ArchTest
    static final ArchRule onlyMainStartsTheDesktop = noClasses()
            .that().resideOutsideOfPackages("io.sluice.desktop.app..", "io.sluice")
            .should().dependOnClassesThat().resideInAPackage("io.sluice.desktop.app..");

    @ArchTest
    static final ArchRule desktopNeverCallsMain = noClasses().that().resideInAPackage("io.sluice.desktop..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.sluice.Main");
}
