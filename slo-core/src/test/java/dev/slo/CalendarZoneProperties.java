package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Calendar windows in awkward zones: the budget holds exactly the events recorded since the period began, the
 * period beginning at the first instant of its first local day (the 1st of the month, or Monday), found here
 * from that definition by searching instants, not from {@link Window#start}.
 */
final class CalendarZoneProperties {
    private static final long SPAN_MINUTES = Duration.ofDays(45).toMinutes();
    /**
     * Where the 45 days of events begin. Queried 45 to 48 days later, in the month or week that follows:
     * mid-April 2026 (after Berlin's and St John's spring gaps), mid-October (after Lord Howe's half-hour gap of
     * 4 October), mid-November (the month of Havana's 1 November overlap: clocks go back from 01:00 to 00:00,
     * so that midnight happens twice and the month begins at the first one, 04:00Z).
     */
    private static final List<Instant> ANCHORS = List.of(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:00Z"));

    @Provide
    Arbitrary<Window> windows() {
        // Half-hour and 45-minute offsets, a half-hour DST shift (Lord Howe), a midnight overlap (Havana), plain DST.
        return Arbitraries.of("Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Havana",
                        "Europe/Berlin", "America/St_Johns", "UTC")
                .map(ZoneId::of)
                .flatMap(zone -> Arbitraries.of(Window.calendarMonth(zone), Window.calendarWeek(zone)));
    }

    @StatisticsReport(onFailureOnly = true)      // the coverage check below fails the property if the mix drifts
    @Property(tries = 300)
    void calendarBudgetCountsExactlyTheEventsSincePeriodStart(@ForAll("windows") Window window,
            @ForAll @IntRange(min = 0, max = 2) int anchor, @ForAll @LongRange(min = 0, max = 3 * 24 * 60) long queryAfter,
            @ForAll @IntRange(min = 0, max = 300) int events, @ForAll long seed) {
        Instant t0 = ANCHORS.get(anchor);
        Instant now = t0.plus(Duration.ofMinutes(SPAN_MINUTES + queryAfter));
        ZoneId zone = window instanceof Window.CalendarMonth m ? m.zone() : ((Window.CalendarWeek) window).zone();
        LocalDate firstDay = window instanceof Window.CalendarMonth
                ? now.atZone(zone).toLocalDate().withDayOfMonth(1)
                : now.atZone(zone).toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant start = firstInstantOf(firstDay, zone, now);
        assertEquals(start, window.start(now), window + " at " + now);

        // Half the events fall within 90 minutes of the period start (both sides), the rest anywhere in the span.
        SplittableRandom random = new SplittableRandom(seed);
        long startMinute = Duration.between(t0, start).toMinutes();
        List<Long> minutes = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            long m = random.nextBoolean() ? startMinute - 90 + random.nextLong(181) : random.nextLong(SPAN_MINUTES + 1);
            minutes.add(Math.max(0, Math.min(SPAN_MINUTES, m)));
        }
        minutes.sort(null);
        ManualClock clock = ManualClock.at(t0);
        Slo slo = SloRegistry.create(clock).define("c").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .target(0.999).window(window).register();
        long expectedTotal = 0;
        long expectedBad = 0;
        for (long minute : minutes) {
            Instant at = t0.plus(Duration.ofMinutes(minute));
            clock.set(at);
            boolean good = minute % 3 != 0;
            slo.record(good);
            if (!at.isBefore(start)) {
                expectedTotal++;
                expectedBad += good ? 0 : 1;
            }
        }
        Statistics.label("events in the hour after the start")
                .collect(minutes.stream().anyMatch(m -> m >= startMinute && m < startMinute + 60));
        Statistics.label("events in the hour after the start")    // the hour a period starts inside is the edge case
                .coverage(c -> c.check(true).percentage(p -> p >= 30));
        clock.set(now);
        ErrorBudget budget = slo.errorBudget();
        assertEquals(expectedTotal, budget.total(), window + " from " + start + " at " + now);
        assertEquals(expectedBad, budget.bad(), window + " from " + start + " at " + now);
    }

    @Example
    void havanasNovemberBeginsAtTheFirstOfItsTwoMidnights() {
        // 1 November 2026, 01:00 CDT (-04:00) goes back to 00:00 CST (-05:00): 00:00 local is 04:00Z and 05:00Z.
        ZoneId havana = ZoneId.of("America/Havana");
        Instant now = Instant.parse("2026-11-15T12:00:00Z");
        Instant first = firstInstantOf(LocalDate.of(2026, 11, 1), havana, now);
        assertEquals(Instant.parse("2026-11-01T04:00:00Z"), first);
        assertEquals(LocalDateTime.of(2026, 11, 1, 0, 0), LocalDateTime.ofInstant(Instant.parse("2026-11-01T05:00:00Z"), havana));
        assertEquals(first, Window.calendarMonth(havana).start(now));
    }

    /**
     * The first whole minute (every offset here is whole minutes) at or before {@code now} whose local date in
     * {@code zone} is {@code day} or later: a binary search, local dates never going backwards in these zones.
     */
    private static Instant firstInstantOf(LocalDate day, ZoneId zone, Instant now) {
        long low = now.getEpochSecond() / 60 - Duration.ofDays(40).toMinutes();   // before the day: a period is at most 31 days
        long high = now.getEpochSecond() / 60;                                      // on or after it
        while (high - low > 1) {
            long mid = low + (high - low) / 2;
            if (Instant.ofEpochSecond(mid * 60).atZone(zone).toLocalDate().isBefore(day)) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return Instant.ofEpochSecond(high * 60);
    }
}
