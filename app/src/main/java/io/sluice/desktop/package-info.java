/**
 * The JavaFX desktop: the application, the main window and what the steps share. {@link io.sluice.desktop.SluiceApp}
 * starts it ({@link io.sluice.desktop.DesktopLauncher} checks for a display first);
 * {@link io.sluice.desktop.MainWindowController} shows one {@link io.sluice.desktop.Step} at a time;
 * {@link io.sluice.desktop.Workbench} is the state the steps share and {@link io.sluice.desktop.AppContext} wires them
 * by constructor; dialogs go through {@link io.sluice.desktop.DialogService}. The desktop depends on
 * {@code io.sluice.core.usecase}, core values, JavaFX and ControlsFX, never on {@code io.sluice.cli}, picocli or
 * {@code io.sluice.bench}.
 */
package io.sluice.desktop;
