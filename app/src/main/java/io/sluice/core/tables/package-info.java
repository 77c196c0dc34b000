/**
 * Related tables from one workbook: a version-2 profile's table parts applied to source rows.
 * {@link io.sluice.core.tables.TableExpansion} compiles one part against its sheet's columns and the target tables
 * and turns each {@link io.sluice.core.source.SourceRow} into the {@link io.sluice.core.tables.TargetRow}s it makes
 * (one, or one per non-blank unpivoted cell), each value with its {@link io.sluice.core.tables.ValueOrigin} and each
 * reference column holding the parent's natural key ({@link io.sluice.core.tables.ParentKey}) for the commit to
 * resolve; no database is opened there. {@link io.sluice.core.tables.WorkbookValidation} validates a workbook across
 * its tables: every table's rules ({@code core.rules.RuleSet}) on the rows each source row makes, and the references
 * between the tables ({@code ReferenceCheck}) against the workbook's own parents and the target, each finding a
 * {@link io.sluice.core.tables.TableFinding}. It depends on {@code io.sluice.core}, {@code core.source},
 * {@code core.profile}, {@code core.database}, {@code core.mapping}, {@code core.rules} and {@code core.validate}.
 */
package io.sluice.core.tables;
