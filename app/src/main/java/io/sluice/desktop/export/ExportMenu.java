package io.sluice.desktop.export;

import io.sluice.core.export.CsvOptions;
import io.sluice.desktop.AppContext;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Fills the main window's File ▸ Export menu: one item per {@link ExportKind}, enabled while a review is open. */
public final class ExportMenu {

    private final AppContext context;
    private final ExportViewModel model;

    private ExportMenu(AppContext context) {
        this.context = context;
        this.model = new ExportViewModel(context.workbench(), context.tasks());
    }

    /** Adds the export items to {@code menu}. */
    public static ExportMenu install(Menu menu, AppContext context) {
        ExportMenu exports = new ExportMenu(context);
        menu.disableProperty().bind(exports.model.availableBinding().not());
        exports.model.lastResultProperty().addListener((obs, old, text) -> {
            if (!text.isEmpty()) {
                exports.finished(text);
            }
        });
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

    private void finished(String text) {
        Alert done = new Alert(Alert.AlertType.INFORMATION, text);
        done.initOwner(context.window().get());
        done.setTitle("Sluice");
        done.setHeaderText("Export finished");
        done.getDialogPane().setId("export-finished");
        done.show();
    }

    private void export(ExportKind kind) {
        Optional<CsvOptions> options = kind.usesCsvOptions()
                ? ExportOptionsDialog.ask(context.window().get(), kind) : Optional.of(CsvOptions.DEFAULTS);
        if (options.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + kind.what());
        chooser.setInitialFileName(model.suggestedName(kind));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                kind.extension().toUpperCase(Locale.ROOT) + " files", "*." + kind.extension()));
        Path last = context.settings().lastDirectory();
        if (last != null && Files.isDirectory(last)) {
            chooser.setInitialDirectory(last.toFile());
        }
        File file = chooser.showSaveDialog(context.window().get());
        if (file != null) {
            model.export(kind, options.get(), file.toPath());
        }
    }
}
