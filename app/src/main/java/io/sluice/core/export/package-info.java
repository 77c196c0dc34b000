/**
 * Writers of what leaves Sluice as files: findings reports (CSV, JSON, HTML), approved and rejected rows as CSV, and
 * the back-to-sender workbook, every CSV and workbook cell guarded against formula injection
 * ({@link io.sluice.core.export.FormulaGuard}). Entry classes: {@link io.sluice.core.export.ReviewExports},
 * {@link io.sluice.core.export.FindingsWriter}, {@link io.sluice.core.export.HtmlReportWriter},
 * {@link io.sluice.core.export.ApprovedRowsCsvWriter} and {@link io.sluice.core.export.BackToSenderWriter}. It may
 * depend on any other core package except {@code core.usecase}.
 */
package io.sluice.core.export;
