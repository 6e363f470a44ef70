package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Gauge SLIs: queue depth / backlog at most N, processing rate at least R, judged per time slice. */
final class GaugeTest {
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private final ManualClock clock = ManualClock.at(START);
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo gauge(String name, Sli sli) {
        return slos.define(name).internal("queue consumer keeps up").ownedBy(Owner.team("fulfilment")).sli(sli)
                .target(0.99).window(Window.rolling(Duration.ofHours(6))).register();
    }

    @Test
    void gaugeAtMost_readingAtTheBoundIsGood_oneAboveIsBad() {
        Slo backlog = gauge("backlog", Sli.gaugeAtMost(1_000));
        backlog.observe(1_000);
        clock.advance(Duration.ofMinutes(1));
        backlog.observe(1_001);
        clock.advance(Duration.ofMinutes(1));
        ErrorBudget b = backlog.errorBudget();
        assertEquals(2, b.total());
        assertEquals(1, b.bad());
    }

    @Test
    void gaugeAtLeast_processingRateBelowTheBoundMakesTheSliceBad() {
        Slo rate = gauge("processing-rate", Sli.gaugeAtLeast(50));   // at least 50 messages per second
        rate.observe(50);
        rate.observe(80);
        clock.advance(Duration.ofMinutes(1));
        rate.observe(80);
        rate.observe(49);                                    // one dip in the slice is enough
        rate.observe(90);
        clock.advance(Duration.ofMinutes(1));
        ErrorBudget b = rate.errorBudget();
        assertEquals(2, b.total());
        assertEquals(1, b.good());
    }

    @Test
    void oneReadingOutOfBoundMakesItsSliceBadWhereverItFalls() {
        Slo first = gauge("first", Sli.gaugeAtMost(10));
        Slo last = gauge("last", Sli.gaugeAtMost(10));
        first.observe(11);
        for (int i = 0; i < 50; i++) {
            first.observe(3);
            last.observe(3);
        }
        last.observe(11);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, first.errorBudget().bad());
        assertEquals(1, last.errorBudget().bad());
    }

    @Test
    void aGaugeDefaultsToOneMinuteSlices() {
        Slo backlog = gauge("backlog", Sli.gaugeAtMost(5));
        assertEquals(Budgeting.timeslices(Duration.ofMinutes(1)), backlog.spec().budgeting());
    }

    @Test
    void aGaugeWithASliceTargetIsGoodWhenEnoughReadingsAreInBound() {
        Slo lag = slos.define("lag").internal("consumer lag").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(100))
                .budgeting(Budgeting.timeslices(Duration.ofSeconds(10), 0.9)).target(0.99)
                .window(Window.rolling(Duration.ofHours(1))).register();
        for (int i = 0; i < 10; i++) {
            lag.observe(i == 0 ? 500 : 20);                  // 9 of 10 readings in bound: 0.9 reaches 0.9
        }
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 10; i++) {
            lag.observe(i < 2 ? 500 : 20);                   // 8 of 10: bad
        }
        clock.advance(Duration.ofSeconds(10));
        assertEquals(2, lag.errorBudget().total());
        assertEquals(1, lag.errorBudget().bad());
    }

    @Test
    void readingsAlsoShowInTheTimeline() {
        Slo backlog = gauge("backlog", Sli.gaugeAtMost(5));
        backlog.observe(1);
        backlog.observe(9);
        TimeBucket bucket = backlog.timeline(Duration.ofMinutes(1), Duration.ofMinutes(1)).get(0);
        assertEquals(2, bucket.total());
        assertEquals(1, bucket.good());
    }

    @Test
    void observeOnANonGaugeSloThrowsNamingTheSli() {
        Slo ratio = slos.define("api").internal("api answers").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .target(0.99).window(Window.rolling(Duration.ofHours(1))).register();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ratio.observe(3));
        assertTrue(e.getMessage().contains("\"api\"") && e.getMessage().contains("Ratio"), e.getMessage());
        assertEquals(0, ratio.errorBudget().total());
    }

    @Test
    void aGaugeWithOccurrencesBudgetingIsRejected() {
        SloBuilder builder = slos.define("backlog").internal("short queue").ownedBy(Owner.team("t"))
                .sli(Sli.gaugeAtMost(5)).budgeting(Budgeting.occurrences()).target(0.99)
                .window(Window.rolling(Duration.ofHours(1)));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::register);
        assertTrue(e.getMessage().contains("timeslices"), e.getMessage());
        assertTrue(slos.find("backlog").isEmpty());
    }
}
