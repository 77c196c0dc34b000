package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sluice.core.SluiceException;

import java.util.List;

/**
 * A mapping profile: how one kind of source file maps onto one target table (version 1), or a workbook onto several
 * related tables (version 2, {@link #tables()}), with the steward's rules. Saved as versioned JSON (see README,
 * "Profile format") and replayed on the next file.
 *
 * @param format      always {@value #FORMAT}
 * @param version     format version, currently {@value #CURRENT_VERSION}
 * @param name        profile name shown in batches and reports
 * @param source      how to read the source (sheet, header row, encoding, delimiter); optional
 * @param table       target table name
 * @param columns     one mapping per target column that receives a value
 * @param nullMarkers source texts that mean "no value" for every column (e.g. N/A, -, n.a.)
 * @param rules       the steward's rules on top of those derived from the target
 * @param naturalKey  target columns identifying a row; defaults to the target's primary key
 * @param commitMode  insert, upsert or skip-existing
 * @param legacyId    source column kept in provenance as the row's legacy id; optional
 * @param gates       quality gates an import must pass (or only warns about); optional
 * @param tables      version 2 only: one part per target table, each with its own sheet, mappings, key and rules;
 *                    then {@code table}, {@code columns}, {@code rules}, {@code naturalKey}, {@code legacyId} and
 *                    {@code source} stay empty, and {@code nullMarkers} and {@code gates} apply to every part
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Profile(String format, int version, String name, SourceSettings source, String table,
                      List<ColumnMapping> columns, List<String> nullMarkers, List<RuleSpec> rules,
                      List<String> naturalKey, String commitMode, String legacyId, List<GateSpec> gates,
                      List<TableMapping> tables) {

    public static final String FORMAT = "sluice-profile";
    /** The version of a profile onto one table, which new single-table profiles are written as. */
    public static final int CURRENT_VERSION = 1;
    /** The version of a profile onto several related tables ({@link #tables()}). */
    public static final int TABLES_VERSION = 2;

    @JsonCreator
    public Profile {
        format = format == null ? FORMAT : format;
        version = version == 0 ? CURRENT_VERSION : version;
        columns = columns == null ? List.of() : List.copyOf(columns);
        nullMarkers = nullMarkers == null ? List.of() : List.copyOf(nullMarkers);
        rules = rules == null ? List.of() : List.copyOf(rules);
        naturalKey = naturalKey == null ? List.of() : List.copyOf(naturalKey);
        // a version-2 profile sets the commit mode per table; a top-level "insert" there would only mislead
        commitMode = commitMode == null && version != TABLES_VERSION ? "insert" : commitMode;
        gates = gates == null ? List.of() : List.copyOf(gates);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** A single-table profile (version 1) with quality gates. */
    public Profile(String format, int version, String name, SourceSettings source, String table,
                   List<ColumnMapping> columns, List<String> nullMarkers, List<RuleSpec> rules,
                   List<String> naturalKey, String commitMode, String legacyId, List<GateSpec> gates) {
        this(format, version, name, source, table, columns, nullMarkers, rules, naturalKey, commitMode, legacyId,
                gates, List.of());
    }

    /** A profile onto several related tables (version 2): one part per table, null markers and gates shared. */
    public static Profile ofTables(String name, List<String> nullMarkers, List<TableMapping> tables,
                                   List<GateSpec> gates) {
        return new Profile(FORMAT, TABLES_VERSION, name, null, null, null, nullMarkers, null, null, null, null,
                gates, tables);
    }

    /** Whether this profile maps onto several tables (version 2) rather than one. */
    public boolean mapsSeveralTables() {
        return version == TABLES_VERSION;
    }

    /**
     * This profile, when it maps onto one table; a profile onto several tables is refused in one sentence, for the
     * steps that take one table's mapping only.
     */
    public Profile requireOneTable() {
        if (mapsSeveralTables()) {
            throw SluiceException.input("Profile '" + (name == null ? "unnamed" : name) + "' maps onto several"
                    + " tables (profile version " + TABLES_VERSION + "), which this step cannot use as the mapping of"
                    + " one table; validate, review, import and export take it as a whole.");
        }
        return this;
    }

    /**
     * One part of a version-2 profile as a single-table profile (version 1): the part's sheet, mappings, rules, key,
     * commit mode and legacy id with this profile's null markers, named "profile / table" for messages; the unpivot
     * and references are the part's own ({@link TableMapping}) and are not in it.
     */
    public Profile tablePart(TableMapping part) {
        return new Profile(FORMAT, CURRENT_VERSION, (name == null ? "unnamed" : name) + " / " + part.table(),
                part.source(), part.table(), part.columns(), nullMarkers, part.rules(), part.naturalKey(),
                part.commitMode(), part.legacyId(), List.of());
    }

    /** A profile without quality gates. */
    public Profile(String format, int version, String name, SourceSettings source, String table,
                   List<ColumnMapping> columns, List<String> nullMarkers, List<RuleSpec> rules,
                   List<String> naturalKey, String commitMode, String legacyId) {
        this(format, version, name, source, table, columns, nullMarkers, rules, naturalKey, commitMode, legacyId,
                List.of(), List.of());
    }

    /** This profile with another commit mode (insert, upsert or skip-existing), e.g. one chosen for one import. */
    public Profile withCommitMode(String mode) {
        return new Profile(format, version, name, source, table, columns, nullMarkers, rules, naturalKey, mode,
                legacyId, gates, tables);
    }

    /** This profile with other rules, e.g. one more rule tried out before it is saved. */
    public Profile withRules(List<RuleSpec> otherRules) {
        return new Profile(format, version, name, source, table, columns, nullMarkers, otherRules, naturalKey,
                commitMode, legacyId, gates, tables);
    }

    /** This profile onto several tables with other parts, e.g. one table's rules changed. */
    public Profile withTables(List<TableMapping> otherTables) {
        return new Profile(format, version, name, source, table, columns, nullMarkers, rules, naturalKey, commitMode,
                legacyId, gates, otherTables);
    }

    /** This profile with other quality gates, e.g. set in the Commit step. */
    public Profile withGates(List<GateSpec> otherGates) {
        return new Profile(format, version, name, source, table, columns, nullMarkers, rules, naturalKey, commitMode,
                legacyId, otherGates, tables);
    }
}
