package io.sluice.desktop.mapping;

import io.sluice.core.mapping.Suggestion;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.TransformSpec;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;

/**
 * One source column in the mapping grid: the target column it feeds (null: not mapped), its transforms, the
 * suggestion's confidence and reason, and whether the steward confirmed it. A suggestion stays pending until
 * confirmed; choosing a target by hand confirms it.
 */
public final class MappingRow {

    /** At and above this confidence a suggestion is "high" and "Confirm all high-confidence" takes it. */
    public static final int HIGH_CONFIDENCE = 70;

    private final String source;
    private final String samples;
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final ObjectProperty<List<TransformSpec>> transforms = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Integer> confidence = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty confirmed = new SimpleBooleanProperty();
    private final BooleanBinding pending;
    private final ObjectBinding<Status> status;
    private final StringBinding transformsSummary;
    private final ObjectBinding<Integer> shownConfidence;
    private final StringBinding rowStyle;

    /** Where a column's mapping stands, as the grid's status column shows it. */
    public enum Status { UNMAPPED, PENDING, CONFIRMED }

    MappingRow(String source, String samples) {
        this.source = source;
        this.samples = samples;
        pending = Bindings.createBooleanBinding(() -> target.get() != null && !confirmed.get(), target, confirmed);
        status = Bindings.createObjectBinding(() -> target.get() == null ? Status.UNMAPPED
                : confirmed.get() ? Status.CONFIRMED : Status.PENDING, target, confirmed);
        transformsSummary = Bindings.createStringBinding(() -> target.get() == null ? null
                : transforms.get().isEmpty() ? "none" : TransformSettings.describe(transforms.get()),
                target, transforms);
        shownConfidence = Bindings.createObjectBinding(() -> target.get() == null ? null : confidence.get(),
                target, confidence);
        rowStyle = Bindings.createStringBinding(() -> isLowConfidence() ? "confidence-low"
                : target.get() == null ? "unmapped" : null, target, confidence);
    }

    /** Unmapped, pending or confirmed; changes with the target and the confirmation. */
    public ObjectBinding<Status> statusProperty() {
        return status;
    }

    /** The transforms in words ("none" when there are none); null while the column is not mapped. */
    public StringBinding transformsSummaryProperty() {
        return transformsSummary;
    }

    /** The suggestion's confidence while the column is mapped, else null. */
    public ObjectBinding<Integer> shownConfidenceProperty() {
        return shownConfidence;
    }

    /** The grid row's style: "confidence-low", "unmapped", or null. */
    public StringBinding rowStyleProperty() {
        return rowStyle;
    }

    /** The source column header. */
    public String source() {
        return source;
    }

    /** A few of the column's first values, for recognising it. */
    public String samples() {
        return samples;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ObjectProperty<List<TransformSpec>> transformsProperty() {
        return transforms;
    }

    /** 0-100 for a suggestion, null for a mapping the steward chose or a profile gave. */
    public ObjectProperty<Integer> confidenceProperty() {
        return confidence;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanProperty confirmedProperty() {
        return confirmed;
    }

    /** Mapped but not yet confirmed. */
    public BooleanBinding pendingProperty() {
        return pending;
    }

    public boolean isMapped() {
        return target.get() != null;
    }

    /** A suggestion below {@link #HIGH_CONFIDENCE}: the grid makes it stand out. */
    public boolean isLowConfidence() {
        return target.get() != null && confidence.get() != null && confidence.get() < HIGH_CONFIDENCE;
    }

    /** Sets everything a suggestion or a profile says about this column at once. */
    void assign(String newTarget, List<TransformSpec> newTransforms, Integer newConfidence, String newReason,
                boolean isConfirmed) {
        target.set(newTarget);
        transforms.set(newTransforms == null ? List.of() : List.copyOf(newTransforms));
        confidence.set(newConfidence);
        reason.set(newReason == null ? "" : newReason);
        confirmed.set(isConfirmed);
    }

    @Override
    public String toString() {
        return source + " -> " + target.get() + (confirmed.get() ? " (confirmed)" : "");
    }

    /** Clears every row's mapping and applies a suggestion (null: none) as pending mappings with their reasons. */
    static void suggest(List<MappingRow> rows, Suggestion suggestion) {
        rows.forEach(r -> r.assign(null, List.of(), null, "", false));
        if (suggestion == null) {
            return;
        }
        for (ColumnMapping m : suggestion.mappings()) {
            rows.stream().filter(r -> r.source().equals(m.source())).findFirst()
                    .ifPresent(r -> r.assign(m.target(), m.transforms(), m.confidence(), m.reason(), false));
        }
        suggestion.unmapped().forEach(u -> rows.stream().filter(r -> r.source().equals(u.source()))
                .findFirst().ifPresent(r -> r.reasonProperty().set(u.reason())));
    }
}
