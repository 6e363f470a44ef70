package dev.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

final class CalendarZoneProperties {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final long SPAN_MINUTES = Duration.ofDays(45).toMinutes();

    @Provide
    Arbitrary<List<Long>> minutes() {
        return Arbitraries.longs().between(0, SPAN_MINUTES).list().ofMaxSize(300)
                .map(list -> list.stream().sorted().toList());
    }

    @Provide
    Arbitrary<Window> windows() {
        // Half-hour and 45-minute offsets, a half-hour DST shift (Lord Howe), a midnight overlap (Havana), plain DST.
        return Arbitraries.of("Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Havana",
                        "Europe/Berlin", "America/St_Johns", "UTC")
                .map(ZoneId::of)
                .flatMap(zone -> Arbitraries.of(Window.calendarMonth(zone), Window.calendarWeek(zone)));
    }

    /** Events at whole minutes; the budget of a calendar window holds exactly those at or after its period start. */
    @Property(tries = 300)
    boolean calendarBudgetCountsExactlyTheEventsSincePeriodStart(@ForAll("minutes") List<Long> minutes,
            @ForAll("windows") Window window, @ForAll @LongRange(min = 0, max = 3 * 24 * 60) long queryAfter) {
        ManualClock clock = ManualClock.at(T0);
        Slo slo = SloRegistry.create(clock).define("c").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .target(0.999).window(window).register();
        for (long minute : minutes) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            slo.record(minute % 3 != 0);
        }
        Instant now = T0.plus(Duration.ofMinutes(SPAN_MINUTES + queryAfter));
        clock.set(now);
        Instant start = window.start(now);
        long expectedTotal = minutes.stream().filter(m -> !T0.plus(Duration.ofMinutes(m)).isBefore(start)).count();
        long expectedBad = minutes.stream().filter(m -> m % 3 == 0 && !T0.plus(Duration.ofMinutes(m)).isBefore(start)).count();
        ErrorBudget budget = slo.errorBudget();
        return budget.total() == expectedTotal && budget.bad() == expectedBad;
    }
}
