package io.sluice.desktop.history;

import io.sluice.desktop.DialogService;

/**
 * The question before a rollback: what it deletes and restores, or, when later batches changed the same rows, that
 * it takes them back too (a cascade), newest first.
 */
final class RollbackQuestion {

    private RollbackQuestion() {
    }

    /** True when the steward confirmed the rollback the preview describes. */
    static boolean confirmed(DialogService dialogs, RollbackPreview preview) {
        long batch = preview.batch().id();
        return preview.needsCascade()
                ? dialogs.confirm("Roll back batch " + batch + " with the later batches?", preview.refusal(),
                "Roll back with later batches (cascade)")
                : dialogs.confirm("Roll back batch " + batch + "?", preview.consequences(), "Roll back");
    }
}
