package dev.slo.engine;

/*
 * One resolution of an SLO's history: a ring of sealed buckets of equal length plus the open bucket
 * the recorder is filling. Package-private; every method is called with the recorder's lock held, so
 * nothing here is concurrent.
 *
 * Bucket k covers [k*length, (k+1)*length) in epoch milliseconds. The ring holds the sealed buckets
 * openIndex - slots .. openIndex - 1; bucket k lives in slot floorMod(k, slots). Moving forward seals
 * the open bucket into its slot and clears the slots of the buckets skipped over (at most `slots`
 * of them, however far the clock jumped), so a slot always holds the bucket the index says or zeros.
 */
final class TimeTier {
    final long lengthMillis;
    final int slots;
    /** Sealed buckets, interleaved: ring[2*slot] = good, ring[2*slot + 1] = total. */
    private final long[] ring;
    /** The sums of every slot of the ring, kept as slots change: a long look-back subtracts the few buckets it leaves out. */
    private long ringGood;
    private long ringTotal;
    long openIndex;
    long openEndMillis;
    /** The open bucket's counts drained from the writers so far: [0] good, [1] total. */
    final long[] open = new long[2];

    TimeTier(long lengthMillis, int slots, long nowMillis) {
        this.lengthMillis = lengthMillis;
        this.slots = slots;
        this.ring = new long[2 * slots];
        this.openIndex = Math.floorDiv(nowMillis, lengthMillis);
        this.openEndMillis = (openIndex + 1) * lengthMillis;
    }

    /** How far back this tier can answer: its sealed buckets plus the open one. */
    long spanMillis() {
        return lengthMillis * slots;
    }

    long openStartMillis() {
        return openEndMillis - lengthMillis;
    }

    /** Seals the open bucket and opens the one holding {@code nowMillis} (which is at or past openEndMillis). */
    void advanceTo(long nowMillis) {
        long target = Math.floorDiv(nowMillis, lengthMillis);
        int slot = slot(openIndex);
        ringGood += open[0] - ring[2 * slot];             // the bucket a ring length older leaves
        ringTotal += open[1] - ring[2 * slot + 1];
        ring[2 * slot] = open[0];
        ring[2 * slot + 1] = open[1];
        open[0] = 0;
        open[1] = 0;
        long skipped = Math.min(target - openIndex - 1, slots);
        for (long k = openIndex + 1, end = openIndex + 1 + skipped; k < end; k++) {
            int s = slot(k);
            ringGood -= ring[2 * s];
            ringTotal -= ring[2 * s + 1];
            ring[2 * s] = 0;
            ring[2 * s + 1] = 0;
        }
        openIndex = target;
        openEndMillis = (target + 1) * lengthMillis;
    }

    /** Adds to {@code out} the counts of buckets {@code fromIndex .. openIndex}, the open one included. */
    void sumFrom(long fromIndex, long[] out) {
        if (fromIndex > openIndex) {
            return;
        }
        out[0] += open[0];
        out[1] += open[1];
        long oldest = openIndex - slots;
        long first = Math.max(fromIndex, oldest);
        if (first - oldest < openIndex - first) {         // fewer buckets left out than taken: the ring's sum less those
            out[0] += ringGood;
            out[1] += ringTotal;
            for (long k = oldest; k < first; k++) {
                int s = slot(k);
                out[0] -= ring[2 * s];
                out[1] -= ring[2 * s + 1];
            }
            return;
        }
        for (long k = first; k < openIndex; k++) {
            int s = slot(k);
            out[0] += ring[2 * s];
            out[1] += ring[2 * s + 1];
        }
    }

    /** Counts of the one bucket {@code index} ([0] good, [1] total), zeros when outside the ring. */
    void bucket(long index, long[] out) {
        out[0] = 0;
        out[1] = 0;
        if (index == openIndex) {
            out[0] = open[0];
            out[1] = open[1];
        } else if (index < openIndex && index >= openIndex - slots) {
            int s = slot(index);
            out[0] = ring[2 * s];
            out[1] = ring[2 * s + 1];
        }
    }

    /**
     * Adds counts to bucket {@code index} after the fact: the open bucket or a sealed one still in the
     * ring; a bucket older than the ring is gone and the counts are dropped. The caller has advanced the
     * tier so that {@code index <= openIndex}.
     */
    void add(long index, long good, long total) {
        if (index == openIndex) {
            open[0] += good;
            open[1] += total;
        } else if (index < openIndex && index >= openIndex - slots) {
            int s = slot(index);
            ring[2 * s] += good;
            ring[2 * s + 1] += total;
            ringGood += good;
            ringTotal += total;
        }
    }

    /** {@return a copy of the sealed buckets in the ring and the open one, oldest first} */
    TierCounts copy() {
        return copy(true);
    }

    /** {@return a copy as {@link #copy()}, of events or (false) of slice verdict cells} */
    TierCounts copy(boolean events) {
        long[] counts = new long[2 * (slots + 1)];
        for (int i = 0; i < slots; i++) {
            int s = slot(openIndex - slots + i);
            counts[2 * i] = ring[2 * s];
            counts[2 * i + 1] = ring[2 * s + 1];
        }
        counts[2 * slots] = open[0];
        counts[2 * slots + 1] = open[1];
        return events ? new TierCounts(lengthMillis, openIndex - slots, counts) : TierCounts.ofCells(lengthMillis, openIndex - slots, counts);
    }

    /** Replaces every bucket with those of {@code copy}, which has this tier's length and size and open index. */
    void load(TierCounts copy) {
        for (int i = 0; i < slots; i++) {
            long index = openIndex - slots + i;
            int s = slot(index);
            ring[2 * s] = copy.good(index);
            ring[2 * s + 1] = copy.total(index);
        }
        open[0] = copy.good(openIndex);
        open[1] = copy.total(openIndex);
        ringGood = 0;
        ringTotal = 0;
        for (int i = 0; i < ring.length; i += 2) {
            ringGood += ring[i];
            ringTotal += ring[i + 1];
        }
    }

    long footprintBytes() {
        return 16L + 8L * ring.length + 16 + 64;
    }

    private int slot(long index) {
        return (int) Math.floorMod(index, (long) slots);
    }
}
