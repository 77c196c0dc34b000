package io.sluice.core.commit;

import io.sluice.core.database.ColumnInfo;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetRowsTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aNaturalKeyHoldingThePrimaryKeyIsRefusedByTheTargetItself(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            ColumnInfo mixCode = f.table.column("mix_code").orElseThrow();
            ColumnInfo castDate = f.table.column("cast_date").orElseThrow();

            assertThat(rows(f, List.of(mixCode)).keyRefusedByTarget()).isTrue();
            assertThat(rows(f, List.of(mixCode, castDate)).keyRefusedByTarget()).isTrue();
            assertThat(rows(f, List.of(castDate)).keyRefusedByTarget()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aTableWithoutPrimaryKeyLeavesTheKeysToBeLookedUp(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.execute("CREATE TABLE mix_note (mix_code VARCHAR(20) NOT NULL UNIQUE, note VARCHAR(40))");
            var table = f.db.table("mix_note");

            TargetRows rows = new TargetRows(f.db.connection(), f.db.dialect(), table,
                    List.of(table.column("mix_code").orElseThrow()));

            assertThat(rows.keyRefusedByTarget()).as("a unique index may be partial, so it does not count")
                    .isFalse();
        }
    }

    private static TargetRows rows(CommitFixture f, List<ColumnInfo> keyColumns) {
        return new TargetRows(f.db.connection(), f.db.dialect(), f.table, keyColumns);
    }
}
