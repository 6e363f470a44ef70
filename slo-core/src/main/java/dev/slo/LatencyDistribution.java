package dev.slo;

import dev.slo.engine.Durations;
import dev.slo.engine.LatencyBins;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The latencies a latency SLO recorded over a look-back, from {@link Slo#latency(Duration)}: how many,
 * their percentiles, and what share met any threshold.
 *
 * <pre>{@code
 * LatencyDistribution lastHour = auth.latency(Duration.ofHours(1));
 * Duration p99 = lastHour.percentile(0.99);              // within 1/64 (1.6%) of the true p99
 * double at500ms = lastHour.attainmentAt(Duration.ofMillis(500));
 * Optional<Duration> meets = lastHour.thresholdMet(0.999);
 * }</pre>
 *
 * <p><b>What is counted.</b> Events recorded with a latency ({@link Slo#record(boolean, long)}): the
 * latencies of successful events in a log-linear histogram, failed events in a separate count, so that
 * fast errors neither flatter nor spoil the percentiles (Site Reliability Engineering, ch. 6, "The Four
 * Golden Signals": tell the latency of failed requests from that of successful ones). Events recorded
 * without a latency are not part of it.
 *
 * <p><b>Precision.</b> Latencies below 64 ns are kept exactly; above, each bin is 1/32 of an octave wide,
 * so a reported latency is within {@link #RELATIVE_ERROR} (1/64, about 1.56%) of the true one. Latencies of
 * 2^42 ns (about 73.3 minutes) and more share one bin, reported as 2^42 ns. Counts are exact.
 *
 * <p>Immutable and thread-safe.
 */
public final class LatencyDistribution {
    /** The largest relative error of a reported latency: 1/64. */
    public static final double RELATIVE_ERROR = LatencyBins.RELATIVE_ERROR;

    /** Counts per slot of {@link LatencyBins}: bins, overflow, then failures. Never exposed. */
    private final long[] slots;
    private final long count;

    LatencyDistribution(long[] slots) {
        if (slots.length != LatencyBins.SLOTS) {
            throw new IllegalArgumentException("slots must have length " + LatencyBins.SLOTS + ", got " + slots.length);
        }
        this.slots = slots.clone();
        long sum = 0;
        for (int i = 0; i < LatencyBins.FAILED; i++) {
            sum += this.slots[i];
        }
        this.count = sum;
    }

    /** {@return the successful events with a recorded latency, at least 0: the population of the percentiles} */
    public long count() {
        return count;
    }

    /** {@return the failed events recorded with a latency, at least 0 (not part of the percentiles)} */
    public long failed() {
        return slots[LatencyBins.FAILED];
    }

    /** {@return every event recorded with a latency: {@code count() + failed()}} */
    public long total() {
        return count + failed();
    }

    /**
     * The latency at quantile {@code q} of the successful events: the value of the bin holding the event of
     * rank {@code ceil(q * count)} (the nearest-rank method), within {@link #RELATIVE_ERROR} of that event's
     * true latency. {@code percentile(1.0)} is the largest. {@link Duration#ZERO} when {@code count() == 0}.
     *
     * @param quantile a fraction in (0,1], e.g. 0.99 for p99
     * @return the latency at that quantile, at least 0 and at most 2^42 ns
     * @throws IllegalArgumentException if {@code quantile} is not in (0,1]
     */
    public Duration percentile(double quantile) {
        checkQuantile(quantile);
        if (count == 0) {
            return Duration.ZERO;
        }
        long rank = ceilOfProduct(quantile, count);
        return Duration.ofNanos(LatencyBins.representative(binOfRank(Math.max(1, rank))));
    }

    /**
     * A lower bound of the smallest latency recorded (the lower edge of its bin; the true minimum is within
     * 1/32 above it). {@link Duration#ZERO} when {@code count() == 0}.
     *
     * @return the lower bound, at least 0
     */
    public Duration minAtLeast() {
        for (int i = 0; i < LatencyBins.FAILED; i++) {
            if (slots[i] != 0) {
                return Duration.ofNanos(LatencyBins.lowerBound(i));
            }
        }
        return Duration.ZERO;
    }

    /**
     * An upper bound of the largest latency recorded (the upper edge of its bin; the true maximum is within
     * 1/32 below it). {@link Duration#ZERO} when {@code count() == 0}.
     *
     * @return the upper bound, at least {@link #minAtLeast()}
     */
    public Duration maxAtMost() {
        for (int i = LatencyBins.OVERFLOW; i >= 0; i--) {
            if (slots[i] != 0) {
                return Duration.ofNanos(LatencyBins.upperBound(i));
            }
        }
        return Duration.ZERO;
    }

    /**
     * How many successful events took at most {@code threshold}. Exact when {@code threshold} is a bin edge
     * or no recorded latency shares its bin; otherwise the events of that one bin are shared out as if
     * spread evenly across it (rounded down).
     *
     * @param threshold the latency to compare against, at least 0
     * @return the number of successful events within {@code threshold}, in [0, count()]
     * @throws NullPointerException if {@code threshold} is null
     * @throws IllegalArgumentException if {@code threshold} is negative
     */
    public long countAtOrBelow(Duration threshold) {
        long nanos = thresholdNanos(threshold);
        int bin = LatencyBins.bin(nanos);
        long below = 0;
        for (int i = 0; i < bin; i++) {
            below += slots[i];
        }
        if (slots[bin] != 0) {
            long lower = LatencyBins.lowerBound(bin);
            long upper = LatencyBins.upperBound(bin);
            if (nanos >= upper) {
                below += slots[bin];
            } else {
                double share = (double) (nanos - lower + 1) / (double) (upper - lower + 1);
                below += (long) Math.floor(slots[bin] * share);
            }
        }
        return below;
    }

    /**
     * What attainment a latency SLI with {@code threshold} would have had: successful events within it over
     * all events recorded with a latency ({@link #total()}); 1.0 when there were none.
     *
     * @param threshold the latency threshold of the hypothetical SLI, at least 0
     * @return the attainment, in [0,1]
     * @throws NullPointerException if {@code threshold} is null
     * @throws IllegalArgumentException if {@code threshold} is negative
     */
    public double attainmentAt(Duration threshold) {
        long within = countAtOrBelow(threshold);
        long total = total();
        return total == 0 ? 1.0 : (double) within / total;
    }

    /**
     * The threshold the service really meets at {@code target}: the smallest bin edge {@code t} such that
     * successful events within {@code t} make at least {@code target} of {@link #total()}. Conservative: an
     * SLI with this threshold would have met the target, and the smallest threshold that does is at most
     * 1/32 below it. Empty when no threshold would do (failures alone exceed {@code 1 - target}) or
     * nothing was recorded.
     *
     * @param target a fraction in (0,1]
     * @return the smallest bin edge that meets {@code target}, or empty
     * @throws IllegalArgumentException if {@code target} is not in (0,1]
     */
    public Optional<Duration> thresholdMet(double target) {
        Args.fractionUpToOne(target, "target");
        long total = total();
        if (total == 0) {
            return Optional.empty();
        }
        long needed = ceilOfProduct(target, total);
        if (needed > count) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(LatencyBins.upperBound(binOfRank(Math.max(1, needed)))));
    }

    @Override
    public String toString() {
        if (count == 0) {
            return "LatencyDistribution[count 0, failed " + failed() + "]";
        }
        return "LatencyDistribution[count " + count + ", failed " + failed() + ", p50 " + Durations.format(percentile(0.5))
                + ", p99 " + Durations.format(percentile(0.99)) + ", max <= " + Durations.format(maxAtMost()) + "]";
    }

    static void checkQuantile(double quantile) {
        Args.fractionUpToOne(quantile, "quantile");
    }

    static long thresholdNanos(Duration threshold) {
        Objects.requireNonNull(threshold, "threshold must not be null");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + Durations.format(threshold));
        }
        return Durations.saturatedNanos(threshold);
    }

    /** The bin holding the successful event of 1-based rank {@code rank} (at most {@code count}). */
    private int binOfRank(long rank) {
        long seen = 0;
        for (int i = 0; i < LatencyBins.FAILED; i++) {
            seen += slots[i];
            if (seen >= rank) {
                return i;
            }
        }
        return LatencyBins.OVERFLOW;
    }

    /** {@code ceil(fraction * n)} in decimal, so that 0.99 * 100 is exactly 99. */
    private static long ceilOfProduct(double fraction, long n) {
        return new BigDecimal(Double.toString(fraction)).multiply(BigDecimal.valueOf(n))
                .setScale(0, RoundingMode.CEILING).longValueExact();
    }
}
