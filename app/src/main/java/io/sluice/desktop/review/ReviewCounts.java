package io.sluice.desktop.review;

import io.sluice.core.review.FindingCounts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * What the review screen keeps in view besides the grid: rows pending, approved and rejected, the findings per rule
 * and column, and what Undo and Redo would do. Read from the review after every action; JavaFX thread only.
 */
public final class ReviewCounts {

    private final LongProperty total = new SimpleLongProperty();
    private final LongProperty pending = new SimpleLongProperty();
    private final LongProperty approved = new SimpleLongProperty();
    private final LongProperty rejected = new SimpleLongProperty();
    private final ObjectProperty<FindingCounts> findings = new SimpleObjectProperty<>();
    private final StringProperty undoDescription = new SimpleStringProperty("");
    private final StringProperty redoDescription = new SimpleStringProperty("");
    private final BooleanBinding canUndo = Bindings.isNotEmpty(undoDescription);
    private final BooleanBinding canRedo = Bindings.isNotEmpty(redoDescription);
    private final LongProperty version = new SimpleLongProperty();

    void apply(ReviewAccess.Totals totals) {
        pending.set(totals.decisions().pending());
        approved.set(totals.decisions().approved());
        rejected.set(totals.decisions().rejected());
        total.set(pending.get() + approved.get() + rejected.get());
        findings.set(totals.findings());
        undoDescription.set(totals.undo().orElse(""));
        redoDescription.set(totals.redo().orElse(""));
        version.set(version.get() + 1);
    }

    /** Changes each time the counts are read again: after opening a review and after every action on it. */
    public ObservableValue<Number> versionProperty() {
        return version;
    }

    /** Rows in the review. */
    public ObservableValue<Number> totalProperty() {
        return total;
    }

    public ObservableValue<Number> pendingProperty() {
        return pending;
    }

    public ObservableValue<Number> approvedProperty() {
        return approved;
    }

    public ObservableValue<Number> rejectedProperty() {
        return rejected;
    }

    /** Findings by severity, rule and column, as they are now (edits change them). */
    public ObservableValue<FindingCounts> findingsProperty() {
        return findings;
    }

    /** What Undo would revert ("Reject row 12"), empty when nothing. */
    public ObservableValue<String> undoDescriptionProperty() {
        return undoDescription;
    }

    public ObservableValue<String> redoDescriptionProperty() {
        return redoDescription;
    }

    public BooleanBinding canUndo() {
        return canUndo;
    }

    public BooleanBinding canRedo() {
        return canRedo;
    }
}
