/**
 * The Commit step: dry run and import of the approved rows as one batch.
 * {@link io.sluice.desktop.commit.CommitViewModel} holds the state and calls
 * {@link io.sluice.core.usecase.ImportRows}; {@link io.sluice.desktop.commit.CommitView} binds it. It depends on
 * {@code io.sluice.core.usecase}, core values, {@code io.sluice.desktop} and {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.commit;
