/**
 * The target database: connection, dialect, and the introspected shape of its tables (columns, keys, foreign keys,
 * CHECK constraints). {@link io.sluice.core.database.TargetDatabase} opens H2 or PostgreSQL and hands out
 * {@link io.sluice.core.database.TableInfo} and {@link io.sluice.core.database.ColumnInfo};
 * {@link io.sluice.core.database.Dialect} quotes identifiers; {@link io.sluice.core.database.Migrations} runs one set of
 * Sluice's Flyway migrations beside the user's tables and {@link io.sluice.core.database.SampleSchema} installs the
 * sample schema; {@link io.sluice.core.database.SluiceHome} is Sluice's data directory. It depends only on
 * {@code io.sluice.core}, JDBC and Flyway.
 */
package io.sluice.core.database;
