/**
 * One validation run: a sheet streamed through mapping and rules in chunks, each row scored.
 * {@link io.sluice.core.validate.ValidationJob} prepares a run (file, profile, target) and
 * {@link io.sluice.core.validate.Validation} streams it; each row comes out as a
 * {@link io.sluice.core.validate.RowResult}, the file as a {@link io.sluice.core.validate.ValidationSummary} counted
 * by {@link io.sluice.core.validate.QualityTally}; {@link io.sluice.core.validate.JsonReportWriter} writes the report.
 * {@link io.sluice.core.validate.QualityGates} measures a profile's quality gates into
 * {@link io.sluice.core.validate.GateResult}s (passed, warned, blocked).
 * It depends on {@code io.sluice.core}, {@code core.source}, {@code core.mapping}, {@code core.rules},
 * {@code core.profile} and {@code core.database}. The front ends do not use {@code ValidationJob} directly; the use
 * cases do.
 */
package io.sluice.core.validate;
