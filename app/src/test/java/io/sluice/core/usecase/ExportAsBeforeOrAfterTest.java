package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.export.BackToSenderWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An export that fails or is stopped half way leaves every file it was asked to write as it was before, and one that
 * succeeds replaces them all; no hidden file stays behind.
 */
class ExportAsBeforeOrAfterTest {

    private static final ExportRows.Settings SETTINGS = new ExportRows.Settings(CsvOptions.DEFAULTS,
            BackToSenderWriter.DEFAULT_MAX_COMMENTS);

    @TempDir
    Path dir;

    private MixTarget target;
    private Path csv;
    private Path approved;
    private Path rejected;

    @BeforeEach
    void files() throws IOException {
        approved = Files.writeString(dir.resolve("approved.csv"), "last month's approved rows\n");
        rejected = Files.writeString(dir.resolve("rejected.csv"), "last month's rejected rows\n");
    }

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    private void target(TestDatabases.Engine engine) throws IOException {
        target = MixTarget.of(engine, dir);
        csv = target.csv("mixes.csv", MixTarget.mix("DS1-0000001", "350.0"),
                MixTarget.mix("DS1-0000002", "350.0").replace("CEMS", "NRD"), MixTarget.mix("DS1-0000003", "350.0"));
    }

    private ExportRows.Written export(ExportRows.Outputs outputs, Progress progress) {
        return ExportRows.fromFile(target.db, csv, SourceOptions.DEFAULTS, MixTarget.profile(), "ds1", outputs,
                SETTINGS, progress);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anExportThatCannotWriteOneOfItsFilesLeavesTheOthersAsTheyWere(TestDatabases.Engine engine)
            throws IOException {
        target(engine);
        Path nowhere = dir.resolve("no such folder").resolve("to-fix.xlsx");

        assertThatThrownBy(() -> export(new ExportRows.Outputs(approved, rejected, null, nowhere, null),
                Progress.NONE)).isInstanceOf(SluiceException.class)
                .hasMessage("Cannot write " + nowhere + ": its folder does not exist.");

        assertThat(approved).hasContent("last month's approved rows");
        assertThat(rejected).hasContent("last month's rejected rows");
        assertOnlyTheFilesOfTheTest();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCancelledExportLeavesItsFilesAsTheyWereAndAFinishedOneReplacesThemAll(TestDatabases.Engine engine)
            throws IOException {
        target(engine);
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        Path report = dir.resolve("report.html");

        assertThatThrownBy(() -> export(new ExportRows.Outputs(approved, rejected, null, null, report), cancelled))
                .isInstanceOf(CancellationException.class);
        assertThat(approved).hasContent("last month's approved rows");
        assertThat(rejected).hasContent("last month's rejected rows");
        assertThat(report).doesNotExist();
        assertOnlyTheFilesOfTheTest();

        ExportRows.Written written = export(new ExportRows.Outputs(approved, rejected, null, null, report),
                Progress.NONE);
        assertThat(written.approved()).isEqualTo(2);
        assertThat(written.rejected()).isEqualTo(1);
        assertThat(Files.readAllLines(approved)).hasSize(3).first().asString().startsWithIgnoringCase("MIX_CODE,");
        assertThat(Files.readAllLines(rejected)).hasSize(2).last().asString().startsWith("3,DS1-0000002,");
        assertThat(report).isNotEmptyFile();
        assertOnlyTheFilesOfTheTest();
    }

    private void assertOnlyTheFilesOfTheTest() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".sluice-part-")))
                    .isEmpty();
        }
    }
}
