package dev.slo.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable copy of a {@link SliceRecorder}'s state, as one consistent view: the verdict tiers (each
 * bucket's cells as the recorder keeps them, finest first) and the slices not yet judged, each with its
 * readings (the open slice, and in a fleet's sum the open slices of every instance). Copies of recorders
 * of the same definition add bucket by bucket ({@link #sum}): closed slices are counted per instance, so
 * a fleet of two instances has two verdicts per slice; unjudged slices of the same index add their
 * readings and are judged as one when their slice closes.
 *
 * @param tiers   the verdict tiers, finest first
 * @param pending the unjudged slices, in increasing slice index: (slice index, good readings, readings)
 *     triples, each with {@code 0 <= good <= readings} and {@code readings > 0}
 */
public record SliceCounts(List<TierCounts> tiers, long[] pending) {
    /**
     * Checks the copy.
     *
     * @throws NullPointerException if {@code tiers}, one of them or {@code pending} is null
     * @throws IllegalArgumentException if there is no tier, or {@code pending} is not a list of triples in
     *     increasing slice index with {@code 0 <= good <= readings} and {@code readings > 0}
     */
    public SliceCounts {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("tiers must not be empty");
        }
        pending = pending.clone();
        if (pending.length % 3 != 0) {
            throw new IllegalArgumentException("pending must hold (slice, good, readings) triples, got " + pending.length + " values");
        }
        for (int i = 0; i < pending.length; i += 3) {
            if (i > 0 && pending[i] <= pending[i - 3]) {
                throw new IllegalArgumentException("pending slices must be in increasing order, got " + pending[i] + " after " + pending[i - 3]);
            }
            if (pending[i + 1] < 0 || pending[i + 1] > pending[i + 2] || pending[i + 2] <= 0) {
                throw new IllegalArgumentException("pending slice " + pending[i] + " must have 0 <= good <= readings, readings > 0, got "
                        + pending[i + 1] + " of " + pending[i + 2]);
            }
        }
    }

    /** {@return the unjudged slices: (slice index, good, readings) triples, in increasing slice index} */
    @Override
    public long[] pending() {
        return pending.clone();
    }

    /** {@return the end (epoch ms) of the newest bucket of the finest tier: the copy holds no later verdict} */
    public long endMillis() {
        TierCounts finest = tiers.get(0);
        return (finest.lastIndex() + 1) * finest.lengthMillis();
    }

    /** {@return the index of the newest unjudged slice, or {@code Long.MIN_VALUE} if none} */
    public long lastPendingSlice() {
        return pending.length == 0 ? Long.MIN_VALUE : pending[pending.length - 3];
    }

    /**
     * The counts of both copies: tiers add bucket by bucket (at the later copy's open buckets), unjudged
     * slices of the same index add their readings.
     *
     * @param a a copy
     * @param b a copy of a recorder of the same tiers
     * @return the sum
     * @throws IllegalArgumentException if the tiers do not line up
     */
    public static SliceCounts sum(SliceCounts a, SliceCounts b) {
        if (a.tiers.size() != b.tiers.size()) {
            throw new IllegalArgumentException(a.tiers.size() + " tiers and " + b.tiers.size() + " do not line up");
        }
        List<TierCounts> tiers = new ArrayList<>(a.tiers.size());
        for (int i = 0; i < a.tiers.size(); i++) {
            tiers.add(TierCounts.sum(a.tiers.get(i), b.tiers.get(i)));
        }
        long[] out = new long[a.pending.length + b.pending.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.pending.length || j < b.pending.length) {
            long[] from;
            int k;
            if (j >= b.pending.length || (i < a.pending.length && a.pending[i] <= b.pending[j])) {
                from = a.pending;
                k = i;
                i += 3;
            } else {
                from = b.pending;
                k = j;
                j += 3;
            }
            if (n > 0 && out[n - 3] == from[k]) {
                out[n - 2] += from[k + 1];
                out[n - 1] += from[k + 2];
            } else {
                System.arraycopy(from, k, out, n, 3);
                n += 3;
            }
        }
        return new SliceCounts(tiers, Arrays.copyOf(out, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliceCounts s && s.tiers.equals(tiers) && Arrays.equals(s.pending, pending);
    }

    @Override
    public int hashCode() {
        return tiers.hashCode() * 31 + Arrays.hashCode(pending);
    }

    @Override
    public String toString() {
        return "SliceCounts[" + tiers + ", pending " + Arrays.toString(pending) + "]";
    }
}
