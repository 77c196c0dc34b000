package io.sluice.core.commit;

import io.sluice.core.SluiceException;

/** No row reached the import (none approved, none valid): nothing was written and no batch was recorded. */
public final class NothingToImportException extends SluiceException {

    public NothingToImportException(String message) {
        super(Kind.INPUT, message);
    }
}
