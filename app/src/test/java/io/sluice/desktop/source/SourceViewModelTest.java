package io.sluice.desktop.source;

import io.sluice.core.source.SheetInfo;
import io.sluice.core.source.SourceFormat;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.Samples;
import io.sluice.desktop.SettingsStore;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskContext;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceViewModelTest {

    @TempDir
    Path home;

    private Workbench workbench;
    private DesktopSettings settings;
    private SourceViewModel model;

    @BeforeEach
    void setUp() {
        workbench = new Workbench();
        settings = new DesktopSettings();
        var tasks = SyncTasks.runner();
        model = new SourceViewModel(workbench, tasks, new SettingsStore(settings, home.resolve("desktop.json"), tasks),
                home);
    }

    private static Samples.Sample sample(String fileName) {
        return Samples.all().stream().filter(s -> s.fileName().equals(fileName)).findFirst().orElseThrow();
    }

    @Test
    void openingASampleReadsItAndSuggestsItsProfile() {
        Samples.Sample ds1 = sample("ds1-concrete-mix.csv");

        model.openSample(ds1);

        assertThat(workbench.sourceFileProperty().get()).isEqualTo(Samples.extract(ds1, home));
        assertThat(workbench.profileFileProperty().get()).isEqualTo(Samples.profileOf(ds1, home)).exists();
        assertThat(model.previewProperty().get().inspection().columns()).startsWith("Mix Code");
        assertThat(model.headerRowProperty().get()).isEqualTo(1);
        assertThat(model.previewProperty().get().rows()).hasSize(SheetPreview.ROWS);
        assertThat(model.previewProperty().get().rows().get(0).cells()).startsWith("Mix Code");
        assertThat(model.summaryProperty().get()).contains("CSV", "UTF-8", "comma", "200 rows below the header");
        assertThat(model.canProceedProperty().get()).isTrue();
        assertThat(settings.recentFiles()).containsExactly(workbench.sourceFileProperty().get().toAbsolutePath());
        assertThat(settings.samplesOffered()).isTrue();
    }

    @Test
    void findsTheHeaderBelowTheBannerAndMarksTheHiddenSheet() {
        model.openSample(sample("ds3-lab-refresh.xlsx"));

        assertThat(model.sheetProperty().get()).isEqualTo("Mixes");
        assertThat(model.headerRowProperty().get()).isEqualTo(4);
        // the rows validation reads below the header, whatever blank rows lie above it (validate: 120 rows)
        assertThat(model.summaryProperty().get()).contains("120 rows below the header");
        assertThat(model.sheets()).extracting(SheetInfo::name).contains("Mixes", "Suppliers", "Lookup");
        assertThat(model.sheets()).filteredOn(SheetInfo::hidden).extracting(SheetInfo::name).containsExactly("Lookup");
        assertThat(model.previewProperty().get().rows().get(0).number()).isEqualTo(1);
        assertThat(model.issues()).extracting(i -> i.kind()).contains("merged-cells");
        assertThat(model.isCsv()).isFalse();
    }

    @Test
    void choosingAnotherHeaderRowReadsTheColumnsFromIt() {
        model.openSample(sample("ds3-lab-refresh.xlsx"));
        String firstDataCode = model.previewProperty().get().rows().stream().filter(r -> r.number() == 5)
                .findFirst().orElseThrow().cell(0);

        model.headerRowProperty().set(5);

        assertThat(model.previewProperty().get().inspection().headerRow()).isEqualTo(5);
        assertThat(model.previewProperty().get().inspection().columns()).startsWith(firstDataCode);
    }

    @Test
    void choosingAnotherSheetDetectsItsHeaderAgain() {
        model.openSample(sample("ds3-lab-refresh.xlsx"));

        model.sheetProperty().set("Suppliers");

        assertThat(model.previewProperty().get().inspection().defaultSheet()).isEqualTo("Suppliers");
        assertThat(model.previewProperty().get().inspection().columns()).isNotEmpty()
                .doesNotContain("Mix Code");
    }

    @Test
    void readsAWindowsCsvWithSemicolonsAndHonoursADelimiterOverride() {
        model.openSample(sample("ds2-betonmischungen.csv"));
        assertThat(model.previewProperty().get().inspection().format()).isEqualTo(SourceFormat.CSV);
        assertThat(model.previewProperty().get().inspection().delimiter()).isEqualTo(';');
        assertThat(model.previewProperty().get().inspection().columns()).contains("Zement (kg/m³)");

        model.delimiterProperty().set(',');

        assertThat(model.previewProperty().get().inspection().delimiter()).isEqualTo(',');
        assertThat(model.previewProperty().get().inspection().columns()).doesNotContain("Zement (kg/m³)");
        assertThat(model.isCsv()).isTrue();
    }

    @Test
    void saysWhenTheChosenEncodingDoesNotFitAndRecoversWithAnother() {
        model.openSample(sample("ds2-betonmischungen.csv"));

        model.encodingProperty().set("UTF-8");

        assertThat(model.errorProperty().get()).contains("ds2-betonmischungen.csv", "UTF-8");
        // rows read with another encoding are not this encoding's rows
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.summaryProperty().get()).isEmpty();
        assertThat(model.canProceedProperty().get()).isFalse();
        assertThat(model.isCsv()).isTrue();

        model.encodingProperty().set("windows-1252");

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.previewProperty().get().inspection().columns()).contains("Zement (kg/m³)");
        assertThat(model.previewProperty().get().inspection().encoding()).isEqualTo("windows-1252");
    }

    @Test
    void aHeaderRowPastTheFileKeepsTheRowsOnScreenToPickFromAndClaimsNothingOfTheOldRead() {
        model.openSample(sample("ds1-concrete-mix.csv"));
        assertThat(model.issuesNoteProperty().get()).isEqualTo(SourceViewModel.NOTHING_UNUSUAL);

        model.headerRowTyped("999");

        assertThat(model.errorProperty().get()).isEqualTo("ds1-concrete-mix.csv: the file has no row 999 to use as"
                + " header.");
        assertThat(model.canProceedProperty().get()).isFalse();
        // the file's own rows stay, so a double-click on one still makes it the header
        assertThat(model.previewProperty().get().rows()).hasSize(SheetPreview.ROWS);
        assertThat(model.previewProperty().get().rows().get(0).cells()).startsWith("Mix Code");
        // neither "header in row 1" nor "nothing unusual" is true of a read that failed
        assertThat(model.summaryProperty().get()).isEmpty();
        assertThat(model.issuesNoteProperty().get()).isEqualTo("Nothing to list until the file is read with these"
                + " options.");

        model.headerRowProperty().set(1);

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.summaryProperty().get()).contains("header in row 1", "200 rows below the header");
        assertThat(model.issuesNoteProperty().get()).isEqualTo(SourceViewModel.NOTHING_UNUSUAL);
        assertThat(model.canProceedProperty().get()).isTrue();
    }

    @Test
    void aReadCancelledInTheStatusBarSaysSoInsteadOfReadingForEverAndAnOptionReadsAgain() {
        HeldTasks background = new HeldTasks();
        TaskRunner tasks = HeldTasks.runner(background);
        model = new SourceViewModel(workbench, tasks, new SettingsStore(settings, home.resolve("desktop.json"), tasks),
                home);
        Path file = Samples.extract(sample("ds1-concrete-mix.csv"), home);
        background.hold();
        model.open(file);
        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.issuesNoteProperty().get()).isEqualTo("Reading the file…");

        tasks.active().stream().filter(TaskHandle::visible).forEach(TaskHandle::cancel);
        background.runAll();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEqualTo("Reading ds1-concrete-mix.csv was cancelled; read it again,"
                + " or choose a reading option.");
        assertThat(model.previewProperty().get()).isNull();
        assertThat(model.canProceedProperty().get()).isFalse();
        assertThat(model.previewNoteProperty().get()).as("a cancel is no unreadable file")
                .isEqualTo("Reading the file was cancelled.");
        assertThat(model.canReadAgainProperty().get()).isTrue();

        model.readAgain();

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.canProceedProperty().get()).isTrue();
        assertThat(model.canReadAgainProperty().get()).isFalse();

        model.headerRowProperty().set(1);

        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.canProceedProperty().get()).isTrue();
    }

    @Test
    void aCancelWhileTheFileIsInspectedStopsTheReadingInsteadOfCountingTheWholeFile() throws Exception {
        StringBuilder text = new StringBuilder("Code,Qty\n");
        for (int i = 0; i < 50_000; i++) {
            text.append("M").append(i).append(',').append(i).append('\n');
        }
        Path file = Files.writeString(home.resolve("large.csv"), text, StandardCharsets.UTF_8);
        AtomicBoolean cancelled = new AtomicBoolean();
        TaskContext cancelOnceStarted = new TaskContext() {
            @Override
            public void message(String text) {
                cancelled.set(true); // the steward presses Cancel as soon as the status bar says what is read
            }

            @Override
            public void expectRows(long total) {
            }

            @Override
            public void fraction(double done) {
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };

        assertThatThrownBy(() -> SheetPreview.read(file, model.options(), cancelOnceStarted))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void nextStoresHowToReadTheFileAndGoesToMapping() {
        model.openSample(sample("ds3-lab-refresh.xlsx"));

        model.next();

        assertThat(workbench.sourceOptionsProperty().get().sheet()).isEqualTo("Mixes");
        assertThat(workbench.sourceOptionsProperty().get().headerRow()).isEqualTo(4);
        assertThat(workbench.inspectionProperty().get().columns()).contains("Mix Code");
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.MAPPING);
    }

    @Test
    void explainsAnUnreadableFileInOneSentenceAndDoesNotLetTheStewardOn() throws Exception {
        Path empty = Files.writeString(home.resolve("empty.csv"), "", StandardCharsets.UTF_8);
        List<Throwable> failures = new ArrayList<>();
        var tasks = SyncTasks.runner(failures);
        model = new SourceViewModel(workbench, tasks, new SettingsStore(settings, home.resolve("desktop.json"), tasks),
                home);

        model.open(empty);

        assertThat(model.errorProperty().get()).contains("empty.csv").endsWith(".");
        assertThat(model.canProceedProperty().get()).isFalse();
        assertThat(model.previewNoteProperty().get()).isEqualTo("The file could not be read with these options.");
        assertThat(model.canReadAgainProperty().get()).as("once the file is mended outside Sluice").isTrue();
        assertThat(failures).isEmpty();
        model.next();
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.SOURCE);
    }

    @Test
    void offersOnlyRecentFilesThatStillExist() throws Exception {
        Path kept = Files.writeString(home.resolve("kept.csv"), "a,b\n1,2\n");
        Path gone = home.resolve("gone.csv");
        settings.fileOpened(gone);
        settings.fileOpened(kept);

        assertThat(model.recentFiles()).containsExactly(kept.toAbsolutePath().normalize());
    }

    @Test
    void offersTheRecentReviewsThatStillExistAndOpensOneInTheReviewStep() throws Exception {
        Path kept = Files.createFile(home.resolve("yesterday.sluice"));
        settings.reviewOpened(home.resolve("deleted.sluice"));
        settings.reviewOpened(kept);

        assertThat(model.recentReviews()).containsExactly(kept);
        model.openReview(kept);

        assertThat(workbench.reviewProperty().get()).isEqualTo(kept);
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.REVIEW);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "6     | true  | 6",
            "' 6 ' | true  | 6",
            "0     | true  | 4",
            "six   | false | 4",
            "''    | false | 4"})
    void takesATypedHeaderRowOnlyWhenItIsARowNumber(String typed, boolean accepted, int headerRow) {
        model.openSample(sample("ds3-lab-refresh.xlsx"));

        assertThat(model.headerRowTyped(typed)).isEqualTo(accepted);

        assertThat(model.headerRowProperty().get()).isEqualTo(headerRow);
    }

    @Test
    void namesEachSheetWithItsRowsAndWhetherItIsHidden() {
        model.openSample(sample("ds3-lab-refresh.xlsx"));

        assertThat(model.sheetLabel("Lookup")).contains("[hidden]");
        assertThat(model.sheetLabel("Mixes")).startsWith("Mixes").doesNotContain("hidden");
        assertThat(model.sheetLabel("Gone")).isEqualTo("Gone");
        assertThat(model.lastDirectory()).isEqualTo(home.resolve("samples").toAbsolutePath());
        assertThat(SourceViewModel.recentLabel(Path.of("/data/in/mixes.csv"))).isEqualTo("mixes.csv   —   /data/in");
    }
}
