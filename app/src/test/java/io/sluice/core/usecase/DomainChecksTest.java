package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.rules.Finding;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A column of a domain is held to the domain's CHECKs, its NOT NULL and the length and digits of the type it is made
 * from, on H2 and PostgreSQL: a value the database would refuse is an error of validation, and the valid rows import.
 */
class DomainChecksTest extends OwnTableFixture {

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aValueTheDomainRefusesIsAnErrorAndTheValidRowsImport(TestDatabases.Engine engine) throws Exception {
        target = new OwnTable(engine, dir, "parcel", List.of("id", "weight", "code", "spare_weight"),
                "CREATE DOMAIN weight_kg AS NUMERIC(6, 1) CHECK (VALUE > 0 AND VALUE <= 1000)",
                "CREATE DOMAIN positive_weight AS weight_kg CHECK (VALUE <> 13)",
                "CREATE DOMAIN code3 AS VARCHAR(3) CHECK (VALUE IN ('ABC', 'XYZ'))",
                "CREATE TABLE parcel (id INTEGER PRIMARY KEY, weight positive_weight NOT NULL, code code3,"
                        + " spare_weight weight_kg)");
        Path csv = target.csv("parcels.csv", List.of("id,weight,code,spare_weight", "1,12.5,ABC,1", "2,-3,ABC,",
                "3,,XYZ,", "4,5,abc,", "5,500,ABCD,", "6,2000,XYZ,", "7,7,XYZ,1001", "8,13,XYZ,"));

        List<String> findings = target.validate(csv).stream().map(f -> f.row() + " " + kind(f)).toList();

        assertThat(findings).containsExactlyInAnyOrder("3 check", "4 required", "5 check", "6 length", "6 check",
                "7 check", "8 check", "9 check");
        try (ImportRows rows = target.importOf(csv, null)) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(1);
        }
        assertThat(TableText.rows(target.db.connection(), "SELECT id, code FROM parcel")).containsExactly("1|ABC");
    }

    private static String kind(Finding f) {
        String rule = f.rule().toLowerCase(Locale.ROOT);
        return rule.startsWith("check:") ? "check" : rule;
    }
}
