/**
 * The Review step: page through a review's rows, filter by findings, approve, reject, edit and undo, with a quality
 * dashboard. {@link io.sluice.desktop.review.ReviewViewModel} holds the state, with its parts
 * {@link io.sluice.desktop.review.ReviewFilters} (what the grid shows), {@link io.sluice.desktop.review.ReviewActions}
 * (the steward's decisions and edits) and {@link io.sluice.desktop.review.ReviewDashboard} (the quality figures);
 * {@link io.sluice.desktop.review.ReviewCleaning} gathers the cleaning tools beside them (column statistics, value
 * fixes, fix suggestions, clusters, saving fixes into the profile), each a view model of its own that changes the
 * review through the same undo history; {@link io.sluice.desktop.review.ReviewAccess} reaches the review through
 * the use cases,
 * {@link io.sluice.desktop.review.ReviewView} binds it. It depends on {@code io.sluice.core.usecase}, core values,
 * {@code io.sluice.desktop} and {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.review;
