/**
 * Exports from the desktop: approved and rejected rows, reports and the back-to-sender workbook.
 * {@link io.sluice.desktop.export.ExportMenu} offers them, {@link io.sluice.desktop.export.ExportViewModel} runs them
 * in the background. It depends on core values ({@code core.export}, {@code core.review}, {@code core.database}),
 * {@code io.sluice.desktop} and {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.export;
