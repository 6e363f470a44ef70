package dev.slo.engine;

import java.util.Arrays;

/**
 * An immutable copy of a latency SLO's distribution (its {@link LatencyRecorder}), taken with the
 * {@link RecorderCounts} of the same recorder: for each tier (5 minutes, 1 hour, 1 day), the sealed
 * buckets the ring keeps in their compact form, and the finest tier's open bucket. The open bucket of a
 * coarser tier is not stored: it is the sum of the finer buckets inside it, as in the recorder.
 */
public final class LatencyCounts {
    private final long[] lengthMillis;
    private final long[] openIndex;
    /** [tier][i]: the sealed bucket openIndex - slots + i, compact (see LatencyRecorder.encode). */
    private final byte[][][] sealed;
    /** The finest tier's open bucket, one count per slot. */
    private final long[] open;

    LatencyCounts(long[] lengthMillis, long[] openIndex, byte[][][] sealed, long[] open) {
        this.lengthMillis = lengthMillis;
        this.openIndex = openIndex;
        this.sealed = sealed;
        this.open = open;
    }

    int tiers() {
        return lengthMillis.length;
    }

    long lengthMillis(int tier) {
        return lengthMillis[tier];
    }

    long openIndex(int tier) {
        return openIndex[tier];
    }

    int slots(int tier) {
        return sealed[tier].length;
    }

    /** The compact sealed bucket {@code i} of {@code tier} (bucket {@code openIndex - slots + i}). */
    byte[] sealed(int tier, int i) {
        return sealed[tier][i];
    }

    long[] open() {
        return open.clone();
    }

    /** Adds the counts of bucket {@code index} of {@code tier} to {@code out}: sealed, open, or summed from finer buckets. */
    private void addBucket(int tier, long index, long[] out) {
        long openAt = openIndex[tier];
        int slots = sealed[tier].length;
        if (index < openAt) {
            if (index >= openAt - slots) {
                LatencyRecorder.decodeInto(sealed[tier][(int) (index - (openAt - slots))], out);
            }
        } else if (index == openAt) {
            if (tier == 0) {
                for (int i = 0; i < out.length; i++) {
                    out[i] += open[i];
                }
            } else {
                long perBucket = lengthMillis[tier] / lengthMillis[tier - 1];
                for (long k = index * perBucket, end = (index + 1) * perBucket; k < end; k++) {
                    addBucket(tier - 1, k, out);
                }
            }
        }
    }

    /**
     * The distribution one recorder would hold had it seen the latencies of both copies, at the later
     * copy's open buckets; buckets older than the tiers keep are dropped.
     *
     * @param a a copy
     * @param b a copy of a distribution of the same tiers
     * @return the sum
     * @throws IllegalArgumentException if the tiers do not line up
     */
    public static LatencyCounts sum(LatencyCounts a, LatencyCounts b) {
        if (!Arrays.equals(a.lengthMillis, b.lengthMillis) || a.tiers() != b.tiers()) {
            throw new IllegalArgumentException("latency tiers of " + Arrays.toString(a.lengthMillis) + " ms and "
                    + Arrays.toString(b.lengthMillis) + " ms do not line up");
        }
        int tiers = a.tiers();
        long[] openIndex = new long[tiers];
        byte[][][] sealed = new byte[tiers][][];
        long[] scratch = new long[LatencyBins.SLOTS];
        for (int t = 0; t < tiers; t++) {
            if (a.slots(t) != b.slots(t)) {
                throw new IllegalArgumentException("latency tier " + t + " keeps " + a.slots(t) + " and " + b.slots(t) + " buckets");
            }
            openIndex[t] = Math.max(a.openIndex[t], b.openIndex[t]);
            int slots = a.slots(t);
            sealed[t] = new byte[slots][];
            for (int i = 0; i < slots; i++) {
                long index = openIndex[t] - slots + i;
                Arrays.fill(scratch, 0);
                a.addBucket(t, index, scratch);
                b.addBucket(t, index, scratch);
                sealed[t][i] = LatencyRecorder.encode(scratch);
            }
        }
        long[] open = new long[LatencyBins.SLOTS];
        a.addBucket(0, openIndex[0], open);
        b.addBucket(0, openIndex[0], open);
        return new LatencyCounts(a.lengthMillis.clone(), openIndex, sealed, open);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyCounts c && Arrays.equals(c.lengthMillis, lengthMillis) && Arrays.equals(c.openIndex, openIndex)
                && Arrays.deepEquals(c.sealed, sealed) && Arrays.equals(c.open, open);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(openIndex) * 31 + Arrays.hashCode(open);
    }

    @Override
    public String toString() {
        return "LatencyCounts[tiers " + Arrays.toString(lengthMillis) + " ms, open at " + Arrays.toString(openIndex) + "]";
    }
}
