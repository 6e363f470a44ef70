package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slo.engine.LatencyBins;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Timed events of a latency SLO whose writer sees a bucket boundary pass while another thread holds the roll lock:
 * one add counts such an event and bins its latency on the fast path, so on this path the count is parked by the
 * time of its reading and the latency apart, uncounted. Each must be counted once, in the bucket of its reading,
 * and its latency once.
 */
final class LateLatencyEventTest {
    private static final Duration THRESHOLD = Duration.ofMillis(300);

    private static Slo latencySlo(ManualClock clock) {
        return SloRegistry.create(clock).define("api").internal("fast").ownedBy(Owner.team("t"))
                .sli(Sli.latency(THRESHOLD)).target(0.99).window(Window.rolling(Duration.ofDays(30))).register();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void timedEventsRacingARoll_landInTheBucketOfTheirReading_withTheirLatencyOnce() throws Exception {
        ManualClock clock = Fixtures.clock();
        Slo slo = latencySlo(clock);
        clock.set(Fixtures.START.plusSeconds(5));
        slo.record(true, Duration.ofMillis(100));          // bucket [0, 10 s): good
        LockHolder holder = LockHolder.holding(slo.recorder());
        clock.set(Fixtures.START.plusSeconds(12));         // bucket [10 s, 20 s), but no one can roll now
        slo.record(true, Duration.ofMillis(200));          // good
        slo.record(true, THRESHOLD);                       // good: at the threshold
        slo.record(true, THRESHOLD.plusNanos(1));          // bad: one nanosecond over, in the threshold's bin
        slo.record(false, Duration.ofMillis(50));          // bad: failed
        holder.release();

        List<TimeBucket> timeline = slo.timeline(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertEquals(new TimeBucket(Fixtures.START, Duration.ofSeconds(10), 1, 1), timeline.get(0));
        assertEquals(new TimeBucket(Fixtures.START.plusSeconds(10), Duration.ofSeconds(10), 2, 4), timeline.get(1));
        ErrorBudget budget = slo.errorBudget();
        assertEquals(5, budget.total());
        assertEquals(3, budget.good());
        LatencyDistribution d = slo.latency(Duration.ofHours(1));
        assertEquals(5, d.total());
        assertEquals(1, d.failed());
        assertEquals(2, d.countAtOrBelow(Duration.ofNanos(LatencyBins.upperBound(LatencyBins.bin(200_000_000L)))));
        int thresholdBin = LatencyBins.bin(THRESHOLD.toNanos());
        assertEquals(thresholdBin, LatencyBins.bin(THRESHOLD.toNanos() + 1), "the test needs both in one bin");
        assertEquals(4, d.countAtOrBelow(Duration.ofNanos(LatencyBins.upperBound(thresholdBin))), "both halves of the split bin");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void moreDistinctLatenciesInOneLockHoldThanLateCells_areEachCountedOnce() throws Exception {
        // 40 latencies in 40 different bins past a boundary in one lock hold: the latencies of the first 16 are
        // parked in the 16 late cells, with their counts parked by time in the new bucket; the other 24 find no
        // cell and are counted, latency and all, in the bucket still open (the documented fallback). None lost,
        // none twice.
        ManualClock clock = Fixtures.clock();
        Slo slo = latencySlo(clock);
        clock.set(Fixtures.START.plusSeconds(5));
        slo.record(true, Duration.ofMillis(1));
        LockHolder holder = LockHolder.holding(slo.recorder());
        clock.set(Fixtures.START.plusSeconds(12));
        long[] bins = new long[LatencyBins.SLOTS];
        bins[LatencyBins.bin(1_000_000)]++;
        long good = 1;
        for (int i = 0; i < 40; i++) {
            int bin = 400 + 17 * i;                        // 40 bins, 17 apart
            long latency = LatencyBins.representative(bin);
            slo.record(true, latency);
            bins[bin]++;
            good += latency <= THRESHOLD.toNanos() ? 1 : 0;
        }
        holder.release();

        List<TimeBucket> timeline = slo.timeline(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertEquals(1 + 24, timeline.get(0).total(), "the events that found no late cell, in the open bucket");
        assertEquals(16, timeline.get(1).total(), "the parked events, in the bucket of their reading");
        ErrorBudget budget = slo.errorBudget();
        assertEquals(41, budget.total());
        assertEquals(good, budget.good());
        LatencyDistribution d = slo.latency(Duration.ofHours(1));
        assertEquals(41, d.total());
        long cumulative = 0;
        for (int bin = 0; bin < LatencyBins.OVERFLOW; bin++) {
            cumulative += bins[bin];
            if (bins[bin] != 0) {
                assertEquals(cumulative, d.countAtOrBelow(Duration.ofNanos(LatencyBins.upperBound(bin))), "through bin " + bin);
            }
        }
    }
}
