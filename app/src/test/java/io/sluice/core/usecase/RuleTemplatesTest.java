package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.ColumnStats;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleTemplates;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule template, added to the ds1 profile and run by a full validation on H2, flags exactly the rows it should:
 * the rows below are numbered from 2 as the CSV file numbers them.
 */
class RuleTemplatesTest {

    private static final DateTimeFormatter DS1_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    Path dir;

    /** A ds1 line: code, cement, water, fly ash, slag and cast date (dd/MM/yyyy, or empty). */
    private static String line(String code, String cement, String water, String flyAsh, String slag, String cast) {
        return code + "," + cement + "," + water + "," + flyAsh + "," + slag + ",1000.0,800.0,,0.500,0.500,28,30.00,"
                + cast + ",CEMS,";
    }

    private static String mix(String code, String cement, String water) {
        return line(code, cement, water, "0.0", "0.0", "01/02/2023");
    }

    /** The rows the rule flags when the ds1 profile with the rule added validates the lines. */
    private TreeSet<Long> flagged(RuleSpec rule, String... lines) throws Exception {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Profile profile = withRule(rule);
            TreeSet<Long> rows = new TreeSet<>();
            ValidateFile.run(new ValidateFile.Request(target.csv("mixes.csv", lines), null, profile, null, null,
                    false), target.db, r -> {
                for (Finding f : r.findings()) {
                    if (f.rule().equals(rule.id())) {
                        rows.add(r.source().number());
                    }
                }
            }, Progress.NONE);
            return rows;
        }
    }

    private static Profile withRule(RuleSpec rule) {
        List<RuleSpec> rules = new ArrayList<>(MixTarget.profile().rules());
        rules.add(rule);
        Profile profile = MixTarget.profile().withRules(rules);
        assertThat(ProfileValidator.firstProblem(profile)).isNull();
        return profile;
    }

    @Test
    void ratioWithinFlagsRatiosOutsideTheBoundsAndOneThatCannotBeComputed() throws Exception {
        RuleSpec rule = RuleTemplates.ratioWithin("wc-window", "water_kg", "cement_kg", new BigDecimal("0.35"),
                new BigDecimal("0.60"));

        assertThat(rule.expression()).isEqualTo("water_kg / cement_kg");
        assertThat(flagged(rule,
                mix("DS1-0000001", "350.0", "175.0"),   // 0.5
                mix("DS1-0000002", "250.0", "175.0"),   // 0.7
                mix("DS1-0000003", "350.0", "100.0"),   // 0.2857
                mix("DS1-0000004", "500.0", "175.0"),   // 0.35, the bound itself
                mix("DS1-0000005", "0.0", "175.0"),     // not computable
                mix("DS1-0000006", "300.0", "180.0")))  // 0.6, the bound itself
                .containsExactly(3L, 4L, 6L);
    }

    @Test
    void sumWithinAddsTheColumnsAndFlagsSumsOutsideTheBounds() throws Exception {
        RuleSpec rule = RuleTemplates.sumWithin("binder", List.of("cement_kg", "fly_ash_kg", "slag_kg"),
                new BigDecimal("300"), new BigDecimal("500"));

        assertThat(rule.expression()).isEqualTo("cement_kg + fly_ash_kg + slag_kg");
        assertThat(flagged(rule,
                line("DS1-0000001", "250.0", "175.0", "50.0", "0.0", "01/02/2023"),    // 300
                line("DS1-0000002", "250.0", "175.0", "40.0", "0.0", "01/02/2023"),    // 290
                line("DS1-0000003", "400.0", "175.0", "50.0", "60.0", "01/02/2023"),   // 510
                line("DS1-0000004", "400.0", "175.0", "50.0", "50.0", "01/02/2023")))  // 500
                .containsExactly(3L, 4L);
    }

    @Test
    void dateNotInFutureFlagsTomorrowAndLaterButNotTodayNorABlankDate() throws Exception {
        LocalDate today = LocalDate.now();
        RuleSpec rule = RuleTemplates.dateNotInFuture("cast-not-future", "cast_date");

        assertThat(flagged(rule,
                line("DS1-0000001", "350.0", "175.0", "0.0", "0.0", today.minusYears(2).format(DS1_DATE)),
                line("DS1-0000002", "350.0", "175.0", "0.0", "0.0", today.minusDays(1).format(DS1_DATE)),
                line("DS1-0000003", "350.0", "175.0", "0.0", "0.0", today.format(DS1_DATE)),
                line("DS1-0000004", "350.0", "175.0", "0.0", "0.0", today.plusDays(1).format(DS1_DATE)),
                line("DS1-0000005", "350.0", "175.0", "0.0", "0.0", today.plusYears(1).format(DS1_DATE)),
                line("DS1-0000006", "350.0", "175.0", "0.0", "0.0", "")))
                .containsExactly(5L, 6L);
    }

    @Test
    void outlierFilledFromTheReviewsStatisticsFlagsOnlyTheFarValueAsAWarning() throws Exception {
        List<String> lines = new ArrayList<>();
        String[] cements = {"300.0", "310.0", "320.0", "330.0", "340.0", "350.0", "360.0", "370.0", "380.0", "900.0"};
        for (int i = 0; i < cements.length; i++) {
            lines.add(mix(String.format("DS1-%07d", i + 1), cements[i], "175.0"));
        }
        ColumnStats.NumberStats cement;
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = dir.resolve("cement.sluice");
            ValidateFile.run(new ValidateFile.Request(target.csv("review.csv", lines.toArray(String[]::new)), null,
                    MixTarget.profile(), null, review, false), target.db, null, Progress.NONE);
            cement = ColumnStatistics.of(review, ColumnStatistics.Request.of("Cement (kg/m3)"), Progress.NONE)
                    .numbers();
        }
        assertThat(cement.mean()).isEqualTo(396.0);

        RuleSpec rule = RuleTemplates.outlier("cement-outlier", "cement_kg", BigDecimal.valueOf(cement.mean()),
                BigDecimal.valueOf(cement.standardDeviation()), new BigDecimal("2"));

        assertThat(rule.type()).isEqualTo("range");
        assertThat(rule.severity()).isEqualTo("warning");
        assertThat(rule.message()).isEqualTo("More than 2 standard deviations from the column's mean (396).");
        assertThat(rule.max()).isEqualByComparingTo("753.92");
        assertThat(flagged(rule, lines.toArray(String[]::new))).containsExactly(11L);
    }

    @Test
    void aTemplateWithoutBoundsOrColumnsIsRefused() {
        assertThatThrownBy(() -> RuleTemplates.ratioWithin("r", "water_kg", "cement_kg", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Give a min, a max or both.");
        assertThatThrownBy(() -> RuleTemplates.sumWithin("s", List.of(), BigDecimal.ONE, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("A sum needs at least one column.");
        assertThatThrownBy(() -> RuleTemplates.outlier("o", "cement_kg", BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
