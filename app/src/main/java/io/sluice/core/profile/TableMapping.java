package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One target table of a version-2 profile: the sheet that feeds it, its column mappings (as in a version-1 profile),
 * an optional unpivot that makes one row per non-blank cell of a set of columns, the columns that reference another
 * table of the profile through that table's natural key, and the table's own natural key, commit mode and rules.
 *
 * @param table      target table name
 * @param source     the sheet (and header row) feeding this table; optional for a file with one sheet
 * @param columns    one mapping per target column filled from the row's cells or a constant
 * @param unpivot    the columns whose cells each make one row of this table; null for one row per source row
 * @param references target columns holding a parent's natural key, resolved to the parent's key at commit
 * @param naturalKey target columns identifying a row of this table; required
 * @param commitMode insert (default), upsert or skip-existing
 * @param rules      the steward's rules on this table's target columns
 * @param legacyId   source column kept in provenance as the row's legacy id; optional
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TableMapping(String table, SourceSettings source, List<ColumnMapping> columns, Unpivot unpivot,
                           List<TableReference> references, List<String> naturalKey, String commitMode,
                           List<RuleSpec> rules, String legacyId) {

    @JsonCreator
    public TableMapping {
        columns = columns == null ? List.of() : List.copyOf(columns);
        references = references == null ? List.of() : List.copyOf(references);
        naturalKey = naturalKey == null ? List.of() : List.copyOf(naturalKey);
        commitMode = commitMode == null ? "insert" : commitMode;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Every target column this part fills: its mappings', then the unpivot's header and cell targets. */
    public List<String> targetColumns() {
        List<String> targets = new ArrayList<>();
        columns.forEach(c -> targets.add(c.target()));
        if (unpivot != null) {
            if (unpivot.header() != null) {
                targets.add(unpivot.header().target());
            }
            if (unpivot.value() != null) {
                targets.add(unpivot.value().target());
            }
        }
        return targets;
    }

    /** The reference held in that target column (any case), if any. */
    public Optional<TableReference> referenceOf(String column) {
        String wanted = column.toLowerCase(Locale.ROOT);
        return references.stream().filter(r -> r.column() != null
                && r.column().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** This part with other rules of the steward's. */
    public TableMapping withRules(List<RuleSpec> otherRules) {
        return new TableMapping(table, source, columns, unpivot, references, naturalKey, commitMode, otherRules,
                legacyId);
    }

    /** The sheet this part reads, or null when the profile leaves it to the file's only (or first) sheet. */
    public String sheet() {
        return source == null ? null : source.sheet();
    }
}
