package io.sluice.core.commit;

import io.sluice.core.SluiceException;

/** Approved values cannot be stored in their columns: the import was refused and nothing was written. */
public final class UnstorableValuesException extends SluiceException {

    UnstorableValuesException(String message) {
        super(Kind.INPUT, message);
    }
}
