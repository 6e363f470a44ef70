package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Invariants of exclusions, for any events and exclusions: an event is excluded exactly when an exclusion is
 * active at its instant, is then neither good nor bad, and counts the same whether declared or added at run time.
 */
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
        // Berlin's Sunday 29 March 2026 has no 02:00-03:00: a start in that gap moves an hour later (03:xx CEST).
        Arbitrary<Exclusion> inTheGap = Combinators.combine(Arbitraries.integers().between(120, 179), Arbitraries.longs().between(1, 3 * 3600))
                .as((minute, length) -> Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(minute / 60, minute % 60),
                        Duration.ofSeconds(length), ZoneId.of("Europe/Berlin"), "gap " + minute + " " + length));
        return Arbitraries.frequencyOf(Tuple.of(4, once), Tuple.of(4, weekly), Tuple.of(1, inTheGap))
                .list().ofMaxSize(4).uniqueElements();
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

    /**
     * Judged from the definitions with java.time, not with {@link Exclusion#activeAt} (which shares the gate's
     * code): a one-off covers [start, start + length); a weekly one, for each date with its day of the week, covers
     * [that date at its local start in its zone (ZonedDateTime.of: a gap moves it later, an overlap takes the
     * earlier instant), + length). Besides the generated events, one bad event falls on each edge of every
     * occurrence in the span and a second either side of it, where an off-by-one would show.
     */
    @StatisticsReport(onFailureOnly = true)      // the coverage check below fails the property if the mix drifts
    @Property
    void anEventIsExcludedExactlyWhenAnExclusionIsActiveAtItsInstant(
            @ForAll("events") List<Event> generated, @ForAll("exclusions") List<Exclusion> exclusions) {
        List<Event> events = new ArrayList<>(generated);
        for (Exclusion x : exclusions) {
            for (Instant[] occurrence : occurrencesInSpan(x)) {
                for (Instant edge : occurrence) {
                    for (long second = T0.until(edge, java.time.temporal.ChronoUnit.SECONDS) - 1, last = second + 2; second <= last; second++) {
                        if (second >= 0 && second < SPAN_SECONDS) {
                            events.add(new Event(second, false, 1));
                        }
                    }
                }
            }
        }
        events.sort((a, b) -> Long.compare(a.second(), b.second()));
        Slo[] pair = replay(events, exclusions);
        long expectedBad = 0;
        long expectedExcluded = 0;
        for (Event e : events) {
            Instant at = T0.plusSeconds(e.second());
            if (exclusions.stream().anyMatch(x -> coversByDefinition(x, at))) {
                expectedExcluded += e.count();
            } else if (!e.good()) {
                expectedBad += e.count();
            }
        }
        Statistics.label("some events excluded").collect(expectedExcluded > 0);
        Statistics.label("some events excluded").coverage(c -> c.check(true).percentage(p -> p >= 40));
        assertEquals(expectedBad, pair[0].errorBudget().bad(), exclusions::toString);
        assertEquals(expectedExcluded, pair[0].excludedEvents(), exclusions::toString);
    }

    /** The occurrences [start, end) of {@code x} that touch the span, from its definition. */
    private static List<Instant[]> occurrencesInSpan(Exclusion x) {
        List<Instant[]> found = new ArrayList<>();
        if (x instanceof Exclusion.Once once) {
            found.add(new Instant[] {once.start(), once.start().plus(once.length())});
        } else if (x instanceof Exclusion.Weekly weekly) {
            // every local date from a week before the span to its end: one in seven is the exclusion's day
            LocalDate first = T0.atZone(weekly.zone()).toLocalDate().minusDays(7);
            LocalDate last = T0.plusSeconds(SPAN_SECONDS).atZone(weekly.zone()).toLocalDate();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == weekly.day()) {
                    Instant start = ZonedDateTime.of(d, weekly.start(), weekly.zone()).toInstant();
                    found.add(new Instant[] {start, start.plus(weekly.length())});
                }
            }
        }
        return found;
    }

    private static boolean coversByDefinition(Exclusion x, Instant at) {
        for (Instant[] occurrence : occurrencesInSpan(x)) {
            if (!at.isBefore(occurrence[0]) && at.isBefore(occurrence[1])) {
                return true;
            }
        }
        return false;
    }

    @Example
    void aWeeklyStartInBerlinsSpringGapMovesAnHourLater() {
        // Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist; it becomes 03:30 CEST = 01:30Z.
        Exclusion gap = Exclusion.weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 30), Duration.ofMinutes(30), ZoneId.of("Europe/Berlin"), "gap");
        assertEquals(List.of(Instant.parse("2026-03-22T01:30:00Z"), Instant.parse("2026-03-29T01:30:00Z")),
                occurrencesInSpan(gap).stream().map(o -> o[0]).toList());
        long second = Duration.between(T0, Instant.parse("2026-03-29T01:30:00Z")).toSeconds();
        Slo[] pair = replay(List.of(new Event(second - 1, false, 1), new Event(second, false, 2),
                new Event(second + 1799, false, 4), new Event(second + 1800, false, 8)), List.of(gap));
        assertEquals(6, pair[0].excludedEvents());        // 01:30:00Z and 01:59:59Z
        assertEquals(9, pair[0].errorBudget().bad());     // 01:29:59Z and 02:00:00Z
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
