package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pick lists of a lookup rule: the target's tables without Sluice's own, and a table's columns in order. */
class TargetTablesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void listsTheTablesAndTheColumnsOfOne(TestDatabases.Engine engine) {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            assertThat(TargetTables.names(target.db)).anyMatch(t -> t.equalsIgnoreCase("concrete_mix"))
                    .noneMatch(t -> t.toLowerCase().startsWith("sluice_"));
            assertThat(TargetTables.columns(target.db, "CONCRETE_MIX")).extracting(String::toLowerCase)
                    .startsWith("mix_code").contains("supplier_code", "w_c_ratio");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void refusesATableThatIsNotThereNamingTheOnesThatAre(TestDatabases.Engine engine) {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            assertThatThrownBy(() -> TargetTables.columns(target.db, "no_such_table"))
                    .isInstanceOf(SluiceException.class).hasMessageContaining("no_such_table")
                    .hasMessageContaining("Tables:");
        }
    }
}
