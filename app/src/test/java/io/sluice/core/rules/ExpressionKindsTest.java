package io.sluice.core.rules;

import io.sluice.core.database.ColumnInfo;
import io.sluice.core.profile.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.JDBCType;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comparison that can never be computed, known from the kinds of the columns and literals it compares before any
 * row is read (decision 0098), with the sentence saying what to write; anything a row may still decide passes.
 */
class ExpressionKindsTest {

    private static final Map<String, ExpressionKinds.Kind> KINDS = ExpressionKinds.ofColumns(List.of(
            column("CAST_DATE", JDBCType.DATE, "DATE"),
            column("poured_at", JDBCType.TIMESTAMP, "TIMESTAMP"),
            column("poured_tz", JDBCType.TIMESTAMP_WITH_TIMEZONE, "timestamptz"),
            column("cement_kg", JDBCType.NUMERIC, "NUMERIC"),
            column("age_days", JDBCType.INTEGER, "INTEGER"),
            column("grade", JDBCType.VARCHAR, "VARCHAR"),
            column("checked", JDBCType.BOOLEAN, "BOOLEAN"),
            column("batch_id", JDBCType.OTHER, "uuid"),
            column("poured_time", JDBCType.TIME, "TIME")));

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # expression                                | position | operands                                                          | advice
            cast_date > "2021-01-01"                    | 11       | cast_date (a date) with "2021-01-01" (a text)                     | write cast_date > DATE("2021-01-01") to compare it with that day
            "2021-01-01" <= CAST_DATE                   | 14       | "2021-01-01" (a text) with CAST_DATE (a date)                     | write DATE("2021-01-01") <= CAST_DATE to compare it with that day
            cast_date > '2021-01-01'                    | 11       | cast_date (a date) with '2021-01-01' (a text)                     | write cast_date > DATE("2021-01-01") to compare it with that day
            poured_at >= "2021-01-01 08:00"             | 11       | poured_at (a date) with "2021-01-01 08:00" (a text)               | a date compares only with a date, such as DATE("2021-01-01") or TODAY()
            poured_tz < 20210101                        | 11       | poured_tz (a date) with 20210101 (a number)                       | a date compares only with a date, such as DATE("2021-01-01") or TODAY()
            DATE(poured_at) = grade                     | 17       | DATE(poured_at) (a date) with grade (a text)                      | a date compares only with a date, such as DATE("2021-01-01") or TODAY()
            cement_kg > "lots"                          | 11       | cement_kg (a number) with "lots" (a text)                         | a number compares only with a number
            age_days >= 28 && cement_kg / 2 != "x"      | 33       | cement_kg / 2 (a number) with "x" (a text)                        | a number compares only with a number
            checked = 1                                 | 9        | checked (a truth value) with 1 (a number)                         | a truth value compares only with TRUE or FALSE
            IF(STR_LENGTH(grade) > 2, TODAY(), cast_date) == "x"  | 47 | IF(STR_LENGTH(grade) > 2, TODAY(), cast_date) (a date) with "x" (a text) | a date compares only with a date, such as DATE("2021-01-01") or TODAY()
            """)
    void findsAComparisonThatCanNeverBeComputed(String expression, int position, String operands, String advice) {
        ExpressionKinds.Mismatch mismatch = ExpressionKinds.firstMismatch(expression, KINDS);

        assertThat(mismatch).isEqualTo(new ExpressionKinds.Mismatch(position, operands, advice));
        assertThat(mismatch.sentence()).isEqualTo("The comparison of " + operands + " at position " + position
                + " can never be computed: " + advice + ".");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "cast_date > DATE(\"2021-01-01\")",
            "DATE(poured_at) <= TODAY() && poured_tz > DT_DATE_NEW(2021, 1, 1)",
            "cement_kg > \"350\"",
            "cement_kg = '350.5'",
            "grade = 5",
            "grade = 'C30'",
            "cast_date != NULL && NULL = cement_kg",
            "checked == TRUE || checked != false",
            "IF(age_days > 28, cast_date, grade) = \"x\"",
            "batch_id = \"x\" && poured_time > \"08:00\"",
            "STR_LENGTH(grade) > 2 && STR_UPPER(grade) = \"C30\"",
            "water_kg > \"lots\"",
            "cast_date > ",
    })
    void passesWhatARowMayStillDecideOrWhatIsReportedElsewhere(String expression) {
        assertThat(ExpressionKinds.firstMismatch(expression, KINDS)).isNull();
    }

    @Test
    void saysOfARuleWhetherItsExpressionOrItsConditionCanNeverBeComputed() {
        RuleSpec expression = new RuleSpec("after-2021", "expression", null, null, null, null, null, null, null, null,
                null, "cast_date > \"2021-01-01\"", null, null);
        RuleSpec required = new RuleSpec(null, "required", "cement_kg", null, null, null, null, null, null, null,
                "poured_at >= \"2021-01-01\"", null, null, null);
        RuleSpec fine = new RuleSpec(null, "required", "cement_kg", null, null, null, null, null, null, null,
                "poured_at >= DATE(\"2021-01-01\")", null, null, null);

        assertThat(ProfileRowRules.kindProblem(expression, KINDS)).isEqualTo("its expression compares cast_date"
                + " (a date) with \"2021-01-01\" (a text) at position 11, which can never be computed; write"
                + " cast_date > DATE(\"2021-01-01\") to compare it with that day");
        assertThat(ProfileRowRules.kindProblem(required, KINDS)).isEqualTo("its condition compares poured_at"
                + " (a date) with \"2021-01-01\" (a text) at position 11, which can never be computed; write"
                + " poured_at >= DATE(\"2021-01-01\") to compare it with that day");
        assertThat(ProfileRowRules.kindProblem(fine, KINDS)).isNull();
    }

    private static ColumnInfo column(String name, JDBCType type, String typeName) {
        return new ColumnInfo(name, type, typeName, true, null, null, null, null, false);
    }
}
