package dev.slo.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 *    itself and parks it (SliceVerdicts), then tries the lock (tryLock, never waiting) to absorb. A
 *    writer waits only when one lock hold outlasts all 64 verdict cells (each takes the verdicts of its
 *    bucket, 16 or more slices, whole ones under ratio budgeting): then the closer takes the lock to add
 *    its verdict itself, so that none is lost. With the system clock that takes a reader descheduled
 *    for over an hour; a test's clock driven fast by another thread can.
 *  - Readers (query methods) take the lock (they may wait for each other, never for a writer), close
 *    the open slice if its end has passed, absorb and read the tiers. The lock holder absorbs: it
 *    advances the tiers, moves the parked verdicts they now reach into them (SliceVerdicts), and
 *    judges the spilled slices whose hand-offs have all arrived (SpilledSlices).
 *  - Exactness: every reading (event or gauge reading) is counted exactly once, in the slice of the
 *    clock reading it was recorded with, or, when it raced the close of that slice, in the next one
 *    (the newest, never an older one). Single-threaded, slice assignment is exact. A clock that went
 *    back counts in the open slice. Every closed slice with readings gets exactly one verdict.
 *  - A slice counts once the clock reaches its end (a query or the next reading closes it); one that
 *    spilled, once no hand-off of it is in flight. Readings past EventRecorder.LAST_MILLIS count at it.
 *
 * Algorithm
 *  The open slice lives in one 64-bit word (SliceWord): slice tag (low 16 bits of the slice index) |
 *  spilled flag | good | total. openSlice holds the full index of the slice the word held at
 *  the last close; it may lag the word by the closes in flight. Invariant: openSlice <= the word's
 *  slice <= openSlice + MAX_JUMP, because a close moves the word at most MAX_JUMP (2^15) slices past
 *  the openSlice its closer read (a larger jump of the clock is made in steps of MAX_JUMP empty
 *  slices), and openSlice only grows. A writer that reads the same openSlice before and after the
 *  word so recovers the word's full index as openSlice + ((tag - openSlice) mod 2^16), exactly,
 *  however far the clock jumps; if openSlice moved between its reads, it reads again. A writer whose
 *  slice is at or before the word's adds to the word; one whose slice is newer swaps in a fresh word
 *  for its slice and closes the old one.
 *  The closer of a slice that never spilled holds all its counts, so it judges it at once and parks the
 *  verdict (SliceVerdicts). Before a count field could overflow, a writer spills the word's counts to
 *  count cells and flags the word; the close of a flagged word hands off its last counts there too,
 *  and the lock holder judges the slice once all have arrived (SpilledSlices). The tiers are
 *  EventRecorder's (Tiers): a 7-day window of 1-minute slices costs about 25 KB, not 10080 slices.
 *
 * References: OpenSLO v1 budgetingMethod (Occurrences, Timeslices, RatioTimeslices); the tagged-word
 *  technique of epoch-based counters; Sentinel's LeapArray (a window start kept with its counts).
 */
public final class SliceRecorder implements Ledger {
    /** The most one call may add: keeps a single add well inside a count field. */
    public static final long MAX_BATCH = 1L << 20;

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
    private final ReentrantLock lock = new ReentrantLock();
    /** tag | good | total of the open slice. */
    private volatile long state;
    /** The full index of the slice in the state word as of the last close; only ever grows. */
    private volatile long openSlice;
    /** Finest first; verdicts by slice start. */
    private final TimeTier[] tiers;
    /** Verdicts of closed slices, parked and in the tiers. */
    private final SliceVerdicts verdicts;
    /** The counts of slices that spilled, until judged. */
    private final SpilledSlices spilled;

    /**
     * @param sliceMillis     the slice length
     * @param sliceTarget     in (0,1]; ignored when {@code ratio}
     * @param ratio           true for ratio-timeslices budgeting
     * @param longestLookBack the longest window or alert look-back asked about
     */
    public SliceRecorder(Clock clock, long sliceMillis, double sliceTarget, boolean ratio, Duration longestLookBack) {
        this.sliceMillis = sliceMillis;
        long now = Math.min(clock.millis(), EventRecorder.LAST_MILLIS);
        long open = Math.floorDiv(now, sliceMillis);
        this.openSlice = open;
        this.state = SliceWord.of(open, 0);
        this.tiers = Tiers.newTiers(now, longestLookBack, false);
        this.verdicts = new SliceVerdicts(tiers, sliceMillis, sliceTarget, ratio);
        this.spilled = new SpilledSlices(verdicts);
    }

    // ---------------------------------------------------------------- writers (lock-free)

    /**
     * Counts {@code good} good readings out of {@code total} at clock reading {@code now}.
     * Both at most {@link #MAX_BATCH}, {@code good <= total}. Lock-free, allocation-free.
     */
    public void record(long now, long good, long total) {
        long slice = Math.floorDiv(Math.min(now, EventRecorder.LAST_MILLIS), sliceMillis);
        long increment = SliceWord.increment(good, total);
        for (;;) {
            long open = openSlice;                        // volatile reads around the word: see the class notes
            long word = state;
            if (openSlice != open) {
                continue;                                 // a close moved on meanwhile: the tag may be read wrongly
            }
            long current = SliceWord.slice(open, word);
            if (slice > open + SliceWord.MAX_JUMP) {      // a far jump of the clock: close in steps (class notes)
                close(word, current, Math.max(current, open + SliceWord.MAX_JUMP), 0);
            } else if (slice <= current) {                // this slice, or it raced a close / the clock went back: newest slice
                if (!SliceWord.fits(word, total)) {
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
        int slot = spilled.handOffBegins(current);        // before the CAS: the judge must not pass over this hand-off
        try {
            if (!STATE.compareAndSet(this, word, SliceWord.of(slice, increment))) {
                return false;
            }
            closed(current, word);                        // before openSlice moves past it
            raiseOpenSlice(slice);
            return true;
        } finally {
            spilled.handOffEnds(slot);                    // after the counts are in the cells (or the CAS failed)
        }
    }

    /** Moves the open slice's counts to the cells (same slice) before a count field could overflow. */
    private void spill(long word, long current) {
        int slot = spilled.handOffBegins(current);        // before the CAS, as for a close
        try {
            if (STATE.compareAndSet(this, word, SliceWord.spilled(word))) {
                publish(current, SliceWord.counts(word));
            }
        } finally {
            spilled.handOffEnds(slot);
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

    /**
     * Slice {@code slice}'s word {@code word} has been swapped out by this thread: its counts are final.
     * Unless it spilled, they are all the slice had, so the verdict is parked now; a slice that spilled
     * hands off its last counts, for the judge to add to its spilled ones. Lock-free.
     */
    private void closed(long slice, long word) {
        long counts = SliceWord.counts(word);
        if (SliceWord.hasSpilled(word)) {
            if (counts != 0) {
                publish(slice, counts);
            }
        } else if (counts != 0) {
            int unparked = verdicts.park(slice, SliceWord.good(counts), SliceWord.total(counts));
            if (unparked != 0) {                          // a lock hold outlasted every verdict cell (class notes)
                lock.lock();
                try {
                    verdicts.addUnparked(slice, SliceWord.good(counts), SliceWord.total(counts), unparked);
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Hands off the counts of {@code slice} to the cells. Lock-free, never waits. */
    private void publish(long slice, long counts) {
        spilled.publish(slice, SliceWord.good(counts), SliceWord.total(counts));
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

    /** Brings the verdicts into the tiers: those parked, and the spilled slices that are ready. Lock held. */
    private void absorb(long now) {
        long open = openSlice;                            // read before inFlight: see SpilledSlices
        Tiers.advance(tiers, now);
        verdicts.harvest();                               // after the advance: the buckets the tiers now reach
        spilled.judgeReady(open);
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
            long current = SliceWord.slice(open, word);
            if (slice > open + SliceWord.MAX_JUMP) {
                close(word, current, Math.max(current, open + SliceWord.MAX_JUMP), 0);
            } else if (slice <= current || close(word, current, slice, 0)) {
                break;
            }
        }
        absorb(now);
        return Math.max(now, tiers[0].openStartMillis());
    }

    // ---------------------------------------------------------------- readers

    /**
     * For each look-back {@code w}: the closed slices whose start is at or after {@code now - w}. The
     * tallies count slices: good = good slices (ratio budgeting: slices with every event good), total =
     * slices with data, ratioSum = the sum of their ratios (the good slices when not ratio).
     */
    @Override
    public Tally[] lookBacks(long now, long... lookBackMillis) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            Tally[] out = new Tally[lookBackMillis.length];
            for (int i = 0; i < lookBackMillis.length; i++) {
                out[i] = verdicts.sumFrom(effectiveNow - lookBackMillis[i], lookBackMillis[i]);
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
            return verdicts.sumFrom(startMillis, Math.max(1, catchUp(now) - startMillis));
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- copies and restores (lock taken)

    /**
     * {@return a consistent copy as of {@code now}: the verdict tiers and the open slice's readings}
     * Writers are not blocked. The copy is a cut no close or spill crossed: it is retried while one is
     * in flight or began meanwhile (once per slice at most, in steady traffic).
     */
    public SliceCounts counts(long now) {
        lock.lock();
        try {
            long effectiveNow = catchUp(now);
            long[] open = new long[2];
            for (;;) {
                long begun = spilled.begun();
                long[] read = openWord();
                long slice = read[0];
                long word = read[1];
                if (!spilled.quiet()) {                   // a close or spill mid-hand-off: its counts are on the way,
                    lock.unlock();                        // or it waits for this lock (a verdict no cell had room for)
                    Thread.yield();
                    lock.lock();
                    continue;
                }
                absorb(Math.max(effectiveNow, slice * sliceMillis));   // the verdicts parked before the word was read
                open[0] = SliceWord.good(SliceWord.counts(word));
                open[1] = SliceWord.total(SliceWord.counts(word));
                spilled.peek(slice, slice, open);
                if (spilled.begun() == begun && spilled.quiet()) {
                    List<TierCounts> copies = new ArrayList<>(tiers.length);
                    for (TimeTier tier : tiers) {
                        copies.add(tier.copy(false));
                    }
                    return new SliceCounts(copies, open[1] == 0 ? new long[0] : new long[] {slice, open[0], open[1]});
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds {@code copy} (of a recorder of the same slices and tiers) as of {@code now}: its verdicts bucket
     * by bucket, buckets older than those kept dropped; its unjudged slices judged now if they have closed
     * here, else their readings join the open slice. All or nothing.
     *
     * @throws IllegalArgumentException if the tiers do not line up, or {@code copy} holds a bucket or slice
     *     later than those open at {@code now} (nothing changes)
     */
    public void add(SliceCounts copy, long now) {
        lock.lock();
        try {
            catchUp(now);
            long current = openWord()[0];
            List<TierCounts> sums = sums(copy, current);  // checks before anything changes
            for (int i = 0; i < tiers.length; i++) {
                tiers[i].load(sums.get(i));
            }
            long[] pending = copy.pending();
            for (int i = 0; i < pending.length; i += 3) {
                if (pending[i] < current) {
                    verdicts.add(pending[i], pending[i + 1], pending[i + 2]);
                } else {
                    joinOpen(current, pending[i + 1], pending[i + 2]);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Checks that {@link #add} of {@code copy} as of {@code now} would succeed; changes nothing.
     *
     * @throws IllegalArgumentException as {@link #add} would
     */
    public void checkAdd(SliceCounts copy, long now) {
        lock.lock();
        try {
            catchUp(now);
            sums(copy, openWord()[0]);
        } finally {
            lock.unlock();
        }
    }

    /** The tiers with {@code copy}'s added, refusing a copy later than slice {@code current} or of other tiers. Lock held. */
    private List<TierCounts> sums(SliceCounts copy, long current) {
        if (copy.endMillis() > tiers[0].openEndMillis || copy.lastPendingSlice() > current) {
            throw new IllegalArgumentException("slices up to " + Math.max(copy.endMillis(), (copy.lastPendingSlice() + 1) * sliceMillis)
                    + " ms are later than the slice open until " + (current + 1) * sliceMillis + " ms");
        }
        if (copy.tiers().size() != tiers.length) {
            throw new IllegalArgumentException(copy.tiers().size() + " tiers and " + tiers.length + " do not line up");
        }
        List<TierCounts> sums = new ArrayList<>(tiers.length);
        for (int i = 0; i < tiers.length; i++) {
            sums.add(TierCounts.sum(tiers[i].copy(false), copy.tiers().get(i)));
        }
        return sums;
    }

    /** Adds {@code good} of {@code total} readings to the open slice {@code slice}, in batches a word holds. */
    private void joinOpen(long slice, long good, long total) {
        long bad = total - good;
        while (good > 0 || bad > 0) {
            long g = Math.min(good, MAX_BATCH / 2);
            long b = Math.min(bad, MAX_BATCH / 2);
            good -= g;
            bad -= b;
            record(slice * sliceMillis, g, g + b);        // at or before the word's slice: joins the newest
        }
    }

    /** The open slice's full index and its word, read with openSlice around the word (class notes). Lock held. */
    private long[] openWord() {
        for (;;) {
            long open = openSlice;
            long word = state;
            if (openSlice == open) {
                return new long[] {SliceWord.slice(open, word), word};
            }
        }
    }

    /**
     * {@return every slice judged here, ever, as of {@code now}: good, total and ratio sum as {@link #lookBacks}
     * counts them} Restored verdicts are not among them; a restored open slice is, once judged. Monotonic.
     */
    public Tally liveSlices(long now) {
        lock.lock();
        try {
            catchUp(now);
            return verdicts.live();
        } finally {
            lock.unlock();
        }
    }

    /** @return for tests: whether the lock, taken as a query does, was free and is now held */
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
        long current = SliceWord.slice(open, word);
        int slot = spilled.handOffBegins(current);
        if (!STATE.compareAndSet(this, word, SliceWord.spilled(word))) {
            throw new IllegalStateException("beginSpill is for single-threaded tests");
        }
        return () -> {
            try {
                publish(current, SliceWord.counts(word));
            } finally {
                spilled.handOffEnds(slot);
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
        long current = SliceWord.slice(open, word);
        long target = Math.min(slice, open + SliceWord.MAX_JUMP);
        long increment = target == slice ? SliceWord.increment(good, total) : 0;
        int slot = spilled.handOffBegins(current);
        if (!STATE.compareAndSet(this, word, SliceWord.of(target, increment))) {
            throw new IllegalStateException("beginClose is for single-threaded tests");
        }
        return () -> {
            try {
                closed(current, word);
                raiseOpenSlice(target);
            } finally {
                spilled.handOffEnds(slot);
            }
            if (target != slice) {
                record(now, good, total);
            }
        };
    }

    /** @return the slice length in milliseconds */
    public long sliceMillis() {
        return sliceMillis;
    }

    @Override
    public long historyMillis() {
        return tiers[tiers.length - 1].spanMillis();
    }

    @Override
    public long footprintBytes() {
        long bytes = 56 + verdicts.footprintBytes() + spilled.footprintBytes();   // 56: this object
        for (TimeTier tier : tiers) {
            bytes += tier.footprintBytes();
        }
        return bytes;
    }
}
