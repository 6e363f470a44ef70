package dev.slo.engine;

/*
 * The verdicts of a SliceRecorder's closed slices: each slice judged good or bad (or, for ratio
 * budgeting, by its ratio) from its counts, parked in TaggedCells by the bucket holding the slice's
 * start, and added from there into that bucket of every tier; and the sums of slices read back from
 * the tiers. Package-private; lives inside SliceRecorder and shares its lock and tiers.
 *
 * Assumptions and guarantees
 *  - Writers call park() from any number of threads: the closer of a slice that never spilled, the one
 *    thread whose CAS swapped the slice's word out, so the counts it passes are final and each such
 *    slice is parked exactly once. park() is lock-free (a CAS on one cell, TaggedCells.add) and
 *    allocates nothing; it never waits, however long a query holds the lock.
 *  - The lock holder (an absorb: a query, or a closer whose tryLock succeeded) calls harvest() and
 *    add(), one thread at a time. harvest() takes each cell by a CAS to zero of the word it read, so
 *    every parked verdict reaches the tiers exactly once; cells of a bucket the finest tier has not
 *    reached wait for a later absorb. add() gives a spilled slice its verdict straight into the tiers.
 *  - Verdicts are additive (good slices and bad slices; or the ratio sum, all-good slices and the
 *    others), so merging the verdicts of one bucket, or into a coarser bucket, loses nothing but their
 *    place within that bucket.
 *
 * Algorithm
 *  A slice is good when good/total reaches sliceTarget (1.0: every reading good), or, for ratio
 *  budgeting, counts its ratio. Each kind is parked under the bucket holding the slice's start in the
 *  finest tier with a free cell (32 cells of 10 s, 16 of 1 min, 8 of 5 min, 8 of 1 h: 512 bytes),
 *  merging with the verdicts of the same bucket; harvest adds each to that bucket of every tier. When
 *  a lock hold outlasts the finer cells, verdicts merge into a coarser bucket: exact in that tier and
 *  coarser ones, placed at the bucket's start in finer ones.
 *  Cells of the tiers: a bucket's good cell counts good slices and its total cell the slices with
 *  data; for ratio budgeting its good cell holds the sum of its slices' ratios in 32.32 fixed point and
 *  its total cell packs slices (high 32 bits) with slices whose every event was good (low 32 bits).
 */
final class SliceVerdicts implements TaggedCells.Harvest {
    static final double RATIO_SCALE = 4_294_967_296.0;   // 2^32
    /** Verdict cells per tier, finest first (512 bytes in all). */
    private static final int[] CELLS = {32, 16, 8, 8};
    /** Verdict kinds: without ratio budgeting, good and bad slices. */
    private static final int GOOD_SLICES = 0;
    private static final int BAD_SLICES = 1;
    /** Verdict kinds with ratio budgeting: the ratio sum (32.32), slices with every event good, the others. */
    private static final int RATIO_SUM = 0;
    private static final int ALL_GOOD = 1;
    private static final int NOT_ALL_GOOD = 2;
    /** This object: header, the slice settings and two references (cells and tiers counted apart). */
    private static final long OWN_BYTES = 56;

    private final long sliceMillis;
    /** A slice is good when good/total reaches this (1.0: all good). Unused for ratio budgeting. */
    private final double sliceTarget;
    private final boolean ratio;
    /** Verdicts of closed slices, by the index of their start's bucket in each tier, finest first. */
    private final TaggedCells[] cells;
    /** The owner's tiers, finest first. */
    private final TimeTier[] tiers;
    /** Every verdict added to the tiers here, ever, in the cells' form; under the owner's lock. */
    private long liveGoodCell;
    private long liveTotalCell;

    SliceVerdicts(TimeTier[] tiers, long sliceMillis, double sliceTarget, boolean ratio) {
        this.tiers = tiers;
        this.sliceMillis = sliceMillis;
        this.sliceTarget = sliceTarget;
        this.ratio = ratio;
        this.cells = new TaggedCells[tiers.length];
        for (int i = 0; i < tiers.length; i++) {
            cells[i] = new TaggedCells(CELLS[i], 2);
        }
    }

    // ---------------------------------------------------------------- writers (lock-free)

    /**
     * Parks the verdict of a slice of {@code good} of {@code total} readings (total > 0). Lock-free.
     *
     * @return 0 if parked whole; else the kinds (a bit each) the cells had no room for, after a lock hold
     *     outlasting them all: the caller then takes the lock and adds those with {@link #addUnparked}
     */
    int park(long slice, long good, long total) {
        long start = slice * sliceMillis;
        if (!ratio) {
            int kind = isGood(good, total) ? GOOD_SLICES : BAD_SLICES;
            return park(start, kind, 1) ? 0 : 1 << kind;
        }
        long ratioCell = ratioCell(good, total);
        int kind = good == total ? ALL_GOOD : NOT_ALL_GOOD;
        int unparked = ratioCell > 0 && !park(start, RATIO_SUM, ratioCell) ? 1 << RATIO_SUM : 0;
        return park(start, kind, 1) ? unparked : unparked | 1 << kind;
    }

    /** Adds the kinds {@code unparked} of a slice's verdict (see {@link #park}) straight into the tiers. Lock held. */
    void addUnparked(long slice, long good, long total, int unparked) {
        long start = slice * sliceMillis;
        Tiers.advance(tiers, start);
        for (int kind = 0; kind < 3; kind++) {
            if ((unparked & 1 << kind) != 0) {
                addKind(start, kind, ratio && kind == RATIO_SUM ? ratioCell(good, total) : 1);
            }
        }
    }

    private static long ratioCell(long good, long total) {
        return Math.round((double) good / total * RATIO_SCALE);
    }

    /**
     * Adds a verdict count to the cell of the finest tier bucket holding {@code start} that finds room,
     * else merges into the nearest hour of its kind parked. Lock-free.
     *
     * @return false if no cell had room
     */
    private boolean park(long start, int kind, long count) {
        for (int level = 0; level < tiers.length; level++) {
            if (cells[level].add(Math.floorDiv(start, tiers[level].lengthMillis), kind, count)) {
                return true;
            }
        }
        int coarsest = tiers.length - 1;
        return cells[coarsest].addNearest(Math.floorDiv(start, tiers[coarsest].lengthMillis), kind, count);
    }

    private boolean isGood(long good, long total) {
        return sliceTarget >= 1.0 ? good == total : (double) good / total >= sliceTarget;
    }

    // ---------------------------------------------------------------- under the owner's lock

    /** Moves the parked verdicts of every bucket the finest tier has reached into the tiers. Lock held. */
    void harvest() {
        long openEnd = tiers[0].openEndMillis;
        for (int level = 0; level < tiers.length; level++) {
            cells[level].harvestBefore(openEnd, tiers[level].lengthMillis, this);
        }
    }

    /** A harvested verdict count: into its bucket of every tier. Lock held. */
    @Override
    public void take(long startMillis, int kind, long count) {
        addKind(startMillis, kind, count);
    }

    /** Judges a slice that spilled, from all its counts, straight into the tiers. Lock held. */
    void add(long slice, long good, long total) {
        if (total == 0) {
            return;
        }
        long start = slice * sliceMillis;
        Tiers.advance(tiers, start);
        if (ratio) {
            addKind(start, RATIO_SUM, ratioCell(good, total));
            addKind(start, good == total ? ALL_GOOD : NOT_ALL_GOOD, 1);
        } else {
            addKind(start, isGood(good, total) ? GOOD_SLICES : BAD_SLICES, 1);
        }
    }

    /** Adds {@code count} verdicts of {@code kind} to the bucket holding {@code at} in every tier. Lock held. */
    private void addKind(long at, int kind, long count) {
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
        liveGoodCell += goodCell;
        liveTotalCell += totalCell;
    }

    /** {@return every slice judged here, ever (not restored verdicts), as a tally} Lock held. */
    Tally live() {
        return decode(liveGoodCell, liveTotalCell);
    }

    /** The slices of a sum of cells (see the class notes). */
    private Tally decode(long goodCell, long totalCell) {
        if (ratio) {
            return new Tally(totalCell & 0xFFFF_FFFFL, totalCell >>> 32, goodCell / RATIO_SCALE);
        }
        return Tally.ofEvents(goodCell, totalCell);
    }

    // ---------------------------------------------------------------- readers (lock held, tiers caught up)

    /**
     * The slices of the buckets starting at or after {@code startMillis}, read from the finest tier
     * spanning {@code span} (the coarsest when none does), decoded from the cells (see the class notes).
     */
    Tally sumFrom(long startMillis, long span) {
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
        return decode(sum[0], sum[1]);
    }

    /** Bytes held, approximately: this object and its cells. */
    long footprintBytes() {
        long bytes = OWN_BYTES;
        for (TaggedCells tier : cells) {
            bytes += tier.footprintBytes();
        }
        return bytes;
    }
}
