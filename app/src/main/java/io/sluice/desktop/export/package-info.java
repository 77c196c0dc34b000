/**
 * Exports from the desktop: approved and rejected rows, findings, the report and the back-to-sender workbook of the
 * open review, each through the use case {@code core.usecase.ExportRows}.
 * {@link io.sluice.desktop.export.ExportMenu} offers them, {@link io.sluice.desktop.export.ExportViewModel} runs them
 * in the background. It depends on the use cases, core values, {@code io.sluice.desktop} and
 * {@code io.sluice.desktop.task}.
 */
package io.sluice.desktop.export;
