package io.sluice.core.review;

import java.time.Clock;
import java.time.Instant;

/** Who acts on a review, and the clock that says when. */
record Steward(String name, Clock clock) {

    /** The operating-system user, as recorded with every decision and edit. */
    static Steward current() {
        String user = System.getProperty("user.name");
        return new Steward(user == null || user.isBlank() ? "unknown" : user, Clock.systemUTC());
    }

    Instant now() {
        return clock.instant();
    }
}
