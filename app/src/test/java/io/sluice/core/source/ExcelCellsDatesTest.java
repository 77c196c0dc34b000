package io.sluice.core.source;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Days shown again are shown alike; times of day, impossible dates and other formats are never taken for them. */
class ExcelCellsDatesTest {

    private static final int CUSTOM = 164;

    @Test
    void showsARepeatedDayAlikeInEachFormat() {
        ExcelCells cells = new ExcelCells(false);
        List<SourceIssue> issues = new ArrayList<>();
        Cell first = cells.number(new BigDecimal("45028"), CUSTOM, "dd.mm.yyyy", 5, 12, issues);
        Cell again = cells.number(new BigDecimal("45028.0"), CUSTOM, "dd.mm.yyyy", 6, 12, issues);
        Cell iso = cells.number(new BigDecimal("45028"), CUSTOM + 1, "yyyy-mm-dd", 7, 12, issues);
        assertThat(first).isEqualTo(Cell.date("12.04.2023", LocalDate.of(2023, 4, 12)));
        assertThat(again).isEqualTo(first);
        assertThat(iso).isEqualTo(Cell.date("2023-04-12", LocalDate.of(2023, 4, 12)));
        assertThat(issues).isEmpty();
    }

    @Test
    void keepsTheTimeOfDayAndTheDateSystem() {
        ExcelCells cells = new ExcelCells(false);
        cells.number(new BigDecimal("45028"), CUSTOM, "dd.mm.yyyy", 5, 12, new ArrayList<>());
        Cell noon = cells.number(new BigDecimal("45028.5"), CUSTOM, "dd.mm.yyyy", 6, 12, new ArrayList<>());
        assertThat(noon).isEqualTo(Cell.dateTime("12.04.2023", LocalDateTime.of(2023, 4, 12, 12, 0)));
        Cell in1904 = new ExcelCells(true).number(new BigDecimal("45028"), CUSTOM, "dd.mm.yyyy", 5, 12,
                new ArrayList<>());
        assertThat(in1904).isEqualTo(Cell.date("13.04.2027", LocalDate.of(2027, 4, 13)));
    }

    @Test
    void reportsEveryImpossibleDayEvenWhenRepeated() {
        ExcelCells cells = new ExcelCells(false);
        List<SourceIssue> issues = new ArrayList<>();
        cells.number(new BigDecimal("60"), CUSTOM, "dd.mm.yyyy", 5, 12, issues);
        Cell again = cells.number(new BigDecimal("60"), CUSTOM, "dd.mm.yyyy", 6, 12, issues);
        assertThat(again).isEqualTo(Cell.text("29.02.1900"));
        assertThat(issues).extracting(SourceIssue::row).containsExactly(5L, 6L);
    }

    @Test
    void showsTheSerialNumberZeroAsExcelsDayZeroOfJanuary1900() {
        // XlsxWriter writes 1900-01-01 as 0 and LibreOffice writes 1899-12-30 as 0: Excel shows 1900-01-00.
        ExcelCells cells = new ExcelCells(false);
        List<SourceIssue> issues = new ArrayList<>();
        assertThat(cells.number(new BigDecimal("0"), CUSTOM, "yyyy-mm-dd", 5, 1, issues))
                .isEqualTo(Cell.text("1900-01-00"));
        assertThat(cells.number(new BigDecimal("0.4375"), CUSTOM + 1, "d/m/yyyy hh:mm", 6, 1, issues))
                .isEqualTo(Cell.text("0/1/1900 10:30"));
        assertThat(issues).extracting(SourceIssue::kind).containsExactly("impossible-date", "impossible-date");
        assertThat(issues.get(0).message()).isEqualTo("Cell B5 shows 1900-01-00, the day 0 of January 1900 that"
                + " Excel shows for the serial number 0 but that never existed; it is read as text.");
    }

    @Test
    void keepsATimeOfDayBelowOneWhenTheFormatShowsNoDay() {
        List<SourceIssue> issues = new ArrayList<>();
        Cell time = new ExcelCells(false).number(new BigDecimal("0.4375"), CUSTOM, "hh:mm:ss", 5, 1, issues);
        assertThat(time.type()).isEqualTo(CellType.DATETIME);
        assertThat(time.text()).isEqualTo("10:30:00");
        assertThat(issues).isEmpty();
    }

    @Test
    void readsANegativeSerialNumberAsTheDayLibreOfficeWroteAndSaysExcelCannotShowIt() {
        List<SourceIssue> issues = new ArrayList<>();
        Cell in1900 = new ExcelCells(false).number(new BigDecimal("-18109"), CUSTOM, "yyyy-mm-dd", 20, 1, issues);
        Cell in1904 = new ExcelCells(true).number(new BigDecimal("-1.5"), CUSTOM, "dd.mm.yyyy hh:mm", 5, 1, issues);
        assertThat(in1900).isEqualTo(Cell.date("1850-06-01", LocalDate.of(1850, 6, 1)));
        assertThat(in1904).isEqualTo(Cell.dateTime("30.12.1903 12:00", LocalDateTime.of(1903, 12, 30, 12, 0)));
        assertThat(issues).extracting(SourceIssue::kind).containsOnly("date-before-first-day");
        assertThat(issues.get(0).message()).isEqualTo("Cell B20 holds 1850-06-01, a day before 1900 that Excel"
                + " cannot show but LibreOffice writes and shows; it is read as that day.");
        Cell farBack = new ExcelCells(false).number(new BigDecimal("-1E+20"), CUSTOM, "yyyy-mm-dd", 21, 1, issues);
        assertThat(farBack).isEqualTo(Cell.number("-100000000000000000000", new BigDecimal("-1E+20")));
        assertThat(issues.get(issues.size() - 1)).extracting(SourceIssue::kind, SourceIssue::row, SourceIssue::column)
                .containsExactly("rounded-number", 21L, "B");
    }
}
