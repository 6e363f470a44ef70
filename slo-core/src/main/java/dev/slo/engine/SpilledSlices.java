package dev.slo.engine;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/*
 * The counts of a SliceRecorder's slices that spilled (more readings than the state word's 23-bit
 * fields hold): handed off by writers into count cells, and judged by the lock holder once every
 * hand-off of a slice has arrived. Package-private; lives inside SliceRecorder and shares its lock.
 *
 * Assumptions and guarantees
 *  - Writers hand off from any number of threads: a writer about to CAS the state word for a spill or
 *    the close of a spilled slice first counts itself in flight (handOffBegins), then, if its CAS won,
 *    adds the counts it swapped out to the cells (publish), and counts itself out (handOffEnds) in every
 *    case, also when its CAS failed. All three are lock-free (atomic adds and TaggedCells' CAS) and
 *    allocate nothing; no writer waits.
 *  - The lock holder (an absorb) calls judgeReady(open), one thread at a time, with openSlice read
 *    before it (the ordering the judge relies on). It judges a slice only when no hand-off of it is in
 *    flight, so its verdict never misses counts handed off late, and once: its cells are emptied, by a
 *    CAS to zero of the word read, by the judge that reads them.
 *  - A slice with a hand-off in flight (or one of a slice IN_FLIGHT apart: a conservative alias) stays
 *    in its cells for the next absorb.
 *
 * Algorithm
 *  Before a count field of the word could overflow (2^23 - 1 per slice), a writer moves the word's
 *  counts to the count cells of the same slice (16 of good counts and 16 of totals, 36-bit counts,
 *  merging per slice: a maximum import spills 64 times into two cells) and flags the word; the close
 *  of a flagged word hands its last counts there too. Hand-offs (closes and spills) of slice s are
 *  counted in inFlight[s mod IN_FLIGHT] from before their CAS until they are in the cells. The judge
 *  reads openSlice, then, for each slice s before it found in the count cells, inFlight[s mod
 *  IN_FLIGHT]; if that is 0, s has all its counts in the cells (a hand-off that starts later is of a
 *  word whose slice is at least that openSlice), and it is judged into the tiers (SliceVerdicts.add).
 *  Each slice is found ready or not once per absorb (the scratch below), so its good and total cells
 *  go together.
 */
final class SpilledSlices {
    /** Count cells of each kind. */
    private static final int CELLS = 16;
    private static final int IN_FLIGHT = 16;
    /** This object: header, eight references and the scratch count (the arrays are counted apart). */
    private static final long OWN_BYTES = 48;

    /** Hand-offs begun and not yet in the cells, by slice index mod IN_FLIGHT (see class notes). */
    private final AtomicIntegerArray inFlight = new AtomicIntegerArray(IN_FLIGHT);
    /** Hand-offs begun, ever: a copy that sees it unchanged saw no close or spill begin meanwhile. */
    private final AtomicLong begun = new AtomicLong();
    /** Hand-offs of slices that spilled, by slice index: the good counts and the totals. */
    private final TaggedCells handedGood = new TaggedCells(CELLS, 0);
    private final TaggedCells handedTotal = new TaggedCells(CELLS, 0);
    /** Where a slice whose counts are all in is judged. */
    private final SliceVerdicts verdicts;

    // ---- lock-side state: the slices met by one absorb (scratch); judged or, with a hand-off in flight, left
    private final long[] judgedSlice = new long[2 * CELLS];
    private final long[] judgedGood = new long[2 * CELLS];
    private final long[] judgedTotal = new long[2 * CELLS];
    private final boolean[] judgedReady = new boolean[2 * CELLS];
    private int judgedCount;

    SpilledSlices(SliceVerdicts verdicts) {
        this.verdicts = verdicts;
    }

    private static int inFlightSlot(long slice) {
        return (int) (slice & (IN_FLIGHT - 1));
    }

    // ---------------------------------------------------------------- writers (lock-free)

    /**
     * Counts a hand-off of {@code slice} in flight; call before the CAS that may swap its counts out, so
     * the judge cannot pass over them. Lock-free.
     *
     * @return the slot to pass to {@link #handOffEnds}
     */
    int handOffBegins(long slice) {
        int slot = inFlightSlot(slice);
        inFlight.incrementAndGet(slot);
        begun.incrementAndGet();
        return slot;
    }

    /** Counts a hand-off out again: its counts are in the cells, or its CAS failed. Lock-free. */
    void handOffEnds(int slot) {
        inFlight.decrementAndGet(slot);
    }

    /** Hands off {@code good} of {@code total} readings (total > 0) of {@code slice} to the cells. Lock-free, never waits. */
    void publish(long slice, long good, long total) {
        if (good > 0) {
            handOff(handedGood, slice, good);
        }
        handOff(handedTotal, slice, total);               // a word is handed off only with counts
    }

    private static void handOff(TaggedCells cells, long slice, long count) {
        if (!cells.add(slice, 0, count) && !cells.addNearest(slice, 0, count)) {
            // Unreachable: every one of the 32 cells would have to hold 2^36 - 1 readings of one lock hold.
            throw new IllegalStateException("slice hand-off cells full: more than 2^41 readings waiting");
        }
    }

    // ---------------------------------------------------------------- copies (under the owner's lock)

    /** {@return how many hand-offs have begun, ever} */
    long begun() {
        return begun.get();
    }

    /** {@return whether no hand-off is in flight} */
    boolean quiet() {
        for (int i = 0; i < IN_FLIGHT; i++) {
            if (inFlight.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Adds the counts handed off for {@code slice} and not yet judged to {@code out} ([0] good, [1] readings), leaving them. */
    void peek(long slice, long open, long[] out) {
        for (int i = 0, n = handedTotal.size(); i < n; i++) {
            long word = handedTotal.word(i);
            if (TaggedCells.count(word) != 0 && handedTotal.index(word, open) == slice) {
                out[1] += TaggedCells.count(word);
            }
            word = handedGood.word(i);
            if (TaggedCells.count(word) != 0 && handedGood.index(word, open) == slice) {
                out[0] += TaggedCells.count(word);
            }
        }
    }

    // ---------------------------------------------------------------- under the owner's lock

    /** Judges every spilled slice before {@code open} (openSlice, read first) that has no hand-off in flight. Lock held. */
    void judgeReady(long open) {
        judgedCount = 0;
        take(handedTotal, open, false);                   // decides, slice by slice, which are ready
        take(handedGood, open, true);
        for (int i = 0; i < judgedCount; i++) {
            if (judgedReady[i]) {
                verdicts.add(judgedSlice[i], judgedGood[i], judgedTotal[i]);
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

    /** Bytes held, approximately: this object, the in-flight counts, the cells and the scratch. */
    long footprintBytes() {
        return OWN_BYTES + 16 + 4L * IN_FLIGHT + 24 + handedGood.footprintBytes() + handedTotal.footprintBytes()
                + 3 * (16 + 8L * 2 * CELLS) + 16 + 2 * CELLS;
    }
}
