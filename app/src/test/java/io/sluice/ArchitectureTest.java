package io.sluice;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.cleaning.ClosestKnownValues;
import io.sluice.core.cleaning.KeyCollision;
import io.sluice.core.cleaning.KnownValueReader;
import io.sluice.core.cleaning.KnownValueRules;
import io.sluice.core.cleaning.NearestNeighbours;
import io.sluice.core.commit.Committer;
import io.sluice.core.commit.RelatedCommitter;
import io.sluice.core.commit.Rollback;
import io.sluice.core.commit.ValidRows;
import io.sluice.core.review.ColumnValues;
import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewApprovedRows;
import io.sluice.core.review.ReviewAuditCopy;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.review.RuleChange;
import io.sluice.core.review.ReviewStager;
import io.sluice.core.review.RowValidator;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.tables.WorkbookRowValidator;
import io.sluice.core.tables.WorkbookValidation;
import io.sluice.core.rules.TargetKeys;
import io.sluice.desktop.app.DesktopLauncher;
import io.sluice.desktop.app.SluiceApp;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sluice's layers, one rule per concern, each saying why (decisions 0004, 0006, 0008, 0010). A rule that fails names
 * the class and the line that broke it; the {@code because} says what to do instead. A deliberate exception is named
 * in its rule with the reason next to it; adding one needs a decision note (CONTRIBUTING.md).
 *
 * <p>Only the product is imported (no test classes): the test tree may use anything.
 */
@AnalyzeClasses(packages = "io.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] DESKTOP_STEPS = {"io.sluice.desktop.source..", "io.sluice.desktop.mapping..",
            "io.sluice.desktop.review..", "io.sluice.desktop.commit..", "io.sluice.desktop.history..",
            "io.sluice.desktop.export.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.sluice.(**)").namingSlices("io.sluice.$1")
            .should().beFreeOfCycles()
            .because("packages that need each other can only be understood, tested and changed together; move the"
                    + " shared type down into the package both depend on, or invert the call with an interface or"
                    + " a callback");

    /**
     * No two classes of the product share a simple name: a name says what a class is, so two meanings of one name
     * in two layers (the CLI's {@code ReviewCommand} and an undoable step in core, say) mislead every reader and
     * every import (decision 0013). Nested classes are exempt: {@code Outer.Result} is read with its outer class.
     */
    @ArchTest
    static void noTwoClassesShareASimpleName(JavaClasses classes) {
        Map<String, List<String>> shared = classes.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, TreeMap::new,
                        Collectors.mapping(JavaClass::getName, Collectors.toList())));
        shared.values().removeIf(names -> names.size() < 2);

        assertThat(shared)
                .as("classes sharing a simple name; rename one so that its name says what it is (decision 0013)")
                .isEmpty();
    }

    @ArchTest
    static final ArchRule coreKnowsNoJavaFx = noClasses().that().resideInAPackage("io.sluice.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the core runs headless under the command line, which never starts JavaFX; the desktop binds"
                    + " to core values in its view models instead (decision 0006)");

    @ArchTest
    static final ArchRule coreKnowsNoFrontEnd = noClasses().that().resideInAPackage("io.sluice.core..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sluice.cli..", "io.sluice.desktop..", "picocli..")
            .because("both front ends sit on one core (decision 0004); the core reports through return values,"
                    + " Progress and SluiceException, and each front end shows them its own way");

    @ArchTest
    static final ArchRule desktopAndCliStayApart = noClasses().that().resideInAPackage("io.sluice.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sluice.cli..", "picocli..")
            .because("what the two front ends share belongs in a use case of io.sluice.core.usecase (decision"
                    + " 0008), not in one front end borrowing from the other");

    @ArchTest
    static final ArchRule cliKnowsNoDesktop = noClasses().that().resideInAPackage("io.sluice.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sluice.desktop..", "javafx..")
            .because("a command runs headless on a server without a display, so it must not load JavaFX;"
                    + " what both front ends need belongs in a use case (decision 0008)");

    /**
     * Only the product is imported here (no test classes), so a bench class moved back into src/main shows up as a
     * product class in io.sluice.bench; the shipped jar's content is checked again in .ci/installer-smoke.
     */
    @ArchTest
    static final ArchRule productHoldsNoBench = noClasses().should().resideInAPackage("io.sluice.bench..")
            .orShould().dependOnClassesThat().resideInAPackage("io.sluice.bench..")
            .because("the benchmarks and the sample-data generator live in the test tree and never ship in sluice.jar"
                    + " (decision 0010)");

    /**
     * Standard output and error belong to the command line, whose output a script reads and whose exit code it
     * checks. Two desktop classes print on purpose, where no window can say it: before one exists, or to a script
     * watching the process.
     */
    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses()
            .that().resideOutsideOfPackage("io.sluice.cli..")
            .and().doNotBelongToAnyOf(
                    // the entry point belongs to the command line: it picks the desktop or a command and owns the
                    // process's exit status (it prints nothing today)
                    Main.class,
                    // no display to open a window on, or JavaFX failed to start: the terminal is all there is
                    DesktopLauncher.class,
                    // SLUICE_DESKTOP_SMOKE: the installer's smoke test reads one line saying the window is up
                    SluiceApp.class)
            .should(ACCESS_STANDARD_STREAMS)
            .because("the core reports through return values and SluiceException and logs through SLF4J, and the"
                    + " desktop shows messages in its window; a stray line on standard output corrupts the"
                    + " command line's JSON and tables");

    /**
     * The front ends may hold core values (findings, counts, filters, batch records, a profile, a target handed to a
     * use case); the machinery listed here is the use cases' to assemble.
     */
    @ArchTest
    static final ArchRule frontEndsReachMachineryOnlyThroughUseCases = noClasses()
            .that().resideInAnyPackage("io.sluice.cli..", "io.sluice.desktop..")
            .should().dependOnClassesThat().belongToAnyOf(ValidationJob.class, ReviewStager.class,
                    ProfileRowValidator.class, RowValidator.class, Committer.class, RelatedCommitter.class, Rollback.class,
                    ValidRows.class,
                    ReviewApprovedRows.class, ReviewAuditCopy.class, Bookkeeping.class, BookkeepingSchema.class,
                    ColumnValues.class, ClosestKnownValues.class, KnownValueReader.class, KnownValueRules.class,
                    KeyCollision.class, NearestNeighbours.class, RuleChange.class, WorkbookValidation.class,
                    WorkbookRowValidator.class, TargetKeys.class)
            .orShould().callMethod(ReviewSession.class, "open", Review.class, RowValidator.class)
            .orShould().callMethod(ReviewSession.class, "applyRule", RuleChange.class)
            .because("each behaviour exists once, as a use case in io.sluice.core.usecase, so that the command line"
                    + " and the desktop validate, stage, commit and roll back alike and cannot drift apart; write"
                    + " or extend the use case and call it from both (decision 0008)");

    @ArchTest
    static final ArchRule desktopTaskIsALeaf = noClasses().that().resideInAPackage("io.sluice.desktop.task")
            .should().dependOnClassesThat(resideInAPackage("io.sluice.desktop..")
                    .and(not(resideInAPackage("io.sluice.desktop.task"))))
            .because("every step runs its background work through the task runner, so the runner must not"
                    + " depend on any step or on the desktop's shell; what it needs from them it takes as a"
                    + " parameter (decision 0006)");

    @ArchTest
    static final ArchRule desktopSharedPiecesKnowNoStep = noClasses().that().resideInAPackage("io.sluice.desktop")
            .should().dependOnClassesThat().resideInAnyPackage(DESKTOP_STEPS)
            .orShould().dependOnClassesThat().resideInAPackage("io.sluice.desktop.app..")
            .because("io.sluice.desktop holds what every step shares (workbench, target, dialogs, settings); a shared"
                    + " piece that knows a step drags that step into all the others (decision 0006)");

    @ArchTest
    static final ArchRule desktopStepsKnowNeitherEachOtherNorTheRoot = slices().matching("io.sluice.desktop.(*)..")
            .should().notDependOnEachOther()
            // the composition root builds every step, and every step runs its work through the task runner
            .ignoreDependency(resideInAPackage("io.sluice.desktop.app.."), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAnyPackage("io.sluice.desktop.task.."))
            .because("a step talks to another only through the shared Workbench, so each step can be built, tested"
                    + " and replaced alone; what two steps share moves down into io.sluice.desktop (decision 0006)");

    @ArchTest
    static final ArchRule onlyMainStartsTheDesktop = noClasses()
            .that().resideOutsideOfPackages("io.sluice.desktop.app..", "io.sluice")
            .should().dependOnClassesThat().resideInAPackage("io.sluice.desktop.app..")
            .because("desktop.app is the one composition root: it makes the shared pieces once and hands each view"
                    + " model what it needs by constructor, so nothing below it may reach back up for them");

    @ArchTest
    static final ArchRule desktopNeverCallsMain = noClasses().that().resideInAPackage("io.sluice.desktop..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.sluice.Main")
            .because("Main picks the desktop or a command; the desktop above it would close a cycle through the"
                    + " command line");
}
