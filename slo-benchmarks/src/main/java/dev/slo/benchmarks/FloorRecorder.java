package dev.slo.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;

/*
 * The floor that RecordBenchmark holds the real recorder against: the least work any time-bucketed
 * recorder of (success, latency) events must do per call, with nothing else.
 *
 * Per call: one clock read, one volatile read of the next bucket boundary and a compare (crossing it
 * only moves the boundary: no draining, no tiers, no lock), one atomic add of a packed good/total
 * pair and one atomic add to a log2 latency bin, both in the calling thread's stripe.
 *
 * Assumptions and guarantees
 *  - Any number of writer threads; record() is lock-free (two atomic adds, wait-free on x86) and
 *    allocates nothing. Counts are exact up to 2^32 events per stripe (the library drains its
 *    stripes every 10 s; the floor never does, so a long run wraps them: the cost stays the same).
 *    Reads (good, total, binCount) are for tests only and are not a consistent snapshot.
 *  - Stripes: a fixed power of two, chosen up front (no growth, no contention detection). A thread
 *    takes stripe (id * odd constant) mod stripes: multiplying by an odd number is a bijection mod a
 *    power of two, so threads with consecutive ids (as JMH's workers have) never share a stripe.
 *  - Memory layout: one long[]; a stripe is [good/total, bin 0 .. bin 64] followed by padding, so two
 *    stripes never share a cache line (nor an adjacent-line prefetch pair).
 *
 * Not part of the library: it keeps no history and cannot answer a query. It exists only to be measured.
 */
final class FloorRecorder {
    /** One bucket of the finest tier, as in the library: 10 seconds. */
    static final long BUCKET_MILLIS = 10_000L;
    /** Bins 0 .. 64: bin b holds latencies in [2^(b-1), 2^b) ns, bin 0 holds 0 ns. */
    static final int BINS = 65;

    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long GOOD_EVENT = (1L << 32) | 1L;
    private static final long BAD_EVENT = 1L << 32;
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;
    /** 16 longs = 128 bytes: two cache lines. */
    private static final int PAD = 16;
    /** 1 + 65 cells in use, then padding; a multiple of 16 longs. */
    private static final int STRIDE = 96;

    private final Clock clock;
    private final long thresholdNanos;
    private final int mask;
    private final long[] cells;
    /** Benign race: any writer that sees it passed moves it; all of them write the same value. */
    private volatile long nextBoundaryMillis;

    /**
     * @param stripes a power of two
     */
    FloorRecorder(Clock clock, long thresholdNanos, int stripes) {
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two, got " + stripes);
        }
        this.clock = clock;
        this.thresholdNanos = thresholdNanos;
        this.mask = stripes - 1;
        this.cells = new long[PAD + stripes * STRIDE];
        this.nextBoundaryMillis = boundaryAfter(clock.millis());
    }

    /** Counts one event: good when {@code success} and {@code latencyNanos <= threshold}. */
    void record(boolean success, long latencyNanos) {
        long now = clock.millis();
        if (now >= nextBoundaryMillis) {
            nextBoundaryMillis = boundaryAfter(now);
        }
        int base = PAD + ((int) (Thread.currentThread().getId() * GOLDEN) & mask) * STRIDE;
        boolean good = success & latencyNanos <= thresholdNanos;
        CELL.getAndAdd(cells, base, good ? GOOD_EVENT : BAD_EVENT);
        CELL.getAndAdd(cells, base + 1 + bin(latencyNanos), 1L);
    }

    /** The log2 bin of a latency: 0 for 0 ns, 64 - leading zeros otherwise (negative values land in 64). */
    static int bin(long latencyNanos) {
        return 64 - Long.numberOfLeadingZeros(latencyNanos);
    }

    long good() {
        long sum = 0;
        for (int s = 0; s <= mask; s++) {
            sum += (long) CELL.getVolatile(cells, PAD + s * STRIDE) & 0xFFFF_FFFFL;
        }
        return sum;
    }

    long total() {
        long sum = 0;
        for (int s = 0; s <= mask; s++) {
            sum += (long) CELL.getVolatile(cells, PAD + s * STRIDE) >>> 32;
        }
        return sum;
    }

    long binCount(int bin) {
        long sum = 0;
        for (int s = 0; s <= mask; s++) {
            sum += (long) CELL.getVolatile(cells, PAD + s * STRIDE + 1 + bin);
        }
        return sum;
    }

    private static long boundaryAfter(long nowMillis) {
        return (Math.floorDiv(nowMillis, BUCKET_MILLIS) + 1) * BUCKET_MILLIS;
    }
}
