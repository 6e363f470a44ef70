package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One ring of buckets: bucket k covers [k*length, (k+1)*length). */
final class TimeTierTest {

    private static long[] sumFrom(TimeTier tier, long from) {
        long[] out = new long[2];
        tier.sumFrom(from, out);
        return out;
    }

    private static long[] bucket(TimeTier tier, long index) {
        long[] out = new long[2];
        tier.bucket(index, out);
        return out;
    }

    private static void add(TimeTier tier, long good, long total) {
        tier.open[0] += good;
        tier.open[1] += total;
    }

    @Test
    void opensTheBucketHoldingNow() {
        TimeTier tier = new TimeTier(10, 4, 25);
        assertEquals(2, tier.openIndex);
        assertEquals(20, tier.openStartMillis());
        assertEquals(30, tier.openEndMillis);
        assertEquals(40, tier.spanMillis());
    }

    @Test
    void negativeTimes_floorToTheirBucket() {
        TimeTier tier = new TimeTier(10, 4, -1);
        assertEquals(-1, tier.openIndex);
        assertEquals(-10, tier.openStartMillis());
        assertEquals(0, tier.openEndMillis);
    }

    @Test
    void advance_sealsTheOpenBucket_andSumsSpanTheRing() {
        TimeTier tier = new TimeTier(10, 4, 0);
        add(tier, 1, 1);                                   // bucket 0
        tier.advanceTo(10);
        add(tier, 2, 3);                                   // bucket 1
        tier.advanceTo(25);
        add(tier, 0, 5);                                   // bucket 2 (open)
        assertArrayEquals(new long[] {1, 1}, bucket(tier, 0));
        assertArrayEquals(new long[] {2, 3}, bucket(tier, 1));
        assertArrayEquals(new long[] {0, 5}, bucket(tier, 2));
        assertArrayEquals(new long[] {3, 9}, sumFrom(tier, 0));
        assertArrayEquals(new long[] {2, 8}, sumFrom(tier, 1));
        assertArrayEquals(new long[] {0, 5}, sumFrom(tier, 2));
        assertArrayEquals(new long[] {0, 0}, sumFrom(tier, 3));
        assertArrayEquals(new long[] {3, 9}, sumFrom(tier, -100));   // clipped to the ring
    }

    @Test
    void skippedBuckets_areZero_andOldOnesLeaveTheRing() {
        TimeTier tier = new TimeTier(10, 4, 0);
        add(tier, 1, 1);
        tier.advanceTo(10);
        add(tier, 1, 2);
        tier.advanceTo(35);                                // skips bucket 2, opens 3
        assertArrayEquals(new long[] {0, 0}, bucket(tier, 2));
        assertArrayEquals(new long[] {2, 3}, sumFrom(tier, 0));
        tier.advanceTo(45);                                // opens 4: ring holds 0..3, bucket 0 just fits
        assertArrayEquals(new long[] {1, 1}, bucket(tier, 0));
        tier.advanceTo(55);                                // opens 5: bucket 0 has left
        assertArrayEquals(new long[] {0, 0}, bucket(tier, 0));
        assertArrayEquals(new long[] {1, 2}, sumFrom(tier, 0));
    }

    @Test
    void farJump_clearsEverySlot() {
        TimeTier tier = new TimeTier(10, 4, 0);
        for (int k = 0; k < 4; k++) {
            add(tier, 1, 1);
            tier.advanceTo(10L * (k + 1));
        }
        add(tier, 1, 1);
        tier.advanceTo(Long.MAX_VALUE / 2);                // ~4.6e17 buckets ahead: clears 4 slots, once
        assertArrayEquals(new long[] {0, 0}, sumFrom(tier, Long.MIN_VALUE / 2));
        assertEquals(Math.floorDiv(Long.MAX_VALUE / 2, 10L), tier.openIndex);
    }

    @Test
    void ringWrapsAround_slotReuseIsClean() {
        TimeTier tier = new TimeTier(10, 3, 0);
        for (int k = 0; k < 10; k++) {
            add(tier, k, k + 1);
            tier.advanceTo(10L * (k + 1));
        }
        // Open is bucket 10 (empty); ring holds 7, 8, 9.
        assertArrayEquals(new long[] {7, 8}, bucket(tier, 7));
        assertArrayEquals(new long[] {0, 0}, bucket(tier, 6));
        assertArrayEquals(new long[] {7 + 8 + 9, 8 + 9 + 10}, sumFrom(tier, 0));
    }
}
