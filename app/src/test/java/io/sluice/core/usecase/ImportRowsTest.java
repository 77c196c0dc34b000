package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.NothingToImportException;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.sluice.core.usecase.MixTarget.mix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Importing a file's valid rows through the use case, on H2 and PostgreSQL. */
class ImportRowsTest {

    @TempDir
    Path dir;

    private MixTarget target;

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    private ImportRows fromFile(Path file, ImportMode mode) {
        return ImportRows.fromFile(target.db, file, SourceOptions.DEFAULTS, MixTarget.profile(),
                new ImportRows.ImportSettings(mode, true, "tester"), Progress.NONE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void upsertChosenForTheImportUpdatesKeysThatTheProfilesInsertModeWouldRefuse(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        target.insertMix("DS1-0000001", "300");
        Path file = target.csv("mixes.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        assertThat(MixTarget.profile().commitMode()).isEqualTo("insert");

        try (ImportRows rows = fromFile(file, ImportMode.UPSERT)) {
            assertThat(rows.chosen()).isEqualTo(2);
            assertThat(rows.dryRun(Progress.NONE)).isEqualTo(new CommitPlan(1, 1, 0));
            ImportResult result = rows.commit(Progress.NONE);
            assertThat(result.batch().inserted()).isEqualTo(1);
            assertThat(result.batch().updated()).isEqualTo(1);
        }
        assertThat(target.mixes()).containsExactly("DS1-0000001|350.0", "DS1-0000002|360.0");
        assertThat(target.batches()).singleElement().asString().endsWith("|committed|1|1|0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theProfilesInsertModeChoosesOnlyRowsWhoseKeyIsFree(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        target.insertMix("DS1-0000001", "300");
        Path file = target.csv("mixes.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));

        try (ImportRows rows = fromFile(file, null)) {
            assertThat(rows.mode()).isEqualTo(ImportMode.INSERT);
            assertThat(rows.chosen()).isEqualTo(1);
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(1);
        }
        assertThat(target.mixes()).containsExactly("DS1-0000001|300.0", "DS1-0000002|360.0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFileWithoutAValidRowIsRefusedByDryRunAndImportAndRecordsNoBatch(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        target.insertMix("DS1-0000001", "300");
        Path file = target.csv("taken.csv", mix("DS1-0000001", "350.0"));

        try (ImportRows rows = fromFile(file, ImportMode.INSERT)) {
            assertThat(rows.chosen()).isZero();
            assertThatThrownBy(() -> rows.dryRun(Progress.NONE)).isInstanceOf(NothingToImportException.class)
                    .hasMessage("No row of taken.csv can be imported: its only row has error findings under mode"
                            + " insert; nothing was imported.");
            assertThatThrownBy(() -> rows.commit(Progress.NONE)).isInstanceOf(NothingToImportException.class);
        }
        assertThat(target.batches()).isEmpty();
        assertThat(target.mixes()).containsExactly("DS1-0000001|300.0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anImportThatWouldSkipEveryRowIsRefusedAndRecordsNoBatch(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        target.insertMix("DS1-0000001", "300");
        target.insertMix("DS1-0000002", "310");
        Path file = target.csv("again.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));

        try (ImportRows rows = fromFile(file, ImportMode.SKIP_EXISTING)) {
            CommitPlan plan = rows.dryRun(Progress.NONE);
            assertThat(plan).isEqualTo(new CommitPlan(0, 0, 2));
            assertThatThrownBy(() -> rows.refuseIfNothingChanges(plan)).isInstanceOf(NothingToImportException.class)
                    .hasMessageContaining("would change nothing");
            assertThatThrownBy(() -> rows.commit(Progress.NONE)).isInstanceOf(NothingToImportException.class)
                    .hasMessageContaining("would change nothing");
        }
        assertThat(target.batches()).isEmpty();
        assertThat(target.mixes()).containsExactly("DS1-0000001|300.0", "DS1-0000002|310.0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFileChangedAfterTheImportWasPreparedIsImportedAsTheImportReadsIt(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        Path file = target.csv("changing.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        try (ImportRows rows = fromFile(file, ImportMode.INSERT)) {
            // the import validates what it writes, in the same read: the changed value is an error, never written
            target.csv("changing.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "lots"));
            assertThat(rows.dryRun(Progress.NONE)).isEqualTo(new CommitPlan(1, 0, 0));
            assertThat(rows.chosen()).isEqualTo(1);
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(1);
        }
        assertThat(target.mixes()).containsExactly("DS1-0000001|350.0");
        // the batch names the file it read, not the one opened (and hashed) ahead when the import was prepared
        assertThat(recordedSha256()).containsExactly(sha256(file));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBatchNamesTheSha256OfTheFileAsItsFirstPassReadIt(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Path file = target.csv("mixes.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        try (ImportRows rows = fromFile(file, ImportMode.INSERT)) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(2);
        }
        assertThat(recordedSha256()).containsExactly(sha256(file));
    }

    private List<String> recordedSha256() throws SQLException {
        return TableText.rows(target.db.connection(), "SELECT source_sha256 FROM sluice_import_batch ORDER BY id");
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aKeyTakenAfterTheImportWasPreparedIsAnErrorOfItsRowForTheDryRunAndTheImportAlike(
            TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Path file = target.csv("mixes.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        try (ImportRows rows = fromFile(file, ImportMode.INSERT)) {
            target.insertMix("DS1-0000002", "300");
            assertThat(rows.dryRun(Progress.NONE)).isEqualTo(new CommitPlan(1, 0, 0));
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(1);
        }
        assertThat(target.mixes()).containsExactly("DS1-0000001|350.0", "DS1-0000002|300.0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCancelledImportWritesNothing(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Path file = target.csv("mixes.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        try (ImportRows rows = fromFile(file, ImportMode.INSERT)) {
            assertThatThrownBy(() -> rows.commit(cancelled)).isInstanceOf(CancellationException.class);
            // the file was closed on cancel: the same rows import in full afterwards
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(2);
        }
        assertThat(target.mixes()).containsExactly("DS1-0000001|350.0", "DS1-0000002|360.0");
        assertThat(target.batches()).filteredOn(b -> b.contains("committed")).hasSize(1);
    }
}
