package io.sluice.core.source;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast display of common formats shows what POI's DataFormatter (and Excel) show. */
class ExcelFastFormatsTest {

    private static final DataFormatter POI = new DataFormatter(Locale.US);

    @ParameterizedTest
    @CsvSource({
            "0, 12.5, 13", "0, -12.5, -13", "0.0, 350.25, 350.3", "0.00, 0.005, 0.01", "0.000, 0.3, 0.300",
            "0.0, 1234567.891, 1234567.9", "0.00, -7.125, -7.13", "0, 0.49, 0", "0.0, 0.35, 0.4"})
    void showsFixedFormatsLikeExcel(String pattern, String value, String expected) {
        int scale = ExcelFastFormats.fixedScale(pattern);
        assertThat(ExcelFastFormats.fixed(new BigDecimal(value), scale)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0", "0", "0.00"})
    void leavesNegativeZeroToDataFormatter(String pattern) {
        assertThat(ExcelFastFormats.fixed(new BigDecimal("-0.001"), ExcelFastFormats.fixedScale(pattern))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#,##0", "0.0%", "0.00E+00", "#,##0.00 \"kg\"", "General", "00000"})
    void recognisesOnlyPlainFixedFormats(String pattern) {
        assertThat(ExcelFastFormats.fixedScale(pattern)).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dd.mm.yyyy", "dd/mm/yyyy", "yyyy-mm-dd", "m/d/yy", "mm/dd/yyyy", "d.m.yy",
            "yyyy-mm-dd hh:mm", "yyyy-mm-dd hh:mm:ss", "dd.mm.yyyy h:mm", "hh:mm:ss", "mm:ss"})
    void showsSimpleDateFormatsLikeDataFormatter(String pattern) {
        DateTimeFormatter fast = ExcelFastFormats.dateFormatter(pattern);
        assertThat(fast).as(pattern).isNotNull();
        for (double serial : new double[] {1, 61, 25569.5, 44561.75, 45351.5000116, 2958465.25}) {
            LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, false, true);
            assertThat(fast.format(dateTime)).as(pattern + " " + serial)
                    .isEqualTo(POI.formatRawCellContents(serial, 164, pattern, false));
        }
    }

    @Test
    void roundsTimeToTheNearestSecondAsExcelDoes() {
        LocalDateTime almostMidnight = DateUtil.getLocalDateTime(45351.999988, false, true);
        assertThat(ExcelFastFormats.dateFormatter("yyyy-mm-dd hh:mm:ss").format(almostMidnight))
                .isEqualTo("2024-02-29 23:59:59");
    }

    @ParameterizedTest
    @ValueSource(strings = {"d-mmm-yy", "mmmm d, yyyy", "h:mm AM/PM", "[h]:mm", "dddd", "yyyy\"年\"m\"月\""})
    void leavesOtherDateFormatsToDataFormatter(String pattern) {
        assertThat(ExcelFastFormats.dateFormatter(pattern)).isNull();
    }
}
