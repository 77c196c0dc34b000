/**
 * Turning source rows into typed target values as a profile says, and suggesting mappings.
 * {@link io.sluice.core.mapping.Mapper} compiles a profile against a file's columns and a table and maps each
 * {@link io.sluice.core.source.SourceRow} to a {@link io.sluice.core.mapping.MappedRow} (conversion failures are
 * values, not exceptions); {@link io.sluice.core.mapping.Suggester} proposes column mappings with a confidence and a
 * reason. It depends on {@code io.sluice.core}, {@code core.source}, {@code core.profile} and {@code core.database}.
 */
package io.sluice.core.mapping;
