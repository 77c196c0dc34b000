package io.sluice.core.commit;

/** What a commit would do (dry run): rows it would insert, update and skip. */
public record CommitPlan(long toInsert, long toUpdate, long toSkip) {
}
