package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A profile replayed on the next file names the file's columns it does not map, in file order, so that a column the
 * sender added is seen; those it maps, under any case or spacing, are not named.
 */
class UnmappedColumnsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theColumnsTheSenderAddedAreNamedInFileOrder(TestDatabases.Engine engine) throws IOException {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            // a new column in the middle and one at the end; a mapped header typed in capitals stays mapped
            Path next = Files.write(dir.resolve("next.csv"), List.of(
                    MixTarget.HEADER.replace("Slag (kg/m3),", "Slag (kg/m3),Admixture 2 (kg/m3),")
                            .replace("Supplier", "SUPPLIER") + ",Batch plant",
                    MixTarget.mix("DS1-0000001", "350.0").replace(",0.0,0.0,", ",0.0,0.0,1.2,") + "Werk 3"));

            ValidateFile.Outcome outcome = ValidateFile.run(ValidateFile.Request.headless(next,
                    SourceOptions.DEFAULTS, MixTarget.profile(), "ds1"), target.db, null, Progress.NONE);

            assertThat(outcome.summary().rows()).isEqualTo(1);
            assertThat(outcome.unmapped().columns()).containsExactly("Admixture 2 (kg/m3)", "Remarks", "Batch plant");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFileWhoseEveryColumnIsMappedNamesNone(TestDatabases.Engine engine) throws IOException {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            Path same = Files.write(dir.resolve("same.csv"), List.of(
                    MixTarget.HEADER.replace(",Remarks", ""),
                    MixTarget.mix("DS1-0000001", "350.0").replaceFirst(",$", "")));

            ValidateFile.Outcome outcome = ValidateFile.run(ValidateFile.Request.headless(same,
                    SourceOptions.DEFAULTS, MixTarget.profile(), "ds1"), target.db, null, Progress.NONE);

            assertThat(outcome.summary().rows()).isEqualTo(1);
            assertThat(outcome.unmapped().columns()).isEmpty();
        }
    }
}
