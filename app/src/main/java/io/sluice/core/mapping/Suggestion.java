package io.sluice.core.mapping;

import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.database.ColumnInfo;

import java.util.List;

/**
 * What {@link Suggester} proposes for a file and a table.
 *
 * @param mappings        suggested mappings in table order, each with a confidence (0-100) and a plain reason
 * @param unmapped        source columns left unmapped, in file order, each with the reason
 * @param missingRequired target columns that need a value (NOT NULL, no default, not generated) but got no mapping
 */
public record Suggestion(List<ColumnMapping> mappings, List<UnmappedSource> unmapped,
                         List<ColumnInfo> missingRequired) {

    /** A source column the suggester did not map, and why. */
    public record UnmappedSource(String source, String reason) {
    }
}
