package io.sluice.core.commit;

import io.sluice.core.SluiceException;
import io.sluice.core.rules.Finding;

import java.util.List;

/**
 * The live target disagrees with the approved rows (a key taken since validation in insert mode, a missing foreign-key
 * parent): nothing was written; {@link #findings()} say which rows and why.
 */
public final class CommitConflictException extends SluiceException {

    private final transient List<Finding> findings;

    public CommitConflictException(String message, List<Finding> findings) {
        super(Kind.INPUT, message);
        this.findings = List.copyOf(findings);
    }

    /** One finding per conflicting row and reason, in the order found (at most the first 1,000). */
    public List<Finding> findings() {
        return findings;
    }
}
