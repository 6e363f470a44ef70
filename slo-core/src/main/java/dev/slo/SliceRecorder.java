package dev.slo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/*
 * The recorder behind an SLO budgeted by time slices (Budgeting.Timeslices / RatioTimeslices): judges
 * each slice good or bad when it closes and counts the verdicts into time tiers, so that error
 * budgets, burn rates and alerts count slices instead of events. Package-private.
 *
 * Assumptions and guarantees
 *  - Writers (record) may be any number of threads. They are lock-free and allocate nothing: a
 *    writer reads openSlice, the state word and openSlice again (two volatile reads of openSlice and
 *    one of the word), and CASes the word. The first writer to see a new slice closes the old one by a
 *    CAS on the same word, hands its counts to the hand-off cells (TaggedCells, by slice index) and
 *    tries the lock (tryLock, never waiting) to judge it. No writer ever waits: hand-offs of one slice
 *    merge into its cells, so a huge import spilling many times while a query holds the lock needs
 *    two cells, not one per spill.
 *  - Readers (query methods) take the lock (they may wait for each other, never for a writer),
 *    close the open slice if its end has passed, judge what is ready and read the tiers.
 *  - Exactness: every reading (event or gauge reading) is counted exactly once, in the slice of the
 *    clock reading it was recorded with, or, when it raced the close of that slice, in the next one
 *    (the newest, never an older one). Single-threaded, slice assignment is exact. A clock that went
 *    back counts in the open slice.
 *  - A slice counts once the clock reaches its end (a query or the next reading closes it). A slice
 *    is judged only when no hand-off is in flight, so a verdict never misses counts handed off late,
 *    and it is judged once: its cells are emptied by the judge that reads them.
 *  - Readings past EventRecorder.LAST_MILLIS count at it (saturated).
 *
 * Algorithm
 *  The open slice lives in one 64-bit word: slice tag (low 16 bits of the slice index) | good (24
 *  bits) | total (24 bits). openSlice holds the full index of the slice the word held at the last
 *  close; it may lag the word by the closes in flight. Invariant: openSlice <= the word's slice <=
 *  openSlice + MAX_JUMP, because a close moves the word at most MAX_JUMP (2^15) slices past the
 *  openSlice its closer read (a larger jump of the clock is made in steps of MAX_JUMP empty slices),
 *  and openSlice only grows. A writer that reads the same openSlice before and after the word so
 *  recovers the word's full index as openSlice + ((tag - openSlice) mod 2^16), exactly, however far
 *  the clock jumps; if openSlice moved between its reads, it reads again. A writer whose slice is at
 *  or before the word's adds to the word; one whose slice is newer swaps in a fresh word for its
 *  slice and hands off the old counts. Before a count field could overflow (2^24 - 1 per slice), a
 *  writer spills the word's counts into the cells of the same slice and goes on from zero.
 *  Hand-offs (closes and spills) are counted in handoffsInFlight from before their CAS until they are
 *  in the cells. The judge reads openSlice, then handoffsInFlight; if none is in flight, every slice
 *  before that openSlice has all its counts in the cells (a later hand-off is of a word whose slice
 *  is at least that openSlice), and it is judged: good when good/total reaches sliceTarget (1.0:
 *  every reading good), or, for ratio budgeting, its ratio is kept. If hand-offs are in flight, the
 *  judge leaves every cell for the next absorb.
 *  The cells: 32 of good counts and 32 of totals, each keyed by slice index, 36-bit counts. More than
 *  32 distinct slices waiting during one lock hold (the clock crossing 32 slices with readings in
 *  each while a query is descheduled) merge into the nearest slice waiting.
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
    /** How far one close may move the word past the openSlice its closer read: half the tag's range. */
    static final long MAX_JUMP = 1L << 15;
    private static final int CELLS = 32;

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
    /** Hand-offs by slice index: the good counts and the totals of closed or spilled words. */
    private final TaggedCells handedGood = new TaggedCells(CELLS, 0);
    private final TaggedCells handedTotal = new TaggedCells(CELLS, 0);

    // ---- lock-side state: the slices being judged by one absorb (scratch)
    private final long[] judgedSlice = new long[2 * CELLS];
    private final long[] judgedGood = new long[2 * CELLS];
    private final long[] judgedTotal = new long[2 * CELLS];
    private int judgedCount;
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
        long now = Math.min(clock.millis(), EventRecorder.LAST_MILLIS);
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
        long slice = Math.floorDiv(Math.min(now, EventRecorder.LAST_MILLIS), sliceMillis);
        long increment = (good << GOOD_SHIFT) | total;
        for (;;) {
            long open = openSlice;                        // volatile reads around the word: see the class notes
            long word = state;
            if (openSlice != open) {
                continue;                                 // a close moved on meanwhile: the tag may be read wrongly
            }
            long current = fullIndex(open, word);
            if (slice > open + MAX_JUMP) {                // a far jump of the clock: close in steps (class notes)
                close(word, current, Math.max(current, open + MAX_JUMP), 0);
            } else if (slice <= current) {                       // this slice, or it raced a close / the clock went back: newest slice
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
        if (slice == current) {
            raiseOpenSlice(slice);                        // a step another writer took: help it publish, go on
            return true;
        }
        handoffsInFlight.incrementAndGet();               // before the CAS: the judge must not pass over this hand-off
        try {
            if (!STATE.compareAndSet(this, word, tagOf(slice) | increment)) {
                return false;
            }
            if ((word & COUNTS_MASK) != 0) {
                publish(current, word & COUNTS_MASK);     // into the cells before openSlice moves past it
            }
            raiseOpenSlice(slice);
            return true;
        } finally {
            handoffsInFlight.decrementAndGet();
        }
    }

    /** Moves the open slice's counts to the cells (same slice) before a count field could overflow. */
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

    /** Hands off the counts of {@code slice} to the cells. Lock-free, never waits. */
    private void publish(long slice, long counts) {
        if (good(counts) > 0) {
            handOff(handedGood, slice, good(counts));
        }
        handOff(handedTotal, slice, total(counts));       // a word is handed off only with counts
    }

    private static void handOff(TaggedCells cells, long slice, long count) {
        if (!cells.add(slice, 0, count) && !cells.addNearest(slice, 0, count)) {
            // Unreachable: every one of the 32 cells would have to hold 2^36 - 1 readings of one lock hold.
            throw new IllegalStateException("slice hand-off cells full: more than 2^41 readings waiting");
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
        advanceTiers(now);
        if (inFlight != 0) {
            return;                                       // a hand-off may still bring counts: judge next time
        }
        judgedCount = 0;
        take(handedTotal, open, false);
        take(handedGood, open, true);
        for (int i = 0; i < judgedCount; i++) {
            judge(judgedSlice[i], judgedGood[i], judgedTotal[i]);
        }
        judgedCount = 0;
    }

    /** Empties the cells of slices before {@code open} into the scratch of slices to judge. Lock held. */
    private void take(TaggedCells cells, long open, boolean good) {
        for (int i = 0, n = cells.size(); i < n; i++) {
            for (;;) {
                long word = cells.word(i);
                long count = TaggedCells.count(word);
                long slice = cells.index(word, open);
                if (count == 0 || slice >= open) {
                    break;
                }
                if (cells.clear(i, word)) {               // else a writer added meanwhile: read it again
                    int j = judged(slice);
                    if (good) {
                        judgedGood[j] += count;
                    } else {
                        judgedTotal[j] += count;
                    }
                    break;
                }
            }
        }
    }

    private int judged(long slice) {
        for (int j = 0; j < judgedCount; j++) {
            if (judgedSlice[j] == slice) {
                return j;
            }
        }
        judgedSlice[judgedCount] = slice;
        judgedGood[judgedCount] = 0;
        judgedTotal[judgedCount] = 0;
        return judgedCount++;
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
    private long catchUp(long reading) {
        long now = Math.min(reading, EventRecorder.LAST_MILLIS);
        long slice = Math.floorDiv(now, sliceMillis);
        for (;;) {
            long open = openSlice;
            long word = state;
            if (openSlice != open) {
                continue;
            }
            long current = fullIndex(open, word);
            if (slice > open + MAX_JUMP) {
                close(word, current, Math.max(current, open + MAX_JUMP), 0);
            } else if (slice <= current || close(word, current, slice, 0)) {
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

    /** For tests: takes the lock as a query does, if it is free. */
    boolean tryAcquire() {
        return lock.tryLock();
    }

    /** For tests: releases the lock taken by {@link #tryAcquire}. */
    void release() {
        lock.unlock();
    }

    /**
     * For tests: begins a hand-off of {@code good} of {@code total} readings of {@code slice}, as a writer
     * that closed the word and was descheduled before publishing would leave it (counted in flight, not yet
     * in the cells); running the result finishes it.
     */
    Runnable beginHandOff(long slice, long good, long total) {
        handoffsInFlight.incrementAndGet();
        return () -> {
            try {
                publish(slice, (good << GOOD_SHIFT) | total);
            } finally {
                handoffsInFlight.decrementAndGet();
            }
        };
    }

    /**
     * For tests: the first close a writer reading {@code now} makes, as a writer descheduled between its
     * CAS of the word and publishing openSlice and the old counts would leave it; running the result
     * finishes that close and records the writer's readings (single-threaded tests only).
     */
    Runnable beginClose(long now, long good, long total) {
        long slice = Math.floorDiv(now, sliceMillis);
        long open = openSlice;
        long word = state;
        long current = fullIndex(open, word);
        long target = Math.min(slice, open + MAX_JUMP);
        long increment = target == slice ? (good << GOOD_SHIFT) | total : 0;
        handoffsInFlight.incrementAndGet();
        if (!STATE.compareAndSet(this, word, tagOf(target) | increment)) {
            throw new IllegalStateException("beginClose is for single-threaded tests");
        }
        return () -> {
            try {
                if ((word & COUNTS_MASK) != 0) {
                    publish(current, word & COUNTS_MASK);
                }
                raiseOpenSlice(target);
            } finally {
                handoffsInFlight.decrementAndGet();
            }
            if (target != slice) {
                record(now, good, total);
            }
        };
    }

    long sliceMillis() {
        return sliceMillis;
    }

    /** Bytes held, approximately. */
    long footprintBytes() {
        long bytes = 96 + 16 + handedGood.footprintBytes() + handedTotal.footprintBytes() + 3 * (16 + 8L * 2 * CELLS);
        for (TimeTier tier : tiers) {
            bytes += tier.footprintBytes();
        }
        return bytes;
    }
}
