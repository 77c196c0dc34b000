package io.sluice.core.commit;

/** What a commit would do (dry run): rows it would insert, update and skip. */
public record CommitPlan(long toInsert, long toUpdate, long toSkip) {

    /** Whether the import would leave the table as it is (every row skipped): it is then refused. */
    public boolean changesNothing() {
        return toInsert == 0 && toUpdate == 0;
    }
}
