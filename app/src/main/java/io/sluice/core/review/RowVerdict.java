package io.sluice.core.review;

import io.sluice.core.rules.Finding;

import java.util.List;

/**
 * One row's validation by a {@link RowValidator}: its findings, and how many of its mapped cells hold a value
 * (negative when not known).
 */
public record RowVerdict(List<Finding> findings, int filledCells) {

    public RowVerdict {
        findings = List.copyOf(findings);
    }
}
