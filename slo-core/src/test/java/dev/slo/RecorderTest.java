package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.engine.EventRecorder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recorder seen through the public API, single-threaded on a {@link ManualClock}. */
final class RecorderTest {
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void bucketing_isExact_atEveryBoundary() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        // Bucket k of 10 s covers [k*10 s, (k+1)*10 s): one event at each bucket's last and first millisecond.
        for (int k = 1; k <= 20; k++) {
            clock.set(Fixtures.START.plusSeconds(10L * k).minusMillis(1));
            slo.record(true);                              // last ms of bucket k-1
            clock.set(Fixtures.START.plusSeconds(10L * k));
            slo.record(false);                             // first ms of bucket k
        }
        clock.set(Fixtures.START.plusSeconds(205));
        List<TimeBucket> timeline = slo.timeline(TEN_SECONDS, Duration.ofSeconds(210));
        assertEquals(Fixtures.START, timeline.get(0).start());
        assertEquals(21, timeline.size());
        assertEquals(new TimeBucket(Fixtures.START, TEN_SECONDS, 1, 1), timeline.get(0));
        for (int k = 1; k < 20; k++) {
            assertEquals(new TimeBucket(Fixtures.START.plusSeconds(10L * k), TEN_SECONDS, 1, 2), timeline.get(k), "bucket " + k);
        }
        assertEquals(new TimeBucket(Fixtures.START.plusSeconds(200), TEN_SECONDS, 0, 1), timeline.get(20));
    }

    @Test
    void timeline_atCoarserResolutions_addsTheFinerBuckets() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        for (int s = 0; s < 3 * 3600; s += 7) {            // an event every 7 s for 3 hours, every 5th bad
            clock.set(Fixtures.START.plusSeconds(s));
            slo.record(s % 35 != 0);
        }
        List<TimeBucket> hours = slo.timeline(Duration.ofHours(1), Duration.ofHours(3));
        List<TimeBucket> minutes = slo.timeline(Duration.ofMinutes(1), Duration.ofHours(3));
        assertEquals(3, hours.size());
        assertEquals(180, minutes.size());
        assertEquals(Fixtures.sum(hours)[1], Fixtures.sum(minutes)[1]);
        assertEquals(Fixtures.sum(hours)[0], Fixtures.sum(minutes)[0]);
        // 0, 7, ..., 10794: 1543 events, of which multiples of 35 (0..10780): 309 are bad.
        assertEquals(1543, Fixtures.sum(hours)[1]);
        assertEquals(1543 - 309, Fixtures.sum(hours)[0]);
        assertEquals(1543, slo.errorBudget().total());
        // The first hour holds seconds 0..3598 step 7: 515 events, 103 bad (0, 35, ..., 3570).
        assertEquals(new TimeBucket(Fixtures.START, Duration.ofHours(1), 515 - 103, 515), hours.get(0));
    }

    @Test
    void clockJumpingBackwards_countsInTheNewestBucket() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        clock.set(Fixtures.START.plusSeconds(25));
        slo.record(true);                                  // bucket [20 s, 30 s)
        clock.set(Fixtures.START.plusSeconds(3));          // back into bucket [0, 10 s)
        slo.record(false);
        slo.recordCounts(2, 1);
        List<TimeBucket> timeline = slo.timeline(TEN_SECONDS, Duration.ofSeconds(30));
        // Read at the back-dated clock, the newest bucket is still [20 s, 30 s): everything is there.
        TimeBucket newest = timeline.get(timeline.size() - 1);
        assertEquals(Fixtures.START.plusSeconds(20), newest.start());
        assertEquals(3, newest.good());
        assertEquals(5, newest.total());
        assertEquals(5, slo.errorBudget().total());
        // Once the clock catches up, nothing was rewritten or lost.
        clock.set(Fixtures.START.plusSeconds(45));
        slo.record(true);
        List<TimeBucket> later = slo.timeline(TEN_SECONDS, Duration.ofSeconds(50));
        assertEquals(0, later.get(0).total() + later.get(1).total());
        assertEquals(5, later.get(2).total());
        assertEquals(0, later.get(3).total());
        assertEquals(1, later.get(4).total());
        assertEquals(6, slo.errorBudget().total());
    }

    @Test
    void clockJumpingBackwardsALongWay_stillCountsEverything() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        Fixtures.hourly(slo, clock, 10, 100, 0);
        clock.set(Fixtures.START.minus(Duration.ofDays(400)));
        slo.recordCounts(1, 1);
        ErrorBudget b = slo.errorBudget();
        assertEquals(1002, b.total());
        assertEquals(1001, b.good());
    }

    @Test
    void clockJumpingFarForward_forgetsEverything_andRecordsOn() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        Fixtures.hourly(slo, clock, 48, 100, 1);
        long footprint = slo.footprintBytes();
        // 200 years ahead: about 6e8 ten-second buckets are skipped; each ring is cleared once, not per bucket.
        clock.set(Instant.parse("2226-01-01T00:00:00Z"));
        assertEquals(0, slo.errorBudget().total());
        assertEquals(0.0, slo.burnRate(Duration.ofMinutes(5)));
        assertEquals(0, Fixtures.sum(slo.timeline(Duration.ofHours(1), Duration.ofDays(30)))[1]);
        assertEquals(0, Fixtures.sum(slo.timeline(Duration.ofMinutes(1), Duration.ofHours(6)))[1]);
        assertEquals(0, Fixtures.sum(slo.timeline(TEN_SECONDS, Duration.ofMinutes(6)))[1]);
        slo.record(false);
        assertEquals(1, slo.errorBudget().total());
        assertEquals(footprint, slo.footprintBytes());
    }

    @Test
    void jumpForwardByLessThanARing_clearsOnlyWhatLeft() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        Fixtures.hourly(slo, clock, 5, 10, 0);             // hours 0..4 at :30
        clock.advance(Duration.ofDays(29));                // hours 0..4 of day 0 are still within 30 days
        assertEquals(50, slo.errorBudget().total());
        clock.advance(Duration.ofHours(22));               // 30 d 2.5 h after START... hours 0..2 left the window
        assertEquals(20, slo.errorBudget().total());
    }

    @Test
    void rollingWindow_ofADay_forgetsEventsWithinFiveMinutesOfTheirLeaving() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.ratioSlo(SloRegistry.create(clock), "day", 0.99, Window.rolling(Duration.ofDays(1)));
        Fixtures.hourly(slo, clock, 24, 100, 1);           // at 00:30 .. 23:30
        assertEquals(24 * 101, slo.errorBudget().total());
        // A 1-day window reads the 5-minute tier: the events of 00:30 sit in the bucket [00:30, 00:35),
        // which leaves the window (now - 1 d, now] as now reaches 24:30, exactly when they do.
        clock.advance(Duration.ofHours(1).minusMillis(1));  // 24:29:59.999
        assertEquals(24 * 101, slo.errorBudget().total());
        clock.advance(Duration.ofMillis(1));                // 24:30
        assertEquals(23 * 101, slo.errorBudget().total());
        clock.advance(Duration.ofMinutes(59).plusSeconds(59).plusMillis(999));   // 25:29:59.999
        assertEquals(23 * 101, slo.errorBudget().total());
        clock.advance(Duration.ofMillis(1));                // 25:30: the events of 01:30 leave
        assertEquals(22 * 101, slo.errorBudget().total());
    }

    @Test
    void rollingWindow_ofThreeDays_forgetsAWholeHourAtOnce() {
        // Beyond 25 hours the hourly tier answers: its far edge blurs by up to one hour (1.4% of 3 days).
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.ratioSlo(SloRegistry.create(clock), "three-days", 0.99, Window.rolling(Duration.ofDays(3)));
        Fixtures.hourly(slo, clock, 2, 100, 1);            // at 00:30 and 01:30
        clock.advance(Duration.ofDays(3).minusMinutes(90).minusMillis(1));   // 2 d 23:59:59.999 after START
        assertEquals(2 * 101, slo.errorBudget().total());
        clock.advance(Duration.ofMillis(1));                // 3 d 00:00: hour 0 leaves whole, its 00:30 events 30 min early
        assertEquals(101, slo.errorBudget().total());
    }

    @Test
    void queries_neverGoBackwards_whileNothingExpires() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        long lastTotal = 0;
        for (int i = 0; i < 500; i++) {
            slo.recordCounts(i % 3, i % 2);
            clock.advance(Duration.ofSeconds(13));
            ErrorBudget b = slo.errorBudget();
            assertTrue(b.total() >= lastTotal);
            assertTrue(b.good() <= b.total());
            lastTotal = b.total();
        }
    }

    @Test
    void recordCounts_isTheSameAsRecordingOneByOne() {
        ManualClock clock = Fixtures.clock();
        SloRegistry slos = SloRegistry.create(clock);
        Slo batch = Fixtures.ratioSlo(slos, "batch", 0.999, Window.rolling(Fixtures.DAYS_30));
        Slo single = Fixtures.ratioSlo(slos, "single", 0.999, Window.rolling(Fixtures.DAYS_30));
        batch.recordCounts(1234, 56);
        for (int i = 0; i < 1234; i++) {
            single.record(true);
        }
        for (int i = 0; i < 56; i++) {
            single.record(false);
        }
        batch.recordCounts(0, 0);
        assertEquals(single.errorBudget(), batch.errorBudget());
        assertEquals(1234 + 56, batch.errorBudget().total());             // not merely equal: both right
        assertEquals(1234, batch.errorBudget().good());
    }

    @Test
    void recordCounts_ofMoreThanOneStripeBatch_isExact() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        long good = 3 * EventRecorder.MAX_STRIPE_BATCH + 17;
        long bad = EventRecorder.MAX_STRIPE_BATCH + 5;
        slo.recordCounts(good, bad);
        ErrorBudget b = slo.errorBudget();
        assertEquals(good + bad, b.total());
        assertEquals(good, b.good());
    }

    @Test
    void recordCounts_beyondThe32BitHalves_acrossManyCalls_isExact() {
        // 5 x 2^30 events: more than one stripe half could hold without the recorder draining in time.
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        for (int i = 0; i < 5; i++) {
            slo.recordCounts(Slo.MAX_COUNTS_PER_CALL - 1, 1);
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(5 * Slo.MAX_COUNTS_PER_CALL, b.total());
        assertEquals(5 * Slo.MAX_COUNTS_PER_CALL - 5, b.good());
    }

    @Test
    void footprint_ofA30DayRatioSlo_isAtMost32KB_evenWithEveryStripe() {
        Slo slo = Fixtures.checkout(Fixtures.clock());
        EventRecorder recorder = slo.recorder();
        long atFullStripes = slo.footprintBytes()
                + (long) (EventRecorder.maxStripes() - recorder.stripeCount()) * EventRecorder.STRIPE_BYTES;
        assertTrue(slo.footprintBytes() <= 32 * 1024, "footprint " + slo.footprintBytes());
        assertTrue(atFullStripes <= 32 * 1024, "footprint with " + EventRecorder.maxStripes() + " stripes: " + atFullStripes);
    }

    @Test
    void stripes_areCappedAt32() {
        assertTrue(EventRecorder.maxStripes() <= 32);
        assertTrue(EventRecorder.maxStripes() >= 2);
        assertEquals(1, Integer.bitCount(EventRecorder.maxStripes()), "a power of two");
    }

    @Test
    void footprint_doesNotGrowWithTraffic() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        long before = slo.footprintBytes();
        Fixtures.hourly(slo, clock, 24 * 45, 1_000_000, 1000);
        assertEquals(before, slo.footprintBytes());
    }
}
