package dev.slo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class StripedCounterTest {
    /** A roll lock somebody else always holds: nothing can drain early. */
    private static final StripedCounter.GrowLock BUSY = new StripedCounter.GrowLock() {
        @Override
        public boolean tryAcquire() {
            return false;
        }

        @Override
        public void release() {
            throw new AssertionError("never acquired");
        }
    };

    @Test
    void pack_keepsGoodAndTotalApart() {
        long packed = StripedCounter.pack(7, 11);
        assertEquals(7, StripedCounter.good(packed));
        assertEquals(11, StripedCounter.total(packed));
        assertEquals(StripedCounter.pack(1, 1), StripedCounter.GOOD_EVENT);
        assertEquals(StripedCounter.pack(0, 1), StripedCounter.BAD_EVENT);
    }

    @Test
    void drain_takesEverythingOnce() {
        StripedCounter counter = new StripedCounter(4);
        counter.add(StripedCounter.GOOD_EVENT, BUSY);
        counter.add(StripedCounter.BAD_EVENT, BUSY);
        counter.add(StripedCounter.pack(5, 9), BUSY);
        long[] into = new long[2];
        counter.drainInto(into);
        assertArrayEquals(new long[] {6, 11}, into);
        counter.drainInto(into);
        assertArrayEquals(new long[] {6, 11}, into);
    }

    @Test
    void add_asksForAFlush_fromFlushAtUntilTheHalfWouldOverflow() {
        // FLUSH_AT is 2^30 events in the high half; the half holds up to 2^32 - 1. A stripe at 2^31
        // events or more has its sign bit set: the request to drain must not stop there.
        StripedCounter counter = new StripedCounter(1);
        long batch = StripedCounter.pack(0, StripedCounter.MAX_BATCH);
        long events = 0;
        while (events + StripedCounter.MAX_BATCH < (1L << 32)) {
            boolean flush = counter.add(batch, BUSY);
            assertEquals(events >= (1L << 30), flush, "after " + events + " events");
            events += StripedCounter.MAX_BATCH;
        }
        long[] into = new long[2];
        counter.drainInto(into);
        assertEquals(events, into[1]);
        assertEquals(0, into[0]);
    }

    @Test
    void nearOverflow_fromThreeTimesTwoToThe30EventsInAStripe_untilDrained() {
        // 3 x 2^30 = 192 batches of 2^24: one batch short is not near; the 192nd makes it so.
        StripedCounter counter = new StripedCounter(1);
        long batch = StripedCounter.pack(StripedCounter.MAX_BATCH, StripedCounter.MAX_BATCH);
        for (int i = 0; i < 191; i++) {
            counter.add(batch, BUSY);
        }
        assertFalse(counter.nearOverflow());
        counter.add(batch, BUSY);
        assertTrue(counter.nearOverflow());
        long[] into = new long[2];
        counter.drainInto(into);
        assertFalse(counter.nearOverflow());
        assertArrayEquals(new long[] {3L << 30, 3L << 30}, into);
    }

    @Test
    void add_belowFlushAt_asksNothing() {
        StripedCounter counter = new StripedCounter(1);
        assertFalse(counter.add(StripedCounter.GOOD_EVENT, BUSY));
        assertTrue(counter.stripeCount() >= 1);
    }
}
