package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles, look-backs and what-if attainment through the public API of a latency SLO. */
final class LatencyPercentileTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo latencySlo(String name, Duration threshold) {
        return slos.define(name).internal("answers fast").ownedBy(Owner.team("identity"))
                .sli(Sli.latency(threshold)).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
    }

    @Test
    void percentilesOfAUniformDistributionWithin2Percent() {
        Slo auth = latencySlo("auth", Duration.ofMillis(300));
        // 1 ms, 2 ms, ..., 10,000 ms, once each. Nearest rank: p50 = rank 5000 = 5000 ms, p99 = 9900 ms,
        // p999 = 9990 ms, p100 = 10,000 ms.
        for (int ms = 1; ms <= 10_000; ms++) {
            auth.record(true, ms * 1_000_000L);
        }
        assertWithin(Duration.ofMillis(5000), auth.latencyPercentile(0.5, Duration.ofHours(1)));
        assertWithin(Duration.ofMillis(9900), auth.latencyPercentile(0.99, Duration.ofHours(1)));
        assertWithin(Duration.ofMillis(9990), auth.latencyPercentile(0.999, Duration.ofHours(1)));
        assertWithin(Duration.ofMillis(10_000), auth.latencyPercentile(1.0, Duration.ofHours(1)));
        assertWithin(Duration.ofMillis(1), auth.latencyPercentile(0.0001, Duration.ofHours(1)));
        assertEquals(10_000, auth.latency(Duration.ofHours(1)).count());
    }

    @Test
    void percentilesOfALogNormalDistributionMatchTheSortedSampleWithin2Percent() {
        Slo auth = latencySlo("auth", Duration.ofMillis(300));
        Random random = new Random(7);
        long[] sample = new long[100_000];
        for (int i = 0; i < sample.length; i++) {
            // median 20 ms, sigma 1: p99 near 20 ms * e^2.326 = 205 ms
            sample[i] = (long) (20e6 * Math.exp(random.nextGaussian()));
            auth.record(true, sample[i]);
            if (i % 1000 == 0) {
                clock.advance(Duration.ofSeconds(3));   // spread over 5 minutes: several rolls on the way
            }
        }
        Arrays.sort(sample);
        LatencyDistribution d = auth.latency(Duration.ofHours(1));
        for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
            long exact = sample[(int) Math.ceil(q * sample.length) - 1];   // nearest rank
            assertWithin(Duration.ofNanos(exact), d.percentile(q));
        }
        assertTrue(d.minAtLeast().toNanos() <= sample[0]);
        assertTrue(d.maxAtMost().toNanos() >= sample[sample.length - 1]);
        assertTrue(d.maxAtMost().toNanos() <= sample[sample.length - 1] * (1 + 1.0 / 32));
    }

    @Test
    void lookBacksForgetOldEvents() {
        Slo auth = latencySlo("auth", Duration.ofMillis(300));
        auth.record(true, 900_000_000L);                 // a slow event at 00:00
        clock.advance(Duration.ofHours(2));
        auth.record(true, 10_000_000L);                  // a fast one at 02:00
        // The last hour holds only the fast event; the last 3 hours both.
        assertEquals(1, auth.latency(Duration.ofHours(1)).count());
        assertWithin(Duration.ofMillis(10), auth.latencyPercentile(1.0, Duration.ofHours(1)));
        assertEquals(2, auth.latency(Duration.ofHours(3)).count());
        assertWithin(Duration.ofMillis(900), auth.latencyPercentile(1.0, Duration.ofHours(3)));
        // Ten minutes later, the last 5 minutes hold nothing.
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, auth.latency(Duration.ofMinutes(5)).count());
        assertEquals(Duration.ZERO, auth.latencyPercentile(0.99, Duration.ofMinutes(5)));
        // Days later: the 30-day look-back still has both, a 1-day look-back none.
        clock.advance(Duration.ofDays(3));
        assertEquals(2, auth.latency(Duration.ofDays(30)).count());
        assertEquals(0, auth.latency(Duration.ofDays(1)).count());
        // After 32 days both are gone.
        clock.advance(Duration.ofDays(29));
        assertEquals(0, auth.latency(Duration.ofDays(30)).count());
    }

    @Test
    void everyTierSeesTheSameEventsOnceTheyAreWellInside() {
        Slo auth = latencySlo("auth", Duration.ofMillis(300));
        // One event per minute for 3 hours, latency i ms for minute i (1..180).
        for (int i = 1; i <= 180; i++) {
            auth.record(true, i * 1_000_000L);
            clock.advance(Duration.ofMinutes(1));
        }
        // Event i was recorded at minute i - 1. Move to 03:02:30. The last hour is resolved in whole 5-minute
        // buckets after now - 1 h = 02:02:30: [02:05, 03:05), events at minutes 125..179, i = 126..180: 55 events
        // (the far edge blurs by less than one bucket, as for burn rates). Last 6 h (hour tier): all 180.
        clock.advance(Duration.ofSeconds(150));
        assertEquals(55, auth.latency(Duration.ofHours(1)).count());
        assertWithin(Duration.ofMillis(126), auth.latencyPercentile(0.0001, Duration.ofHours(1)));
        assertEquals(180, auth.latency(Duration.ofHours(6)).count());
        assertEquals(180, auth.latency(Duration.ofDays(2)).count());
        // p50 of 1..180 ms by nearest rank: rank 90 -> 90 ms.
        assertWithin(Duration.ofMillis(90), auth.latencyPercentile(0.5, Duration.ofDays(2)));
        // Across a day boundary: the daily tier sums its hours exactly.
        clock.advance(Duration.ofDays(1));
        assertEquals(180, auth.latency(Duration.ofDays(7)).count());
        assertWithin(Duration.ofMillis(90), auth.latencyPercentile(0.5, Duration.ofDays(7)));
    }

    @Test
    void whatIfAttainmentByHand() {
        Slo auth = latencySlo("auth", Duration.ofMillis(300));
        // 1000 events: 900 at 100 ms, 80 at 250 ms, 15 at 400 ms, 5 failed (at 50 ms).
        for (int i = 0; i < 900; i++) {
            auth.record(true, 100_000_000L);
        }
        for (int i = 0; i < 80; i++) {
            auth.record(true, Duration.ofMillis(250));
        }
        for (int i = 0; i < 15; i++) {
            auth.record(true, 400_000_000L);
        }
        for (int i = 0; i < 5; i++) {
            auth.record(false, 50_000_000L);
        }
        Duration hour = Duration.ofHours(1);
        // At the SLI's own 300 ms: 980 good / 1000 = 0.98, the same as the error budget says.
        assertEquals(0.98, auth.attainmentAt(Duration.ofMillis(300), hour), 1e-12);
        assertEquals(0.98, auth.errorBudget().attainment(), 1e-12);
        // At 200 ms: 900 / 1000 = 0.9. At 500 ms: 995 / 1000 = 0.995 (failures never count as good).
        assertEquals(0.9, auth.attainmentAt(Duration.ofMillis(200), hour), 1e-12);
        assertEquals(0.995, auth.attainmentAt(Duration.ofMillis(500), hour), 1e-12);
        // The threshold met at 0.98 needs 980 successes within it: the 250 ms bin, whose top edge is
        // 251,658,239 ns (width 2^22 = 4,194,304 ns; 250 ms >>> 22 = 59, (59 + 1) * 2^22 - 1).
        assertEquals(Optional.of(Duration.ofNanos(251_658_239L)), auth.thresholdMet(0.98, hour));
        // At 0.9: 900 successes, the 100 ms bin (width 2^21; 100 ms >>> 21 = 47; 48 * 2^21 - 1 = 100,663,295).
        assertEquals(Optional.of(Duration.ofNanos(100_663_295L)), auth.thresholdMet(0.9, hour));
        // At 0.999 it needs 999 successes but only 995 succeeded: no threshold would do.
        assertEquals(Optional.empty(), auth.thresholdMet(0.999, hour));
        LatencyDistribution d = auth.latency(hour);
        assertEquals(995, d.count());
        assertEquals(5, d.failed());
        assertEquals(1000, d.total());
        assertEquals(980, d.countAtOrBelow(Duration.ofMillis(300)));
    }

    @Test
    void eventsWithoutLatencyCountInTheBudgetButNotInTheDistribution() {
        Slo auth = latencySlo("auth", Duration.ofMillis(300));
        auth.record(true);
        auth.record(true, 1_000L);
        auth.recordCounts(10, 2);
        assertEquals(14, auth.errorBudget().total());
        assertEquals(1, auth.latency(Duration.ofHours(1)).total());
    }

    @Test
    void eventsDuringAnExclusionStayOutOfTheDistribution() {
        Slo auth = slos.define("auth-excl").internal("answers fast").ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.999).window(Window.rolling(Duration.ofDays(30)))
                .exclude(Exclusion.once(Instant.parse("2026-01-01T00:10:00Z"), Duration.ofMinutes(10), "migration"))
                .register();
        auth.record(true, 100_000_000L);                 // 00:00, counts
        clock.advance(Duration.ofMinutes(15));
        auth.record(true, 2_000_000_000L);               // 00:15, inside the exclusion: not in budget or distribution
        clock.advance(Duration.ofMinutes(10));
        auth.record(true, 200_000_000L);                 // 00:25, counts
        LatencyDistribution d = auth.latency(Duration.ofHours(1));
        assertEquals(2, d.total());
        assertEquals(auth.errorBudget().total(), d.total());
        assertWithin(Duration.ofMillis(200), d.percentile(1.0));
    }

    @Test
    void emptyDistributionAnswersZeroAndFullAttainment() {
        Slo auth = latencySlo("auth", Duration.ofMillis(300));
        LatencyDistribution d = auth.latency(Duration.ofDays(30));
        assertEquals(0, d.count());
        assertEquals(Duration.ZERO, d.percentile(0.99));
        assertEquals(Duration.ZERO, d.minAtLeast());
        assertEquals(Duration.ZERO, d.maxAtMost());
        assertEquals(1.0, d.attainmentAt(Duration.ofMillis(1)));
        assertEquals(Optional.empty(), d.thresholdMet(0.99));
    }

    @Test
    void ratioSlisKeepNoHistogram() {
        Slo ratio = slos.define("checkout").internal("checkout works").ownedBy(Owner.team("pay"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        ratio.record(true, 5_000_000L);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ratio.latency(Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("ratio"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ratio.latencyPercentile(0.99, Duration.ofHours(1)));
        assertThrows(IllegalStateException.class, () -> ratio.attainmentAt(Duration.ofMillis(1), Duration.ofHours(1)));
        assertThrows(IllegalStateException.class, () -> ratio.thresholdMet(0.99, Duration.ofHours(1)));
    }

    @Test
    void badInputIsRejectedWithTheValueAndRecordsNothing() {
        Slo auth = latencySlo("auth", Duration.ofMillis(300));
        auth.record(true, 1_000_000L);
        Duration hour = Duration.ofHours(1);
        assertMessage("quantile must be in (0,1], got 1.5", () -> auth.latencyPercentile(1.5, hour));
        assertMessage("quantile must be in (0,1], got 0.0", () -> auth.latencyPercentile(0.0, hour));
        assertMessage("quantile must be in (0,1], got -0.5", () -> auth.latencyPercentile(-0.5, hour));
        assertMessage("quantile must be in (0,1], got NaN", () -> auth.latencyPercentile(Double.NaN, hour));
        assertMessage("quantile must be in (0,1], got 99.0 (did you mean 0.99?)", () -> auth.latencyPercentile(99, hour));
        assertMessage("latencyNanos must be >= 0, got -1", () -> auth.record(true, -1L));
        assertMessage("latency must be >= 0, got -1ms", () -> auth.record(true, Duration.ofMillis(-1)));
        assertMessage("threshold must be >= 0, got -1s", () -> auth.attainmentAt(Duration.ofSeconds(-1), hour));
        assertMessage("target must be in (0,1], got 1.01", () -> auth.thresholdMet(1.01, hour));
        assertMessage("lookBack must be positive, got 0s", () -> auth.latency(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> auth.latency(Duration.ofDays(400)));
        assertThrows(NullPointerException.class, () -> auth.latency(null));
        assertThrows(NullPointerException.class, () -> auth.attainmentAt(null, hour));
        assertThrows(NullPointerException.class, () -> auth.record(true, (Duration) null));
        assertEquals(1, auth.latency(hour).total());
        assertEquals(1, auth.errorBudget().total());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    private static void assertWithin(Duration expected, Duration actual) {
        double error = Math.abs(actual.toNanos() - expected.toNanos()) / (double) expected.toNanos();
        assertTrue(error <= 0.02, "expected " + expected + " within 2%, got " + actual + " (" + error + ")");
    }
}
