/**
 * The sample-data generator and the benchmarks: concrete-mix files with planted faults
 * ({@link io.sluice.bench.ConcreteMixGenerator}, {@link io.sluice.bench.SampleData}) and timed stages of reading,
 * validating, staging, committing and exporting ({@link io.sluice.bench.Benchmark},
 * {@link io.sluice.bench.DesktopBenchmark}), and of suggestions and clustering
 * ({@link io.sluice.bench.CleaningBenchmark}). It drives the core machinery directly to measure it, and the desktop for
 * the desktop benchmark; it lives in the test tree, outside the shipped jar, and no product code depends on it
 * (decision 0010). How to run it: the README's Performance section.
 */
package io.sluice.bench;
