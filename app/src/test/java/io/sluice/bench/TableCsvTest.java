package io.sluice.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields of the table-shaped CSV read the same by H2's CSVREAD and PostgreSQL's COPY (FORMAT csv). */
class TableCsvTest {

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of(null, ""),
                Arguments.of("", "\"\""),
                Arguments.of("DS1-000001", "DS1-000001"),
                Arguments.of("Cimenterie d'Évian", "Cimenterie d'Évian"),
                Arguments.of("a, b", "\"a, b\""),
                Arguments.of("say \"hi\"", "\"say \"\"hi\"\"\""),
                Arguments.of("two\nlines", "\"two\nlines\""),
                Arguments.of(new BigDecimal("1E+2"), "100"),
                Arguments.of(new BigDecimal("0.450"), "0.450"),
                Arguments.of(28L, "28"),
                Arguments.of(LocalDate.of(2024, 2, 29), "2024-02-29"));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void writesNullAsAnEmptyUnquotedFieldAndQuotesOnlyWhereNeeded(Object value, String field) {
        assertThat(TableCsv.field(value)).isEqualTo(field);
    }
}
