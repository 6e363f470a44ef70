package dev.slo.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 *    CAS on the same word; the word's counts are then final, so the closer gives the slice its verdict
 *    itself and parks it in the verdict cells (TaggedCells, by tier bucket), then tries the lock
 *    (tryLock, never waiting) to move verdicts into the tiers. No writer ever waits, however long a
 *    query holds the lock.
 *  - Readers (query methods) take the lock (they may wait for each other, never for a writer),
 *    close the open slice if its end has passed, move parked verdicts into the tiers, judge the
 *    spilled slices that are ready and read the tiers.
 *  - Exactness: every reading (event or gauge reading) is counted exactly once, in the slice of the
 *    clock reading it was recorded with, or, when it raced the close of that slice, in the next one
 *    (the newest, never an older one). Single-threaded, slice assignment is exact. A clock that went
 *    back counts in the open slice. Every closed slice with readings gets exactly one verdict.
 *  - A slice counts once the clock reaches its end (a query or the next reading closes it). A slice
 *    that spilled is judged only when no hand-off of it is in flight, so its verdict never misses
 *    counts handed off late, and once: its cells are emptied by the judge that reads them.
 *  - Readings past EventRecorder.LAST_MILLIS count at it (saturated).
 *
 * Algorithm
 *  The open slice lives in one 64-bit word: slice tag (low 16 bits of the slice index) | spilled flag
 *  | good (23 bits) | total (23 bits). openSlice holds the full index of the slice the word held at
 *  the last close; it may lag the word by the closes in flight. Invariant: openSlice <= the word's
 *  slice <= openSlice + MAX_JUMP, because a close moves the word at most MAX_JUMP (2^15) slices past
 *  the openSlice its closer read (a larger jump of the clock is made in steps of MAX_JUMP empty
 *  slices), and openSlice only grows. A writer that reads the same openSlice before and after the
 *  word so recovers the word's full index as openSlice + ((tag - openSlice) mod 2^16), exactly,
 *  however far the clock jumps; if openSlice moved between its reads, it reads again. A writer whose
 *  slice is at or before the word's adds to the word; one whose slice is newer swaps in a fresh word
 *  for its slice and closes the old one.
 *  Verdicts: the closer of a slice that never spilled holds all its counts, so it judges it at once:
 *  good when good/total reaches sliceTarget (1.0: every reading good), or, for ratio budgeting, its
 *  ratio. A verdict is additive (good slices, bad slices; or ratio sum, all-good slices, other
 *  slices), so it is parked by kind under the bucket holding the slice's start in the finest tier with
 *  a free cell (32 cells of 10 s, 16 of 1 min, 8 of 5 min, 8 of 1 h), merging with the verdicts of
 *  the same bucket; the next absorb adds each to that bucket of every tier. When a lock hold outlasts
 *  the finer cells, verdicts merge into a coarser bucket: exact in that tier and coarser ones, placed
 *  at the bucket's start in finer ones.
 *  Spills: before a count field could overflow (2^23 - 1 per slice), a writer moves the word's counts
 *  to the count cells of the same slice (16 of good counts and 16 of totals, 36-bit counts, merging
 *  per slice: a maximum import spills 64 times into two cells) and flags the word; the close of a
 *  flagged word hands its last counts there too. Hand-offs (closes and spills) of slice s are counted
 *  in inFlight[s mod IN_FLIGHT] from before their CAS until they are in the cells (a writer whose CAS
 *  fails counts itself out again). The judge reads openSlice, then, for each slice s before it found
 *  in the count cells, inFlight[s mod IN_FLIGHT]; if that is 0, s has all its counts in the cells (a
 *  hand-off that starts later is of a word whose slice is at least that openSlice), and it is judged
 *  into the tiers. A slice with a hand-off in flight (or one of a slice IN_FLIGHT apart: a
 *  conservative alias) stays in its cells for the next absorb.
 *  Tiers: 10 s x 36, 1 min x 360, 5 min x 290 and 1 h x (history), as in EventRecorder, so a 7-day
 *  window of 1-minute slices costs about 25 KB instead of 10080 individual slices. For ratio
 *  budgeting a bucket's good cell holds the sum of its slices' ratios in 32.32 fixed point and its
 *  total cell packs slices (high 32 bits) with slices whose every event was good (low 32 bits).
 *
 * References: OpenSLO v1 budgetingMethod (Occurrences, Timeslices, RatioTimeslices); the tagged-word
 *  technique of epoch-based counters; Sentinel's LeapArray (a window start kept with its counts).
 */
public final class SliceRecorder implements Ledger {
    private static final int TAG_SHIFT = 48;
    private static final long TAG_MASK = 0xFFFFL;
    private static final int GOOD_SHIFT = 23;
    private static final long COUNT_MASK = (1L << 23) - 1;
    /** Set in the word of a slice that spilled counts: its close hands off counts, not a verdict. */
    private static final long SPILLED = 1L << 46;
    private static final long COUNTS_MASK = (1L << 46) - 1;
    /** The most one call may add: keeps a single add well inside a count field. */
    public static final long MAX_BATCH = 1L << 20;
    static final double RATIO_SCALE = 4_294_967_296.0;   // 2^32
    /** How far one close may move the word past the openSlice its closer read: half the tag's range. */
    static final long MAX_JUMP = 1L << 15;
    /** Count cells of each kind, for the slices that spilled. */
    private static final int CELLS = 16;
    private static final int IN_FLIGHT = 16;
    /** Verdict cells per tier, finest first (512 bytes in all). */
    private static final int[] VERDICT_CELLS = {32, 16, 8, 8};
    /** Verdict kinds: without ratio budgeting, good and bad slices. */
    private static final int GOOD_SLICES = 0;
    private static final int BAD_SLICES = 1;
    /** Verdict kinds with ratio budgeting: the ratio sum (32.32), slices with every event good, the others. */
    private static final int RATIO_SUM = 0;
    private static final int ALL_GOOD = 1;
    private static final int NOT_ALL_GOOD = 2;

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
    /** Hand-offs begun and not yet in the cells, by slice index mod IN_FLIGHT (see class notes). */
    private final AtomicIntegerArray inFlight = new AtomicIntegerArray(IN_FLIGHT);
    /** Verdicts of closed slices, by the index of their start's bucket in each tier (see class notes). */
    private final TaggedCells[] verdicts;
    /** Hand-offs of slices that spilled, by slice index: the good counts and the totals. */
    private final TaggedCells handedGood = new TaggedCells(CELLS, 0);
    private final TaggedCells handedTotal = new TaggedCells(CELLS, 0);

    // ---- lock-side state: the slices met by one absorb (scratch); judged or, with a hand-off in flight, left
    private final long[] judgedSlice = new long[2 * CELLS];
    private final long[] judgedGood = new long[2 * CELLS];
    private final long[] judgedTotal = new long[2 * CELLS];
    private final boolean[] judgedReady = new boolean[2 * CELLS];
    private int judgedCount;
    /** Finest first; verdicts by slice start. */
    private final TimeTier[] tiers;

    /**
     * @param sliceMillis     the slice length
     * @param sliceTarget     in (0,1]; ignored when {@code ratio}
     * @param ratio           true for ratio-timeslices budgeting
     * @param longestLookBack the longest window or alert look-back asked about
     */
    public SliceRecorder(Clock clock, long sliceMillis, double sliceTarget, boolean ratio, Duration longestLookBack) {
        this.sliceMillis = sliceMillis;
        this.sliceTarget = sliceTarget;
        this.ratio = ratio;
        long now = Math.min(clock.millis(), EventRecorder.LAST_MILLIS);
        long open = Math.floorDiv(now, sliceMillis);
        this.openSlice = open;
        this.state = tagOf(open);
        this.tiers = Tiers.newTiers(now, longestLookBack, false);
        this.verdicts = new TaggedCells[tiers.length];
        for (int i = 0; i < tiers.length; i++) {
            verdicts[i] = new TaggedCells(VERDICT_CELLS[i], 2);
        }
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
    public void record(long now, long good, long total) {
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
        int slot = inFlightSlot(current);
        inFlight.incrementAndGet(slot);                   // before the CAS: the judge must not pass over this hand-off
        try {
            if (!STATE.compareAndSet(this, word, tagOf(slice) | increment)) {
                return false;
            }
            closed(current, word);                        // before openSlice moves past it
            raiseOpenSlice(slice);
            return true;
        } finally {
            inFlight.decrementAndGet(slot);
        }
    }

    /** Moves the open slice's counts to the cells (same slice) before a count field could overflow. */
    private void spill(long word, long current) {
        int slot = inFlightSlot(current);
        inFlight.incrementAndGet(slot);
        try {
            if (STATE.compareAndSet(this, word, (word & ~COUNTS_MASK) | SPILLED)) {
                publish(current, word & COUNTS_MASK);
            }
        } finally {
            inFlight.decrementAndGet(slot);
        }
    }

    private static int inFlightSlot(long slice) {
        return (int) (slice & (IN_FLIGHT - 1));
    }

    private void raiseOpenSlice(long slice) {
        for (;;) {
            long open = openSlice;
            if (open >= slice || OPEN_SLICE.compareAndSet(this, open, slice)) {
                return;
            }
        }
    }

    /**
     * Slice {@code slice}'s word {@code word} has been swapped out by this thread: its counts are final
     * (readings racing the close went to the newer word). Unless it spilled, they are all the slice had,
     * so the verdict is given now, into the verdict cells; a slice that spilled hands off its last counts
     * to the count cells, for the judge to add to its spilled ones. Lock-free.
     */
    private void closed(long slice, long word) {
        long counts = word & COUNTS_MASK;
        if ((word & SPILLED) != 0) {
            if (counts != 0) {
                publish(slice, counts);
            }
        } else if (counts != 0) {
            verdict(slice, good(counts), total(counts));
        }
    }

    /** Parks the verdict of a slice of {@code good} of {@code total} readings (total > 0). Lock-free. */
    private void verdict(long slice, long good, long total) {
        long start = slice * sliceMillis;
        if (ratio) {
            long ratioCell = Math.round((double) good / total * RATIO_SCALE);
            if (ratioCell > 0) {
                park(start, RATIO_SUM, ratioCell);
            }
            park(start, good == total ? ALL_GOOD : NOT_ALL_GOOD, 1);
        } else {
            park(start, isGood(good, total) ? GOOD_SLICES : BAD_SLICES, 1);
        }
    }

    /**
     * Adds a verdict count to the cell of the finest tier bucket holding {@code start} that finds room,
     * else merges into the nearest hour parked. Each kind is additive and placed on its own, so merging
     * verdicts into a coarser bucket loses nothing but their place within it. Lock-free.
     */
    private void park(long start, int kind, long count) {
        for (int level = 0; level < tiers.length; level++) {
            if (verdicts[level].add(Math.floorDiv(start, tiers[level].lengthMillis), kind, count)) {
                return;
            }
        }
        int coarsest = tiers.length - 1;
        if (!verdicts[coarsest].addNearest(Math.floorDiv(start, tiers[coarsest].lengthMillis), kind, count)) {
            // Unreachable: every hourly cell would hold 2^36 - 1 verdicts of one lock hold.
            throw new IllegalStateException("slice verdict cells full");
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
        long open = openSlice;                            // read before inFlight: see class notes
        advanceTiers(now);
        long openEnd = tiers[0].openEndMillis;
        for (int level = 0; level < tiers.length; level++) {
            harvestVerdicts(verdicts[level], tiers[level].lengthMillis, openEnd);
        }
        judgedCount = 0;
        take(handedTotal, open, false);                   // decides, slice by slice, which are ready
        take(handedGood, open, true);
        for (int i = 0; i < judgedCount; i++) {
            if (judgedReady[i]) {
                judge(judgedSlice[i], judgedGood[i], judgedTotal[i]);
            }
        }
        judgedCount = 0;
    }

    /**
     * Empties the cells of slices before {@code open} that have no hand-off in flight into the scratch of
     * slices to judge; each slice is found ready or not once per absorb, so its good and total cells go
     * together. Lock held.
     */
    private void take(TaggedCells cells, long open, boolean good) {
        for (int i = 0, n = cells.size(); i < n; i++) {
            for (;;) {
                long word = cells.word(i);
                long count = TaggedCells.count(word);
                long slice = cells.index(word, open);
                if (count == 0 || slice >= open) {
                    break;
                }
                int j = met(slice);
                if (!judgedReady[j]) {
                    break;                                // a hand-off of it is in flight: it waits in its cells
                }
                if (cells.clear(i, word)) {               // else a writer added meanwhile: read it again
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

    /** Moves the verdicts of one tier's buckets ({@code lengthMillis}) that start before {@code openEnd} into every tier. */
    private void harvestVerdicts(TaggedCells cells, long lengthMillis, long openEnd) {
        long reference = Math.floorDiv(openEnd - 1, lengthMillis);
        for (int i = 0, n = cells.size(); i < n; i++) {
            for (;;) {
                long word = cells.word(i);
                long count = TaggedCells.count(word);
                if (count == 0) {
                    break;
                }
                long at = cells.index(word, reference) * lengthMillis;
                if (at >= openEnd) {
                    break;                                // a bucket the tiers have not reached: a later absorb takes it
                }
                if (cells.clear(i, word)) {               // else a writer added meanwhile: read it again
                    addVerdict(at, cells.kind(word), count);
                    break;
                }
            }
        }
    }

    /** Adds {@code count} verdicts of {@code kind} to the bucket holding {@code at} in every tier. Lock held. */
    private void addVerdict(long at, int kind, long count) {
        long goodCell;
        long totalCell;
        if (ratio) {
            goodCell = kind == RATIO_SUM ? count : 0;
            totalCell = kind == ALL_GOOD ? (count << 32) | count : kind == NOT_ALL_GOOD ? count << 32 : 0;
        } else {
            goodCell = kind == GOOD_SLICES ? count : 0;
            totalCell = count;
        }
        for (TimeTier tier : tiers) {
            tier.add(Math.floorDiv(at, tier.lengthMillis), goodCell, totalCell);
        }
    }

    /** The scratch entry of {@code slice}, made on first meeting it, ready when no hand-off of it is in flight. */
    private int met(long slice) {
        for (int j = 0; j < judgedCount; j++) {
            if (judgedSlice[j] == slice) {
                return j;
            }
        }
        judgedSlice[judgedCount] = slice;
        judgedGood[judgedCount] = 0;
        judgedTotal[judgedCount] = 0;
        judgedReady[judgedCount] = inFlight.get(inFlightSlot(slice)) == 0;
        return judgedCount++;
    }

    /** Judges a slice that spilled, from all its counts. Lock held. */
    private void judge(long slice, long good, long total) {
        if (total == 0) {
            return;
        }
        long start = slice * sliceMillis;
        advanceTiers(start);
        if (ratio) {
            addVerdict(start, RATIO_SUM, Math.round((double) good / total * RATIO_SCALE));
            addVerdict(start, good == total ? ALL_GOOD : NOT_ALL_GOOD, 1);
        } else {
            addVerdict(start, isGood(good, total) ? GOOD_SLICES : BAD_SLICES, 1);
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

    /*
     * The tallies count slices: good = good slices (ratio budgeting: slices with every event good),
     * total = slices with data, ratioSum = the sum of their ratios (the good slices when not ratio).
     */

    /** For each look-back {@code w}: the closed slices whose start is at or after {@code now - w}. */
    @Override
    public Tally[] lookBacks(long now, long... lookBackMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            Tally[] out = new Tally[lookBackMillis.length];
            for (int i = 0; i < lookBackMillis.length; i++) {
                out[i] = sumFromTime(effectiveNow - lookBackMillis[i], lookBackMillis[i]);
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    /** The closed slices whose start is at or after {@code startMillis}. */
    @Override
    public Tally since(long now, long startMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            return sumFromTime(startMillis, Math.max(1, effectiveNow - startMillis));
        } finally {
            lock.unlock();
        }
    }

    private Tally sumFromTime(long startMillis, long span) {
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
            return new Tally(sum[1] & 0xFFFF_FFFFL, sum[1] >>> 32, sum[0] / RATIO_SCALE);
        }
        return Tally.ofEvents(sum[0], sum[1]);
    }

    /**
     * For tests: takes the lock as a query does, if it is free.
     *
     * @return whether the lock was taken
     */
    public boolean tryAcquire() {
        return lock.tryLock();
    }

    /** For tests: releases the lock taken by {@link #tryAcquire}. */
    public void release() {
        lock.unlock();
    }

    /**
     * For tests: begins a spill of the open slice's counts, as a writer that swapped them out of the word
     * and was descheduled before publishing would leave it (counted in flight, not yet in the cells);
     * running the result finishes it.
     */
    public Runnable beginSpill() {
        long open = openSlice;
        long word = state;
        long current = fullIndex(open, word);
        int slot = inFlightSlot(current);
        inFlight.incrementAndGet(slot);
        if (!STATE.compareAndSet(this, word, (word & ~COUNTS_MASK) | SPILLED)) {
            throw new IllegalStateException("beginSpill is for single-threaded tests");
        }
        return () -> {
            try {
                publish(current, word & COUNTS_MASK);
            } finally {
                inFlight.decrementAndGet(slot);
            }
        };
    }

    /**
     * For tests: the first close a writer reading {@code now} makes, as a writer descheduled between its
     * CAS of the word and publishing openSlice and the old counts would leave it; running the result
     * finishes that close and records the writer's readings (single-threaded tests only).
     */
    public Runnable beginClose(long now, long good, long total) {
        long slice = Math.floorDiv(now, sliceMillis);
        long open = openSlice;
        long word = state;
        long current = fullIndex(open, word);
        long target = Math.min(slice, open + MAX_JUMP);
        long increment = target == slice ? (good << GOOD_SHIFT) | total : 0;
        inFlight.incrementAndGet(inFlightSlot(current));
        if (!STATE.compareAndSet(this, word, tagOf(target) | increment)) {
            throw new IllegalStateException("beginClose is for single-threaded tests");
        }
        return () -> {
            try {
                closed(current, word);
                raiseOpenSlice(target);
            } finally {
                inFlight.decrementAndGet(inFlightSlot(current));
            }
            if (target != slice) {
                record(now, good, total);
            }
        };
    }

    /**
     * The slice length.
     *
     * @return the slice length in milliseconds
     */
    public long sliceMillis() {
        return sliceMillis;
    }

    @Override
    public long historyMillis() {
        return tiers[tiers.length - 1].spanMillis();
    }

    @Override
    public long footprintBytes() {
        long bytes = 96 + 16 + 4L * IN_FLIGHT + handedGood.footprintBytes() + handedTotal.footprintBytes()
                + 3 * (16 + 8L * 2 * CELLS) + 16 + 2 * CELLS;
        for (TaggedCells cells : verdicts) {
            bytes += cells.footprintBytes();
        }
        for (TimeTier tier : tiers) {
            bytes += tier.footprintBytes();
        }
        return bytes;
    }
}
