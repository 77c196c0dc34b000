/**
 * The Review step: validate into a review, page through its rows, filter by findings, approve, reject, edit and undo,
 * with a quality dashboard. {@link io.sluice.desktop.review.ReviewViewModel} holds the state,
 * {@link io.sluice.desktop.review.ReviewAccess} reaches the review through the use cases,
 * {@link io.sluice.desktop.review.ReviewView} binds it. It depends on {@code io.sluice.core.usecase}, core values,
 * {@code io.sluice.desktop} and {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.review;
