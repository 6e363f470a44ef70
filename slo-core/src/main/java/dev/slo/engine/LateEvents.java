package dev.slo.engine;

/*
 * The events of writers that saw a bucket boundary pass while another thread held EventRecorder's roll
 * lock: parked by the index of their own bucket in TaggedCells, one table per tier, and harvested into
 * that bucket of every tier by the roll that reaches it. Package-private; lives inside EventRecorder.
 *
 * Assumptions and guarantees
 *  - Writers call park() from any number of threads, only on the rare path where their tryLock of the
 *    roll lock failed. It is lock-free (TaggedCells.add: a CAS on one cell) and allocates nothing; it
 *    never waits, however long the lock is held and however far the clock moves meanwhile. When every
 *    cell is full it returns false and the writer adds the events to the open bucket instead: still
 *    counted once.
 *  - One harvester at a time: harvest() is called with the roll lock held (by the roll, and by a roll
 *    that finds another thread rolled first). It takes each cell by a CAS to zero of the word it read,
 *    so each parked count is added to the tiers exactly once, with the index it was parked with.
 *  - An event is never harvested into an earlier bucket than its own: cells of a bucket the finest tier
 *    has not reached (a writer read the clock after this roll's reading) wait for the roll that does.
 *
 * Algorithm
 *  The cells: 32 for 10-second buckets, 16 for minutes, 8 for five-minute buckets and 8 for hours (512
 *  bytes), each holding the good or the bad events (one kind bit) of one bucket. A writer that finds no
 *  10-second cell free during one lock hold parks under its minute instead, then under its five
 *  minutes, then its hour: such an event lands in the right bucket of that tier and every coarser one,
 *  and in finer tiers in the bucket holding that coarser bucket's start. With every hourly cell taken
 *  by other hours it merges into the cell of the nearest hour parked (addNearest), and past that, with
 *  every cell of its kind full (68 billion events each), the writer adds it to the open bucket. An
 *  hourly-only recorder has 32 hourly cells.
 */
final class LateEvents implements TaggedCells.Harvest {
    static final int GOOD_KIND = 0;
    static final int BAD_KIND = 1;
    /** Cells per tier, finest first (512 bytes in all). */
    private static final int[] CELLS = {32, 16, 8, 8};
    /** This object: header and two references (the cells are counted apart). */
    private static final long OWN_BYTES = 24;

    /** By tier, finest first. */
    private final TaggedCells[] cells;
    private final Tiers tiers;

    LateEvents(Tiers tiers, boolean hourlyOnly) {
        this.tiers = tiers;
        this.cells = new TaggedCells[tiers.count()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new TaggedCells(hourlyOnly ? 32 : CELLS[i], 1);
        }
    }

    // ---------------------------------------------------------------- writers (lock-free)

    /**
     * Parks {@code count} events of {@code kind} read at {@code at} (at most LAST_MILLIS) under the
     * finest bucket holding {@code at} that finds a cell; see the class notes for when none does.
     * Lock-free, allocation-free.
     *
     * @return false when every cell is full: the caller counts the events in the open bucket
     */
    boolean park(long at, int kind, long count) {
        for (int level = 0; level < cells.length; level++) {
            if (cells[level].add(Math.floorDiv(at, tiers.lengthMillis(level)), kind, count)) {
                return true;
            }
        }
        int coarsest = cells.length - 1;
        return cells[coarsest].addNearest(Math.floorDiv(at, tiers.lengthMillis(coarsest)), kind, count);
    }

    // ---------------------------------------------------------------- the harvester (roll lock held)

    /**
     * Moves every parked event whose bucket the finest tier has reached into that bucket of every tier.
     * Cells of a later bucket wait for the roll that reaches them. Lock held.
     */
    void harvest() {
        long openEnd = tiers.finest().openEndMillis;
        for (int level = 0; level < cells.length; level++) {
            cells[level].harvestBefore(openEnd, tiers.lengthMillis(level), this);
        }
    }

    /** A harvested late count: into its bucket of every tier. Lock held. */
    @Override
    public void take(long startMillis, int kind, long count) {
        tiers.addLive(startMillis, kind == GOOD_KIND ? count : 0, count);
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
