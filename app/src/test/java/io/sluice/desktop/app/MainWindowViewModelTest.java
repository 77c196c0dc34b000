package io.sluice.desktop.app;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.RuleSpec;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.Samples;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.SettingsStore;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainWindowViewModelTest {

    @TempDir
    Path home;

    private final Workbench workbench = new Workbench();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private MainWindowViewModel model;

    @BeforeEach
    void setUp() {
        SettingsStore settings = new SettingsStore(new DesktopSettings(), AppContext.settingsFile(home),
                SyncTasks.runner());
        model = new MainWindowViewModel(workbench, settings, dialogs, home);
    }

    @Test
    void theAboutBoxNamesTheBuildAndTheDataDirectory() {
        model.about();

        assertThat(dialogs.told()).singleElement().satisfies(told -> {
            assertThat(told.header()).isEqualTo("About Sluice");
            assertThat(told.text()).startsWith("Sluice ").contains("Data directory: " + home);
        });
    }

    @Test
    void aFileOpenedAnywhereIsRememberedOnDiskAndOfferedFirst() throws IOException {
        Path older = Files.writeString(home.resolve("older.csv"), "a\n1\n");
        Path newer = Files.writeString(home.resolve("newer.csv"), "a\n1\n");

        model.openSource(older);
        workbench.openSource(newer);

        assertThat(model.recentFilesProperty().get()).extracting(MainWindowViewModel.Recent::file)
                .containsExactly(newer.toAbsolutePath().normalize(), older.toAbsolutePath().normalize());
        assertThat(DesktopSettings.load(AppContext.settingsFile(home)).recentFiles())
                .containsExactly(newer.toAbsolutePath().normalize(), older.toAbsolutePath().normalize());
        assertThat(model.lastDirectory()).isEqualTo(home.toAbsolutePath());
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.SOURCE);
    }

    @Test
    void aSampleReopenedFromTheRecentFilesOffersItsProfileAgain() throws IOException {
        Samples.Sample ds1 = Samples.all().get(0);
        Path sample = Samples.extract(ds1, home);
        workbench.openSource(sample);
        workbench.profileFileProperty().set(Samples.profileOf(ds1, home));
        workbench.openSource(Files.writeString(home.resolve("other.csv"), "a\n1\n"));

        model.openSource(model.recentFilesProperty().get().get(1).file());

        assertThat(workbench.sourceFileProperty().get()).isEqualTo(sample.toAbsolutePath().normalize());
        assertThat(workbench.profileFileProperty().get()).isEqualTo(Samples.profileOf(ds1, home));
        assertThat(workbench.profileNoteProperty().get()).isNull();
    }

    @Test
    void aSampleOpenedBeforeProfilesWereRememberedStillOffersItsProfile() {
        Samples.Sample ds1 = Samples.all().get(0);
        Path sample = Samples.extract(ds1, home);

        model.openSource(sample);

        assertThat(workbench.profileFileProperty().get()).isEqualTo(Samples.profileOf(ds1, home));
    }

    @Test
    void aRecentFileReopenedOffersTheProfileLastUsedWithItEvenAfterARestart() throws IOException {
        Path source = Files.writeString(home.resolve("mixes.csv"), "a\n1\n");
        Path first = Files.writeString(home.resolve("first.profile.json"), "{}");
        Path last = Files.writeString(home.resolve("last.profile.json"), "{}");
        workbench.openSource(source);
        workbench.profileFileProperty().set(first);
        workbench.profileFileProperty().set(last);
        workbench.openSource(Files.writeString(home.resolve("other.csv"), "a\n1\n"));
        Workbench restarted = new Workbench();
        MainWindowViewModel again = new MainWindowViewModel(restarted, new SettingsStore(
                DesktopSettings.load(AppContext.settingsFile(home)), AppContext.settingsFile(home),
                SyncTasks.runner()), dialogs, home);

        again.openSource(source);

        assertThat(restarted.profileFileProperty().get()).isEqualTo(last.toAbsolutePath().normalize());
    }

    @Test
    void aRecentFileWhoseProfileWasMovedSaysSoInOneSentence() throws IOException {
        Path source = Files.writeString(home.resolve("mixes.csv"), "a\n1\n");
        Path profile = Files.writeString(home.resolve("mixes.profile.json"), "{}");
        workbench.openSource(source);
        workbench.profileFileProperty().set(profile);
        workbench.openSource(Files.writeString(home.resolve("other.csv"), "a\n1\n"));
        Files.delete(profile);

        model.openSource(source);

        assertThat(workbench.profileFileProperty().get()).isNull();
        assertThat(workbench.profileNoteProperty().get()).isEqualTo("The profile mixes.profile.json last used with"
                + " mixes.csv is no longer in " + home.toAbsolutePath() + " (moved or deleted); Load profile… finds it"
                + " where it is now.");
        workbench.profileFileProperty().set(Files.writeString(home.resolve("found.profile.json"), "{}"));
        assertThat(workbench.profileNoteProperty().get()).isNull();
    }

    @Test
    void aRecentReviewGoneFromDiskIsOfferedButNotAvailable() throws IOException {
        Path kept = Files.writeString(home.resolve("kept.sluice"), "");
        Path gone = home.resolve("gone.sluice");

        model.openReview(gone);
        model.openReview(kept);

        assertThat(model.recentReviewsProperty().get()).containsExactly(
                new MainWindowViewModel.Recent(kept.toAbsolutePath().normalize(), true),
                new MainWindowViewModel.Recent(gone.toAbsolutePath().normalize(), false));
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.REVIEW);
    }

    @ParameterizedTest
    @CsvSource({"mixes.xlsx, true", "MIXES.CSV, true", "old.xls, true", "tabbed.tsv, true", "export.txt, true",
            "mixes.sluice, false", "notes.pdf, false"})
    void acceptsDroppedFilesThatAreSources(String name, boolean source) {
        assertThat(model.isSource(Path.of(name))).isEqualTo(source);
    }

    @Test
    void theStatusBarNamesTheTarget() {
        assertThat(model.targetTextProperty().getValue()).startsWith("Target: Embedded database");
    }

    @Test
    void closingWithAProfileInNoFileNorTheOpenReviewAsksFirstAndOtherwiseClosesAtOnce() {
        try (SampleTarget target = SampleTarget.of(TestDatabases.Engine.H2, home)) {
            assertThat(model.mayClose()).as("nothing mapped yet").isTrue();

            Path review = target.review("recorded");
            Profile sample = ProfileIO.read(Samples.profileOf(SampleTarget.SAMPLE, home));
            workbench.reviewProperty().set(review);
            workbench.profileProperty().set(sample);
            assertThat(model.mayClose()).as("the review records the profile").isTrue();

            Profile withRule = withRule(sample, "{\"id\":\"kept-only\",\"type\":\"required\","
                    + "\"column\":\"STRENGTH_MPA\"}");
            workbench.profileProperty().set(withRule);
            dialogs.declineNext();
            assertThat(model.mayClose()).as("a rule kept but neither applied nor saved").isFalse();
            assertThat(dialogs.asked()).singleElement().satisfies(q -> {
                assertThat(q.header()).isEqualTo("Close Sluice without saving the profile?");
                assertThat(q.text()).isEqualTo("Profile 'ds1-concrete-mix' has changes that are in no profile file"
                        + " and not in the open review recorded.sluice: its mapping, rules and gates as they are now"
                        + " are lost when Sluice closes. Cancel, then Save profile… in the Rules step, keeps them.");
            });
            assertThat(dialogs.confirmLabels()).containsExactly("Close without saving");
            assertThat(model.mayClose()).as("the steward closes anyway").isTrue();

            workbench.profileSavedProperty().set(withRule);
            assertThat(model.mayClose()).as("saved to a file").isTrue();
            assertThat(dialogs.asked()).hasSize(2);
        }
    }

    @Test
    void closingWithAMappingChangedByHandButNeitherValidatedNorSavedAsksFirst() {
        Samples.extract(SampleTarget.SAMPLE, home);
        Profile sample = ProfileIO.read(Samples.profileOf(SampleTarget.SAMPLE, home));
        workbench.mappingDraftProperty().set(sample);
        dialogs.declineNext();

        assertThat(model.mayClose()).as("the mapping made on the Mapping step is in no file").isFalse();
        assertThat(dialogs.asked()).singleElement().satisfies(q -> assertThat(q.header())
                .isEqualTo("Close Sluice without saving the profile?"));

        workbench.profileSavedProperty().set(sample);
        assertThat(model.mayClose()).as("saved to a file").isTrue();
    }

    @Test
    void openingAnotherFileAsksFirstWhileTheProfileIsSavedNowhereAndKeepsItWhenTheStewardCancels() throws IOException {
        Path first = Files.writeString(home.resolve("first.csv"), "a\n1\n");
        Path second = Files.writeString(home.resolve("second.csv"), "a\n1\n");
        model.openSource(first);
        Samples.extract(SampleTarget.SAMPLE, home);
        Profile sample = ProfileIO.read(Samples.profileOf(SampleTarget.SAMPLE, home));
        workbench.profileProperty().set(sample);

        dialogs.declineNext();
        model.openSource(second);

        assertThat(dialogs.asked()).singleElement().satisfies(q -> {
            assertThat(q.header()).isEqualTo("Open another file without saving the profile?");
            assertThat(q.text()).endsWith("are lost when another file is opened. Cancel, then Save profile… in the"
                    + " Rules step, keeps them.");
        });
        assertThat(workbench.sourceFileProperty().get()).isEqualTo(first);
        assertThat(workbench.profileProperty().get()).isEqualTo(sample);
        assertThat(model.recentFilesProperty().get()).extracting(MainWindowViewModel.Recent::file)
                .containsExactly(first.toAbsolutePath().normalize());

        workbench.openSource(second);

        assertThat(dialogs.confirmLabels()).containsExactly("Open without saving", "Open without saving");
        assertThat(workbench.sourceFileProperty().get()).isEqualTo(second);
        assertThat(workbench.profileProperty().get()).isNull();
    }

    private static Profile withRule(Profile profile, String json) {
        List<RuleSpec> rules = new ArrayList<>(profile.rules());
        rules.add(ProfileIO.fromJson("{\"format\":\"sluice-profile\",\"version\":1,\"name\":\"t\",\"table\":\"t\","
                + "\"columns\":[{\"target\":\"a\",\"source\":\"A\"}],\"rules\":[" + json + "]}", "test").rules()
                .get(0));
        return profile.withRules(rules);
    }
}
