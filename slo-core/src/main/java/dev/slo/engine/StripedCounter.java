package dev.slo.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/*
 * A striped pair of counters (good, total) that writers add to without locks and a single reader
 * drains. Lives inside EventRecorder; package-private.
 *
 * Assumptions and guarantees
 *  - Any number of writer threads call add() and addBatch(). Both are lock-free: one CAS on the
 *    writer's stripe, falling back to one atomic getAndAdd (wait-free on x86) after a failed CAS, or
 *    for a batch on a full stripe two getAndAdds on the spill cells. They never allocate and never
 *    wait; a failed CAS may grow the stripes, but only by a thread that wins the grow lock with
 *    tryLock.
 *  - drain() and peek() are called by one thread at a time (the caller holds the recorder's roll
 *    lock). drain() takes every count added before it, exactly once: each stripe is swapped to
 *    zero atomically, so an add either lands before the swap (and is drained now) or after it (and
 *    is drained next time).
 *
 * Algorithm
 *  Each stripe is one long holding both counts: total in the high 32 bits, good in the low 32 bits.
 *  One atomic add keeps them consistent (a reader can never see good > total). A stripe is drained
 *  on every bucket roll, so it only ever holds the events of one bucket; in case a clock stands still
 *  while billions of events arrive, a writer whose stripe passes 2^30 events asks the owner to drain
 *  early (FLUSH_AT), leaving three times that much headroom before the 32-bit fields could overflow.
 *  The owner drains with tryLock, so while another thread holds its lock (a long query) nobody
 *  drains, and batch writers (up to 2^24 events an add) could fill that headroom within microseconds.
 *  So a batch that finds its stripe past FLUSH_AT goes to the spill instead: two 64-bit cells that
 *  cannot carry over, one of good events and one of bad events (not a total: a drain may fall between
 *  a batch's two adds, and then the batch is split across two buckets, its bad events in one and its
 *  good in the next; with good and bad cells each part is consistent on its own, where a total cell
 *  would leave phantom bad events in one bucket and good > total in the next). Single events keep to
 *  their stripe: filling the headroom one event at a time takes billions of adds during one lock hold.
 *
 *  Writers pick a stripe by a multiplicative hash of their thread id and a salt. The table starts with
 *  one stripe (one cache line) and doubles on a failed CAS up to maxStripes; at that size a failed CAS
 *  changes the salt instead, re-spreading the threads. Stripes are padded objects, so two writers on
 *  different stripes never share a cache line.
 *
 * References: java.util.concurrent.atomic.LongAdder / Striped64 (striping, growth on contention),
 *  HdrHistogram's WriterReaderPhaser (one reader swapping what writers fill).
 */
final class StripedCounter {
    /** Added for one good event: one total, one good. */
    static final long GOOD_EVENT = (1L << 32) | 1L;
    /** Added for one bad event: one total. */
    static final long BAD_EVENT = 1L << 32;
    /** The largest count of either kind that one call to {@link #add} may carry. */
    static final long MAX_BATCH = 1L << 24;
    /** Past this many events in one stripe, the writer asks for an early drain (see class notes). */
    static final long FLUSH_AT = 1L << (32 + 30);

    private static final long LOW_MASK = 0xFFFF_FFFFL;
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private static final VarHandle SPILL_GOOD;
    private static final VarHandle SPILL_BAD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SPILL_GOOD = lookup.findVarHandle(StripedCounter.class, "spillGood", long.class);
            SPILL_BAD = lookup.findVarHandle(StripedCounter.class, "spillBad", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int maxStripes;
    /** Batches that found their stripe past FLUSH_AT (see class notes); rarely touched, so not padded. */
    private volatile long spillGood;
    private volatile long spillBad;
    private volatile Stripe[] stripes = { new Stripe() };
    /** Mixed into the stripe hash; changed when threads collide at full size. Benign race: read plainly. */
    private int salt;

    StripedCounter(int maxStripes) {
        this.maxStripes = maxStripes;
    }

    static long pack(long good, long total) {
        return (total << 32) | good;
    }

    static long good(long packed) {
        return packed & LOW_MASK;
    }

    static long total(long packed) {
        return packed >>> 32;
    }

    /**
     * Adds a packed increment ({@link #GOOD_EVENT}, {@link #BAD_EVENT} or {@link #pack} of at most
     * {@link #MAX_BATCH} events). Lock-free, allocation-free.
     *
     * @return true when the stripe is past {@link #FLUSH_AT} and the owner should drain soon
     */
    boolean add(long increment, GrowLock growLock) {
        Stripe[] table = stripes;
        Stripe stripe = table[index(table.length)];
        long before = stripe.value;                       // volatile read
        if (!Stripe.VALUE.compareAndSet(stripe, before, before + increment)) {
            before = (long) Stripe.VALUE.getAndAdd(stripe, increment);
            contended(table, growLock);
        }
        // Unsigned: at 2^31 events or more the packed value's sign bit is set, and a signed
        // comparison would stop asking for the drain just when it matters most.
        return Long.compareUnsigned(before, FLUSH_AT) >= 0;
    }

    /**
     * Adds a batch of {@code good} good events among {@code total}, each at most {@link #MAX_BATCH}:
     * to the writer's stripe, or to the spill when that stripe is past {@link #FLUSH_AT}, so that a
     * stripe never carries over however long a query holds the owner's lock. Lock-free, allocation-free.
     *
     * @return true when the owner should drain soon
     */
    boolean addBatch(long good, long total, GrowLock growLock) {
        Stripe[] table = stripes;
        Stripe stripe = table[index(table.length)];
        if (Long.compareUnsigned(stripe.value, FLUSH_AT) < 0) {      // volatile read
            return add(pack(good, total), growLock);
        }
        // Two adds: a drain between them splits the batch across adjacent buckets, each part consistent.
        SPILL_BAD.getAndAdd(this, total - good);
        SPILL_GOOD.getAndAdd(this, good);
        return true;
    }

    private int index(int length) {
        long h = (Thread.currentThread().getId() + salt) * GOLDEN;
        return (int) (h >>> 32) & (length - 1);
    }

    /** Called after a failed CAS: grow the table, or re-spread threads when it is full. Never waits. */
    private void contended(Stripe[] seen, GrowLock growLock) {
        if (!growLock.tryAcquire()) {
            return;                                       // someone else is busy: just go on
        }
        try {
            if (stripes != seen) {
                return;                                   // already grown since we looked
            }
            if (seen.length < maxStripes) {
                Stripe[] grown = new Stripe[seen.length * 2];
                System.arraycopy(seen, 0, grown, 0, seen.length);   // old stripes stay: no count is lost
                for (int i = seen.length; i < grown.length; i++) {
                    grown[i] = new Stripe();
                }
                stripes = grown;                          // volatile write publishes the new stripes
            } else {
                salt += 0x61C8_8647;                      // at full size: re-spread the threads
            }
        } finally {
            growLock.release();
        }
    }

    /** Drains into the two cells of {@code into}: [0] += good, [1] += total. Caller holds the lock. */
    void drainInto(long[] into) {
        long spilledGood = (long) SPILL_GOOD.getAndSet(this, 0L);
        long spilledBad = (long) SPILL_BAD.getAndSet(this, 0L);
        into[0] += spilledGood;                           // good <= total whatever the interleaving (see class notes)
        into[1] += spilledGood + spilledBad;
        for (Stripe stripe : stripes) {
            long v = (long) Stripe.VALUE.getAndSet(stripe, 0L);
            into[0] += good(v);
            into[1] += total(v);
        }
    }

    /** How many stripes are in use now. */
    int stripeCount() {
        return stripes.length;
    }

    /** Bytes held, approximately: each stripe is padded to two cache lines. */
    long footprintBytes() {
        return 32L + 4L * stripes.length + (long) stripes.length * Stripe.BYTES;
    }

    /** What the caller of {@link #add} holds: the owner's roll lock, tried and never waited on. */
    interface GrowLock {
        boolean tryAcquire();

        void release();
    }

    /** Padding so that a stripe's value sits alone on its cache line (and the adjacent-line prefetch pair). */
    abstract static class LeftPadding {
        long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    }

    abstract static class Value extends LeftPadding {
        volatile long value;
    }

    static final class Stripe extends Value {
        long q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

        static final int BYTES = 16 + 31 * 8;
        static final VarHandle VALUE;

        static {
            try {
                VALUE = MethodHandles.lookup().findVarHandle(Value.class, "value", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
