/**
 * Cleaning a column's values: suggestions for values that should be one of a known set (a foreign key's parent keys,
 * {@code allowed} values, a CHECK {@code IN} list, a {@code lookup} table), ranked by
 * {@link io.sluice.core.cleaning.ValueSimilarity}, and clusters of values that probably mean the same thing
 * ({@link io.sluice.core.cleaning.KeyCollision} by fingerprint, n-gram fingerprint or phonetic key;
 * {@link io.sluice.core.cleaning.NearestNeighbours} by edit distance). Every result can be turned into plain
 * {@link io.sluice.core.cleaning.Replacement}s (column, old value, new value, rows), which the value-level fixes
 * apply; nothing here changes a review. String metrics come from Apache Commons Text, phonetic keys from Apache
 * Commons Codec (decision 0016). It depends on {@code io.sluice.core}, {@code core.database}, {@code core.profile}
 * and {@code core.rules} (the canonical key text); {@code core.usecase} reads the review and the target for it.
 */
package io.sluice.core.cleaning;
