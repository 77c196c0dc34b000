package io.sluice.core.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1+1", "@SUM(A1)", "\t=x", "\r=x", "\n=x", "=HYPERLINK(\"http://x\")",
            "-12.5"})
    void prefixesTextAFormulaCouldStartWith(String payload) {
        assertThat(FormulaGuard.neutralise(payload)).isEqualTo("'" + payload);
        assertThat(FormulaGuard.ON.text(payload)).isEqualTo("'" + payload);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain text", "C30/37", "00123", "a=b", "x-1", "", "'=already quoted", " =leading space"})
    void leavesOtherTextUnchanged(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "-1+1", "@SUM(A1)", "\t=x"})
    void leavesEverythingUnchangedWhenOff(String payload) {
        assertThat(FormulaGuard.OFF.text(payload)).isEqualTo(payload);
        assertThat(FormulaGuard.of(false)).isSameAs(FormulaGuard.OFF);
    }

    @Test
    void keepsNullAsNull() {
        assertThat(FormulaGuard.neutralise(null)).isNull();
        assertThat(FormulaGuard.ON.text(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-12.5", "+3", "-1,234.50", "-3%", "1.5E-7", "-0"})
    void keepsDisplayedNumbersOfNumberCells(String displayed) {
        assertThat(FormulaGuard.ON.displayedNumber(displayed)).isEqualTo(displayed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1+1", "-A1", "=5", "-12.5)"})
    void guardsNumberCellTextThatIsNotAPlainNumber(String displayed) {
        assertThat(FormulaGuard.ON.displayedNumber(displayed)).isEqualTo("'" + displayed);
    }
}
