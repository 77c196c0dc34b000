/**
 * The steward's work on an open review: decisions and cell edits as undoable commands, re-validation of edited rows,
 * and the approved rows a review hands to an import. {@link io.sluice.core.review.ReviewSession} is the entry point
 * (approve, reject, edit, undo, redo); {@link io.sluice.core.review.RowValidator} and
 * {@link io.sluice.core.review.ProfileRowValidator} re-check a row; {@link io.sluice.core.review.ReviewApprovedRows}
 * streams approved rows; {@link io.sluice.core.review.Steward} says who acts. It depends on the other core packages;
 * the front ends open sessions only through {@link io.sluice.core.usecase.OpenReview}.
 */
package io.sluice.core.review;
