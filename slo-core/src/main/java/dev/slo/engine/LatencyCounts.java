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

    /**
     * A copy from its parts, as a decoder read them: every compact bucket is checked.
     *
     * @param lengthMillis the tiers' bucket lengths, finest first
     * @param openIndex    each tier's open bucket index
     * @param sealed       each tier's sealed buckets in compact form, oldest first
     * @param open         the finest tier's open bucket, {@link LatencyBins#SLOTS} counts
     * @return the copy
     * @throws IllegalArgumentException if the parts do not fit together or a compact bucket is malformed
     */
    public static LatencyCounts of(long[] lengthMillis, long[] openIndex, byte[][][] sealed, long[] open) {
        if (lengthMillis.length == 0 || lengthMillis.length != openIndex.length || lengthMillis.length != sealed.length
                || open.length != LatencyBins.SLOTS) {
            throw new IllegalArgumentException("latency tiers do not fit together: " + lengthMillis.length + " lengths, "
                    + openIndex.length + " open indices, " + sealed.length + " rings, " + open.length + " open slots");
        }
        for (long count : open) {
            if (count < 0) {
                throw new IllegalArgumentException("a latency count must be >= 0, got " + count);
            }
        }
        long[] scratch = new long[LatencyBins.SLOTS];
        byte[][][] copies = new byte[sealed.length][][];
        for (int t = 0; t < sealed.length; t++) {
            copies[t] = sealed[t].clone();
            for (byte[] bucket : copies[t]) {
                checkedDecodeInto(bucket, scratch);
            }
        }
        return new LatencyCounts(lengthMillis.clone(), openIndex.clone(), copies, open.clone());
    }

    /**
     * As LatencyRecorder.decodeInto, for bytes from outside: checks that every varint is whole and at most 9 bytes
     * (63 bits), that the slots ascend within range, and that no count is zero.
     *
     * @throws IllegalArgumentException if the bytes are not a compact bucket
     */
    private static void checkedDecodeInto(byte[] bytes, long[] out) {
        int at = 0;
        long slot = -1;
        while (at < bytes.length) {
            long[] read = new long[2];
            for (int field = 0; field < 2; field++) {
                long value = 0;
                int shift = 0;
                byte b;
                do {
                    if (at >= bytes.length || shift > 56) {
                        throw new IllegalArgumentException("a compact latency bucket holds a cut or overlong varint at byte " + at);
                    }
                    b = bytes[at++];
                    value |= (long) (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0);
                read[field] = value;
            }
            slot += read[0];
            if (read[0] <= 0 || slot >= out.length || read[1] <= 0) {
                throw new IllegalArgumentException("a compact latency bucket holds slot " + slot + " with count " + read[1]);
            }
            out[(int) slot] += read[1];
        }
    }

    /** {@return how many tiers, finest first} */
    public int tiers() {
        return lengthMillis.length;
    }

    /** {@return the bucket length of {@code tier}, in ms} @param tier from 0, the finest */
    public long lengthMillis(int tier) {
        return lengthMillis[tier];
    }

    /** {@return the index of {@code tier}'s open bucket} @param tier from 0, the finest */
    public long openIndex(int tier) {
        return openIndex[tier];
    }

    /** {@return how many sealed buckets {@code tier} keeps} @param tier from 0, the finest */
    public int slots(int tier) {
        return sealed[tier].length;
    }

    /** {@return the compact sealed bucket {@code i} of {@code tier} (bucket {@code openIndex - slots + i}); not to be changed} @param tier the tier @param i the bucket */
    public byte[] sealed(int tier, int i) {
        return sealed[tier][i];
    }

    /** {@return the finest tier's open bucket: one count per latency slot} */
    public long[] open() {
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
