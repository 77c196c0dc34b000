/**
 * The review: one SQLite file per review holding the raw rows, findings, decisions, edits, the undo history and the
 * audit log, and the steward's work on it. {@link io.sluice.core.review.Review} opens and creates the file;
 * {@link io.sluice.core.review.ReviewStager} stages validated rows into it; {@link io.sluice.core.review.ReviewQuery}
 * pages, filters and sorts rows for a grid; {@link io.sluice.core.review.DecisionLedger} keeps decisions.
 * {@link io.sluice.core.review.ReviewSession} is the entry point for work on an open review (approve, reject, edit,
 * undo, redo, each an {@link io.sluice.core.review.UndoableCommand}); {@link io.sluice.core.review.RowValidator} and
 * {@link io.sluice.core.review.ProfileRowValidator} re-check an edited row; {@link io.sluice.core.review.ReviewApprovedRows}
 * streams the approved rows an import writes; {@link io.sluice.core.review.Steward} says who acts. It depends on
 * {@code io.sluice.core}, {@code core.source}, {@code core.rules}, {@code core.validate}, {@code core.profile},
 * {@code core.mapping} and {@code core.database}; the front ends open sessions only through
 * {@link io.sluice.core.usecase.OpenReview}.
 */
package io.sluice.core.review;
