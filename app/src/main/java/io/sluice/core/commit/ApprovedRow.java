package io.sluice.core.commit;

import io.sluice.core.mapping.MappedRow;

/** One approved row: its 1-based source row number, its legacy id (or null) and its mapped typed values. */
public record ApprovedRow(long sourceRow, String legacyId, MappedRow values) {
}
