package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule expression checked as it is typed, with the position of its first problem, and evaluated on a row. */
class CheckExpressionTest {

    private static final List<String> COLUMNS = List.of("mix_code", "cement_kg", "water_kg", "cast_date");
    private static final Path DS1 = Path.of("..", "sample-data", "ds1-concrete-mix.csv");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{0}] at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # expression                     | position | the sentence
            watr_kg / cement_kg              | 1        | 'watr_kg' at position 1 is not a mapped column; did you mean water_kg?
            water_kg / cemnt_kg < 1          | 12       | 'cemnt_kg' at position 12 is not a mapped column; did you mean cement_kg?
            water_kg / zzz                   | 12       | 'zzz' at position 12 is not a mapped column; the mapped columns are mix_code, cement_kg, water_kg, cast_date.
            (water_kg / cement_kg            | 1        | The parenthesis at position 1 is never closed; add a ')'.
            water_kg / cement_kg)            | 21       | The ')' at position 21 closes no parenthesis.
            ROUNDD(water_kg, 2)              | 1        | 'ROUNDD' at position 1 is not a function rules know; did you mean ROUND?
            RANDOM()                         | 1        | 'RANDOM' at position 1 is not a function rules know; did you mean ROUND?
            QXZW(water_kg)                   | 1        | 'QXZW' at position 1 is not a function rules know; see the list of functions.
            IF(water_kg > 1, 2)              | 1        | IF at position 1 takes more values: write IF(condition, then, else).
            water_kg +                       | 10       | '+' at position 10 has nothing to work on after it.
            water_kg / / cement_kg           | 12       | '/' at position 12 cannot follow an operator.
            "  "                             | 1        | The expression is empty; write one such as water_kg / cement_kg.
            """)
    void pointsAtTheFirstProblemAndSaysWhatToWrite(String expression, int position, String sentence) {
        CheckExpression.Check check = CheckExpression.check(expression, COLUMNS);

        assertThat(check.ok()).isFalse();
        assertThat(check.problem()).isEqualTo(sentence);
        assertThat(check.position()).isEqualTo(position);
    }

    @Test
    void acceptsAnExpressionOverMappedColumnsInAnyCase() {
        assertThat(CheckExpression.check("WATER_KG / cement_kg", COLUMNS)).isEqualTo(new CheckExpression.Check(0,
                null));
        assertThat(CheckExpression.check("DATE(cast_date) <= TODAY() && STR_LENGTH(mix_code) > 3", COLUMNS).ok())
                .isTrue();
        // texts in single quotes, as stewards write them in SQL
        assertThat(CheckExpression.check("mix_code = 'DS1-0000001' || STR_CONTAINS(mix_code, 'it\\'s')", COLUMNS)
                .ok()).isTrue();
        assertThat(CheckExpression.check("cast_date > DATE('2021-01-01')", COLUMNS).ok()).isTrue();
    }

    @Test
    void listsTheFunctionsAndOperatorsExpressionsAllow() {
        assertThat(CheckExpression.functions()).extracting(CheckExpression.FunctionHelp::name)
                .contains("IF(condition, then, else)", "COALESCE(a, b, ...)", "TODAY()", "DATE(d)",
                        "a + b, a - b, a * b, a / b")
                .noneMatch(name -> name.startsWith("RANDOM"));
        assertThat(CheckExpression.functions()).allMatch(f -> !f.help().isBlank());
    }

    @Test
    void evaluatesOnARowAsTheStewardSeesItOrSaysWhyNot() {
        try (MixTarget target = MixTarget.of(TestDatabases.Engine.H2, dir)) {
            Path review = dir.resolve("ds1.sluice");
            ValidateFile.run(new ValidateFile.Request(DS1, null, MixTarget.profile(), null, review, false),
                    target.db, null, Progress.NONE);
            try (OpenReview open = OpenReview.open(review, () -> TargetDatabase.open(target.database.url(),
                    target.database.user(), target.database.password()))) {
                var profile = MixTarget.profile();
                open.session().edit(3, open.columnIndex("Cement (kg/m3)"), "0");
                open.session().edit(4, open.columnIndex("Water (kg/m3)"), "");
                open.session().edit(5, open.columnIndex("Water (kg/m3)"), "175");
                open.session().edit(5, open.columnIndex("Cement (kg/m3)"), "350");

                assertThat(CheckExpression.evaluate(open, profile, "water_kg / cement_kg", 5))
                        .isEqualTo(new CheckExpression.Evaluation("0.5", null));
                assertThat(CheckExpression.evaluate(open, profile, "water_kg / cement_kg > 0.4", 5).value())
                        .isEqualTo("true");
                assertThat(CheckExpression.evaluate(open, profile, "DATE(cast_date) <= TODAY()", 5).value())
                        .isEqualTo("true");
                assertThat(CheckExpression.evaluate(open, profile, "water_kg / cement_kg", 3).problem())
                        .startsWith("On row 3 the expression has no value: it divides by zero (")
                        .contains("cement_kg=0");
                assertThat(CheckExpression.evaluate(open, profile, "water_kg / cement_kg", 4).problem())
                        .isEqualTo("water_kg has no value on row 4, so the expression has none.");
                assertThat(CheckExpression.evaluate(open, profile, "water_kg / cement_kg", 99_999).problem())
                        .startsWith("ds1.sluice has no row 99999 (its rows are numbered 2 to ");
                assertThat(CheckExpression.evaluate(open, profile, "watr_kg / cement_kg", 5).problem())
                        .isEqualTo("'watr_kg' at position 1 is not a mapped column; did you mean water_kg?");
            }
        }
    }
}
