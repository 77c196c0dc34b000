package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.rules.Finding;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row of a PostgreSQL partitioned table that fits no partition (range, list, hash, or below a sub-partitioned one)
 * is an error of validation, as the server itself would refuse it, and the rows that fit are imported.
 */
class PartitionBoundsTest extends OwnTableFixture {

    private static final List<String> ROWS = List.of("1,2026-01-15,north", "2,2026-02-01,south", "3,2025-12-31,north",
            "4,2026-03-01,north", "5,2026-02-28,east", "6,2026-01-01,east", "7,2026-01-31,south", "8,2026-02-15,north",
            "9,2026-02-15,west", "10,2026-01-20,NORTH");

    @Test
    void aRowFittingNoPartitionIsAnErrorAsTheServerRefusesItAndTheOthersImport() throws Exception {
        target = new OwnTable(TestDatabases.Engine.POSTGRESQL, dir, "reading", List.of("id", "taken_on", "region"),
                "CREATE TABLE reading (id INTEGER, taken_on DATE, region TEXT, PRIMARY KEY (id, taken_on, region))"
                        + " PARTITION BY RANGE (taken_on)",
                "CREATE TABLE reading_jan PARTITION OF reading FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')"
                        + " PARTITION BY LIST (region)",
                "CREATE TABLE reading_jan_n PARTITION OF reading_jan FOR VALUES IN ('north', 'south')",
                "CREATE TABLE reading_feb PARTITION OF reading FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')"
                        + " PARTITION BY HASH (id)",
                "CREATE TABLE reading_feb_0 PARTITION OF reading_feb FOR VALUES WITH (MODULUS 2, REMAINDER 0)");
        List<String> lines = new ArrayList<>(List.of("id,taken_on,region"));
        lines.addAll(ROWS);
        Path csv = target.csv("readings.csv", lines);

        List<Finding> findings = target.validate(csv);

        Set<Integer> refused = refusedByServer();
        assertThat(refused).contains(3, 4, 5, 6, 10).doesNotContain(1, 7);
        Set<Integer> invalid = new TreeSet<>();
        findings.forEach(f -> invalid.add((int) f.row() - 1));
        assertThat(invalid).isEqualTo(refused);
        assertThat(findings).extracting(Finding::rule).containsOnly("partition");
        assertThat(findings.get(0).message()).isEqualTo("The row fits no partition of public.reading, partitioned"
                + " by RANGE (taken_on): the import would refuse it; correct its key, or add a partition that takes"
                + " it.");
        try (ImportRows rows = target.importOf(csv, null)) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(ROWS.size() - refused.size());
        }
    }

    /** The ids of the rows the server refuses, each inserted alone; nothing is kept. */
    private Set<Integer> refusedByServer() throws SQLException {
        Set<Integer> refused = new TreeSet<>();
        Connection c = target.db.connection();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reading VALUES (?, CAST(? AS DATE), ?)")) {
            for (String row : ROWS) {
                String[] f = row.split(",", -1);
                Savepoint savepoint = c.setSavepoint();
                try {
                    ps.setInt(1, Integer.parseInt(f[0]));
                    ps.setString(2, f[1]);
                    ps.setString(3, f[2]);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    refused.add(Integer.parseInt(f[0]));
                } finally {
                    c.rollback(savepoint);
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
        return refused;
    }
}
