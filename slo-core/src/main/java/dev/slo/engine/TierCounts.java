package dev.slo.engine;

import java.util.Arrays;

/**
 * An immutable copy of one time tier's buckets: {@code size()} consecutive buckets of {@code lengthMillis},
 * the first being bucket {@code firstIndex} (covering {@code [firstIndex*length, (firstIndex+1)*length)}
 * in epoch ms), the last the bucket that was open. Bucket indices are epoch-aligned, so the tiers of two
 * recorders of the same definition line up whatever their clocks.
 */
public final class TierCounts {
    private final long lengthMillis;
    private final long firstIndex;
    /** Interleaved: counts[2*i] = good, counts[2*i + 1] = total of bucket firstIndex + i. */
    private final long[] counts;
    /** Events, good at most total; or slice verdict cells ({@link #ofCells}). */
    private final boolean events;

    /**
     * @param lengthMillis the bucket length, positive
     * @param firstIndex   the index of the first bucket
     * @param counts       good and total interleaved, bucket by bucket (copied), with good <= total in each
     * @throws IllegalArgumentException if the length is not positive, the array's length is odd or zero, or
     *     a bucket has a negative count or more good than total events
     */
    public TierCounts(long lengthMillis, long firstIndex, long[] counts) {
        this(lengthMillis, firstIndex, counts, true);
    }

    private TierCounts(long lengthMillis, long firstIndex, long[] counts, boolean events) {
        if (lengthMillis <= 0) {
            throw new IllegalArgumentException("lengthMillis must be positive, got " + lengthMillis);
        }
        if (counts.length == 0 || counts.length % 2 != 0) {
            throw new IllegalArgumentException("counts must hold good and total of at least one bucket, got " + counts.length + " values");
        }
        for (int i = 0; i < counts.length; i += 2) {
            if (counts[i] < 0 || counts[i + 1] < 0 || (events && counts[i] > counts[i + 1])) {
                throw new IllegalArgumentException("bucket " + (firstIndex + i / 2) + " must have " + (events ? "0 <= good <= total" : "cells >= 0")
                        + ", got good " + counts[i] + " of " + counts[i + 1]);
            }
        }
        this.lengthMillis = lengthMillis;
        this.firstIndex = firstIndex;
        this.counts = counts.clone();
        this.events = events;
    }

    /**
     * A copy of a tier of slice verdict cells (SliceVerdicts), whose two cells per bucket are checked only
     * to be non-negative: under ratio-timeslices budgeting they hold a 32.32 ratio sum and packed slice
     * counts, and a verdict placed at a coarser bucket's start may put one cell of a slice in another
     * bucket than the other.
     *
     * @param lengthMillis the bucket length, positive
     * @param firstIndex   the index of the first bucket
     * @param cells        the two cells interleaved, bucket by bucket (copied), each at least 0
     * @return the copy
     * @throws IllegalArgumentException if the length is not positive, the array's length is odd or zero, or
     *     a cell is negative
     */
    public static TierCounts ofCells(long lengthMillis, long firstIndex, long[] cells) {
        return new TierCounts(lengthMillis, firstIndex, cells, false);
    }

    /** {@return whether the buckets hold events (good at most total), not slice verdict cells} */
    public boolean holdsEvents() {
        return events;
    }

    /** {@return the bucket length in ms} */
    public long lengthMillis() {
        return lengthMillis;
    }

    /** {@return the index of the first (oldest) bucket} */
    public long firstIndex() {
        return firstIndex;
    }

    /** {@return the index of the last (newest) bucket: the one that was open} */
    public long lastIndex() {
        return firstIndex + size() - 1;
    }

    /** {@return how many buckets} */
    public int size() {
        return counts.length / 2;
    }

    /** {@return the good events of bucket {@code index}, 0 outside the buckets held} @param index a bucket index */
    public long good(long index) {
        return index < firstIndex || index > lastIndex() ? 0 : counts[(int) (2 * (index - firstIndex))];
    }

    /** {@return the events of bucket {@code index}, 0 outside the buckets held} @param index a bucket index */
    public long total(long index) {
        return index < firstIndex || index > lastIndex() ? 0 : counts[(int) (2 * (index - firstIndex) + 1)];
    }

    /**
     * The bucket-by-bucket sum of two copies of tiers of the same length and size, as one tier that saw
     * both would hold at the later one's open bucket: buckets older than that tier keeps are dropped.
     *
     * @param a one tier's counts
     * @param b another's, of the same length and size
     * @return the sum, ending at the later open bucket
     * @throws IllegalArgumentException if the lengths or sizes differ
     */
    public static TierCounts sum(TierCounts a, TierCounts b) {
        if (a.lengthMillis != b.lengthMillis || a.size() != b.size() || a.events != b.events) {
            throw new IllegalArgumentException("tiers of " + a.size() + " x " + a.lengthMillis + " ms and " + b.size() + " x "
                    + b.lengthMillis + " ms do not line up");
        }
        long last = Math.max(a.lastIndex(), b.lastIndex());
        long first = last - a.size() + 1;
        long[] out = new long[a.counts.length];
        for (int i = 0; i < a.size(); i++) {
            out[2 * i] = a.good(first + i) + b.good(first + i);
            out[2 * i + 1] = a.total(first + i) + b.total(first + i);
        }
        return new TierCounts(a.lengthMillis, first, out, a.events);
    }

    /** The counts of bucket {@code index} added to {@code out} ([0] good, [1] total). */
    void addTo(long index, long[] out) {
        out[0] += good(index);
        out[1] += total(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TierCounts t && t.lengthMillis == lengthMillis && t.firstIndex == firstIndex && t.events == events
                && Arrays.equals(t.counts, counts);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lengthMillis) * 31 * 31 + Long.hashCode(firstIndex) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        long good = 0;
        long total = 0;
        for (int i = 0; i < counts.length; i += 2) {
            good += counts[i];
            total += counts[i + 1];
        }
        return "TierCounts[" + size() + " x " + lengthMillis + " ms from bucket " + firstIndex + ", " + good + " good of " + total + "]";
    }
}
