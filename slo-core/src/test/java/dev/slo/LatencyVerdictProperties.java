package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slo.engine.LatencyBins;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A latency SLO's verdict is exact to the nanosecond while its recorder counts each event and bins its latency in
 * one add: a successful event is good exactly when its latency is at most the threshold, wherever the threshold
 * falls in its bin (the bin holding it is split there), and the distribution still holds every latency once, in
 * its bin. Thresholds are drawn at bin edges, inside bins, among the exact bins below 64 ns and up to the longest
 * a latency SLI takes (1 hour); latencies at the threshold and a few nanoseconds either side of it, and anywhere,
 * the overflow bin past 2^42 ns too.
 */
final class LatencyVerdictProperties {
    private static final long HOUR_NANOS = 3_600_000_000_000L;

    /** One event: whether it succeeded, its latency, and how far the clock moves before it. */
    record Event(boolean success, long latencyNanos, long stepMillis) {}

    @Property(tries = 300)
    void goodIsSuccessWithinTheThreshold_andEveryLatencyIsInItsBin(@ForAll("thresholds") long threshold,
            @ForAll("offsets") List<Long> offsets, @ForAll("events") List<Event> others) {
        ManualClock clock = Fixtures.clock();
        Slo slo = SloRegistry.create(clock).define("api").internal("fast").ownedBy(Owner.team("t"))
                .sli(Sli.latency(Duration.ofNanos(threshold))).target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
        long good = 0;
        long total = 0;
        long failed = 0;
        long[] bins = new long[LatencyBins.SLOTS];
        int i = 0;
        for (long offset : offsets) {                     // around the threshold: the split bin's two sides
            long latency = Math.max(0, threshold + offset);
            boolean success = i++ % 7 != 3;
            slo.record(success, latency);
            total++;
            if (success) {
                bins[LatencyBins.bin(latency)]++;
                good += latency <= threshold ? 1 : 0;
            } else {
                failed++;
            }
        }
        for (Event e : others) {
            clock.advance(Duration.ofMillis(e.stepMillis()));      // rolls buckets between some events: drains mid-way
            slo.record(e.success(), e.latencyNanos());
            total++;
            if (e.success()) {
                bins[LatencyBins.bin(e.latencyNanos())]++;
                good += e.latencyNanos() <= threshold ? 1 : 0;
            } else {
                failed++;
            }
        }
        ErrorBudget budget = slo.errorBudget();
        assertEquals(total, budget.total(), "threshold " + threshold + " ns");
        assertEquals(good, budget.good(), "threshold " + threshold + " ns");
        LatencyDistribution d = slo.latency(Duration.ofDays(1));
        assertEquals(total, d.total());
        assertEquals(failed, d.failed());
        long cumulative = 0;
        for (int bin = 0; bin < LatencyBins.OVERFLOW; bin++) {
            cumulative += bins[bin];
            if (bins[bin] != 0) {
                assertEquals(cumulative, d.countAtOrBelow(Duration.ofNanos(LatencyBins.upperBound(bin))), "through bin " + bin);
            }
        }
        assertEquals(total - failed, d.count());
    }

    @Provide
    Arbitrary<Long> thresholds() {
        Arbitrary<Integer> bin = Arbitraries.integers().between(1, LatencyBins.bin(HOUR_NANOS) - 1);
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 63),                                    // exact bins
                bin.map(b -> LatencyBins.lowerBound(b)),                                // a bin's first value
                bin.map(b -> LatencyBins.upperBound(b)),                                // a bin's last value
                bin.map(b -> LatencyBins.representative(b)),                            // inside a bin
                Arbitraries.longs().between(HOUR_NANOS - 1_000_000, HOUR_NANOS),       // the longest thresholds
                Arbitraries.longs().between(1, 10_000_000_000L));                       // anywhere up to 10 s
    }

    @Provide
    Arbitrary<List<Long>> offsets() {
        return Arbitraries.longs().between(-3, 3).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Long> latency = Arbitraries.oneOf(Arbitraries.longs().between(0, 1L << 45),
                Arbitraries.longs().between(0, 100_000));
        return Combinators.combine(Arbitraries.integers().between(0, 9).map(n -> n != 0), latency,
                Arbitraries.longs().between(0, 25_000)).as(Event::new).list().ofMaxSize(60);
    }
}
