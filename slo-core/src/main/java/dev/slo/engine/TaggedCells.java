package dev.slo.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/*
 * A small table of counts, each tagged with the time index it belongs to, that writers add to
 * without locks when they cannot reach the structure their count belongs in, and that the owner
 * harvests by that index under its lock. LateEvents parks here the events of writers that saw a
 * bucket boundary pass while another thread held EventRecorder's roll lock; SliceVerdicts the verdicts
 * of closed slices, and SpilledSlices the counts of spilling slices. Package-private.
 *
 * Assumptions and guarantees
 *  - Writers call add() from any number of threads. It is lock-free (a CAS on one cell, retried only
 *    when another writer's CAS on that cell succeeded) and allocates nothing; it never waits. When
 *    every cell holds another index (more distinct indexes in flight than cells), add() returns false
 *    and the caller decides; addNearest() then merges into the cell of the nearest index.
 *  - One harvester at a time (the owner's lock held) reads cells with word() and empties them with
 *    clear(), a CAS from the word it read to zero: a count is harvested exactly once, and always with
 *    the index it was added with, because the index rides in the same word as the count.
 *
 * Algorithm
 *  A cell is one long: tag (the low TAG_BITS of the index) | kind (kindBits) | count (COUNT_BITS). A
 *  cell whose count is 0 is free. A writer probes from a hash of (index, kind): a cell with its tag
 *  and kind takes the count by CAS, a free cell is claimed by CAS; a cell whose count would pass
 *  MAX_COUNT is skipped. The harvester recovers the full index from the tag as the index nearest to a
 *  reference it knows (its open bucket or slice): exact while writers' indexes lie within
 *  2^(TAG_BITS - 1) of it, which with 10-second buckets is over a year for event kinds.
 *
 * References: the tagged-word technique of epoch-based counters (tag and payload in one CAS'd word,
 *  so no ABA between a reused cell and a late writer); java.util.concurrent.atomic.AtomicLongArray.
 */
final class TaggedCells {
    /** Bits of the count in a cell: up to 2^36 - 1 (about 68.7 billion) per cell. */
    static final int COUNT_BITS = 36;
    static final long MAX_COUNT = (1L << COUNT_BITS) - 1;
    private static final int KEY_BITS = 64 - COUNT_BITS;

    private final AtomicLongArray cells;
    private final int mask;
    private final int kindBits;
    private final int tagBits;
    private final long tagMask;

    /**
     * @param size     how many cells: a power of two
     * @param kindBits how many bits tell the kinds of count apart (1: good and bad)
     */
    TaggedCells(int size, int kindBits) {
        if (Integer.bitCount(size) != 1 || kindBits < 0 || kindBits > 12) {
            throw new IllegalArgumentException("size must be a power of two and kindBits in [0, 12], got "
                    + size + " and " + kindBits);
        }
        this.cells = new AtomicLongArray(size);
        this.mask = size - 1;
        this.kindBits = kindBits;
        this.tagBits = KEY_BITS - kindBits;
        this.tagMask = (1L << tagBits) - 1;
    }

    int size() {
        return mask + 1;
    }

    private long key(long index, int kind) {
        return ((index & tagMask) << kindBits) | kind;
    }

    private static long keyOf(long word) {
        return word >>> COUNT_BITS;
    }

    // ---------------------------------------------------------------- writers (lock-free)

    /**
     * Adds {@code count} (1 to {@link #MAX_COUNT}) of {@code kind} at {@code index} to the cell of that
     * index and kind, or to a free cell. Lock-free, allocation-free.
     *
     * @return false when no cell could take it (every cell holds another index, or is full)
     */
    boolean add(long index, int kind, long count) {
        long key = key(index, kind);
        int start = (int) (key * 0x9E37_79B9_7F4A_7C15L >>> 40) & mask;
        for (int probe = 0; probe <= mask; probe++) {
            int i = (start + probe) & mask;
            for (;;) {
                long word = cells.get(i);
                long held = count(word);
                if (held == 0) {
                    if (cells.compareAndSet(i, word, (key << COUNT_BITS) | count)) {
                        return true;
                    }
                } else if (keyOf(word) == key && held <= MAX_COUNT - count) {
                    if (cells.compareAndSet(i, word, word + count)) {
                        return true;
                    }
                } else {
                    break;                                // another index, or no room: try the next cell
                }
            }
        }
        return false;
    }

    /**
     * Adds {@code count} to the cell of the same kind whose index is nearest to {@code index}, for when
     * {@link #add} found no cell: the count is kept, up to that distance from its index. Lock-free.
     *
     * @return false only when every cell of that kind is full (or there is none)
     */
    boolean addNearest(long index, int kind, long count) {
        for (;;) {
            int best = -1;
            long bestWord = 0;
            long bestDistance = Long.MAX_VALUE;
            for (int i = 0; i <= mask; i++) {
                long word = cells.get(i);
                long held = count(word);
                if (held != 0 && kind(word) == kind && held <= MAX_COUNT - count) {
                    long distance = Math.abs(index(word, index) - index);
                    if (distance < bestDistance) {
                        best = i;
                        bestWord = word;
                        bestDistance = distance;
                    }
                }
            }
            if (best < 0) {
                return add(index, kind, count);           // cells may have been harvested meanwhile
            }
            if (cells.compareAndSet(best, bestWord, bestWord + count)) {
                return true;
            }
        }
    }

    // ---------------------------------------------------------------- the harvester (lock held)

    /** What {@link #harvestBefore} hands each count it takes out of a cell. */
    interface Harvest {
        /**
         * Takes a harvested count. Called with the harvester's lock held.
         *
         * @param startMillis the start of the count's bucket
         * @param kind        the count's kind
         * @param count       how many
         */
        void take(long startMillis, int kind, long count);
    }

    /**
     * Empties every cell whose bucket ({@code lengthMillis} long, its index the tag nearest the bucket
     * ending at {@code endMillis}) starts before {@code endMillis} into {@code into}; the cells of later
     * buckets stay for a later harvest. A cell a writer adds to meanwhile is read again, so each count is
     * taken once, with its own index. The owner's lock held.
     */
    void harvestBefore(long endMillis, long lengthMillis, Harvest into) {
        long reference = Math.floorDiv(endMillis - 1, lengthMillis);
        for (int i = 0; i <= mask; i++) {
            for (;;) {
                long word = cells.get(i);
                long count = count(word);
                if (count == 0) {
                    break;
                }
                long at = index(word, reference) * lengthMillis;
                if (at >= endMillis) {
                    break;                                // a later bucket than the owner holds: a later harvest takes it
                }
                if (cells.compareAndSet(i, word, 0L)) {   // else a writer added meanwhile: read it again
                    into.take(at, kind(word), count);
                    break;
                }
            }
        }
    }

    /** The word of cell {@code i}: read its parts with {@link #count}, {@link #kind} and {@link #index}. */
    long word(int i) {
        return cells.get(i);
    }

    /** Empties cell {@code i} if it still holds {@code word}; false when a writer added meanwhile (read again). */
    boolean clear(int i, long word) {
        return cells.compareAndSet(i, word, 0L);
    }

    /** The count of a cell's word; 0 for a free cell. */
    static long count(long word) {
        return word & MAX_COUNT;
    }

    /** The kind of a cell's word. */
    int kind(long word) {
        return (int) (keyOf(word) & ((1L << kindBits) - 1));
    }

    /** The full index of a cell's word: the index with its tag nearest to {@code reference}. */
    long index(long word, long reference) {
        long tag = keyOf(word) >>> kindBits;
        long up = (tag - reference) & tagMask;            // steps forward from the reference to the tag
        return up < (1L << (tagBits - 1)) ? reference + up : reference + up - (1L << tagBits);
    }

    /** Bytes held, approximately. */
    long footprintBytes() {
        return 16 + 16 + 8L * size() + 24;
    }
}
