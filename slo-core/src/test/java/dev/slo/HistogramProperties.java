package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import dev.slo.engine.LatencyBins;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

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
    void attainmentAtIsMonotoneInThreshold(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 5_000_000_000L) Long> latencies) {
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
        // Past the largest value every success is within: attainment = successes / all, counted here.
        long successes = latencies.stream().filter(v -> v % 13 != 0).count();
        assertEquals((double) successes / latencies.size(), d.attainmentAt(Duration.ofSeconds(6)), 1e-12);
    }

    /**
     * thresholdMet judged from the raw latencies: with n events, the target needs ceil(target * n) successes
     * within the threshold (worked in BigDecimal); it exists exactly when there are that many successes, and
     * is then at least the needed-th smallest successful latency and at most 1/32 above it (bin precision).
     */
    @StatisticsReport(onFailureOnly = true)      // the coverage check below fails the property if the mix drifts
    @Property(tries = 300)
    void thresholdMetIsTheSmallestThresholdThatMeetsTheTarget_withinOneBin(
            @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 5_000_000_000L) Long> latencies,
            @ForAll @IntRange(min = 2, max = 400) int failEvery,
            @ForAll("targets") double target) {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-01T10:00:00Z"));
        Slo slo = latencySlo(clock);
        List<Long> successes = new ArrayList<>();
        for (int i = 0; i < latencies.size(); i++) {
            boolean success = i % failEvery != failEvery - 1;
            slo.record(success, latencies.get(i));
            if (success) {
                successes.add(latencies.get(i));
            }
        }
        Collections.sort(successes);
        long needed = new BigDecimal(Double.toString(target)).multiply(BigDecimal.valueOf(latencies.size()))
                .setScale(0, RoundingMode.CEILING).longValueExact();
        Optional<Duration> met = slo.latency(Duration.ofHours(1)).thresholdMet(target);
        Statistics.label("threshold").collect(met.isPresent() ? "met" : "none");
        // Both outcomes must be exercised, or one branch below would pass on nothing.
        Statistics.label("threshold").coverage(c -> {
            c.check("met").percentage(p -> p >= 20);
            c.check("none").percentage(p -> p >= 10);
        });
        assertEquals(needed <= successes.size(), met.isPresent(),
                needed + " successes needed of " + latencies.size() + ", " + successes.size() + " recorded; got " + met);
        if (met.isPresent()) {
            long exact = successes.get((int) Math.max(1, needed) - 1);   // the smallest threshold that meets it
            long t = met.get().toNanos();
            long within = successes.stream().filter(v -> v <= t).count();
            assertTrue(within >= needed, "threshold " + t + " ns holds " + within + " successes, " + needed + " needed");
            assertTrue(t >= exact && t - exact <= t / 32, "threshold " + t + " ns, smallest that meets " + exact + " ns");
        }
    }

    /** Real targets (0.99 to 0.99999) most of the time, the rest anywhere in (0,1]. */
    @Provide
    Arbitrary<Double> targets() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0.99, 0.995, 0.999, 0.9995, 0.9999, 0.99999)),
                Tuple.of(1, Arbitraries.doubles().between(0.01, 1.0).ofScale(4)));
    }

    private static Slo latencySlo(ManualClock clock) {
        return SloRegistry.create(clock).define("p").internal("fast").ownedBy(Owner.team("t"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
    }
}
