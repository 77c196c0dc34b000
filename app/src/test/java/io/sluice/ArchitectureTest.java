package io.sluice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the layers apart: core knows nothing of JavaFX or the CLI and never prints; the two front ends stay apart. */
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
            .should().dependOnClassesThat().resideInAnyPackage("io.sluice.cli..", "picocli..", "io.sluice.bench..");

    @ArchTest
    static final ArchRule cliKnowsNoDesktop = noClasses().that().resideInAPackage("io.sluice.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sluice.desktop..", "javafx..");

    @ArchTest
    static final ArchRule coreNeverPrints = noClasses().that().resideInAPackage("io.sluice.core..")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace");
}
