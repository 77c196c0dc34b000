package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pick lists of the Mapping step and a lookup rule: the target's tables of every schema without Sluice's own, and
 * a table's columns in order.
 */
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
    void listsTheTablesOfEverySchemaTheDefaultOnesFirstEachFoundAgainByItsName(TestDatabases.Engine engine)
            throws SQLException {
        try (MixTarget target = MixTarget.of(engine, dir)) {
            try (Connection c = target.database.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA lab");
                st.execute("CREATE TABLE lab.sample_test (sample_id VARCHAR(20) PRIMARY KEY, strength_mpa INT)");
                st.execute("CREATE TABLE lab.sluice_notes (id INT PRIMARY KEY)");
                st.execute("CREATE VIEW lab.sample_view AS SELECT sample_id FROM lab.sample_test");
                st.execute("CREATE SCHEMA \"Lab Data\"");
                st.execute("CREATE TABLE \"Lab Data\".\"Sample Run\" (\"Run Id\" INT PRIMARY KEY)");
                st.execute("CREATE SCHEMA \"Lab.Archive\"");
                st.execute("CREATE TABLE \"Lab.Archive\".\"Old\"\"Run\" (id INT PRIMARY KEY)");
            }

            List<String> names = TargetTables.names(target.db);

            assertThat(names).as("the default schema's tables by their bare names, first")
                    .anyMatch(t -> t.equalsIgnoreCase("concrete_mix"));
            assertThat(names.indexOf(names.stream().filter(t -> t.equalsIgnoreCase("concrete_mix")).findFirst()
                    .orElseThrow())).isLessThan(names.indexOf(names.stream()
                    .filter(t -> t.equalsIgnoreCase("lab.sample_test")).findFirst().orElseThrow()));
            assertThat(names).contains("Lab Data.Sample Run", "\"Lab.Archive\".\"Old\"\"Run\"")
                    .noneMatch(t -> t.toLowerCase(Locale.ROOT).contains("sluice_"))
                    .noneMatch(t -> t.equalsIgnoreCase("lab.sample_view"))
                    .noneMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("information_schema."))
                    .noneMatch(t -> t.toLowerCase(Locale.ROOT).startsWith("pg_"));
            assertThat(TargetTables.columns(target.db, "Lab Data.Sample Run")).containsExactly("Run Id");
            assertThatThrownBy(() -> TargetTables.columns(target.db, "sample_test")).as("the CLI's message too")
                    .hasMessageContaining("Tables: ").hasMessageContaining("Lab Data.Sample Run");
            for (String name : names) {
                assertThat(target.db.table(name).reference()).as("%s found again by its name", name)
                        .isEqualTo(name);
            }
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
