package io.sluice.desktop;

import javafx.stage.Window;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The dialogs as JavaFX windows owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String header, String text, String confirmLabel) {
        return Dialogs.confirm(owner.get(), header, text, confirmLabel);
    }

    @Override
    public boolean confirm(String header, String text, String confirmLabel, String declineLabel) {
        return Dialogs.confirm(owner.get(), header, text, confirmLabel, declineLabel);
    }

    @Override
    public Optional<String> askReason(String header, String prompt, String initial) {
        return Dialogs.askText(owner.get(), header, prompt, initial);
    }

    @Override
    public void inform(String header, String text) {
        Dialogs.inform(owner.get(), header, text);
    }

    @Override
    public Optional<List<String>> askForm(String header, String text, List<Field> fields) {
        return Dialogs.askForm(owner.get(), header, text, fields);
    }

    @Override
    public Optional<List<String>> askForm(String header, String text, List<Field> fields, String confirmLabel) {
        return Dialogs.askForm(owner.get(), header, text, fields, confirmLabel);
    }
}
