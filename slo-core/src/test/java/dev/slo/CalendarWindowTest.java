package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** SLOs over calendar windows: the budget starts afresh at each period's start, in the window's zone. */
final class CalendarWindowTest {

    private static Slo slo(ManualClock clock, Window window) {
        return Fixtures.ratioSlo(SloRegistry.create(clock), "calendar", 0.999, window);
    }

    @Test
    void calendarMonth_budgetStartsAfreshOnTheFirst() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-31T23:00:00Z"));
        Slo slo = slo(clock, Window.calendarMonth(ZoneOffset.UTC));
        slo.recordCounts(900, 100);                                          // a terrible last hour of January
        assertEquals(1000, slo.errorBudget().total());
        clock.advance(Duration.ofMinutes(59).plusSeconds(59).plusMillis(999));
        assertEquals(1000, slo.errorBudget().total());                       // 23:59:59.999: still January
        clock.advance(Duration.ofMillis(1));                                 // 1 February 00:00
        ErrorBudget fresh = slo.errorBudget();
        assertEquals(0, fresh.total());
        assertEquals(1.0, fresh.remaining());
        slo.record(true);                                                    // at the first instant: counts in February
        assertEquals(1, slo.errorBudget().total());
    }

    @Test
    void calendarMonth_holdsTheWholeMonth() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-03-01T00:00:00Z"));
        Slo slo = slo(clock, Window.calendarMonth(ZoneOffset.UTC));
        Fixtures.hourly(slo, clock, 31 * 24, 99, 1);                        // every hour of March
        ErrorBudget b = slo.errorBudget();
        assertEquals(31 * 24 * 100, b.total());
        assertEquals(31 * 24, b.bad());
        assertEquals(Duration.ofDays(31), Window.calendarMonth(ZoneOffset.UTC).length(clock.instant()));
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        assertEquals(0, slo.errorBudget().total());
    }

    @Test
    void calendarMonth_inAZone_turnsOverAtThatZonesMidnight() {
        // Paris is UTC+1 in winter: February begins at 2026-01-31T23:00Z.
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-31T22:30:00Z"));
        Slo slo = slo(clock, Window.calendarMonth(ZoneId.of("Europe/Paris")));
        slo.recordCounts(10, 0);
        clock.set(Instant.parse("2026-01-31T22:59:59Z"));
        assertEquals(10, slo.errorBudget().total());
        clock.set(Instant.parse("2026-01-31T23:00:00Z"));
        assertEquals(0, slo.errorBudget().total());
        slo.recordCounts(5, 0);
        clock.set(Instant.parse("2026-02-01T12:00:00Z"));
        assertEquals(5, slo.errorBudget().total());
    }

    @Test
    void calendarWeek_budgetStartsAfreshOnMonday() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-02-15T12:00:00Z"));    // Sunday
        Slo slo = slo(clock, Window.calendarWeek(ZoneOffset.UTC));
        slo.recordCounts(0, 50);
        clock.set(Instant.parse("2026-02-15T23:59:59.999Z"));
        assertEquals(50, slo.errorBudget().total());
        clock.set(Instant.parse("2026-02-16T00:00:00Z"));                             // Monday
        assertEquals(0, slo.errorBudget().total());
        Fixtures.hourly(slo, clock, 7 * 24 - 1, 10, 0);                               // to Sunday 23:30
        assertEquals((7 * 24 - 1) * 10, slo.errorBudget().total());
    }

    @Test
    void calendarMonth_inAHalfHourZone_keepsTheFirstHalfHourAllMonth() {
        // India is UTC+5:30: March 2026 begins at 2026-02-28T18:30Z, half-way through a UTC hour.
        ManualClock clock = ManualClock.at(Instant.parse("2026-02-28T18:30:00Z"));
        Slo slo = slo(clock, Window.calendarMonth(ZoneId.of("Asia/Kolkata")));
        clock.advance(Duration.ofMinutes(10));
        slo.recordCounts(7, 3);                                                       // 18:40Z, in March (IST)
        clock.advance(Duration.ofHours(1));
        assertEquals(10, slo.errorBudget().total());
        clock.advance(Duration.ofHours(7));                                           // past the minute tier's 6 h
        assertEquals(10, slo.errorBudget().total());
        clock.advance(Duration.ofDays(20));
        assertEquals(10, slo.errorBudget().total());
        assertEquals(3, slo.errorBudget().bad());
    }

    @Test
    void calendarMonth_inAHalfHourZone_excludesTheLastHalfHourOfThePreviousMonth() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-02-28T18:10:00Z"));   // still February in India
        Slo slo = slo(clock, Window.calendarMonth(ZoneId.of("Asia/Kolkata")));
        slo.recordCounts(0, 4);
        clock.set(Instant.parse("2026-02-28T18:30:00Z"));
        assertEquals(0, slo.errorBudget().total());
        clock.advance(Duration.ofHours(8));
        assertEquals(0, slo.errorBudget().total());
    }

    /** {@code timeToExhaustion = remaining * windowLength / burnRate}, windowLength = this month for a calendar window. */
    @Test
    void timeToExhaustionInACalendarMonthUsesThisMonthsLength() {
        ManualClock clock = ManualClock.at(Instant.parse("2026-02-10T00:30:00Z"));
        Slo slo = Fixtures.ratioSlo(SloRegistry.create(clock), "monthly", 0.99, Window.calendarMonth(ZoneOffset.UTC));
        slo.recordCounts(9_990, 10);
        clock.advance(Duration.ofMinutes(30));
        // allowedBad = 0.01 * 10000 = 100; consumed = 10 / 100 = 0.1; remaining = 0.9
        // burn(1h) = (10 / 10000) / 0.01 = 0.1; February 2026 = 28 d = 672 h
        // 0.9 * 672 h / 0.1 = 6048 h (252 days), not the 6480 h a 30-day month would give
        assertEquals(0.1, slo.burnRate(Duration.ofHours(1)), 1e-12);
        Duration left = slo.timeToExhaustion(Duration.ofHours(1)).orElseThrow();
        assertEquals(Duration.ofHours(6048).toSeconds(), left.toSeconds(), 1);
    }
}
