package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bad input to time-slice budgeting and the SLI menu: rejected at once, the value named, nothing changed. */
final class SliceBadInputTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    private SloBuilder gauge(String name) {
        return slos.define(name).internal("short queue").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(5)).target(0.99);
    }

    @Test
    void aSliceShorterThanOneSecondIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budgeting.timeslices(Duration.ofMillis(500)));
        assertTrue(e.getMessage().contains("500ms"), e.getMessage());
    }

    @Test
    void aSliceLongerThanOneHourIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budgeting.ratioTimeslices(Duration.ofHours(2)));
        assertTrue(e.getMessage().contains("2h"), e.getMessage());
    }

    @Test
    void aSliceThatDoesNotDivideADayIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Budgeting.timeslices(Duration.ofSeconds(7)));   // 86400 / 7 is not whole
        assertTrue(e.getMessage().contains("7s"), e.getMessage());
    }

    @Test
    void aSliceTargetOutsideZeroToOneIsRejected() {
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
                () -> Budgeting.timeslices(Duration.ofMinutes(1), 1.5));
        assertEquals("sliceTarget must be in (0,1], got 1.5", high.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Budgeting.timeslices(Duration.ofMinutes(1), 0));
        assertThrows(IllegalArgumentException.class, () -> Budgeting.timeslices(Duration.ofMinutes(1), Double.NaN));
        assertThrows(NullPointerException.class, () -> Budgeting.timeslices(null));
    }

    @Test
    void aSliceThatDoesNotDivideTheWindowIsRejectedAtRegister() {
        // 45-minute slices divide a day (86400 / 2700 = 32) but not a 1-hour window.
        SloBuilder builder = gauge("g").budgeting(Budgeting.timeslices(Duration.ofMinutes(45)))
                .window(Window.rolling(Duration.ofHours(1)));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::register);
        assertTrue(e.getMessage().contains("45m") && e.getMessage().contains("1h"), e.getMessage());
        assertTrue(slos.find("g").isEmpty());
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

    @Test
    void sliRangesAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Sli.withinRetries(-3));
        assertThrows(IllegalArgumentException.class, () -> Sli.freshness(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Sli.deadline(Duration.ZERO));
    }

    @Test
    void aRejectedReadingChangesNothing() {
        Slo fresh = slos.define("fresh").internal("fresh data").ownedBy(Owner.team("t"))
                .sli(Sli.freshness(Duration.ofMinutes(5))).target(0.99).window(Window.rolling(Duration.ofHours(1))).register();
        fresh.observe(10);
        assertThrows(IllegalArgumentException.class, () -> fresh.observe(-10));
        clock.advance(Duration.ofMinutes(1));
        ErrorBudget b = fresh.errorBudget();
        assertEquals(1, b.total());
        assertEquals(0, b.bad());
    }
}
