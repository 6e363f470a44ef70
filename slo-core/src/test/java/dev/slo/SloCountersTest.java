package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counters a metrics system scrapes: every event recorded live, once; never restored or backfilled ones. */
final class SloCountersTest {
    private final ManualClock clock = ManualClock.at(Instant.parse("2026-02-02T00:00:00Z"));
    private final SloRegistry slos = SloRegistry.create(clock);

    @Test
    void eventsRecordedLiveCountAcrossBucketRollsAndRestoresAndBackfillsDoNot() {
        Slo api = Fixtures.ratioSlo(slos, "api", 0.999, Window.rolling(Fixtures.DAYS_30));
        api.record(true);
        api.record(false);
        api.recordCounts(40, 2);
        clock.advance(Duration.ofMinutes(61));             // across every tier's boundary: the late and the drained both count
        api.recordCounts(7, 1);
        assertEquals(new SloCounters(48, 4, 0, 0, 0), api.counters());

        api.recordCounts(100, 100, clock.instant().minus(Duration.ofHours(2)));   // a backfill: in the budget, not in the counters
        assertEquals(new SloCounters(48, 4, 0, 0, 0), api.counters());
        assertEquals(252, api.errorBudget().total());

        SloRegistry other = SloRegistry.create(ManualClock.at(clock.instant()));
        Slo restored = Fixtures.ratioSlo(other, "api", 0.999, Window.rolling(Fixtures.DAYS_30));
        other.restore(slos.snapshot());
        assertEquals(new SloCounters(0, 0, 0, 0, 0), restored.counters(), "a restore starts no counter");
        assertEquals(api.errorBudget(), restored.errorBudget());
    }

    @Test
    void excludedEventsCountApartAndExpiredRunsCountBadWhenFoundOut() {
        Instant start = clock.instant();
        Slo api = slos.define("api").internal("answers").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Fixtures.DAYS_30)).exclude(Exclusion.once(start.plus(Duration.ofHours(1)), Duration.ofHours(1), "move"))
                .register();
        api.recordCounts(10, 0);
        clock.advance(Duration.ofMinutes(90));              // inside the exclusion
        api.recordCounts(5, 5);
        assertEquals(new SloCounters(10, 0, 10, 0, 0), api.counters());

        Slo etl = slos.define("etl").internal("runs on time").ownedBy(Owner.team("t")).sli(Sli.deadline(Duration.ofMinutes(30)))
                .target(0.99).window(Window.rolling(Fixtures.DAYS_30)).register();
        etl.startRun().complete();
        etl.startRun();
        assertEquals(new SloCounters(1, 0, 0, 0, 0), etl.counters());
        clock.advance(Duration.ofMinutes(31));
        assertEquals(new SloCounters(1, 1, 0, 0, 0), etl.counters(), "the unreported run, found out now");
    }

    @Test
    void slicesJudgedCountAsTheyCloseAndRatioSlicesCountTheirRatios() {
        Slo backlog = slos.define("backlog").internal("short").ownedBy(Owner.team("t")).sli(Sli.gaugeAtMost(10)).target(0.99)
                .window(Window.rolling(Fixtures.DAYS_30)).budgeting(Budgeting.timeslices(Duration.ofMinutes(1))).register();
        Slo search = slos.define("search").internal("answers").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Fixtures.DAYS_30)).budgeting(Budgeting.ratioTimeslices(Duration.ofMinutes(1))).register();
        backlog.observe(3);
        backlog.observe(30);                               // this minute is bad
        search.record(true);
        search.record(false);                              // this minute is worth 0.5
        clock.advance(Duration.ofMinutes(1));
        backlog.observe(3);                                // good, still open
        search.record(true);
        assertEquals(new SloCounters(2, 1, 0, 1, 0), backlog.counters(), "one slice judged, bad; the open one not yet");
        assertEquals(new SloCounters(2, 1, 0, 1, 0.5), search.counters());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(new SloCounters(2, 1, 0, 2, 1), backlog.counters());
        assertEquals(new SloCounters(2, 1, 0, 2, 1.5), search.counters());
        assertEquals(0.5, search.counters().badSlices(), 1e-12);
    }
}
