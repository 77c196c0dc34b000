package io.sluice.core.source;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnsTest {

    @ParameterizedTest
    @CsvSource({"0,A", "1,B", "25,Z", "26,AA", "27,AB", "51,AZ", "52,BA", "701,ZZ", "702,AAA", "16383,XFD"})
    void convertsBetweenIndexAndLetter(int index, String letter) {
        assertThat(Columns.letter(index)).isEqualTo(letter);
        assertThat(Columns.index(letter)).isEqualTo(index);
        assertThat(Columns.index(letter.toLowerCase())).isEqualTo(index);
    }
}
