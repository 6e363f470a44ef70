package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A run that never reports counts bad at its deadline through the same exclusion routing as a live
 * event recorded at that instant (issue 8, defect 4).
 */
final class JobRunExclusionTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant WINDOW_START = MIDNIGHT.plus(Duration.ofHours(1));   // maintenance 01:00-03:00
    private final ManualClock clock = ManualClock.at(MIDNIGHT);
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo etl = slos.define("hourly-etl").internal("the ETL completes in 30 minutes")
            .ownedBy(Owner.team("data")).sli(Sli.deadline(Duration.ofMinutes(30))).target(0.95)
            .window(Window.rolling(Duration.ofDays(30)))
            .exclude(Exclusion.once(WINDOW_START, Duration.ofHours(2), "warehouse upgrade"))
            .register();

    private JobRun startAt(String hhmm) {
        clock.set(Instant.parse("2026-01-05T" + hhmm + ":00Z"));
        return etl.startRun();
    }

    @Test
    void runsWhoseDeadlinesFallInAMaintenanceWindowAreExcluded() {
        startAt("00:40");                                    // deadline 01:10, inside the window; never reports
        startAt("00:50");                                    // deadline 01:20, inside; never reports
        startAt("01:30");                                    // deadline 02:00, inside; never reports (the two above
                                                             // are found expired here, during the window)
        JobRun failing = startAt("01:31");
        clock.set(Instant.parse("2026-01-05T01:35:00Z"));
        failing.fail();                                      // a live bad event inside the window: excluded
        clock.set(Instant.parse("2026-01-05T04:00:00Z"));    // after the window; the 01:30 run expired at 02:00, inside

        // deadlines 01:10, 01:20, 02:00 (never reported) and a failure at 01:35: all inside [01:00, 03:00).
        // Asked first, excludedEvents() itself finds the 01:30 run expired (nothing else has looked since 01:35).
        assertEquals(4, etl.excludedEvents());
        ErrorBudget b = etl.errorBudget();
        assertEquals(0, b.total(), "every bad run fell inside the maintenance window");
        assertEquals(0, b.good());
    }

    @Test
    void theDeadlineDecidesNotTheMomentTheRunIsFoundExpired() {
        startAt("00:10");                                    // deadline 00:40: before the window, counts
        clock.set(Instant.parse("2026-01-05T02:00:00Z"));
        // the run is found expired now, inside the window: it still counts, at 00:40
        assertEquals(1, etl.errorBudget().bad());
        assertEquals(0, etl.excludedEvents());
        startAt("02:40");                                    // starts inside the window; deadline 03:10, after it: counts
        clock.set(Instant.parse("2026-01-05T04:00:00Z"));
        ErrorBudget b = etl.errorBudget();
        // two runs, both bad at deadlines outside [01:00, 03:00)
        assertEquals(2, b.total());
        assertEquals(2, b.bad());
        assertEquals(0, etl.excludedEvents());
    }

    @Test
    void theIssuesThreeRunsEndingInsideTheWindow() {
        startAt("00:40");                                    // deadline 01:10, never reports
        startAt("00:50");                                    // deadline 01:20, never reports
        JobRun reported = startAt("01:30");                  // finds the two expired, during the window
        clock.set(Instant.parse("2026-01-05T01:35:00Z"));
        reported.fail();                                     // live, during the window: excluded
        clock.set(Instant.parse("2026-01-05T04:00:00Z"));
        ErrorBudget b = etl.errorBudget();
        // unfixed: 0 good of 2 (the expired runs) with 1 excluded; right: 0 of 0 with 3 excluded
        assertEquals(0, b.total());
        assertEquals(3, etl.excludedEvents());
    }
}
