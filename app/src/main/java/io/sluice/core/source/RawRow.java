package io.sluice.core.source;

/**
 * A row as a format reader produced it, before the header is known.
 *
 * @param row    the row with all its cells (CSV: exactly its fields; Excel: trailing blanks trimmed)
 * @param line   the physical line the record starts on (CSV only, else 0), for ragged-row messages
 */
record RawRow(SourceRow row, long line) {
}
