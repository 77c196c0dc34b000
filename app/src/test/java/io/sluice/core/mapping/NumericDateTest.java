package io.sluice.core.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NumericDateTest {

    @ParameterizedTest(name = "{0} on ''{1}''")
    @CsvSource(delimiter = '|', textBlock = """
            dd.MM.yyyy | 31.01.2024
            dd.MM.yyyy | 1.01.2024
            dd.MM.yyyy | 31.02.2024
            dd.MM.yyyy | 29.02.2023
            dd.MM.yyyy | 29.02.2024
            dd.MM.yyyy | 31.01.24
            dd.MM.yyyy | 31.01.2024x
            d.M.yyyy   | 5.3.2024
            d.M.yyyy   | 05.03.2024
            d.M.yy     | 5.3.24
            dd/MM/yyyy | 13/12/2024
            MM/dd/yyyy | 13/12/2024
            M/d/yyyy   | 12/31/2024
            yyyy-MM-dd | 2024-12-31
            yyyy-MM-dd | 2024-00-10
            yyyy-MM-dd | 2024-1-10
            yyyyMMdd   | 20240131
            dd-MM-yyyy | 00-01-2024
            """)
    void agreesWithTheStrictJavaTimeFormatter(String pattern, String text) {
        DateTimeFormatter strict = new DateTimeFormatterBuilder().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
        LocalDate expected;
        try {
            expected = LocalDate.parse(text, strict);
        } catch (DateTimeParseException e) {
            expected = null;
        }

        NumericDate fast = NumericDate.compile(pattern);

        assertThat(fast).isNotNull();
        assertThat(fast.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"d-MMM-yyyy", "dd.MM.yyyy HH:mm", "dd.MM", "'day' dd.MM.yyyy"})
    void leavesOtherPatternsToTheFormatter(String pattern) {
        assertThat(NumericDate.compile(pattern)).isNull();
    }
}
