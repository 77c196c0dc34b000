package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A mapping profile: how one kind of source file maps onto one target table, with the steward's rules. Saved as
 * versioned JSON (see README, "Profile format") and replayed on the next file.
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
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Profile(String format, int version, String name, SourceSettings source, String table,
                      List<ColumnMapping> columns, List<String> nullMarkers, List<RuleSpec> rules,
                      List<String> naturalKey, String commitMode, String legacyId, List<GateSpec> gates) {

    public static final String FORMAT = "sluice-profile";
    public static final int CURRENT_VERSION = 1;

    @JsonCreator
    public Profile {
        format = format == null ? FORMAT : format;
        version = version == 0 ? CURRENT_VERSION : version;
        columns = columns == null ? List.of() : List.copyOf(columns);
        nullMarkers = nullMarkers == null ? List.of() : List.copyOf(nullMarkers);
        rules = rules == null ? List.of() : List.copyOf(rules);
        naturalKey = naturalKey == null ? List.of() : List.copyOf(naturalKey);
        commitMode = commitMode == null ? "insert" : commitMode;
        gates = gates == null ? List.of() : List.copyOf(gates);
    }

    /** A profile without quality gates. */
    public Profile(String format, int version, String name, SourceSettings source, String table,
                   List<ColumnMapping> columns, List<String> nullMarkers, List<RuleSpec> rules,
                   List<String> naturalKey, String commitMode, String legacyId) {
        this(format, version, name, source, table, columns, nullMarkers, rules, naturalKey, commitMode, legacyId,
                List.of());
    }

    /** This profile with another commit mode (insert, upsert or skip-existing), e.g. one chosen for one import. */
    public Profile withCommitMode(String mode) {
        return new Profile(format, version, name, source, table, columns, nullMarkers, rules, naturalKey, mode,
                legacyId, gates);
    }

    /** This profile with other rules, e.g. one more rule tried out before it is saved. */
    public Profile withRules(List<RuleSpec> otherRules) {
        return new Profile(format, version, name, source, table, columns, nullMarkers, otherRules, naturalKey,
                commitMode, legacyId, gates);
    }

    /** This profile with other quality gates, e.g. set in the Commit step. */
    public Profile withGates(List<GateSpec> otherGates) {
        return new Profile(format, version, name, source, table, columns, nullMarkers, rules, naturalKey, commitMode,
                legacyId, otherGates);
    }
}
