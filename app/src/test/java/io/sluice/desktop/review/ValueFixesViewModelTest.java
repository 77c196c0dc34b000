package io.sluice.desktop.review;

import io.sluice.core.review.ColumnStats.ValueCount;
import io.sluice.desktop.ScriptedDialogs.Question;
import io.sluice.desktop.review.ValueFixesViewModel.Kind;
import io.sluice.desktop.task.ErrorText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValueFixesViewModelTest {

    @TempDir
    Path home;

    private Ds4Review review;
    private ValueFixesViewModel fixes;
    private ColumnStatsViewModel stats;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void openTheSample() {
        review = new Ds4Review(home);
        fixes = new ValueFixesViewModel(review.vm, review.tasks, review.dialogs,
                (title, error) -> errors.add(title + ": " + ErrorText.sentence(error)));
        stats = new ColumnStatsViewModel(review.vm, review.tasks);
        stats.setShown(true);
    }

    @AfterEach
    void close() {
        review.close();
        assertThat(review.failures).isEmpty();
    }

    @Test
    void replacesAValueAfterShowingWhatChangesAndUndoPutsItBack() {
        long errorsBefore = review.rowsWithErrors();
        review.dialogs.formNext("NRD", "NORD");
        fixes.fix(Kind.REPLACE, "Supplier", "NRD");

        Question shown = review.dialogs.asked().get(1);
        assertThat(shown.header()).isEqualTo("Replace 'NRD' by 'NORD': change 15 cells of 'Supplier'?");
        assertThat(shown.text()).contains("Row ").contains(": 'NRD' → 'NORD'").contains("… and 10 more.");
        assertThat(lastAction()).isEqualTo("Replace 'NRD' by 'NORD' in 'Supplier': 15 cells changed.");
        assertThat(supplierCount("NORD")).isEqualTo(43);
        assertThat(review.rowsWithErrors()).isLessThan(errorsBefore);
        assertThat(review.vm.counts().undoDescriptionProperty().getValue()).contains("NRD");

        review.vm.actions().undo();
        assertThat(supplierCount("NORD")).isEqualTo(28);
        assertThat(review.rowsWithErrors()).isEqualTo(errorsBefore);
        review.vm.actions().redo();
        assertThat(supplierCount("NORD")).isEqualTo(43);
    }

    @Test
    void trimsCollapsesAndChangesCaseEachAsOneStep() {
        fixes.fix(Kind.TRIM, "Supplier", null);
        assertThat(lastAction()).endsWith(": 3 cells changed.");
        review.dialogs.formNext("UPPER CASE");
        fixes.fix(Kind.CHANGE_CASE, "Supplier", null);
        assertThat(supplierCount("CEMS")).isEqualTo(16);
        fixes.fix(Kind.COLLAPSE, "Plant", null);
        assertThat(lastAction()).isEqualTo("Collapse the spaces in the values changes no cell of 'Plant' in all"
                + " rows.");
    }

    @Test
    void findsAndReplacesWithARegularExpressionAndRefusesABadOne() {
        review.dialogs.formNext("^(?i)hamburg[ -]harburg\\s*$", "Hamburg-Harburg", "Regular expression",
                "The whole cell");
        fixes.fix(Kind.FIND_REPLACE, "Plant", null);
        stats.columnProperty().set("Plant");
        assertThat(stats.values()).contains(new ValueCount("Hamburg-Harburg", 39));

        review.dialogs.formNext("Hamburg(", "x", "Regular expression", "Anywhere in the cell");
        fixes.fix(Kind.FIND_REPLACE, "Plant", null);
        assertThat(errors).singleElement().asString().startsWith("Cannot fix the values of 'Plant': The regular"
                + " expression 'Hamburg(' is not valid");
    }

    @Test
    void setsAValueOnlyInTheRowsTheFilterShows() {
        review.vm.filters().findingFilterProperty().set(FindingFilter.ERRORS);
        long shown = review.vm.shownProperty().getValue().longValue();
        review.dialogs.formNext("checked");
        fixes.fix(Kind.SET, "Remarks", null);
        assertThat(review.dialogs.asked().get(0).header())
                .isEqualTo(String.format("Set a value in 'Remarks' for the %d rows shown", shown));
        stats.columnProperty().set("Remarks");
        assertThat(stats.values()).first().isEqualTo(new ValueCount("checked", shown));
    }

    @Test
    void aCancelOrANoChangesNothingAndSaysSo() {
        review.dialogs.formNext();
        fixes.fix(Kind.REPLACE, "Supplier", "NRD");
        assertThat(lastAction()).isEqualTo("Nothing changed.");

        review.dialogs.formNext("NRD", "NORD").declineNext();
        fixes.fix(Kind.REPLACE, "Supplier", "NRD");
        assertThat(lastAction()).isEqualTo("Nothing changed.");
        assertThat(supplierCount("NRD")).isEqualTo(15);
        assertThat(review.vm.counts().canUndo().get()).isFalse();

        review.dialogs.formNext("XYZ", "NORD");
        fixes.fix(Kind.REPLACE, "Supplier", null);
        assertThat(lastAction()).isEqualTo("Replace 'XYZ' by 'NORD' changes no cell of 'Supplier' in all rows.");
    }

    @Test
    void anEmptySearchIsRefusedInOneSentence() {
        review.dialogs.formNext("", "x", "Literal text", "Anywhere in the cell");
        fixes.fix(Kind.FIND_REPLACE, "Plant", null);
        assertThat(errors).containsExactly("Cannot fix the values of 'Plant': Find and replace needs something to"
                + " find.");
    }

    private String lastAction() {
        return review.vm.actions().lastActionProperty().getValue();
    }

    private long supplierCount(String value) {
        stats.columnProperty().set(null);
        stats.columnProperty().set("Supplier");
        return stats.values().stream().filter(v -> v.value().equals(value)).mapToLong(ValueCount::count).sum();
    }
}
