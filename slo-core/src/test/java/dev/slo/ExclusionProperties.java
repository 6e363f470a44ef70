package dev.slo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

final class ExclusionProperties {
    private static final Instant T0 = Instant.parse("2026-03-27T00:00:00Z");   // spans Berlin's 2026-03-29 DST change
    private static final long SPAN_SECONDS = Duration.ofDays(4).toSeconds();

    /** One event: seconds after T0, good or bad, how many. */
    record Event(long second, boolean good, int count) {}

    @Provide
    Arbitrary<List<Event>> events() {
        return Combinators.combine(Arbitraries.longs().between(0, SPAN_SECONDS - 1), Arbitraries.of(true, false),
                Arbitraries.integers().between(1, 5)).as(Event::new).list().ofMaxSize(200)
                .map(list -> list.stream().sorted((a, b) -> Long.compare(a.second(), b.second())).toList());
    }

    @Provide
    Arbitrary<List<Exclusion>> exclusions() {
        Arbitrary<Exclusion> once = Combinators.combine(Arbitraries.longs().between(-3600, SPAN_SECONDS),
                Arbitraries.longs().between(1, 12 * 3600)).as((start, length) ->
                Exclusion.once(T0.plusSeconds(start), Duration.ofSeconds(length), "once " + start + "/" + length));
        Arbitrary<Exclusion> weekly = Combinators.combine(Arbitraries.of(DayOfWeek.class),
                Arbitraries.integers().between(0, 24 * 60 - 1), Arbitraries.longs().between(1, 6 * 3600),
                Arbitraries.of(ZoneId.of("Europe/Berlin"), ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC")))
                .as((day, minute, length, zone) -> Exclusion.weekly(day, LocalTime.of(minute / 60, minute % 60),
                        Duration.ofSeconds(length), zone, "weekly " + day + " " + minute + " " + length));
        return Arbitraries.oneOf(once, weekly).list().ofMaxSize(4).uniqueElements();
    }

    /** Records the events into an SLO with the exclusions (declared at registration) and a twin without. */
    private static Slo[] replay(List<Event> events, List<Exclusion> exclusions) {
        ManualClock clock = ManualClock.at(T0);
        SloRegistry slos = SloRegistry.create(clock);
        Slo with = slos.define("with").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(7))).exclude(exclusions.toArray(Exclusion[]::new)).register();
        Slo without = slos.define("without").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.999)
                .window(Window.rolling(Duration.ofDays(7))).register();
        for (Event e : events) {
            clock.set(T0.plusSeconds(e.second()));
            for (int i = 0; i < e.count(); i++) {
                with.record(e.good());
                without.record(e.good());
            }
        }
        clock.set(T0.plusSeconds(SPAN_SECONDS));
        return new Slo[] {with, without};
    }

    @Property
    boolean exclusionsNeverAddBadEvents(@ForAll("events") List<Event> events, @ForAll("exclusions") List<Exclusion> exclusions) {
        Slo[] pair = replay(events, exclusions);
        return pair[0].errorBudget().bad() <= pair[1].errorBudget().bad()
                && pair[0].errorBudget().good() <= pair[1].errorBudget().good();
    }

    @Property
    boolean goodPlusBadPlusExcludedIsRecorded(@ForAll("events") List<Event> events, @ForAll("exclusions") List<Exclusion> exclusions) {
        Slo[] pair = replay(events, exclusions);
        long recorded = events.stream().mapToLong(Event::count).sum();
        ErrorBudget budget = pair[0].errorBudget();
        return budget.good() + budget.bad() + pair[0].excludedEvents() == recorded;
    }

    @Property
    boolean anEventIsExcludedExactlyWhenAnExclusionIsActiveAtItsInstant(
            @ForAll("events") List<Event> events, @ForAll("exclusions") List<Exclusion> exclusions) {
        Slo[] pair = replay(events, exclusions);
        long expectedBad = 0;
        long expectedExcluded = 0;
        for (Event e : events) {
            Instant at = T0.plusSeconds(e.second());
            if (exclusions.stream().anyMatch(x -> x.activeAt(at))) {
                expectedExcluded += e.count();
            } else if (!e.good()) {
                expectedBad += e.count();
            }
        }
        return pair[0].errorBudget().bad() == expectedBad && pair[0].excludedEvents() == expectedExcluded;
    }

    @Property
    boolean runTimeExclusionsMatchDeclaredOnes(@ForAll("events") List<Event> events, @ForAll("exclusions") List<Exclusion> exclusions) {
        Slo declared = replay(events, exclusions)[0];
        ManualClock clock = ManualClock.at(T0);
        Slo runTime = SloRegistry.create(clock).define("rt").internal("x").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .target(0.999).window(Window.rolling(Duration.ofDays(7))).register();
        new ArrayList<>(exclusions).forEach(runTime::exclude);
        for (Event e : events) {
            clock.set(T0.plusSeconds(e.second()));
            runTime.recordCounts(e.good() ? e.count() : 0, e.good() ? 0 : e.count());
        }
        clock.set(T0.plusSeconds(SPAN_SECONDS));
        return declared.errorBudget().equals(runTime.errorBudget()) && declared.excludedEvents() == runTime.excludedEvents();
    }
}
