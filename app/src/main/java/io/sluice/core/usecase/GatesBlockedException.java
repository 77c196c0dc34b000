package io.sluice.core.usecase;

import io.sluice.core.commit.RefusedImportException;
import io.sluice.core.validate.GateResult;

import java.util.List;
import java.util.stream.Collectors;

/** An import refused by a failed blocking quality gate: nothing was written and no batch was recorded. */
public final class GatesBlockedException extends RefusedImportException {

    private final List<GateResult> failed;

    GatesBlockedException(List<GateResult> failed) {
        super("The import is refused by " + (failed.size() == 1 ? "a blocking quality gate"
                : failed.size() + " blocking quality gates") + " (" + failed.stream().map(GateResult::line)
                .collect(Collectors.joining("; ")) + "); nothing was written.");
        this.failed = List.copyOf(failed);
    }

    /** The blocking gates that failed, in the profile's order. */
    public List<GateResult> failed() {
        return failed;
    }
}
