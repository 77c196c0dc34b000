package io.sluice.desktop.review;

import io.sluice.core.Progress;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.ValidateFile;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.desktop.TargetChoice;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's figures come from the findings as they stand, so a fixed row no longer counts as an error. */
class ReviewAccessQualityTest {

    private static TargetChoice target;

    @TempDir
    Path dir;

    @BeforeAll
    static void schema() {
        TestDatabases.Database h2 = TestDatabases.h2Mem();
        SampleSchema.install(h2.url(), h2.user(), h2.password());
        target = new TargetChoice("test", h2.url(), h2.user(), h2.password());
    }

    private static Profile profile() {
        List<ColumnMapping> columns = Stream.of("mix_code", "cement_kg", "water_kg", "coarse_agg_kg", "fine_agg_kg",
                "age_days").map(c -> ColumnMapping.of(c, c)).toList();
        return new Profile(null, 0, "dashboard-test", null, "concrete_mix", columns, null, null, null, null, null);
    }

    @Test
    void dashboardScoresFollowAnEditAndItsUndo() throws IOException {
        Path csv = dir.resolve("mix.csv");
        Files.writeString(csv, """
                mix_code,cement_kg,water_kg,coarse_agg_kg,fine_agg_kg,age_days
                M-1,350,175,1000,800,28
                M-2,abc,175,1000,800,28
                """, StandardCharsets.UTF_8);
        Path file = dir.resolve("mix.sluice");
        try (TargetDatabase db = target.open()) {
            ValidateFile.run(new ValidateFile.Request(csv, null, profile(), null, file, false), db, null,
                    Progress.NONE);
        }
        try (ReviewAccess access = ReviewAccess.open(file, target)) {
            ValidationSummary before = access.quality().summary().orElseThrow();
            assertThat(before.withErrors()).isEqualTo(1);

            access.act(null, s -> s.edit(3, 1, "360"));
            ValidationSummary fixed = access.quality().summary().orElseThrow();
            assertThat(fixed.withErrors()).isZero();
            assertThat(fixed.valid()).isEqualTo(2);
            assertThat(fixed.scores().validity()).isEqualTo(100.0);
            assertThat(access.totals().findings().rowsWithErrors()).isZero();

            access.act(null, s -> s.undo());
            assertThat(access.quality().summary()).contains(before);
            assertThat(access.findings(3)).isNotEqualTo(List.of());
        }
    }
}
