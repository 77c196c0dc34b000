package io.sluice.core.commit;

import java.util.Iterator;

/**
 * Approved rows streamed from a file or a review cursor: the commit closes it when it stops early (cancel, conflict,
 * failure), so the file or cursor behind it is never left open.
 */
public interface ApprovedRowIterator extends Iterator<ApprovedRow>, AutoCloseable {

    /** Closes the file or cursor the rows come from; closing twice does nothing. */
    @Override
    void close();
}
