/**
 * Validation rules: small classes, each named for what it checks, that report {@link io.sluice.core.rules.Finding}s. A
 * {@link io.sluice.core.rules.RowRule} needs the row alone; a {@link io.sluice.core.rules.ChunkRule} asks the target
 * database or remembers earlier rows. {@link io.sluice.core.rules.RuleSet} builds the rules of one run from the
 * table's constraints and the profile's rules, and describes each as a {@link io.sluice.core.rules.RuleInfo} (id,
 * columns, origin) for a listing; {@link io.sluice.core.rules.ProfileRowRules} builds one profile row rule from its
 * spec and the mapped column names alone, with no database. It depends on {@code io.sluice.core}, {@code core.mapping},
 * {@code core.profile} and {@code core.database}.
 */
package io.sluice.core.rules;
