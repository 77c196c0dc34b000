package io.sluice.core.commit;

import io.sluice.core.SluiceException;

/**
 * An import refused for a reason about its rows as a whole (no row to import, a failed blocking quality gate), which
 * an import that validates while it writes learns only at the end: the commit rolls back and, unlike a failure, does
 * not record a failed batch.
 */
public class RefusedImportException extends SluiceException {

    public RefusedImportException(String message) {
        super(Kind.INPUT, message);
    }
}
