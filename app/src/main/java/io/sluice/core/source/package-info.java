/**
 * Reading source files: XLSX, XLS and CSV/TSV, the format told by content, streamed row by row with each cell's
 * displayed text, typed value and position. {@link io.sluice.core.source.Sources} is the entry point ({@code inspect},
 * {@code open}); it returns a {@link io.sluice.core.source.SourceTable} of {@link io.sluice.core.source.SourceRow}s
 * and {@link io.sluice.core.source.Cell}s, with {@link io.sluice.core.source.SourceIssue}s for what the reader
 * noticed. It depends only on {@code io.sluice.core} and the parsing libraries (fastexcel, POI, FastCSV); every other
 * core package may use it.
 */
package io.sluice.core.source;
