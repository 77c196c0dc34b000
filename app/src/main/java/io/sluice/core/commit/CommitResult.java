package io.sluice.core.commit;

import java.time.Duration;

/** A committed import batch: its id, what it did to the target rows, and how long it took. */
public record CommitResult(long batchId, long inserted, long updated, long skipped, Duration took) {
}
