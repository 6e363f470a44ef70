package dev.slo.snapshot;

import dev.slo.SnapshotFormatException;
import dev.slo.engine.LatencyBins;
import dev.slo.engine.LatencyCounts;
import dev.slo.engine.RecorderCounts;
import dev.slo.engine.SliceCounts;
import dev.slo.engine.TierCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads a recorder's counts ({@link RecorderCounts}) inside a section. Per tier: its bucket
 * length, first index and size, then per bucket the change in total from the previous bucket (zigzag:
 * steady traffic makes it small) and the bad events (usually few). Then the calendar head, and the
 * latency distribution in its own compact form. Reading checks every count and every size against what
 * the section can still hold before it allocates.
 */
public final class CountsCodec {
    /** The most tiers a recorder has (EventRecorder has 4, an hourly one 1). */
    private static final int MAX_TIERS = 8;

    private CountsCodec() {}

    /** Writes {@code counts} to {@code out}. @param counts the copy @param out the section being written */
    public static void write(RecorderCounts counts, SectionWriter out) {
        writeTiers(counts.tiers(), out, false);
        boolean head = counts.headStartMillis() != Long.MIN_VALUE;
        out.varint(head ? 1 : 0);
        if (head) {
            out.zigzag(counts.headStartMillis()).varint(counts.headTotal()).varint(counts.headTotal() - counts.headGood());
        }
        LatencyCounts latency = counts.latency();
        out.varint(latency == null ? 0 : 1);
        if (latency != null) {
            out.varint(latency.tiers());
            for (int t = 0; t < latency.tiers(); t++) {
                out.varint(latency.lengthMillis(t)).zigzag(latency.openIndex(t)).varint(latency.slots(t));
                for (int i = 0; i < latency.slots(t); i++) {
                    out.bytes(latency.sealed(t, i));
                }
            }
            long[] open = latency.open();
            int used = 0;
            for (long count : open) {
                used += count != 0 ? 1 : 0;
            }
            out.varint(used);
            int previous = -1;
            for (int slot = 0; slot < open.length; slot++) {
                if (open[slot] != 0) {
                    out.varint(slot - previous).varint(open[slot]);
                    previous = slot;
                }
            }
        }
    }

    /**
     * Reads counts written by {@link #write}.
     *
     * @param in the section being read
     * @return the copy
     * @throws SnapshotFormatException if the bytes are not such counts
     */
    public static RecorderCounts read(SectionReader in) throws SnapshotFormatException {
        List<TierCounts> tiers = readTiers(in, false);
        long headStart = Long.MIN_VALUE;
        long headTotal = 0;
        long headBad = 0;
        if (in.varint(1, "head flag") == 1) {
            headStart = in.zigzag("head start");
            headTotal = in.varint(Long.MAX_VALUE, "head events");
            headBad = in.varint(headTotal, "head bad events");
        }
        LatencyCounts latency = in.varint(1, "latency flag") == 1 ? readLatency(in) : null;
        long start = headStart;
        long good = headTotal - headBad;
        long total = headTotal;
        return checked(in, () -> new RecorderCounts(tiers, start, good, total, latency));
    }

    /**
     * Writes a slice recorder's copy: its verdict tiers as a recorder's tiers, then its unjudged slices.
     *
     * @param counts the copy
     * @param out    the section being written
     */
    public static void write(SliceCounts counts, SectionWriter out) {
        writeTiers(counts.tiers(), out, true);
        long[] pending = counts.pending();
        out.varint(pending.length / 3);
        for (int i = 0; i < pending.length; i += 3) {
            out.zigzag(pending[i]).varint(pending[i + 2]).varint(pending[i + 2] - pending[i + 1]);
        }
    }

    /**
     * Reads a slice recorder's copy written by {@link #write(SliceCounts, SectionWriter)}.
     *
     * @param in the section being read
     * @return the copy
     * @throws SnapshotFormatException if the bytes are not such a copy
     */
    public static SliceCounts readSlices(SectionReader in) throws SnapshotFormatException {
        List<TierCounts> tiers = readTiers(in, true);
        int count = (int) in.varint(in.remaining() / 3, "pending slice count");   // every slice takes at least 3 bytes
        long[] pending = new long[3 * count];
        for (int i = 0; i < pending.length; i += 3) {
            pending[i] = in.zigzag("pending slice index");
            pending[i + 2] = in.varint(Long.MAX_VALUE, "pending slice readings");
            pending[i + 1] = pending[i + 2] - in.varint(pending[i + 2], "pending slice bad readings");
        }
        return checked(in, () -> new SliceCounts(tiers, pending));
    }

    /**
     * Writes tiers: per tier its bucket length, first index and size, then per bucket either (events) the
     * change in total from the previous bucket and the bad events, or (slice verdict cells) each cell's
     * change from the previous bucket's; all zigzag but the bad events.
     */
    private static void writeTiers(List<TierCounts> tiers, SectionWriter out, boolean cells) {
        out.varint(tiers.size());
        for (TierCounts tier : tiers) {
            out.varint(tier.lengthMillis()).zigzag(tier.firstIndex()).varint(tier.size());
            long previousGood = 0;
            long previousTotal = 0;
            for (long k = tier.firstIndex(); k <= tier.lastIndex(); k++) {
                long good = tier.good(k);
                long total = tier.total(k);
                if (cells) {
                    out.zigzag(good - previousGood).zigzag(total - previousTotal);
                } else {
                    out.zigzag(total - previousTotal).varint(total - good);
                }
                previousGood = good;
                previousTotal = total;
            }
        }
    }

    private static List<TierCounts> readTiers(SectionReader in, boolean cells) throws SnapshotFormatException {
        int tierCount = (int) in.varint(MAX_TIERS, "tier count");
        List<TierCounts> tiers = new ArrayList<>(tierCount);
        for (int t = 0; t < tierCount; t++) {
            long length = in.varint(Long.MAX_VALUE, "bucket length");
            long first = in.zigzag("first bucket index");
            int size = (int) in.varint(in.remaining() / 2, "bucket count");   // every bucket takes at least 2 bytes
            if (length == 0 || !inEpochRange(first, size, length)) {
                throw in.error("a tier of " + size + " buckets of " + length + " ms from bucket " + first + " is out of range");
            }
            long[] counts = new long[2 * size];
            long good = 0;
            long total = 0;
            for (int i = 0; i < size; i++) {
                if (cells) {
                    good = added(in, good, in.zigzag("change in a verdict cell"), first + i);
                    total = added(in, total, in.zigzag("change in a verdict cell"), first + i);
                } else {
                    total = added(in, total, in.zigzag("change in total"), first + i);
                    long bad = in.varint(Long.MAX_VALUE, "bad events");
                    if (bad > total) {
                        throw in.error("bucket " + (first + i) + " holds " + bad + " bad of " + total + " events");
                    }
                    good = total - bad;
                }
                counts[2 * i] = good;
                counts[2 * i + 1] = total;
            }
            tiers.add(checked(in, () -> cells ? TierCounts.ofCells(length, first, counts) : new TierCounts(length, first, counts)));
        }
        return tiers;
    }

    /** {@code previous + change}, refused when it overflows or falls below 0. */
    private static long added(SectionReader in, long previous, long change, long bucket) throws SnapshotFormatException {
        long next = previous + change;
        if (((previous ^ next) & (change ^ next)) < 0 || next < 0) {
            throw in.error("bucket " + bucket + "'s count is out of range");
        }
        return next;
    }

    /** Whether buckets {@code first .. first + size} of {@code length} ms start and end within the epoch millis of a long. */
    private static boolean inEpochRange(long first, int size, long length) {
        try {
            Math.multiplyExact(first, length);
            Math.multiplyExact(Math.addExact(first, size + 1L), length);
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static LatencyCounts readLatency(SectionReader in) throws SnapshotFormatException {
        int tierCount = (int) in.varint(MAX_TIERS, "latency tier count");
        long[] lengths = new long[tierCount];
        long[] openIndex = new long[tierCount];
        byte[][][] sealed = new byte[tierCount][][];
        for (int t = 0; t < tierCount; t++) {
            lengths[t] = in.varint(Long.MAX_VALUE, "latency bucket length");
            openIndex[t] = in.zigzag("latency open index");
            sealed[t] = new byte[(int) in.varint(in.remaining(), "latency bucket count")][];   // at least 1 byte each
            for (int i = 0; i < sealed[t].length; i++) {
                sealed[t][i] = in.bytes(in.remaining(), "latency bucket");
            }
        }
        long[] open = new long[LatencyBins.SLOTS];
        int used = (int) in.varint(LatencyBins.SLOTS, "latency open slots");
        int slot = -1;
        for (int i = 0; i < used; i++) {
            long gap = in.varint(LatencyBins.SLOTS, "latency slot gap");
            slot += (int) gap;
            if (gap < 1 || slot >= LatencyBins.SLOTS) {
                throw in.error("latency slot " + slot + " is out of range or order");
            }
            open[slot] = in.varint(Long.MAX_VALUE, "latency count");
            if (open[slot] == 0) {
                throw in.error("latency slot " + slot + " is written with no count");
            }
        }
        return checked(in, () -> LatencyCounts.of(lengths, openIndex, sealed, open));
    }

    private interface Build<T> {
        T build();
    }

    /** Builds a value whose constructor checks it, turning its refusal into a SnapshotFormatException. */
    private static <T> T checked(SectionReader in, Build<T> build) throws SnapshotFormatException {
        try {
            return build.build();
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }
}
