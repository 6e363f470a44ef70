package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time-slice budgeting (OpenSLO v1 budgetingMethod Timeslices and RatioTimeslices). */
final class TimeslicesTest {
    /** A Monday at midnight UTC: every slice and tier bucket boundary lines up with it. */
    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    private final ManualClock clock = ManualClock.at(START);
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo backlog(Window window) {
        return slos.define("orders-queue-backlog").internal("the order queue stays short")
                .ownedBy(Owner.team("fulfilment")).sli(Sli.gaugeAtMost(1_000))
                .budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).target(0.9995).window(window).register();
    }

    private SloBuilder gauge(String name) {
        return slos.define(name).internal("short queue").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(5)).target(0.99);
    }

    private Slo events(String name, Budgeting budgeting, double target) {
        return slos.define(name).internal("internal API answers").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .budgeting(budgeting).target(target).window(Window.rolling(Duration.ofHours(6))).register();
    }

    @Test
    void sevenDayWindowOfOneMinuteSlicesAt99_95Allows5_04BadSlices() {
        Slo slo = backlog(Window.rolling(Duration.ofDays(7)));
        // 7 days = 7 * 24 * 60 = 10080 one-minute slices, one reading each; 5 of them over the bound.
        for (int minute = 0; minute < 10_080; minute++) {
            slo.observe(minute % 2000 == 1999 ? 1_500 : 742);   // minutes 1999, 3999, 5999, 7999, 9999
            clock.advance(Duration.ofMinutes(1));
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(10_080, b.total());
        assertEquals(5, b.bad());
        // allowedBad = 10080 * (1 - 0.9995) = 10080 * 0.0005 = 5.04
        assertEquals(5.04, b.allowedBad(), 1e-12);
        // consumed = 5 / 5.04 = 0.99206349...; remaining = 0.04 / 5.04 = 0.0079365...
        assertEquals(5 / 5.04, b.consumed(), 1e-12);
        assertFalse(b.exhausted());

        // The next hour: a sixth bad slice enters while the first hour (60 good slices) leaves the window.
        // (Beyond 6 hours the window's old edge moves in whole hours, the coarsest tier's bucket.)
        for (int minute = 0; minute < 60; minute++) {
            slo.observe(minute == 30 ? 5_000 : 742);
            clock.advance(Duration.ofMinutes(1));
        }
        ErrorBudget after = slo.errorBudget();
        assertEquals(10_080, after.total());
        assertEquals(6, after.bad());                        // 6 / 5.04 = 1.19: overspent
        assertTrue(after.exhausted());
    }

    @Test
    void aSliceCountsOnceTheClockReachesItsEnd() {
        Slo slo = backlog(Window.rolling(Duration.ofHours(1)));
        clock.set(START.plusMillis(59_999));                 // the last millisecond of slice [0, 60 000)
        slo.observe(2_000);
        assertEquals(0, slo.errorBudget().total(), "slice 0 is still open");
        clock.set(START.plusMillis(60_000));                 // slice 0 ends: it counts
        assertEquals(1, slo.errorBudget().total());
        assertEquals(1, slo.errorBudget().bad());
        slo.observe(10);                                     // slice 1 = [60 000, 120 000)
        clock.set(START.plusMillis(119_999));
        assertEquals(1, slo.errorBudget().total(), "slice 1 is still open");
        clock.set(START.plusMillis(120_000));
        ErrorBudget b = slo.errorBudget();
        assertEquals(2, b.total());
        assertEquals(1, b.bad());
    }

    @Test
    void aRollingWindowHoldsTheSlicesStartingWithinIt() {
        Slo slo = backlog(Window.rolling(Duration.ofHours(1)));
        slo.observe(5_000);                                  // slice starting at START, bad
        clock.advance(Duration.ofMinutes(1));
        slo.observe(1);                                      // slice starting at START + 1 min, good
        clock.set(START.plus(Duration.ofHours(1)));          // now - 1 h = START: both slices start at or after it
        assertEquals(2, slo.errorBudget().total());
        assertEquals(1, slo.errorBudget().bad());
        clock.set(START.plus(Duration.ofHours(1)).plusMillis(1));   // the bad slice starts before now - 1 h
        ErrorBudget b = slo.errorBudget();
        assertEquals(1, b.total());
        assertEquals(0, b.bad());
    }

    @Test
    void slicesWithoutDataDoNotCount() {
        Slo slo = backlog(Window.rolling(Duration.ofHours(1)));
        slo.observe(1);
        clock.advance(Duration.ofMinutes(30));               // 29 silent slices
        slo.observe(1);
        clock.advance(Duration.ofMinutes(1));
        ErrorBudget b = slo.errorBudget();
        assertEquals(2, b.total());
        assertEquals(2, b.good());
    }

    @Test
    void withoutASliceTargetOneBadEventMakesTheSliceBad() {
        Slo slo = events("api", Budgeting.timeslices(Duration.ofMinutes(1)), 0.99);
        slo.recordCounts(999, 1);                            // 99.9% of events good, but not all: bad slice
        clock.advance(Duration.ofMinutes(1));
        slo.recordCounts(1000, 0);                           // all good: good slice
        clock.advance(Duration.ofMinutes(1));
        ErrorBudget b = slo.errorBudget();
        assertEquals(2, b.total());
        assertEquals(1, b.bad());
    }

    @Test
    void aSliceIsGoodWhenItsRatioReachesTheSliceTarget() {
        Slo slo = events("api", Budgeting.timeslices(Duration.ofMinutes(1), 0.95), 0.99);
        for (int i = 0; i < 100; i++) {
            slo.record(i >= 5);                              // 95 / 100 = 0.95 reaches 0.95: good
        }
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 100; i++) {
            slo.record(i >= 6);                              // 94 / 100 = 0.94 < 0.95: bad
        }
        clock.advance(Duration.ofMinutes(1));
        ErrorBudget b = slo.errorBudget();
        assertEquals(2, b.total());
        assertEquals(1, b.good());
    }

    @Test
    void ratioTimeslicesAttainmentIsTheMeanOfSliceRatios() {
        Slo slo = events("api", Budgeting.ratioTimeslices(Duration.ofMinutes(1)), 0.9);
        long[][] slices = {{10, 0}, {1, 1}, {9, 1}, {3, 2}};  // ratios 1.0, 0.5, 0.9, 0.6
        for (long[] s : slices) {
            slo.recordCounts(s[0], s[1]);
            clock.advance(Duration.ofMinutes(1));
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(4, b.total());
        // mean of ratios = (1.0 + 0.5 + 0.9 + 0.6) / 4 = 3.0 / 4 = 0.75, not the event ratio 23 / 27 = 0.85
        assertEquals(0.75, b.attainment(), 1e-9);
        assertEquals(1, b.good(), "one slice had every event good");
        // allowed = 4 * (1 - 0.9) = 0.4 slices; spent = 4 - 3.0 = 1.0; consumed = 1.0 / 0.4 = 2.5
        assertEquals(2.5, b.consumed(), 1e-8);
        // burn over the last hour = (1 - 0.75) / 0.1 = 2.5
        assertEquals(2.5, slo.burnRate(Duration.ofHours(1)), 1e-8);
    }

    @Test
    void countsBeyondOneWordSpillAndStayExact() {
        Slo slo = events("bulk", Budgeting.ratioTimeslices(Duration.ofMinutes(1)), 0.9);
        slo.recordCounts(30_000_000, 10_000_000);            // 40 M events in one slice: past the 2^24 field
        clock.advance(Duration.ofMinutes(1));
        // one slice, ratio 30 M / 40 M = 0.75
        assertEquals(0.75, slo.errorBudget().attainment(), 1e-9);
        assertEquals(1, slo.errorBudget().total());
    }

    @Test
    void burnRateCountsSlices() {
        Slo slo = events("api", Budgeting.timeslices(Duration.ofMinutes(1)), 0.999);
        for (int minute = 0; minute < 60; minute++) {
            slo.recordCounts(100, minute % 20 == 0 ? 1 : 0); // minutes 0, 20, 40 bad
            clock.advance(Duration.ofMinutes(1));
        }
        // 3 bad slices of 60: (3 / 60) / (1 - 0.999) = 0.05 / 0.001 = 50
        assertEquals(50.0, slo.burnRate(Duration.ofHours(1)), 1e-9);
        // the last 5 minutes (slices 55..59) are all good
        assertEquals(0.0, slo.burnRate(Duration.ofMinutes(5)));
    }

    @Test
    void alertsCountSlices() {
        Slo slo = slos.define("backlog").internal("short queue").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(10))
                .target(0.999).window(Window.rolling(Duration.ofDays(7))).register();   // 1-minute slices by default
        for (int minute = 0; minute < 60; minute++) {
            slo.observe(minute == 59 ? 11 : 3);              // the last slice of the hour is bad
            clock.advance(Duration.ofMinutes(1));
        }
        List<BurnRateAlert> firing = slo.alerts();
        // 7-day window: PAGE 1h/5m threshold 0.02 * 168 h / 1 h = 3.36.
        // 1 h: 1 bad of 60 slices: (1/60) / 0.001 = 16.67; 5 m: 1 of 5: (1/5) / 0.001 = 200.
        assertEquals(4, firing.size(), "every rule sees only this hour of slices: " + firing);
        assertEquals(Severity.PAGE, firing.get(0).rule().severity());
        assertEquals(1.0 / 60 / 0.001, firing.get(0).longBurnRate(), 1e-9);
        assertEquals(1.0 / 5 / 0.001, firing.get(0).shortBurnRate(), 1e-9);
    }

    @Test
    void aCalendarWeekCountsTheSlicesSinceMonday() {
        clock.set(START.minus(Duration.ofMinutes(2)));       // Sunday 23:58: last week
        Slo slo = backlog(Window.calendarWeek(ZoneOffset.UTC));
        slo.observe(5_000);
        clock.set(START);                                    // Monday 00:00: a new week
        slo.observe(5);
        clock.advance(Duration.ofMinutes(1));
        ErrorBudget b = slo.errorBudget();
        assertEquals(1, b.total(), "last week's slice does not count");
        assertEquals(0, b.bad());
    }

    @Test
    void aClockThatGoesBackCountsInTheOpenSlice() {
        Slo slo = backlog(Window.rolling(Duration.ofHours(1)));
        clock.set(START.plus(Duration.ofMinutes(10)));
        slo.observe(1);
        clock.set(START.plus(Duration.ofMinutes(3)));        // back 7 minutes
        slo.observe(5_000);                                  // counts in the open slice (minute 10)
        clock.set(START.plus(Duration.ofMinutes(11)));
        ErrorBudget b = slo.errorBudget();
        assertEquals(1, b.total());
        assertEquals(1, b.bad());
    }

    @Test
    void aFootprintStaysFarBelowOneCellPerSlice() {
        Slo slo = backlog(Window.rolling(Duration.ofDays(7)));
        // 10080 slices kept one by one as (good, total) longs would take 10080 * 16 = 161 280 bytes.
        assertTrue(slo.footprintBytes() < 64 * 1024, "footprint " + slo.footprintBytes());
    }

    @Test
    void anAlertWindowShorterThanASliceNeverHoldsOne() {
        // 1-hour slices under the default policy: the 5-minute window holds slices starting in the last
        // 5 minutes, and a slice only counts once it has ended, an hour after its start.
        Slo slo = gauge("g").budgeting(Budgeting.timeslices(Duration.ofHours(1)))
                .window(Window.rolling(Duration.ofDays(7))).register();
        for (int hour = 0; hour < 24; hour++) {
            slo.observe(9);                                  // every slice bad
            clock.advance(Duration.ofHours(1));
        }
        assertEquals(24, slo.errorBudget().bad());
        assertEquals(0.0, slo.burnRate(Duration.ofMinutes(5)));
        assertTrue(slo.alerts().stream().noneMatch(a -> a.rule().severity() == Severity.PAGE), "page rules cannot fire");
    }

    @Test
    void longSlicesWorkWithAPolicyOfLongWindows() {
        AlertPolicy daily = AlertPolicy.of(new BurnRateRule(Severity.TICKET, 0.1, Duration.ofDays(1), Duration.ofHours(2)));
        Slo slo = gauge("g").budgeting(Budgeting.timeslices(Duration.ofHours(1))).alertPolicy(daily)
                .window(Window.rolling(Duration.ofDays(7))).register();
        slo.observe(9);
        clock.advance(Duration.ofHours(1));
        assertEquals(1, slo.errorBudget().bad());
    }
}
