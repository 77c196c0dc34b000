/**
 * The History step: import batches, their provenance and rollback. {@link io.sluice.desktop.history.HistoryViewModel}
 * holds the state and calls {@link io.sluice.core.usecase.BatchHistory} and
 * {@link io.sluice.core.usecase.RollbackBatch}; {@link io.sluice.desktop.history.HistoryView} binds it. It depends on
 * {@code io.sluice.core.usecase}, core values, {@code io.sluice.desktop} and {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.history;
