/**
 * What the desktop's steps share, below them all: {@link io.sluice.desktop.Workbench} is the state the steps share,
 * {@link io.sluice.desktop.Step} and {@link io.sluice.desktop.StepView} what the main window hosts, questions to the
 * steward go through {@link io.sluice.desktop.DialogService}, {@link io.sluice.desktop.ReviewValidation} validates the
 * mapped source into a review (started in the Mapping step, shown in the Review step), and
 * {@link io.sluice.desktop.SettingsStore} remembers the settings. It depends on {@code io.sluice.core.usecase}, core
 * values, JavaFX, ControlsFX and {@code io.sluice.desktop.task}; never on a step, on {@code io.sluice.desktop.app},
 * on {@code io.sluice.cli}, picocli or {@code io.sluice.bench}.
 */
package io.sluice.desktop;
