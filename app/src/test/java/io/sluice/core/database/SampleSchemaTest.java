package io.sluice.core.database;

import io.sluice.testing.TestDatabases.Database;
import io.sluice.testing.TestDatabases.Engine;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The related tables of the sample schema's third migration, on a database that already held mixes. */
class SampleSchemaTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void mixesAlreadyThereGetIdsAndTheRelatedTablesKeepTheirConstraints(Engine engine) throws SQLException {
        Database db = engine.fresh();
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/sample")
                .table(SampleSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").target("2").load()
                .migrate();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO concrete_mix (mix_code, cement_kg, water_kg, coarse_agg_kg, fine_agg_kg,"
                    + " age_days) VALUES ('OLD-1', 350, 175, 1000, 800, 28), ('OLD-2', 300, 160, 1000, 800, 7)");
        }

        SampleSchema.install(db.url(), db.user(), db.password());

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM concrete_mix ORDER BY mix_code")) {
                while (rs.next()) {
                    ids.add((Integer) rs.getObject(1));
                }
            }
            assertThat(ids).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
            s.executeUpdate("INSERT INTO concrete_mix (mix_code, cement_kg, water_kg, coarse_agg_kg, fine_agg_kg,"
                    + " age_days) VALUES ('NEW-1', 350, 175, 1000, 800, 28)");
            int mix = single(s, "SELECT id FROM concrete_mix WHERE mix_code = 'NEW-1'");
            assertThat(mix).isNotIn(ids);
            s.executeUpdate("INSERT INTO material (name, material_class) VALUES ('Cement', 'binder')");
            int cement = single(s, "SELECT id FROM material WHERE name = 'Cement'");
            assertThat(single(s, "SELECT COUNT(*) FROM material")).isEqualTo(1);

            insertComponent(c, mix, cement, "350.00");
            insertStrength(c, mix, 28, "41.50");

            assertThatThrownBy(() -> insertComponent(c, mix, cement, "25.00")).isInstanceOf(SQLException.class)
                    .hasMessageContainingAll(constraint(engine, "uq_component_mix_material"));
            assertThatThrownBy(() -> insertComponent(c, ids.get(0), cement, "8989.00"))
                    .isInstanceOf(SQLException.class).hasMessageContaining(constraint(engine, "ck_component_dosage"));
            assertThatThrownBy(() -> insertComponent(c, 999_999, cement, "10.00")).isInstanceOf(SQLException.class)
                    .hasMessageContaining(constraint(engine, "fk_component_mix"));
            assertThatThrownBy(() -> insertStrength(c, mix, 28, "40.00")).isInstanceOf(SQLException.class)
                    .hasMessageContaining(constraint(engine, "uq_strength_mix_age"));
            assertThatThrownBy(() -> insertStrength(c, mix, 27, "40.00")).isInstanceOf(SQLException.class)
                    .hasMessageContaining(constraint(engine, "ck_strength_test_age"));
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO material (name, material_class)"
                    + " VALUES ('Cement', 'binder')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining(constraint(engine, "uq_material_name"));
        }
    }

    private static void insertComponent(Connection c, int mix, int material, String dosage) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO mix_component (mix_id, material_id, dosage_kg) VALUES (?, ?, ?)")) {
            p.setInt(1, mix);
            p.setInt(2, material);
            p.setBigDecimal(3, new java.math.BigDecimal(dosage));
            p.executeUpdate();
        }
    }

    private static void insertStrength(Connection c, int mix, int age, String strength) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO strength_test (mix_id, age_days, strength_mpa) VALUES (?, ?, ?)")) {
            p.setInt(1, mix);
            p.setInt(2, age);
            p.setBigDecimal(3, new java.math.BigDecimal(strength));
            p.executeUpdate();
        }
    }

    private static int single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String constraint(Engine engine, String name) {
        return SampleTargets.stored(engine, name);
    }
}
