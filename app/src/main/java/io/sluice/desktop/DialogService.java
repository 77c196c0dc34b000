package io.sluice.desktop;

import java.util.List;
import java.util.Optional;

/**
 * The questions the desktop asks the steward before it acts. View models ask through this, so what they do after a
 * yes or a no is tested with plain JUnit and a scripted answer; {@link FxDialogService} shows the real dialogs.
 */
public interface DialogService {

    /** Asks before something that is hard to take back; true when the steward chose {@code confirmLabel}. */
    boolean confirm(String header, String text, String confirmLabel);

    /**
     * As {@link #confirm(String, String, String)}, the other (default) answer saying what it does, e.g. "Wait";
     * true when the steward chose {@code confirmLabel}.
     */
    default boolean confirm(String header, String text, String confirmLabel, String declineLabel) {
        return confirm(header, text, confirmLabel);
    }

    /** Asks why, e.g. for a rejection; empty when cancelled, never blank. */
    Optional<String> askReason(String header, String prompt, String initial);

    /** Tells the steward something that needs no answer. */
    void inform(String header, String text);

    /** One field of a form: a line of text, or a choice among {@code choices} when there are any. */
    record Field(String label, String initial, List<String> choices) {

        public Field {
            initial = initial == null ? "" : initial;
            choices = List.copyOf(choices);
        }

        public static Field text(String label, String initial) {
            return new Field(label, initial, List.of());
        }

        public static Field choice(String label, List<String> choices) {
            return new Field(label, choices.get(0), choices);
        }
    }

    /** Asks for several values at once; the answers in the fields' order, empty when cancelled. */
    default Optional<List<String>> askForm(String header, String text, List<Field> fields) {
        return askForm(header, text, fields, "OK");
    }

    /**
     * Asks for several values at once, the form's confirming button saying what it does ({@code confirmLabel}, e.g.
     * "Delete"); the answers in the fields' order, empty when cancelled.
     */
    Optional<List<String>> askForm(String header, String text, List<Field> fields, String confirmLabel);
}
