package io.sluice.desktop;

import java.util.Optional;

/**
 * The questions the desktop asks the steward before it acts. View models ask through this, so what they do after a
 * yes or a no is tested with plain JUnit and a scripted answer; {@link FxDialogService} shows the real dialogs.
 */
public interface DialogService {

    /** Asks before something that is hard to take back; true when the steward chose {@code confirmLabel}. */
    boolean confirm(String header, String text, String confirmLabel);

    /** Asks why, e.g. for a rejection; empty when cancelled, never blank. */
    Optional<String> askReason(String header, String prompt, String initial);

    /** Tells the steward something that needs no answer. */
    void inform(String header, String text);
}
