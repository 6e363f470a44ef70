package dev.slo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;

/*
 * The recorder behind an SLO budgeted by time slices (Budgeting.Timeslices / RatioTimeslices): judges
 * each slice good or bad when it closes and counts the verdicts into time tiers, so that error
 * budgets, burn rates and alerts count slices instead of events. Package-private.
 *
 * Assumptions and guarantees
 *  - Writers (record) may be any number of threads. They are lock-free and allocate nothing: a
 *    writer reads one volatile (openSlice), reads the state word and CASes it. The first writer to
 *    see a new slice closes the old one by a CAS on the same word, hands its counts to the mailbox
 *    and tries the lock (tryLock, never waiting) to judge it. A writer waits only in the
 *    pathological case of 64 unabsorbed hand-offs at once, and then only spins while draining the
 *    mailbox itself, so the system as a whole always progresses.
 *  - Readers (query methods) take the lock (they may wait for each other, never for a writer),
 *    close the open slice if its end has passed, judge what is ready and read the tiers.
 *  - Exactness: every reading (event or gauge reading) is counted exactly once, in the slice of the
 *    clock reading it was recorded with, or, when it raced the close of that slice, in the next one
 *    (the newest, never an older one). Single-threaded, slice assignment is exact. A clock that went
 *    back counts in the open slice.
 *  - A slice counts once the clock reaches its end (a query or the next reading closes it). A slice
 *    is judged only when no hand-off is in flight, so a verdict never misses counts handed off late.
 *
 * Algorithm
 *  The open slice lives in one 64-bit word: slice tag (low 16 bits of the slice index) | good (24
 *  bits) | total (24 bits). openSlice holds the full index of the slice the word held at the last
 *  close (it may lag the word by the closes in flight, never by 65536 slices), so a writer recovers
 *  the word's full index as openSlice + ((tag - openSlice) mod 2^16). A writer whose slice is at or
 *  before the word's adds to the word; one whose slice is newer swaps in a fresh word for its slice
 *  and hands off the old counts. Before a count field could overflow (2^24 - 1 per slice), a writer
 *  spills the word's counts into the mailbox for the same slice and goes on from zero.
 *  Hand-offs (closes and spills) are counted in handoffsInFlight from before their CAS until they are
 *  in the mailbox. The judge reads openSlice, then handoffsInFlight; if none is in flight, every slice
 *  before that openSlice has all its counts in the mailbox, and is judged: good when good/total
 *  reaches sliceTarget (1.0: every reading good), or, for ratio budgeting, its ratio is kept.
 *  A verdict is added to the tier bucket holding the slice's start (TimeTier.add): tiers of 10 s x 36,
 *  1 min x 360 and 1 h x (history), as in EventRecorder, so a 7-day window of 1-minute slices costs
 *  about 18 KB instead of 10080 individual slices. For ratio budgeting a bucket's good cell holds the
 *  sum of its slices' ratios in 32.32 fixed point and its total cell packs slices (high 32 bits) with
 *  slices whose every event was good (low 32 bits).
 *
 * References: OpenSLO v1 budgetingMethod (Occurrences, Timeslices, RatioTimeslices); the tagged-word
 *  technique of epoch-based counters; Sentinel's LeapArray (a window start kept with its counts).
 */
final class SliceRecorder {
    private static final int TAG_SHIFT = 48;
    private static final long TAG_MASK = 0xFFFFL;
    private static final int GOOD_SHIFT = 24;
    private static final long COUNT_MASK = (1L << 24) - 1;
    private static final long COUNTS_MASK = (1L << TAG_SHIFT) - 1;
    /** The most one call may add: keeps a single add well inside a count field. */
    static final long MAX_BATCH = 1L << 20;
    static final double RATIO_SCALE = 4_294_967_296.0;   // 2^32
    private static final int MAILBOX = 64;
    private static final int PENDING = 16;
    private static final long EMPTY = 0;
    private static final long CLAIMED = 1;
    private static final long READY = 2;

    private static final VarHandle STATE;
    private static final VarHandle OPEN_SLICE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(SliceRecorder.class, "state", long.class);
            OPEN_SLICE = lookup.findVarHandle(SliceRecorder.class, "openSlice", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long sliceMillis;
    /** A slice is good when good/total reaches this (1.0: all good). Unused for ratio budgeting. */
    private final double sliceTarget;
    private final boolean ratio;
    private final ReentrantLock lock = new ReentrantLock();
    /** tag | good | total of the open slice. */
    private volatile long state;
    /** The full index of the slice in the state word as of the last close; only ever grows. */
    private volatile long openSlice;
    private final AtomicInteger handoffsInFlight = new AtomicInteger();
    /** Hand-offs: [3i] EMPTY / CLAIMED / READY, [3i+1] slice index, [3i+2] good << 24 | total. */
    private final AtomicLongArray mailbox = new AtomicLongArray(3 * MAILBOX);

    // ---- lock-side state
    private final long[] pendingSlice = new long[PENDING];
    private final long[] pendingGood = new long[PENDING];
    private final long[] pendingTotal = new long[PENDING];
    private int pendingCount;
    /** Finest first; verdicts by slice start. */
    private final TimeTier[] tiers;

    /**
     * @param sliceMillis     the slice length
     * @param sliceTarget     in (0,1]; ignored when {@code ratio}
     * @param ratio           true for ratio-timeslices budgeting
     * @param longestLookBack the longest window or alert look-back asked about
     */
    SliceRecorder(Clock clock, long sliceMillis, double sliceTarget, boolean ratio, Duration longestLookBack) {
        this.sliceMillis = sliceMillis;
        this.sliceTarget = sliceTarget;
        this.ratio = ratio;
        long now = clock.millis();
        long open = Math.floorDiv(now, sliceMillis);
        this.openSlice = open;
        this.state = tagOf(open);
        this.tiers = EventRecorder.newTiers(now, longestLookBack, false);
    }

    private static long tagOf(long slice) {
        return (slice & TAG_MASK) << TAG_SHIFT;
    }

    private static long good(long word) {
        return (word >>> GOOD_SHIFT) & COUNT_MASK;
    }

    private static long total(long word) {
        return word & COUNT_MASK;
    }

    /** The full index of the slice {@code word} holds, given openSlice read before it. */
    private static long fullIndex(long open, long word) {
        return open + (((word >>> TAG_SHIFT) - open) & TAG_MASK);
    }

    // ---------------------------------------------------------------- writers (lock-free)

    /**
     * Counts {@code good} good readings out of {@code total} at clock reading {@code now}.
     * Both at most {@link #MAX_BATCH}, {@code good <= total}. Lock-free, allocation-free.
     */
    void record(long now, long good, long total) {
        long slice = Math.floorDiv(now, sliceMillis);
        long increment = (good << GOOD_SHIFT) | total;
        for (;;) {
            long open = openSlice;                        // volatile read BEFORE the word: see fullIndex
            long word = state;
            long current = fullIndex(open, word);
            if (slice <= current) {                       // this slice, or it raced a close / the clock went back: newest slice
                if (total(word) + total > COUNT_MASK) {
                    spill(word, current);
                    continue;
                }
                if (STATE.compareAndSet(this, word, word + increment)) {
                    return;
                }
            } else if (close(word, current, slice, increment)) {
                tryAbsorb(now);
                return;
            }
        }
    }

    /**
     * Swaps {@code word} (slice {@code current}) for a fresh word of {@code slice} holding
     * {@code increment}, and hands off the old counts. False if the word changed meanwhile.
     */
    private boolean close(long word, long current, long slice, long increment) {
        handoffsInFlight.incrementAndGet();               // before the CAS: the judge must not pass over this hand-off
        try {
            if (!STATE.compareAndSet(this, word, tagOf(slice) | increment)) {
                return false;
            }
            if ((word & COUNTS_MASK) != 0) {
                publish(current, word & COUNTS_MASK);     // into the mailbox before openSlice moves past it
            }
            raiseOpenSlice(slice);
            return true;
        } finally {
            handoffsInFlight.decrementAndGet();
        }
    }

    /** Moves the open slice's counts to the mailbox (same slice) before a count field could overflow. */
    private void spill(long word, long current) {
        handoffsInFlight.incrementAndGet();
        try {
            if (STATE.compareAndSet(this, word, word & ~COUNTS_MASK)) {
                publish(current, word & COUNTS_MASK);
            }
        } finally {
            handoffsInFlight.decrementAndGet();
        }
    }

    private void raiseOpenSlice(long slice) {
        for (;;) {
            long open = openSlice;
            if (open >= slice || OPEN_SLICE.compareAndSet(this, open, slice)) {
                return;
            }
        }
    }

    private void publish(long slice, long counts) {
        for (;;) {
            for (int i = 0; i < MAILBOX; i++) {
                int key = 3 * i;
                if (mailbox.get(key) == EMPTY && mailbox.compareAndSet(key, EMPTY, CLAIMED)) {
                    mailbox.set(key + 1, slice);
                    mailbox.set(key + 2, counts);
                    mailbox.set(key, READY);              // volatile write publishes the two fields above
                    return;
                }
            }
            if (lock.tryLock()) {                         // every slot taken: drain them ourselves (reentrant for a reader)
                try {
                    drainMailbox();
                } finally {
                    lock.unlock();
                }
            }
            Thread.onSpinWait();
        }
    }

    private void tryAbsorb(long now) {
        if (lock.tryLock()) {                             // losers never wait: the next query or close judges it
            try {
                absorb(now);
            } finally {
                lock.unlock();
            }
        }
    }

    // ---------------------------------------------------------------- under the lock

    /** Judges every slice before openSlice once no hand-off is in flight. Lock held. */
    private void absorb(long now) {
        long open = openSlice;                            // read before handoffsInFlight: see class notes
        int inFlight = handoffsInFlight.get();
        drainMailbox();
        advanceTiers(now);
        for (int i = 0; i < pendingCount; ) {
            if (inFlight == 0 && pendingSlice[i] < open) {
                judge(pendingSlice[i], pendingGood[i], pendingTotal[i]);
                removePending(i);
            } else {
                i++;
            }
        }
    }

    private void drainMailbox() {
        for (int i = 0; i < MAILBOX; i++) {
            int key = 3 * i;
            if (mailbox.get(key) == READY) {
                long slice = mailbox.get(key + 1);
                long counts = mailbox.get(key + 2);
                mailbox.set(key, EMPTY);
                addPending(slice, good(counts), total(counts));
            }
        }
    }

    private void addPending(long slice, long good, long total) {
        for (int i = 0; i < pendingCount; i++) {
            if (pendingSlice[i] == slice) {
                pendingGood[i] += good;
                pendingTotal[i] += total;
                return;
            }
        }
        if (pendingCount == PENDING) {                    // only while hand-offs stay in flight for 16 slices: judge the oldest now
            int oldest = 0;
            for (int i = 1; i < pendingCount; i++) {
                if (pendingSlice[i] < pendingSlice[oldest]) {
                    oldest = i;
                }
            }
            judge(pendingSlice[oldest], pendingGood[oldest], pendingTotal[oldest]);
            removePending(oldest);
        }
        pendingSlice[pendingCount] = slice;
        pendingGood[pendingCount] = good;
        pendingTotal[pendingCount] = total;
        pendingCount++;
    }

    private void removePending(int i) {
        pendingCount--;
        pendingSlice[i] = pendingSlice[pendingCount];
        pendingGood[i] = pendingGood[pendingCount];
        pendingTotal[i] = pendingTotal[pendingCount];
    }

    private void judge(long slice, long good, long total) {
        if (total == 0) {
            return;
        }
        long start = slice * sliceMillis;
        advanceTiers(start);
        long goodCell;
        long totalCell;
        if (ratio) {
            goodCell = Math.round((double) good / total * RATIO_SCALE);
            totalCell = (1L << 32) | (good == total ? 1 : 0);
        } else {
            goodCell = isGood(good, total) ? 1 : 0;
            totalCell = 1;
        }
        for (TimeTier tier : tiers) {
            tier.add(Math.floorDiv(start, tier.lengthMillis), goodCell, totalCell);
        }
    }

    private boolean isGood(long good, long total) {
        return sliceTarget >= 1.0 ? good == total : (double) good / total >= sliceTarget;
    }

    private void advanceTiers(long now) {
        for (TimeTier tier : tiers) {
            if (now >= tier.openEndMillis) {
                tier.advanceTo(now);
            }
        }
    }

    /** Closes the open slice if {@code now} is past its end, judges what is ready. Lock held. */
    private long catchUp(long now) {
        long slice = Math.floorDiv(now, sliceMillis);
        for (;;) {
            long open = openSlice;
            long word = state;
            long current = fullIndex(open, word);
            if (slice <= current || close(word, current, slice, 0)) {
                break;
            }
        }
        absorb(now);
        return Math.max(now, tiers[0].openStartMillis());
    }

    // ---------------------------------------------------------------- readers

    /** Slice counts: {@code good} good slices (ratio budgeting: slices with every event good), {@code total} slices with data, {@code ratioSum} the sum of their ratios (good slices when not ratio). */
    record Counts(long good, long total, double ratioSum) {
        static final Counts EMPTY_COUNTS = new Counts(0, 0, 0);
    }

    /** For each look-back {@code w}: the closed slices whose start is at or after {@code now - w}. */
    Counts[] sumLookBacks(long now, long[] lookBackMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            Counts[] out = new Counts[lookBackMillis.length];
            for (int i = 0; i < lookBackMillis.length; i++) {
                out[i] = sumFromTime(effectiveNow - lookBackMillis[i], lookBackMillis[i]);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The closed slices whose start is at or after {@code startMillis}. */
    Counts sumSince(long now, long startMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            return sumFromTime(startMillis, Math.max(1, effectiveNow - startMillis));
        } finally {
            lock.unlock();
        }
    }

    private Counts sumFromTime(long startMillis, long span) {
        TimeTier tier = tiers[tiers.length - 1];
        for (TimeTier t : tiers) {
            if (span <= t.spanMillis()) {
                tier = t;
                break;
            }
        }
        long from = -Math.floorDiv(-startMillis, tier.lengthMillis);   // first bucket starting at or after start
        long[] sum = new long[2];
        tier.sumFrom(from, sum);
        if (ratio) {
            return new Counts(sum[1] & 0xFFFF_FFFFL, sum[1] >>> 32, sum[0] / RATIO_SCALE);
        }
        return new Counts(sum[0], sum[1], sum[0]);
    }

    long sliceMillis() {
        return sliceMillis;
    }

    /** Bytes held, approximately. */
    long footprintBytes() {
        long bytes = 96 + 16 + 8L * 3 * MAILBOX + 3 * (16 + 8L * PENDING);
        for (TimeTier tier : tiers) {
            bytes += tier.footprintBytes();
        }
        return bytes;
    }
}
