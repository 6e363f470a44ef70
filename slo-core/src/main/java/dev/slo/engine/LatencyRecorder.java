package dev.slo.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Arrays;

/*
 * The latency distribution behind one latency SLO, and the live count of its events: live striped slot
 * counters that writers add to, and sealed histograms in three time tiers. Lives inside EventRecorder
 * and shares its roll lock.
 *
 * Assumptions and guarantees
 *  - Writers call add() from any number of threads. add() is one atomic getAndAdd on an int in the
 *    writer's stripe (wait-free on x86), and it allocates nothing. The slot says both the latency's bin
 *    and whether the event is good (slotOf), so one add counts the event and bins its latency: the
 *    owner derives the good and total counts of every drain from the slots it drains.
 *  - Everything else (drain, roll, sum) is called with the owning EventRecorder's lock held, one thread
 *    at a time; writers never take that lock to add.
 *  - Exactness: every event added is counted exactly once, in the counts and in the distribution.
 *    drain() swaps each live slot to zero with getAndSet, so an add lands before the swap (drained now)
 *    or after it (drained next time). An event racing a roll may land in the adjacent, newer bucket.
 *  - Good is exact: a successful event is good when its latency is at most the threshold, to the
 *    nanosecond. The bin holding the threshold is split in two live slots (ABOVE takes its latencies over
 *    the threshold); the drain folds ABOVE back into that bin, so the distribution keeps LatencyBins'
 *    slots and the counts keep the split.
 *  - Live slots are ints, drained on every 10-second roll and by every query; a writer that sees a slot
 *    pass 2^30 asks for an early drain (the same scheme as StripedCounter), and drain reads the int as
 *    unsigned.
 *  - A drain reads only the slots written since the last one: a writer marks its slot's group of 64 in
 *    its stripe's dirty bits (one int) after adding (a read, and an atomic or only when the mark is missing: once
 *    per group per drain). The drain swaps the dirty bits to zero before it swaps the slots of the groups
 *    marked, so an add is drained by the first drain after its writer saw the mark: a query costs a few
 *    dozen reads, not a sweep of every slot of every stripe.
 *  - Events whose writer saw a boundary pass while another thread held the lock: their counts are parked
 *    by time (LateEvents, by the owner) and their latencies here (park), under their slot with no time,
 *    harvested by the next drain into the open bucket, so the count is kept once, by time, and the latency
 *    once, uncounted. With no late cell free (more than LATE_CELLS distinct slots in one lock hold), the
 *    writer adds the event to the live slots: counted, with its latency, in the open bucket.
 *
 * Algorithm
 *  Tiers: 5 min x 12 (look-backs up to 1 h), 1 h x 24 (up to 1 day), 1 day x (history in days + 1).
 *  Only the finest tier has a dense open bucket (long[SLOTS]); the open hour is the sealed 5-minute
 *  buckets of this hour plus the open 5-minute bucket, and the open day likewise from hours. When a
 *  bucket closes it is sealed into its ring slot as a compact byte array: for each non-empty slot, the
 *  gap from the previous one and its count, both as unsigned varints. Counts stay exact; an empty bucket
 *  costs no bytes. A coarse bucket is sealed as the sum of the finer sealed buckets inside it, which its
 *  finer ring still holds (12 five-minute buckets per hour, 24 hours per day). Each ring slot remembers
 *  which bucket index it holds, so stale slots (skipped over by a jump of the clock) are never read.
 *  Sealing allocates one byte array per closed bucket, and a scratch sum for an hour or a day: at most
 *  once per 5 minutes, on the roll path, never per event.
 *
 * Memory: one to four live stripes of LIVE_SLOTS ints (the largest power of two up to the cores, at most
 *  four), one long[SLOTS], and the sealed arrays: about 21 KB empty on 2 cores. A wide 30-day
 *  distribution (LatencyFootprintTest: a few hundred bins filled in every bucket) brings the whole SLO to
 *  about 100 KB; the sealed arrays grow with the bins filled, not with the traffic, and are bounded by
 *  (2 + 9) bytes per slot per bucket (about 240 KB measured with all 1,218 slots filled in every
 *  5-minute bucket for 31 days).
 */
final class LatencyRecorder {
    static final long FIVE_MINUTES = 300_000L;
    static final long HOUR = 3_600_000L;
    static final long DAY = 86_400_000L;

    private static final VarHandle BIN = MethodHandles.arrayElementVarHandle(int[].class);
    /** The live slot of a successful event in the threshold's bin whose latency is over the threshold. */
    static final int ABOVE = LatencyBins.SLOTS;
    /** Live slots of a stripe: the distribution's slots and {@link #ABOVE}. */
    static final int LIVE_SLOTS = LatencyBins.SLOTS + 1;
    /** Live slots per dirty bit: 64, so that one int of dirty bits covers a stripe's 20 groups. */
    private static final int GROUP_SHIFT = 6;
    /** Ints before the first stripe and between stripes: one cache line, so stripes never share one. */
    private static final int PAD = 16;
    /** Where a stripe's dirty bits are, from its first slot. */
    private static final int DIRTY = LIVE_SLOTS;
    /** Ints from one stripe's first slot to the next's: its slots, its dirty bits and a cache line of padding. */
    private static final int STRIDE = DIRTY + 1 + PAD;
    private static final int FLUSH_AT = 1 << 30;
    /** Cells for the latencies of late events (see class notes): by slot, with no time. */
    static final int LATE_CELLS = 16;
    private static final byte[] EMPTY = new byte[0];

    /** The stripes, one after another in one array (one load fewer than an array of arrays on the hot path). */
    private final int[] live;
    private final int stripeCount;
    private final int stripeMask;
    /** The threshold a successful event's latency must not pass to be good, in ns. */
    private final long thresholdNanos;
    /** The bin holding the threshold: live slots up to it count good. */
    private final int thresholdBin;
    /** The latencies of late events, by slot (kind), index 0: harvested by every drain. */
    private final TaggedCells late = new TaggedCells(LATE_CELLS, 11);
    /** The finest tier's open bucket, drained from the stripes. */
    private final long[] open = new long[LatencyBins.SLOTS];
    /** Finest first. */
    private final Tier[] tiers;

    /**
     * @param historyMillis  how far back queries may reach (the daily tier keeps that many days plus one)
     * @param thresholdNanos the latency a successful event must not pass to be good, {@code >= 0}
     */
    LatencyRecorder(long historyMillis, long nowMillis, long thresholdNanos) {
        int cpus = Runtime.getRuntime().availableProcessors();
        int count = Integer.highestOneBit(Math.max(1, Math.min(4, cpus)));
        this.live = new int[PAD + count * STRIDE];
        this.stripeCount = count;
        this.stripeMask = count - 1;
        this.thresholdNanos = thresholdNanos;
        this.thresholdBin = LatencyBins.bin(thresholdNanos);
        int days = (int) ((historyMillis + DAY - 1) / DAY) + 1;
        this.tiers = new Tier[] {
            new Tier(FIVE_MINUTES, 12, nowMillis),
            new Tier(HOUR, 24, nowMillis),
            new Tier(DAY, days, nowMillis),
        };
    }

    // ---------------------------------------------------------------- writers (wait-free)

    /** {@return the live slot of an event: its latency's bin (ABOVE past the threshold in the threshold's bin), or FAILED} */
    int slotOf(boolean success, long latencyNanos) {
        if (!success) {
            return LatencyBins.FAILED;
        }
        int bin = LatencyBins.bin(latencyNanos);
        return bin == thresholdBin && latencyNanos > thresholdNanos ? ABOVE : bin;
    }

    /** {@return whether the events of live slot {@code slot} are good} */
    boolean isGood(int slot) {
        return slot <= thresholdBin;                      // FAILED and ABOVE lie past every bin
    }

    /** Counts one event in live {@code slot} (see {@link #slotOf}); true when a drain is due. */
    boolean add(int slot) {
        // Thread ids are handed out in sequence: threads started together (a pool) get consecutive ids and so
        // different stripes. A hash of the id would put two of them on one stripe half the time.
        int stripe = PAD + ((int) Thread.currentThread().getId() & stripeMask) * STRIDE;
        int before = (int) BIN.getAndAdd(live, stripe + slot, 1);
        int bit = 1 << (slot >>> GROUP_SHIFT);
        if (((int) BIN.getVolatile(live, stripe + DIRTY) & bit) == 0) {     // after the add: see the class notes
            markDirty(stripe + DIRTY, bit);
        }
        return before >= FLUSH_AT || before < 0;
    }

    /** Marks a group of live slots written: once per group and stripe between two drains. */
    private void markDirty(int at, int bit) {
        BIN.getAndBitwiseOr(live, at, bit);
    }

    /**
     * Keeps the latency of a late event (its count parked by time elsewhere) for the next drain, uncounted.
     * Lock-free.
     *
     * @return false when no late cell is free: the caller counts the event with {@link #add} instead
     */
    boolean park(int slot) {
        return late.add(0, slot, 1);
    }

    // ---------------------------------------------------------------- under the owner's lock

    /**
     * Moves every live count into the open bucket, and the parked latencies of late events; adds the events
     * drained from live slots (not the parked ones, counted by time elsewhere) to {@code counted}: [0] good,
     * [1] total.
     */
    void drain(long[] counted) {
        for (int i = 0; i < late.size(); i++) {
            for (long word = late.word(i); TaggedCells.count(word) != 0; word = late.word(i)) {
                if (late.clear(i, word)) {
                    open[binOf(late.kind(word))] += TaggedCells.count(word);
                    break;
                }
            }
        }
        long good = 0;
        long total = 0;
        for (int stripe = PAD; stripe < PAD + stripeCount * STRIDE; stripe += STRIDE) {
            int dirty = (int) BIN.getAndSet(live, stripe + DIRTY, 0);     // before the slots: see the class notes
            for (; dirty != 0; dirty &= dirty - 1) {
                int from = Integer.numberOfTrailingZeros(dirty) << GROUP_SHIFT;
                int to = Math.min(from + (1 << GROUP_SHIFT), LIVE_SLOTS);
                for (int slot = from; slot < to; slot++) {
                    if ((int) BIN.getVolatile(live, stripe + slot) != 0) {     // skip empty slots without a write
                        long n = Integer.toUnsignedLong((int) BIN.getAndSet(live, stripe + slot, 0));
                        open[binOf(slot)] += n;
                        total += n;
                        if (isGood(slot)) {
                            good += n;
                        }
                    }
                }
            }
        }
        counted[0] += good;
        counted[1] += total;
    }

    /** The distribution's slot of live slot {@code slot}: ABOVE folds back into the threshold's bin. */
    private int binOf(int slot) {
        return slot == ABOVE ? thresholdBin : slot;
    }

    /** Seals every bucket that ended at or before {@code now} (call {@link #drain} first). */
    void roll(long now) {
        Tier fine = tiers[0];
        if (now < fine.openEndMillis) {
            return;
        }
        fine.seal(encode(open));
        Arrays.fill(open, 0);
        fine.advanceTo(now);
        for (int i = 1; i < tiers.length; i++) {
            Tier tier = tiers[i];
            if (now >= tier.openEndMillis) {
                Tier finer = tiers[i - 1];                // already advanced: the bucket it just sealed is in its ring
                long perBucket = tier.lengthMillis / finer.lengthMillis;
                long[] sum = new long[LatencyBins.SLOTS];
                finer.addSealed(tier.openIndex * perBucket, (tier.openIndex + 1) * perBucket - 1, sum);
                tier.seal(encode(sum));
                tier.advanceTo(now);
            }
        }
    }

    /**
     * The counts of every slot over {@code (now - lookBack, now]}, from the finest tier that spans the
     * look-back (so the far edge is blurred by at most one of its buckets: 5 min, 1 h or 1 day).
     */
    long[] sum(long now, long lookBackMillis) {
        for (int i = 0; i < tiers.length; i++) {
            Tier tier = tiers[i];
            if (lookBackMillis <= tier.spanMillis()) {
                long[] out = new long[LatencyBins.SLOTS];
                long from = Math.floorDiv(now - lookBackMillis, tier.lengthMillis) + 1;
                tier.addSealed(from, tier.openIndex - 1, out);
                addOpen(i, out);
                return out;
            }
        }
        throw new IllegalArgumentException("lookBack must be at most " + Durations.format(Duration.ofMillis(longestLookBackMillis()))
                + " (the latency history this SLO keeps), got " + Durations.format(Duration.ofMillis(lookBackMillis)));
    }

    /** The longest look-back {@link #sum} answers. */
    long longestLookBackMillis() {
        return tiers[tiers.length - 1].spanMillis();
    }

    private void addOpen(int tierIndex, long[] out) {
        if (tierIndex == 0) {
            for (int i = 0; i < out.length; i++) {
                out[i] += open[i];
            }
            return;
        }
        Tier tier = tiers[tierIndex];
        Tier finer = tiers[tierIndex - 1];
        finer.addSealed(tier.openIndex * (tier.lengthMillis / finer.lengthMillis), finer.openIndex - 1, out);
        addOpen(tierIndex - 1, out);
    }

    /** {@return a copy of every tier (call {@link #drain} first)} The sealed buckets are shared: they never change. */
    LatencyCounts copy() {
        long[] lengths = new long[tiers.length];
        long[] openIndex = new long[tiers.length];
        byte[][][] sealed = new byte[tiers.length][][];
        for (int t = 0; t < tiers.length; t++) {
            Tier tier = tiers[t];
            lengths[t] = tier.lengthMillis;
            openIndex[t] = tier.openIndex;
            sealed[t] = new byte[tier.slots][];
            for (int i = 0; i < tier.slots; i++) {
                long index = tier.openIndex - tier.slots + i;
                int s = tier.slot(index);
                sealed[t][i] = tier.ringIndex[s] == index ? tier.ring[s] : EMPTY;
            }
        }
        return new LatencyCounts(lengths, openIndex, sealed, open.clone());
    }

    /** Replaces every bucket with those of {@code copy}, whose tiers match these and are open at the same buckets. */
    void load(LatencyCounts copy) {
        for (int t = 0; t < tiers.length; t++) {
            Tier tier = tiers[t];
            for (int i = 0; i < tier.slots; i++) {
                long index = tier.openIndex - tier.slots + i;
                int s = tier.slot(index);
                tier.ring[s] = copy.sealed(t, i);
                tier.ringIndex[s] = index;
            }
        }
        System.arraycopy(copy.open(), 0, open, 0, open.length);
    }

    /** Bytes held, approximately (arrays, headers). */
    long footprintBytes() {
        long bytes = 80 + 16 + 4L * live.length + 16 + 8L * open.length + late.footprintBytes();
        for (Tier tier : tiers) {
            bytes += tier.footprintBytes();
        }
        return bytes;
    }

    // ---------------------------------------------------------------- the compact form of a sealed bucket

    /** Non-empty slots as (gap from the previous slot, count) pairs of unsigned varints. */
    static byte[] encode(long[] counts) {
        int size = 0;
        int previous = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                size += varintSize(i - previous) + varintSize(counts[i]);
                previous = i;
            }
        }
        if (size == 0) {
            return EMPTY;
        }
        byte[] bytes = new byte[size];
        int at = 0;
        previous = -1;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                at = writeVarint(bytes, at, i - previous);
                at = writeVarint(bytes, at, counts[i]);
                previous = i;
            }
        }
        return bytes;
    }

    /** Adds the counts of an {@link #encode}d bucket into {@code out}. */
    static void decodeInto(byte[] bytes, long[] out) {
        int at = 0;
        int slot = -1;
        while (at < bytes.length) {
            long value = 0;
            int shift = 0;
            byte b;
            do {
                b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            slot += (int) value;
            value = 0;
            shift = 0;
            do {
                b = bytes[at++];
                value |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            out[slot] += value;
        }
    }

    private static int varintSize(long value) {
        int size = 1;
        while ((value >>>= 7) != 0) {
            size++;
        }
        return size;
    }

    private static int writeVarint(byte[] bytes, int at, long value) {
        while ((value & ~0x7FL) != 0) {
            bytes[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        bytes[at++] = (byte) value;
        return at;
    }

    /** One resolution: a ring of sealed buckets, each slot remembering which bucket it holds. */
    private static final class Tier {
        final long lengthMillis;
        final int slots;
        final byte[][] ring;
        final long[] ringIndex;
        long openIndex;
        long openEndMillis;

        Tier(long lengthMillis, int slots, long nowMillis) {
            this.lengthMillis = lengthMillis;
            this.slots = slots;
            this.ring = new byte[slots][];
            Arrays.fill(ring, EMPTY);
            this.ringIndex = new long[slots];
            Arrays.fill(ringIndex, Long.MIN_VALUE);
            this.openIndex = Math.floorDiv(nowMillis, lengthMillis);
            this.openEndMillis = (openIndex + 1) * lengthMillis;
        }

        long spanMillis() {
            return lengthMillis * slots;
        }

        /** Stores the open bucket's sealed form (the caller then moves openIndex forward). */
        void seal(byte[] bytes) {
            int s = slot(openIndex);
            ring[s] = bytes;
            ringIndex[s] = openIndex;
        }

        /** Opens the bucket holding {@code now}; the slots of buckets skipped over keep stale data that {@link #addSealed} ignores. */
        void advanceTo(long now) {
            openIndex = Math.floorDiv(now, lengthMillis);
            openEndMillis = (openIndex + 1) * lengthMillis;
        }

        /** Adds the sealed buckets {@code from .. to} (inclusive, at most the last {@code slots} of them) that this ring holds. */
        void addSealed(long from, long to, long[] out) {
            for (long k = Math.max(from, to - slots + 1); k <= to; k++) {
                int s = slot(k);
                if (ringIndex[s] == k) {
                    decodeInto(ring[s], out);
                }
            }
        }

        long footprintBytes() {
            long bytes = 48 + 16 + 8L * slots + 16 + 8L * slots;
            for (byte[] sealed : ring) {
                bytes += sealed.length == 0 ? 0 : 16 + ((sealed.length + 7) & ~7);
            }
            return bytes;
        }

        private int slot(long index) {
            return (int) Math.floorMod(index, (long) slots);
        }
    }
}
