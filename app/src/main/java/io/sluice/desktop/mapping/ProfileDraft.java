package io.sluice.desktop.mapping;

import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.profile.SourceSettings;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a profile holds beyond the grid's one-to-one mappings — rules, quality gates, natural key, commit mode,
 * legacy id, null markers, constants and joined columns — kept as loaded, and put back together with the grid into a
 * {@link Profile}.
 */
final class ProfileDraft {

    private List<RuleSpec> rules = List.of();
    private List<GateSpec> gates = List.of();
    private List<ColumnMapping> extras = List.of();
    private List<String> naturalKey = List.of();
    private List<String> nullMarkers = List.of();
    private String commitMode = "insert";
    private String legacyId;

    /** Everything the draft holds at a moment, for undo. */
    record State(List<RuleSpec> rules, List<GateSpec> gates, List<ColumnMapping> extras, List<String> naturalKey,
                 List<String> nullMarkers, String commitMode, String legacyId) {
    }

    State state() {
        return new State(rules, gates, extras, naturalKey, nullMarkers, commitMode, legacyId);
    }

    void restore(State state) {
        rules = state.rules();
        gates = state.gates();
        extras = state.extras();
        naturalKey = state.naturalKey();
        nullMarkers = state.nullMarkers();
        commitMode = state.commitMode();
        legacyId = state.legacyId();
    }

    List<RuleSpec> rules() {
        return rules;
    }

    /** The rules as the Rules step left them. */
    void takeRules(List<RuleSpec> changed) {
        rules = List.copyOf(changed);
    }

    /** Constants and joined columns: the grid has no row for them, they are kept as the profile had them. */
    List<ColumnMapping> extras() {
        return extras;
    }

    /**
     * Takes over a loaded profile: its one-to-one mappings go into the grid's rows as confirmed, the rest is kept.
     *
     * @return what could not be applied to this file and table, one plain sentence each
     */
    List<String> load(Profile profile, List<MappingRow> rows, TableInfo table, List<String> sourceColumns) {
        List<String> notes = new ArrayList<>();
        rows.forEach(r -> r.assign(null, List.of(), null, "", false));
        List<ColumnMapping> kept = new ArrayList<>();
        for (ColumnMapping m : profile.columns()) {
            Optional<ColumnInfo> column = table.column(m.target());
            if (column.isEmpty()) {
                notes.add("Table " + table.name() + " has no column " + m.target() + "; its mapping was left out.");
                continue;
            }
            if (m.source() == null) {
                List<String> missing = m.sourceColumns().stream().filter(s -> find(sourceColumns, s) == null)
                        .toList();
                if (missing.isEmpty()) {
                    kept.add(m);
                } else {
                    notes.add("The file has no column " + String.join(", ", missing) + " for " + m.target()
                            + "; that mapping was left out.");
                }
                continue;
            }
            MappingRow row = rows.stream().filter(r -> r.source().strip().equalsIgnoreCase(m.source().strip()))
                    .findFirst().orElse(null);
            if (row == null) {
                notes.add("The file has no column '" + m.source() + "' for " + m.target()
                        + "; that mapping was left out.");
                continue;
            }
            row.assign(column.get().name(), m.transforms(), m.confidence(), "from profile", true);
        }
        extras = List.copyOf(kept);
        // a column the sender added since the profile was made: the steward sees that the file has changed
        notes.addAll(UnmappedColumns.of(profile, sourceColumns).sentences());
        rules = profile.rules();
        gates = profile.gates();
        naturalKey = profile.naturalKey();
        nullMarkers = profile.nullMarkers();
        commitMode = profile.commitMode();
        legacyId = profile.legacyId() != null && find(sourceColumns, profile.legacyId()) != null
                ? profile.legacyId() : null;
        return notes;
    }

    /** Forgets what a previous profile brought, e.g. when another table is chosen. */
    void clear() {
        rules = List.of();
        gates = List.of();
        extras = List.of();
        naturalKey = List.of();
        nullMarkers = List.of();
        commitMode = "insert";
        legacyId = null;
    }

    /** The profile the grid and the kept parts make together; mappings in table order. */
    Profile build(String name, SourceSettings source, TableInfo table, List<MappingRow> rows) {
        List<ColumnMapping> columns = new ArrayList<>();
        for (MappingRow r : rows) {
            if (r.isMapped()) {
                String reason = r.reasonProperty().get();
                columns.add(new ColumnMapping(r.targetProperty().get(), r.source(), null, null, null,
                        r.transformsProperty().get(), r.confidenceProperty().get(),
                        reason == null || reason.isBlank() ? null : reason));
            }
        }
        columns.addAll(extras);
        List<String> order = table.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        columns.sort(Comparator.comparingInt(c -> order.indexOf(c.target().toLowerCase(Locale.ROOT))));
        List<String> key = naturalKey.isEmpty() ? table.primaryKey() : naturalKey;
        // the schema too when it is not the default one, as suggest writes it, so that the table is found again
        return new Profile(Profile.FORMAT, Profile.CURRENT_VERSION, name, source, table.reference(), columns,
                nullMarkers, rules, key, commitMode, legacyId, gates);
    }

    private static String find(List<String> columns, String name) {
        return columns.stream().filter(c -> c.strip().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
    }

    /** How the profile reads its source next time: as the Source step read it. */
    static SourceSettings sourceSettings(SourceOptions options, SourceInspection inspection) {
        if (options == null) {
            return null;
        }
        boolean csv = inspection != null && inspection.format() == SourceFormat.CSV;
        String encoding = options.encoding() != null ? options.encoding().name()
                : csv ? inspection.encoding() : null;
        Character delimiter = options.delimiter() != null ? options.delimiter()
                : csv ? inspection.delimiter() : null;
        return new SourceSettings(csv ? null : options.sheet(), options.headerRow(), csv ? encoding : null,
                csv && delimiter != null ? String.valueOf(delimiter) : null);
    }
}
