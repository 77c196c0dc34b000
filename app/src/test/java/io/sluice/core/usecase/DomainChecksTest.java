package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A column of a domain is held to the domain's CHECKs, its NOT NULL and the length and digits of the type it is made
 * from, on H2 and PostgreSQL: a value the database would refuse is an error of validation, and the valid rows import.
 */
class DomainChecksTest {

    @TempDir
    Path dir;

    private TargetDatabase db;

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aValueTheDomainRefusesIsAnErrorAndTheValidRowsImport(TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database database = engine.fresh();
        boolean h2 = engine == TestDatabases.Engine.H2;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DOMAIN weight_kg AS NUMERIC(6, 1) CHECK (VALUE > 0 AND VALUE <= 1000)");
            s.execute("CREATE DOMAIN positive_weight AS weight_kg CHECK (VALUE <> 13)");
            s.execute("CREATE DOMAIN code3 AS VARCHAR(3) CHECK (VALUE IN ('ABC', 'XYZ'))");
            s.execute("CREATE TABLE parcel (id INTEGER PRIMARY KEY, weight positive_weight NOT NULL, code code3,"
                    + " spare_weight weight_kg)");
        }
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        db = TargetDatabase.open(database.url(), database.user(), database.password());
        Path profile = Files.writeString(dir.resolve("parcel.profile.json"), """
                {"format": "sluice-profile", "version": 1, "name": "parcels", "table": "parcel",
                 "columns": [{"target": "id", "source": "id"}, {"target": "weight", "source": "weight"},
                             {"target": "code", "source": "code"}, {"target": "spare_weight", "source": "spare"}]}
                """);
        Path csv = Files.write(dir.resolve("parcels.csv"), List.of("id,weight,code,spare", "1,12.5,ABC,1",
                "2,-3,ABC,", "3,,XYZ,", "4,5,abc,", "5,500,ABCD,", "6,2000,XYZ,", "7,7,XYZ,1001", "8,13,XYZ,"));

        List<String> findings = new ArrayList<>();
        Profile parcels = ProfileIO.read(profile);
        ValidateFile.run(ValidateFile.Request.headless(csv, SourceOptions.DEFAULTS, parcels, null), db,
                r -> r.findings().forEach(f -> findings.add(f.row() + " " + kind(f))), Progress.NONE);

        assertThat(findings).containsExactlyInAnyOrder("3 check", "4 required", "5 check", "6 length", "6 check",
                "7 check", "8 check", "9 check");
        try (ImportRows rows = ImportRows.fromFile(db, csv, SourceOptions.DEFAULTS, parcels,
                new ImportRows.ImportSettings(null, false, "tester"), Progress.NONE)) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(1);
        }
        assertThat(TableText.rows(db.connection(), "SELECT id, code FROM parcel")).containsExactly("1|ABC");
    }

    private static String kind(Finding f) {
        String rule = f.rule().toLowerCase(Locale.ROOT);
        return rule.startsWith("check:") ? "check" : rule;
    }
}
