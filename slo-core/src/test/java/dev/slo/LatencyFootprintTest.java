package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import dev.slo.engine.LatencyBins;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A 30-day latency SLO keeps its distribution in at most 128 KB. */
final class LatencyFootprintTest {

    @Test
    void thirtyDayLatencySloWithAFullWindowOfWideDistributionsStaysWithin128KB() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Slo slo = SloRegistry.create(clock).define("api").internal("fast").ownedBy(Owner.team("t"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        Random random = new Random(1);
        // 31 days of traffic, 40 events per minute, log-normal latencies (median 20 ms, sigma 1.5: 1% below
        // 0.6 ms, 1% above 650 ms) and a 1% slice of timeouts at 5..30 s: a wide, realistic spread of bins
        // in every 5-minute, hourly and daily bucket.
        for (int minute = 0; minute < 31 * 24 * 60; minute++) {
            for (int i = 0; i < 40; i++) {
                long nanos = random.nextInt(100) == 0
                        ? 5_000_000_000L + (long) (random.nextDouble() * 25e9)
                        : (long) (20e6 * Math.exp(1.5 * random.nextGaussian()));
                slo.record(random.nextInt(500) != 0, nanos);
            }
            clock.advance(Duration.ofMinutes(1));
        }
        long bytes = slo.footprintBytes();
        System.out.println("30-day latency SLO footprint: " + bytes + " bytes");
        assertTrue(bytes <= 128 * 1024, "footprint " + bytes + " bytes");
        // Nothing is lost to compaction: now is day 31 00:00; the 30-day look-back is resolved in whole days
        // after now - 30 d (day 1 00:00): days 2..30 = 29 days * 1440 min * 40 = 1,670,400 events.
        assertEquals(1_670_400, slo.latency(Duration.ofDays(30)).total());
        // Likewise the last 24 h in whole hours after now - 24 h: 23 * 60 * 40 = 55,200 (the open hour is empty
        // at 00:00), and the last hour in whole 5-minute buckets: 11 * 5 * 40 = 2,200.
        assertEquals(55_200, slo.latency(Duration.ofDays(1)).total());
        assertEquals(2_200, slo.latency(Duration.ofHours(1)).total());
    }

    @Test
    void ratioSloKeepsNoHistogramMemory() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo ratio = slos.define("r").internal("ok").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(30))).register();
        Slo latency = slos.define("l").internal("fast").ownedBy(Owner.team("t")).sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        assertTrue(ratio.footprintBytes() <= 32 * 1024, "ratio " + ratio.footprintBytes());
        // the empty histogram: live stripes, one dense open bucket and the rings' bookkeeping
        assertTrue(latency.footprintBytes() > ratio.footprintBytes() + LatencyBins.SLOTS * 8L);
    }
}
