package io.sluice.desktop.export;

import io.sluice.core.export.CsvOptions;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** Fills the main window's File ▸ Export menu: one item per {@link ExportKind}, enabled while a review is open. */
public final class ExportMenu {

    private final ExportViewModel model;
    private final Supplier<Window> window;
    private final Supplier<Path> lastDirectory;

    private ExportMenu(ExportViewModel model, Supplier<Window> window, Supplier<Path> lastDirectory) {
        this.model = model;
        this.window = window;
        this.lastDirectory = lastDirectory;
    }

    /**
     * Adds the export items to {@code menu}; the dialogs are owned by {@code window}, the save dialog starts in
     * {@code lastDirectory} (null: anywhere).
     */
    public static ExportMenu install(Menu menu, ExportViewModel model, Supplier<Window> window,
                                     Supplier<Path> lastDirectory) {
        ExportMenu exports = new ExportMenu(model, window, lastDirectory);
        menu.disableProperty().bind(model.availableBinding().not());
        for (ExportKind kind : ExportKind.values()) {
            MenuItem item = new MenuItem(kind.menuLabel());
            item.setId("export-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setOnAction(e -> exports.export(kind));
            menu.getItems().add(item);
        }
        return exports;
    }

    public ExportViewModel model() {
        return model;
    }

    private void export(ExportKind kind) {
        Optional<ExportOptionsDialog.Choice> options = kind.usesCsvOptions() || kind.showsOriginalValues()
                ? ExportOptionsDialog.ask(window.get(), kind)
                : Optional.of(new ExportOptionsDialog.Choice(CsvOptions.DEFAULTS, false));
        if (options.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind.what());
        chooser.setInitialFileName(model.suggestedName(kind));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                kind.extension().toUpperCase(Locale.ROOT) + " files", "*." + kind.extension()));
        Path last = lastDirectory.get();
        if (last != null) {
            chooser.setInitialDirectory(last.toFile());
        }
        File file = chooser.showSaveDialog(window.get());
        if (file != null) {
            model.export(kind, options.get().csv(), options.get().originalValues(), file.toPath());
        }
    }
}
