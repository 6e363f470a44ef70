package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/** Invariants of the latency histogram for any values, sequences and times. */
final class HistogramProperties {

    @Property(tries = 2000)
    void everyValueLiesInItsBinWithinTwoPercent(@ForAll @LongRange(min = 0, max = 3_600_000_000_000L) long nanos) {
        int bin = LatencyBins.bin(nanos);
        long lower = LatencyBins.lowerBound(bin);
        long upper = LatencyBins.upperBound(bin);
        assertTrue(lower <= nanos && nanos <= upper, nanos + " outside [" + lower + ", " + upper + "]");
        // relative width: half the bin's spread over its middle, i.e. the largest error of the reported value
        double relativeWidth = upper == lower ? 0 : (upper - lower) / (double) (upper + lower);
        assertTrue(relativeWidth <= 0.02, "bin " + bin + " relative width " + relativeWidth);
        long reported = LatencyBins.representative(bin);
        assertTrue(nanos == 0 || Math.abs(reported - nanos) <= nanos * LatencyDistribution.RELATIVE_ERROR);
    }

    @Property(tries = 100)
    void countsAreConserved(@ForAll @Size(max = 300) List<@LongRange(min = 0, max = 10_000_000_000L) Long> latencies,
                            @ForAll @IntRange(min = 0, max = 120) int secondsBetween) {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-01T10:00:00Z"));
        Slo slo = latencySlo(clock);
        long failed = 0;
        for (int i = 0; i < latencies.size(); i++) {
            boolean success = i % 7 != 3;
            failed += success ? 0 : 1;
            slo.record(success, latencies.get(i));
            clock.advance(Duration.ofSeconds(secondsBetween));
        }
        // everything recorded lies within the last 30 days (300 events * 120 s = 10 h at most)
        LatencyDistribution d = slo.latency(Duration.ofDays(30));
        assertEquals(latencies.size(), d.total());
        assertEquals(failed, d.failed());
        assertEquals(latencies.size() - failed, d.count());
        assertEquals(slo.errorBudget().total(), d.total());
        assertEquals(d.count(), d.countAtOrBelow(Duration.ofNanos(Long.MAX_VALUE)));
    }

    @Property(tries = 100)
    void percentileIsMonotoneInQuantile(@ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 100_000_000_000L) Long> latencies,
                                        @ForAll @DoubleRange(min = 0.0001, max = 1.0) @Scale(4) double q1,
                                        @ForAll @DoubleRange(min = 0.0001, max = 1.0) @Scale(4) double q2) {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-01T10:00:00Z"));
        Slo slo = latencySlo(clock);
        latencies.forEach(v -> slo.record(true, v));
        LatencyDistribution d = slo.latency(Duration.ofHours(1));
        double low = Math.min(q1, q2);
        double high = Math.max(q1, q2);
        assertTrue(d.percentile(low).compareTo(d.percentile(high)) <= 0);
        assertTrue(d.minAtLeast().compareTo(d.percentile(low)) <= 0);
        assertTrue(d.percentile(high).compareTo(d.maxAtMost()) <= 0);
    }

    @Property(tries = 100)
    void attainmentAtIsMonotoneInThresholdAndThresholdMetIsMet(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 5_000_000_000L) Long> latencies,
            @ForAll @DoubleRange(min = 0.01, max = 1.0) double target) {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-01T10:00:00Z"));
        Slo slo = latencySlo(clock);
        latencies.forEach(v -> slo.record(v % 13 != 0, v));
        LatencyDistribution d = slo.latency(Duration.ofHours(1));
        double previous = 0;
        for (long t = 1; t < 10_000_000_000L; t *= 3) {
            double a = d.attainmentAt(Duration.ofNanos(t));
            assertTrue(a >= previous && a <= 1.0);
            previous = a;
        }
        d.thresholdMet(target).ifPresent(t -> assertTrue(d.attainmentAt(t) >= target - 1e-12,
                "threshold " + t + " gives " + d.attainmentAt(t) + " < " + target));
    }

    private static Slo latencySlo(ManualClock clock) {
        return SloRegistry.create(clock).define("p").internal("fast").ownedBy(Owner.team("t"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
    }
}
