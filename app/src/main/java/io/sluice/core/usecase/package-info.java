/**
 * The application layer: one class per use case, the only way the command line and the desktop reach the core's
 * machinery (decision 0008). {@link io.sluice.core.usecase.ValidateFile}, {@link io.sluice.core.usecase.LoadFile},
 * {@link io.sluice.core.usecase.ValidateReview}, {@link io.sluice.core.usecase.OpenReview},
 * {@link io.sluice.core.usecase.ImportRows}, {@link io.sluice.core.usecase.BatchHistory},
 * {@link io.sluice.core.usecase.RollbackBatch}, {@link io.sluice.core.usecase.ExportRows},
 * {@link io.sluice.core.usecase.RulesInForce}, {@link io.sluice.core.usecase.RulePreview} and
 * {@link io.sluice.core.usecase.ReviewGates} take plain values (paths,
 * a profile, a {@link io.sluice.core.usecase.Target}), report through {@link io.sluice.core.Progress} and return
 * records. It may depend on every other core package, never on the front ends.
 */
package io.sluice.core.usecase;
