package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Calendar windows begin afresh at the period's first midnight in their zone, whatever its offset or DST. */
final class CalendarZoneTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");   // +05:30, no DST
    private static final ZoneId HAVANA = ZoneId.of("America/Havana");   // DST ends 2026-11-01 01:00 -> 00:00
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");    // DST 2026-03-29 and 2026-10-25

    private final ManualClock clock = ManualClock.at(Instant.parse("2026-01-25T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    private Slo define(String name, Window window) {
        return slos.define(name).internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(window).register();
    }

    private void recordAt(Slo slo, String instant, boolean good, int times) {
        clock.set(Instant.parse(instant));
        for (int i = 0; i < times; i++) {
            slo.record(good);
        }
    }

    @Test
    void monthInKolkata_startsAtLocalMidnight_whichIsHalfPastTheUtcHour() {
        Window month = Window.calendarMonth(KOLKATA);
        // 2026-02-01T00:00+05:30 = 2026-01-31T18:30Z
        assertEquals(Instant.parse("2026-01-31T18:30:00Z"), month.start(Instant.parse("2026-02-10T00:00:00Z")));
        assertEquals(Instant.parse("2026-01-31T18:30:00Z"), month.start(Instant.parse("2026-01-31T18:30:00Z")));
        assertEquals(Instant.parse("2025-12-31T18:30:00Z"), month.start(Instant.parse("2026-01-31T18:29:59Z")));
        assertEquals(Duration.ofDays(28), month.length(Instant.parse("2026-02-10T00:00:00Z")));

        Slo slo = define("kolkata", month);
        recordAt(slo, "2026-01-31T18:00:00Z", false, 7);     // 23:30 IST on 31 January: last month
        recordAt(slo, "2026-01-31T19:00:00Z", false, 2);     // 00:30 IST on 1 February
        recordAt(slo, "2026-01-31T20:00:00Z", true, 98);
        clock.set(Instant.parse("2026-01-31T21:00:00Z"));    // within 6 h: minute buckets
        assertEquals(ErrorBudget.of(100, 98, 0.999), slo.errorBudget());
        clock.set(Instant.parse("2026-02-10T00:00:00Z"));    // days later: hourly buckets, still none of January
        assertEquals(ErrorBudget.of(100, 98, 0.999), slo.errorBudget());
        clock.set(Instant.parse("2026-02-28T18:30:00Z"));    // 1 March 00:00 IST: afresh
        assertEquals(ErrorBudget.of(0, 0, 0.999), slo.errorBudget());
    }

    @Test
    void monthInKolkata_countsTheFirstHalfHourExactly_evenOnceOnlyHourlyBucketsRemain() {
        // The hour 18:00Z-19:00Z on 31 January holds the last half hour of January (IST) and the first of
        // February. The budget of February counts the second half, and only it, for the whole month.
        Slo slo = define("kolkata-head", Window.calendarMonth(KOLKATA));
        recordAt(slo, "2026-01-31T18:29:59Z", false, 3);     // 23:59:59 IST on 31 January
        recordAt(slo, "2026-01-31T18:30:00Z", false, 2);     // 00:00 IST on 1 February
        recordAt(slo, "2026-01-31T18:59:00Z", true, 5);      // 00:29 IST
        clock.set(Instant.parse("2026-01-31T19:30:00Z"));    // minute buckets
        assertEquals(ErrorBudget.of(7, 5, 0.999), slo.errorBudget());
        clock.set(Instant.parse("2026-02-20T00:00:00Z"));    // hourly buckets only: still 7, of which 2 bad
        assertEquals(ErrorBudget.of(7, 5, 0.999), slo.errorBudget());
    }

    @Test
    void weekInKathmandu_countsFromMondayMidnightExactly() {
        // Asia/Kathmandu is +05:45: Monday 2026-02-02T00:00 local is Sunday 18:15Z.
        clock.set(Instant.parse("2026-01-28T00:00:00Z"));
        Slo slo = define("kathmandu", Window.calendarWeek(ZoneId.of("Asia/Kathmandu")));
        recordAt(slo, "2026-02-01T18:14:00Z", false, 4);     // Sunday 23:59 local: last week
        recordAt(slo, "2026-02-01T18:15:00Z", true, 6);      // Monday 00:00 local
        recordAt(slo, "2026-02-02T06:00:00Z", false, 1);
        clock.set(Instant.parse("2026-02-06T00:00:00Z"));    // days later: hourly buckets
        assertEquals(ErrorBudget.of(7, 6, 0.999), slo.errorBudget());
    }

    @Test
    void weekInKolkata_startsMondayMidnightLocal() {
        Window week = Window.calendarWeek(KOLKATA);
        // Monday 2026-02-02T00:00+05:30 = Sunday 2026-02-01T18:30Z
        assertEquals(Instant.parse("2026-02-01T18:30:00Z"), week.start(Instant.parse("2026-02-04T12:00:00Z")));
        assertEquals(Instant.parse("2026-01-25T18:30:00Z"), week.start(Instant.parse("2026-02-01T18:29:59Z")));
        Slo slo = define("kolkata-week", week);
        recordAt(slo, "2026-02-01T18:00:00Z", false, 3);     // Sunday 23:30 IST: last week
        recordAt(slo, "2026-02-01T19:00:00Z", true, 5);
        clock.set(Instant.parse("2026-02-05T00:00:00Z"));
        assertEquals(ErrorBudget.of(5, 5, 0.999), slo.errorBudget());
    }

    @Test
    void monthInHavana_startsAtTheFirstOfTwoMidnights() {
        // Havana leaves DST at 01:00 CDT on Sunday 2026-11-01, back to 00:00 CST: 00:00-01:00 happens twice.
        // November begins at the first midnight, 00:00-04:00 = 04:00Z (it used to begin at the second, 05:00Z).
        Window month = Window.calendarMonth(HAVANA);
        assertEquals(Instant.parse("2026-11-01T04:00:00Z"), month.start(Instant.parse("2026-11-15T12:00:00Z")));
        // 1 November 04:00Z to 1 December 05:00Z: 30 days and the hour given back.
        assertEquals(Duration.ofDays(30).plusHours(1), month.length(Instant.parse("2026-11-15T12:00:00Z")));

        clock.set(Instant.parse("2026-10-20T00:00:00Z"));
        Slo slo = define("havana", month);
        recordAt(slo, "2026-11-01T03:30:00Z", false, 4);     // 23:30 CDT on 31 October: last month
        recordAt(slo, "2026-11-01T04:30:00Z", false, 1);     // 00:30 CDT on 1 November, the first time round
        recordAt(slo, "2026-11-01T05:30:00Z", true, 9);      // 00:30 CST, the second time round
        clock.set(Instant.parse("2026-11-15T12:00:00Z"));
        assertEquals(ErrorBudget.of(10, 9, 0.999), slo.errorBudget());
    }

    @Test
    void weekAndMonthInBerlin_lastTheirLocalLength_andScaleThresholds() {
        // Week of Monday 23 March 2026: clocks go forward on Sunday 29 March, so it lasts 167 hours.
        Window week = Window.calendarWeek(BERLIN);
        Instant midWeek = Instant.parse("2026-03-25T12:00:00Z");
        assertEquals(Instant.parse("2026-03-22T23:00:00Z"), week.start(midWeek));
        assertEquals(Duration.ofHours(167), week.length(midWeek));
        // Week of 19 October 2026: clocks go back on Sunday 25 October: 169 hours.
        assertEquals(Duration.ofHours(169), week.length(Instant.parse("2026-10-21T12:00:00Z")));
        // March 2026: 31 days less the hour lost = 743 hours; October: 745.
        assertEquals(Duration.ofHours(743), Window.calendarMonth(BERLIN).length(midWeek));
        assertEquals(Duration.ofHours(745), Window.calendarMonth(BERLIN).length(Instant.parse("2026-10-21T12:00:00Z")));
        // The fast-page threshold is 0.02 * windowLength / 1 h = 0.02 * 167 = 3.34 for that week.
        BurnRateRule fastPage = AlertPolicy.sreWorkbook().rules().get(0);
        assertEquals(3.34, fastPage.threshold(week.length(midWeek)), 1e-12);
    }

    @Test
    void monthInBerlin_startsAfreshAtLocalMidnight() {
        clock.set(Instant.parse("2026-03-25T00:00:00Z"));
        Slo slo = define("berlin", Window.calendarMonth(BERLIN));
        recordAt(slo, "2026-03-31T21:59:00Z", false, 5);     // 23:59 CEST on 31 March
        assertEquals(5, slo.errorBudget().bad());
        recordAt(slo, "2026-03-31T22:00:00Z", true, 1);      // 00:00 CEST on 1 April: a new budget
        assertEquals(ErrorBudget.of(1, 1, 0.999), slo.errorBudget());
        clock.set(Instant.parse("2026-04-20T00:00:00Z"));
        assertEquals(ErrorBudget.of(1, 1, 0.999), slo.errorBudget());
    }
}
