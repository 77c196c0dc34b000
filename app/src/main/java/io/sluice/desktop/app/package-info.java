/**
 * The desktop's composition root, above every step: {@link io.sluice.desktop.app.SluiceApp} is the JavaFX
 * application ({@link io.sluice.desktop.app.DesktopLauncher} checks for a display first, for {@code io.sluice.Main});
 * {@link io.sluice.desktop.app.DesktopShell} makes the shared pieces once and puts the main window on a stage;
 * {@link io.sluice.desktop.app.StepViews} builds each step's view model, with exactly what it needs, and its view;
 * {@link io.sluice.desktop.app.MainWindowController} and {@link io.sluice.desktop.app.MainWindowViewModel} are the
 * menus, the step navigation and the status bar. It may import every desktop package; none imports it.
 */
package io.sluice.desktop.app;
