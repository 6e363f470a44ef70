package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Look-backs shorter than the finest 10-second bucket: the bucket holding now is inside every
 * look-back, so events just recorded are seen (the far edge blurs by up to one bucket, as for every
 * look-back). They once saw nothing when now was past the middle of its bucket.
 */
final class ShortLookBackTest {
    @Test
    void burnRateOverFiveSeconds_seesTheBadEventsJustRecorded() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);                // 99.9%
        clock.advance(Duration.ofSeconds(7));              // 7 s into the bucket [0, 10 s): now - 5 s is inside it too
        slo.recordCounts(0, 100);
        // (100 bad / 100) / (1 - 0.999) = 1000
        assertEquals(1000.0, slo.burnRate(Duration.ofSeconds(5)), 1e-9);
        assertEquals(1000.0, slo.burnRate(Duration.ofMillis(1)), 1e-9);
    }

    @Test
    void aCustomRuleWithAFiveSecondShortWindow_fires() {
        ManualClock clock = Fixtures.clock();
        SloRegistry registry = SloRegistry.create(clock);
        BurnRateRule rule = new BurnRateRule(Severity.PAGE, 0.02, Duration.ofMinutes(5), Duration.ofSeconds(5));
        Slo slo = Fixtures.ratioSlo(registry, "fast-page", 0.999, Window.rolling(Fixtures.DAYS_30), AlertPolicy.of(rule));
        clock.advance(Duration.ofSeconds(8));
        slo.recordCounts(0, 50);
        // threshold = 0.02 x 30 d / 5 m = 172.8; both windows burn 1000
        List<BurnRateAlert> firing = slo.alerts();
        assertEquals(1, firing.size());
        assertEquals(rule, firing.get(0).rule());
        assertEquals(1000.0, firing.get(0).shortBurnRate(), 1e-9);
    }

    @Test
    void aTimelineShorterThanItsResolution_holdsTheBucketOfNow() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        clock.advance(Duration.ofSeconds(45));             // 45 s into minute 0: now - 30 s is still in it
        slo.record(false);
        List<TimeBucket> timeline = slo.timeline(Duration.ofMinutes(1), Duration.ofSeconds(30));
        assertEquals(List.of(new TimeBucket(Fixtures.START, Duration.ofMinutes(1), 0, 1)), timeline);
    }

    @Test
    void aLookBackOfExactlyOneBucket_stillEndsAtNow() {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        slo.record(false);                                 // at 0 s, bucket [0, 10 s)
        clock.advance(Duration.ofSeconds(10));             // now at 10 s: the look-back (0 s, 10 s] leaves it out
        slo.record(true);
        assertEquals(0.0, slo.burnRate(Duration.ofSeconds(10)), 1e-9);
        assertFalse(slo.timeline(Duration.ofSeconds(10), Duration.ofSeconds(10)).isEmpty());
    }
}
