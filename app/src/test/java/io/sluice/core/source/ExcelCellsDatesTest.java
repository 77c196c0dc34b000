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
}
