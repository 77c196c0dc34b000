package io.sluice.desktop.mapping;

import io.sluice.core.profile.TransformSpec;
import io.sluice.core.profile.Unpivot;
import io.sluice.core.profile.UnpivotTarget;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unpivot of one table, as the steward edits it: which source columns make one row per non-blank cell, the target
 * column each column's header goes to with the value each header becomes (e.g. "Fly Ash (kg/m3)" → "Fly ash"), and
 * the target column the cell goes to with its transforms. Header transforms other than the value map are kept as
 * loaded, in their place.
 */
public final class UnpivotEditor {

    /** One unpivoted column's header and the value its rows get in the header's target column ("": the header). */
    public static final class HeaderValue {
        private final String header;
        private final StringProperty value = new SimpleStringProperty("");

        HeaderValue(String header, String value) {
            this.header = header;
            this.value.set(value == null ? "" : value);
        }

        public String header() {
            return header;
        }

        public StringProperty valueProperty() {
            return value;
        }
    }

    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<HeaderValue> headerValues = FXCollections.observableArrayList(
            h -> new javafx.beans.Observable[] {h.valueProperty()});
    private final ObjectProperty<String> headerTarget = new SimpleObjectProperty<>();
    private final ObjectProperty<String> valueTarget = new SimpleObjectProperty<>();
    private final ObjectProperty<List<TransformSpec>> valueTransforms = new SimpleObjectProperty<>(List.of());
    /** The header's transforms as loaded; the value map among them is replaced by {@link #headerValues}. */
    private List<TransformSpec> headerTransforms = List.of();

    /** Whether the table is fed by an unpivot at all. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** The source columns unpivoted, in the order their rows are made. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** One entry per unpivoted column: the value its header becomes. */
    public ObservableList<HeaderValue> headerValues() {
        return headerValues;
    }

    /** The target column a column's header (after the value map) goes to; null: nowhere. */
    public ObjectProperty<String> headerTargetProperty() {
        return headerTarget;
    }

    /** The target column a cell goes to. */
    public ObjectProperty<String> valueTargetProperty() {
        return valueTarget;
    }

    /** The transforms applied to a cell before it is stored. */
    public ObjectProperty<List<TransformSpec>> valueTransformsProperty() {
        return valueTransforms;
    }

    /** Whether a source column is unpivoted. */
    public boolean isChosen(String column) {
        return columns.contains(column);
    }

    /** Adds a source column to the unpivot (at the end) or takes it out; its header value stays while it is in. */
    public void choose(String column, boolean chosen) {
        if (chosen && !columns.contains(column)) {
            columns.add(column);
            headerValues.add(new HeaderValue(column, ""));
            enabled.set(true);
        } else if (!chosen && columns.remove(column)) {
            headerValues.removeIf(h -> h.header().equals(column));
        }
    }

    /** Sets the value a header becomes ("" or null: the header itself). */
    public void setHeaderValue(String header, String value) {
        headerValues.stream().filter(h -> h.header().equals(header)).findFirst()
                .ifPresent(h -> h.valueProperty().set(value == null ? "" : value));
    }

    /** The value a header becomes, "" when it stays itself or is not unpivoted. */
    public String headerValue(String header) {
        return headerValues.stream().filter(h -> h.header().equals(header)).findFirst()
                .map(h -> h.valueProperty().get()).orElse("");
    }

    /** Shows a loaded unpivot, or none. */
    void load(Unpivot unpivot) {
        columns.clear();
        headerValues.clear();
        headerTransforms = List.of();
        headerTarget.set(null);
        valueTarget.set(null);
        valueTransforms.set(List.of());
        enabled.set(unpivot != null);
        if (unpivot == null) {
            return;
        }
        columns.setAll(unpivot.columns());
        Map<String, String> map = new LinkedHashMap<>();
        if (unpivot.header() != null) {
            headerTarget.set(unpivot.header().target());
            headerTransforms = unpivot.header().transforms();
            headerTransforms.stream().filter(t -> "map".equals(t.op()) && t.map() != null).findFirst()
                    .ifPresent(t -> map.putAll(t.map()));
        }
        // the map's order is the author's: keep it, then the columns it does not name
        List<HeaderValue> values = new ArrayList<>();
        map.forEach((header, value) -> values.add(new HeaderValue(header, value)));
        for (String column : unpivot.columns()) {
            if (!map.containsKey(column)) {
                values.add(new HeaderValue(column, ""));
            }
        }
        headerValues.setAll(values);
        if (unpivot.value() != null) {
            valueTarget.set(unpivot.value().target());
            valueTransforms.set(unpivot.value().transforms());
        }
    }

    /** The unpivot as the profile holds it; null when the table has none. */
    Unpivot build() {
        if (!enabled.get()) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (HeaderValue h : headerValues) {
            String value = h.valueProperty().get();
            if (columns.contains(h.header()) && value != null && !value.isBlank()) {
                map.put(h.header(), value);
            }
        }
        List<TransformSpec> header = new ArrayList<>();
        boolean mapPlaced = false;
        for (TransformSpec t : headerTransforms) {
            if ("map".equals(t.op()) && !mapPlaced) {
                mapPlaced = true;
                if (!map.isEmpty()) {
                    header.add(TransformSpec.map(map));
                }
            } else if (!"map".equals(t.op())) {
                header.add(t);
            }
        }
        if (!mapPlaced && !map.isEmpty()) {
            header.add(TransformSpec.map(map));
        }
        UnpivotTarget headerTo = headerTarget.get() == null ? null : new UnpivotTarget(headerTarget.get(), header);
        UnpivotTarget valueTo = valueTarget.get() == null ? null
                : new UnpivotTarget(valueTarget.get(), valueTransforms.get());
        return new Unpivot(List.copyOf(columns), headerTo, valueTo);
    }
}
