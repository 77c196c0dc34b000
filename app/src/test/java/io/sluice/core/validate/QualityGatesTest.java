package io.sluice.core.validate;

import io.sluice.core.profile.GateSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** A quality gate measured: which value is compared, in which unit, and whether it passes, warns or blocks. */
class QualityGatesTest {

    /** 40 rows, 3 with errors, 5 rejected; completeness 97.96, validity 99.2, uniqueness 100, overall 99.05. */
    private static final GateMeasures MEASURES = new GateMeasures(40, 3, 5,
            new ValidationSummary.FileScores(97.96, 99.2, 100.0, 99.05));

    private static BigDecimal number(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    @ParameterizedTest(name = "{0} min {1} max {2} {3} {4} -> {5} {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            completeness | 98.1 | -   | -       | block | 98.0 | blocked
            completeness | 98   | -   | -       | block | 98.0 | passed
            completeness | 97.9 | -   | -       | block | 98.0 | passed
            completeness | 98.0 | -   | percent | block | 98.0 | passed
            validity     | 99.5 | -   | -       | warn  | 99.2 | warned
            uniqueness   | 100  | 100 | -       | block | 100.0 | passed
            overall      | 99   | -   | -       | block | 99.1 | passed
            errorRows    | -    | 0   | -       | warn  | 3    | warned
            errorRows    | -    | 3   | count   | block | 3    | passed
            errorRows    | -    | 7.5 | percent | block | 7.5  | passed
            errorRows    | -    | 7.4 | percent | block | 7.5  | blocked
            rejectedRows | -    | 4   | -       | block | 5    | blocked
            rejectedRows | 1    | 10  | -       | warn  | 5    | passed
            rejectedRows | -    | 10  | percent | warn  | 12.5 | warned
            """)
    void aGatePassesWithinItsBoundsAndElseWarnsOrBlocksByItsAction(String metric, String min, String max,
                                                                    String unit, String action, String measured,
                                                                    String status) {
        GateResult result = QualityGates.evaluate(new GateSpec(metric, number(min), number(max), unit, action),
                MEASURES);

        assertThat(result.measured()).isEqualByComparingTo(measured);
        assertThat(result.status().code()).isEqualTo(status);
        assertThat(result.unit()).isEqualTo(unit != null ? unit : metric.endsWith("Rows") ? "count" : "percent");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            completeness | warn  | warned
            errorRows    | block | blocked
            rejectedRows | block | passed
            """)
    void aReviewNeverValidatedMeasuresOnlyItsRejectedRowsAndFailsTheOtherGates(String metric, String action,
                                                                               String status) {
        GateResult result = QualityGates.evaluate(new GateSpec(metric, null, new BigDecimal("100"), null, action),
                new GateMeasures(10, 0, 2, null));

        assertThat(result.status().code()).isEqualTo(status);
        assertThat(result.measuredText()).isEqualTo(metric.equals("rejectedRows") ? "2" : "not measured");
    }
}
