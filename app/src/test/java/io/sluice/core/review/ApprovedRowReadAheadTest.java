package io.sluice.core.review;

import io.sluice.core.SluiceException;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.ApprovedRowIterator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows read ahead arrive all and in order; a reading failure reaches the consumer; closing early stops the reader. */
class ApprovedRowReadAheadTest {

    /** Rows 1..count, counting how many were read and whether the source was closed, and on which thread. */
    private static final class Source implements ApprovedRowIterator {
        final long count;
        final long failAt;
        final AtomicLong read = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile String closedOn;

        Source(long count, long failAt) {
            this.count = count;
            this.failAt = failAt;
        }

        @Override
        public boolean hasNext() {
            return read.get() < count;
        }

        @Override
        public ApprovedRow next() {
            long n = read.incrementAndGet();
            if (n == failAt) {
                throw SluiceException.input("The review r.sluice is damaged: a stored cell cannot be read back.");
            }
            return new ApprovedRow(n, null, null);
        }

        @Override
        public void close() {
            closedOn = Thread.currentThread().getName();
            closed.set(true);
        }
    }

    @Test
    void everyRowArrivesInSourceOrderAndTheReaderClosesItsCursor() {
        Source source = new Source(2_345, -1);
        List<Long> rows = new ArrayList<>();
        try (ApprovedRowReadAhead ahead = new ApprovedRowReadAhead(source)) {
            ahead.forEachRemaining(row -> rows.add(row.sourceRow()));
            assertThat(ahead.hasNext()).isFalse();
        }
        assertThat(rows).hasSize(2_345).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(2_345L);
        assertThat(source.closed).isTrue();
        assertThat(source.closedOn).isEqualTo("sluice-review-reader");
    }

    @Test
    void aReadingFailureIsThrownToTheConsumerWithItsSentence() {
        Source source = new Source(5_000, 1_234);
        List<Long> rows = new ArrayList<>();
        try (ApprovedRowReadAhead ahead = new ApprovedRowReadAhead(source)) {
            assertThatThrownBy(() -> ahead.forEachRemaining(row -> rows.add(row.sourceRow())))
                    .isInstanceOf(SluiceException.class).hasMessageContaining("is damaged");
        }
        assertThat(rows).as("the rows before the failure").hasSize(1_000);
        assertThat(source.closed).isTrue();
    }

    @Test
    void closingEarlyStopsTheReaderAndClosesItsCursorBeforeReturning() {
        Source source = new Source(1_000_000, -1);
        ApprovedRowReadAhead ahead = new ApprovedRowReadAhead(source);
        assertThat(ahead.next().sourceRow()).isEqualTo(1);

        ahead.close();

        assertThat(source.closed).as("closed when close() returns").isTrue();
        assertThat(source.read.get()).as("read at most a few chunks ahead").isLessThan(10_000);
        assertThat(ahead.hasNext()).isFalse();
    }
}
