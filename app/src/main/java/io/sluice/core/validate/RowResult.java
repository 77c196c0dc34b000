package io.sluice.core.validate;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;

import java.util.List;

/**
 * One validated row: the source row, its mapped values, its findings (source problems first, then rule findings)
 * and its quality score.
 */
public record RowResult(SourceRow source, MappedRow mapped, List<Finding> findings, RowScore score) {

    public boolean hasErrors() {
        return score.errors() > 0;
    }

    public boolean hasWarnings() {
        return score.warnings() > 0;
    }
}
