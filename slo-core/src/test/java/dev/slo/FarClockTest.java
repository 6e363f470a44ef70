package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A clock near the end of what epoch milliseconds can hold: bucket ends would overflow a long there,
 * and every event was once lost. Readings past the last representable bucket count at that bucket.
 */
final class FarClockTest {
    /** A clock of whole milliseconds that can reach Long.MAX_VALUE (a ManualClock counts nanoseconds, up to 2262). */
    private static final class MillisClock extends Clock {
        private final AtomicLong millis;

        MillisClock(long millis) {
            this.millis = new AtomicLong(millis);
        }

        void advance(long by) {
            millis.addAndGet(by);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static Slo sloAt(long millis) {
        SloRegistry registry = SloRegistry.create(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
        return Fixtures.complete(registry, "far").register();
    }

    @Test
    void aClockMovingThroughTheLastHours_keepsEveryEvent() {
        // From 3 h before the last millisecond to 1 s before it, one bad and nine good events a minute:
        // buckets roll all the way, through the last hour (whose end overflows) and the last 10 s bucket.
        MillisClock clock = new MillisClock(Long.MAX_VALUE - 3 * 3_600_000L);
        Slo slo = Fixtures.complete(SloRegistry.create(clock), "far-moving").register();
        long minutes = 0;
        while (clock.millis() <= Long.MAX_VALUE - 61_000L) {
            slo.record(false);
            slo.recordCounts(9, 0);
            clock.advance(60_000L);
            minutes++;
        }
        clock.advance(59_000L);                            // 1 s before Long.MAX_VALUE (at most)
        assertEquals(10 * minutes, slo.errorBudget().total());
        assertEquals(9 * minutes, slo.errorBudget().good());
        // (1 bad in 10) / 0.001 = 100 over any whole number of minutes
        assertEquals(100.0, slo.burnRate(Duration.ofHours(1)), 1e-9);
    }

    @Test
    void inTheLastHourBucketBeforeTheLastMillisecond_everyEventCounts() {
        // The last whole hour of epoch milliseconds starts 775,807 ms before Long.MAX_VALUE; its end overflows.
        Slo slo = sloAt(Long.MAX_VALUE - 600_000L);
        for (int i = 0; i < 10; i++) {
            slo.record(false);
        }
        slo.recordCounts(90, 0);
        assertEquals(100, slo.errorBudget().total());
        assertEquals(90, slo.errorBudget().good());
        // (10 / 100) / 0.001 = 100
        assertEquals(100.0, slo.burnRate(Duration.ofMinutes(5)), 1e-9);
    }

    @Test
    void aLatencySloHoursBeforeTheLastMillisecond_keepsItsDistribution() {
        // The last whole day starts 25,975,807 ms (about 7.2 h) before Long.MAX_VALUE: its end overflows.
        SloRegistry registry = SloRegistry.create(Clock.fixed(Instant.ofEpochMilli(Long.MAX_VALUE - 3_600_000L), ZoneOffset.UTC));
        Slo slo = registry.define("far-latency")
                .internal("answers within 300 ms")
                .ownedBy(Owner.team("identity"))
                .sli(Sli.latency(Duration.ofMillis(300)))
                .target(0.999)
                .window(Window.rolling(Fixtures.DAYS_30))
                .register();
        for (int i = 1; i <= 100; i++) {
            slo.record(true, i * 1_000_000L);              // 1 ms .. 100 ms
        }
        assertEquals(100, slo.errorBudget().good());
        assertEquals(100, slo.latency(Duration.ofHours(1)).total());
        // p50 of 1..100 ms is 50 ms, known to within 1/64
        assertEquals(50_000_000.0, slo.latencyPercentile(0.5, Duration.ofHours(1)).toNanos(), 50_000_000.0 / 64);
    }

    @Test
    void atTheLastMillisecond_eventsSaturateAndCount() {
        Slo slo = sloAt(Long.MAX_VALUE);
        slo.record(true);
        slo.record(false);
        assertEquals(2, slo.errorBudget().total());
        assertEquals(1, slo.errorBudget().bad());
        assertEquals(500.0, slo.burnRate(Duration.ofHours(1)), 1e-9);
    }
}
