package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound on runs in flight counts only runs that are in flight (issue 8, defect 3). */
final class JobRunBoundTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");
    private final ManualClock clock = ManualClock.at(MIDNIGHT);
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo daily = slos.define("daily-rollup").internal("the rollup completes within a day")
            .ownedBy(Owner.team("data")).sli(Sli.deadline(Duration.ofDays(1))).target(0.95)
            .window(Window.rolling(Duration.ofDays(30))).register();

    @Test
    void completedRunsBehindALongRunDoNotCountTowardTheBound() {
        JobRun longRun = daily.startRun();                   // started 00:00, deadline 00:00 the next day
        for (int i = 0; i < 12_000; i++) {                   // 12,000 s = 3 h 20 min: the long run stays in flight
            clock.advance(Duration.ofSeconds(1));
            assertTrue(daily.startRun().complete());         // never more than 2 runs in flight
        }
        ErrorBudget b = daily.errorBudget();
        assertEquals(12_000, b.total(), "the long run has not reported and its deadline is 20 h 40 min away");
        assertEquals(0, b.bad());

        clock.set(MIDNIGHT.plus(Duration.ofDays(1)).plusMillis(1));   // past the long run's deadline
        b = daily.errorBudget();
        assertEquals(12_001, b.total());                     // 12,000 good + the long run, bad at its deadline
        assertEquals(1, b.bad());
        assertTrue(longRun.finished());
    }

    @Test
    void theBoundCountsRunsInFlightAndFreesOneWhenARunReports() {
        List<JobRun> inFlight = new ArrayList<>();
        for (int i = 0; i < RunTracker.MAX_RUNS; i++) {
            inFlight.add(daily.startRun());
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, daily::startRun);
        assertTrue(e.getMessage().contains("10000 runs in flight") && e.getMessage().contains("daily-rollup"), e.getMessage());

        inFlight.get(4_321).fail();                          // one reports from the middle: one place frees
        JobRun next = daily.startRun();
        assertThrows(IllegalStateException.class, daily::startRun, "again 10,000 in flight");

        next.complete();
        inFlight.get(0).complete();
        daily.startRun();
        daily.startRun();                                    // the two reports made room for two
        assertThrows(IllegalStateException.class, daily::startRun);
        // reported: 1 failed + 2 completed within their deadline = 3 events
        assertEquals(3, daily.errorBudget().total());
        assertEquals(1, daily.errorBudget().bad());
    }

    @Test
    void runsPastTheirDeadlineLeaveTheBoundWhenTheNextRunStarts() {
        for (int i = 0; i < RunTracker.MAX_RUNS; i++) {
            daily.startRun();                                // all started at 00:00, deadline 00:00 next day
        }
        clock.advance(Duration.ofDays(1).plusMillis(1));
        JobRun next = daily.startRun();                      // the 10,000 expired: none is in flight any more
        assertTrue(next.complete());
        ErrorBudget b = daily.errorBudget();
        assertEquals(10_001, b.total());                     // 10,000 bad at 00:00 + 1 good
        assertEquals(10_000, b.bad());
    }
}
