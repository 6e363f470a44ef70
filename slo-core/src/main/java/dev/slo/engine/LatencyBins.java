package dev.slo.engine;

/*
 * The bins of an SLO's latency histogram: log-linear, from 1 ns to 2^42 ns (about 73 minutes), so that
 * any latency is known to within 1/64 (1.56%) of its value. Package-private; pure functions.
 *
 * Algorithm
 *  Latencies below 64 ns each have a bin of their own (exact). Above, every octave [2^e, 2^(e+1)) is
 *  split into 32 bins of equal width 2^(e-5): the bin is the octave (from Long.numberOfLeadingZeros)
 *  and the five bits after the leading one (a shift). A bin's width is at most 1/32 of its lower bound,
 *  so its middle value is within 1/64 of every value in it. Octaves 6..41 give 36 * 32 bins after the
 *  64 exact ones; latencies of 2^42 ns and more share one overflow bin. One more slot counts failed
 *  events, whose latency is not binned. Recording is a compare, a count of leading zeros, a subtract,
 *  a shift and an add: no floating point, no division.
 *
 * References: the same log-linear idea as HdrHistogram's buckets and sub-buckets (Gil Tene), with
 *  fixed parameters: 5 bits of sub-bucket below the leading one, 1 ns units.
 */
public final class LatencyBins {
    /** Sub-bins per octave are 2^SUB_BITS. */
    static final int SUB_BITS = 5;
    /** Latencies below this many ns are binned exactly. */
    static final int EXACT = 2 << SUB_BITS;
    /** The highest octave with bins of its own: [2^41, 2^42) ns. */
    static final int TOP_OCTAVE = 41;
    /** The bin of latencies of 2^42 ns (about 73.3 minutes) and more. */
    public static final int OVERFLOW = ((TOP_OCTAVE - SUB_BITS) << SUB_BITS) + EXACT;
    /** The slot that counts failed events (their latency is not binned). */
    public static final int FAILED = OVERFLOW + 1;
    /** Slots in a histogram: the bins, the overflow bin and the failure count. */
    public static final int SLOTS = FAILED + 1;
    /** Every value in a bin is within this fraction of the bin's {@link #representative}. */
    public static final double RELATIVE_ERROR = 1.0 / (EXACT);

    private LatencyBins() {
    }

    /** The bin of a latency of {@code nanos >= 0}. The hot path: no floating point, no division. */
    public static int bin(long nanos) {
        if (nanos < EXACT) {
            return (int) nanos;
        }
        int shift = (63 - SUB_BITS) - Long.numberOfLeadingZeros(nanos);   // octave - SUB_BITS, >= 1 here
        if (shift > TOP_OCTAVE - SUB_BITS) {
            return OVERFLOW;
        }
        return (shift << SUB_BITS) + (int) (nanos >>> shift);             // nanos >>> shift is in [32, 64)
    }

    /** The smallest latency in bin {@code bin}, in ns. */
    public static long lowerBound(int bin) {
        if (bin < EXACT) {
            return bin;
        }
        if (bin >= OVERFLOW) {
            return 1L << (TOP_OCTAVE + 1);
        }
        int shift = (bin >>> SUB_BITS) - 1;
        return (long) (bin - (shift << SUB_BITS)) << shift;
    }

    /** The largest latency in bin {@code bin}, in ns (inclusive). */
    public static long upperBound(int bin) {
        if (bin >= OVERFLOW) {
            return Long.MAX_VALUE;
        }
        return lowerBound(bin + 1) - 1;
    }

    /**
     * The value reported for bin {@code bin}: the middle of its values, rounded down, so that it is within
     * {@link #RELATIVE_ERROR} of every value in the bin. For the overflow bin, its lower bound.
     */
    public static long representative(int bin) {
        if (bin >= OVERFLOW) {
            return lowerBound(OVERFLOW);
        }
        long lower = lowerBound(bin);
        return lower + (upperBound(bin) - lower) / 2;
    }
}
