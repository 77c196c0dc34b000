package io.sluice.core.commit;

/** No row reached the import (none approved, none valid): nothing was written and no batch was recorded. */
public final class NothingToImportException extends RefusedImportException {

    public NothingToImportException(String message) {
        super(message);
    }
}
