package io.sluice.core.review;

import java.time.Clock;
import java.time.Instant;

/**
 * Who acts on a review or a batch, and the clock that says when: {@link #current()} is the one place the steward's
 * name comes from, for decisions, edits, imports and rollbacks alike.
 */
public record Steward(String name, Clock clock) {

    /** The operating-system user, as recorded with every decision, edit, import and rollback. */
    public static Steward current() {
        String user = System.getProperty("user.name");
        return new Steward(user == null || user.isBlank() ? "unknown" : user, Clock.systemUTC());
    }

    Instant now() {
        return clock.instant();
    }
}
