package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link StripedCounter} on one thread: packing good and total, when it asks for a flush, spilling and draining. */
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
    void addBatch_pastFlushAtWithNoDrain_spillsInsteadOfCarryingOver() {
        // Nobody drains (BUSY): 2^33 good events in batches of 2^24 (512 batches) are eight times what a
        // 32-bit half holds. The first 64 batches (2^30) fill the stripe to FLUSH_AT; the other 448 find
        // it there and go to the 64-bit spill. One drain takes them all, good and total alike.
        StripedCounter counter = new StripedCounter(1);
        long batches = (1L << 33) / StripedCounter.MAX_BATCH;
        for (long i = 0; i < batches; i++) {
            boolean flush = counter.addBatch(StripedCounter.MAX_BATCH, StripedCounter.MAX_BATCH, BUSY);
            assertEquals(i >= 64, flush, "batch " + i);
        }
        long[] into = new long[2];
        counter.drainInto(into);
        assertArrayEquals(new long[] {1L << 33, 1L << 33}, into);
        counter.drainInto(into);
        assertArrayEquals(new long[] {1L << 33, 1L << 33}, into, "a second drain finds nothing left");
    }

    @Test
    void add_belowFlushAt_asksNothing() {
        StripedCounter counter = new StripedCounter(1);
        assertFalse(counter.add(StripedCounter.GOOD_EVENT, BUSY));
        assertTrue(counter.stripeCount() >= 1);
    }
}
