package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Completion within a deadline for scheduled jobs ("the nightly ETL completes in < 30 minutes"). */
final class JobDeadlineTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");
    private final ManualClock clock = ManualClock.at(MIDNIGHT);
    private final SloRegistry slos = SloRegistry.create(clock);
    private final Slo etl = slos.define("nightly-etl").internal("the nightly ETL completes in 30 minutes")
            .ownedBy(Owner.team("data")).sli(Sli.deadline(Duration.ofMinutes(30))).target(0.95)
            .window(Window.rolling(Duration.ofDays(30))).register();

    @Test
    void aRunCompletingWithinItsDeadlineIsGood() {
        JobRun run = etl.startRun();
        assertEquals(MIDNIGHT.plus(Duration.ofMinutes(30)), run.deadline());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(run.complete());
        assertEquals(1, etl.errorBudget().good());
    }

    @Test
    void aRunCompletingExactlyAtItsDeadlineIsGood() {
        JobRun run = etl.startRun();
        clock.advance(Duration.ofMinutes(30));
        assertTrue(run.complete());
        assertEquals(0, etl.errorBudget().bad());
    }

    @Test
    void aLateRunIsBad() {
        JobRun run = etl.startRun();
        clock.advance(Duration.ofMinutes(31));
        assertFalse(run.complete());
        ErrorBudget b = etl.errorBudget();
        assertEquals(1, b.total());
        assertEquals(1, b.bad());
    }

    @Test
    void aFailedRunIsBad() {
        etl.startRun().fail();
        assertEquals(1, etl.errorBudget().bad());
    }

    @Test
    void aRunThatNeverReportsCountsBadOnceItsDeadlinePasses() {
        etl.startRun();                                      // the job dies silently
        clock.advance(Duration.ofMinutes(30));
        assertEquals(0, etl.errorBudget().total(), "at its deadline the run may still complete");
        clock.advance(Duration.ofMillis(1));
        ErrorBudget b = etl.errorBudget();
        assertEquals(1, b.total());
        assertEquals(1, b.bad());
    }

    @Test
    void aRunFoundLateCountsAtItsDeadlineNotWhenNoticed() {
        etl.startRun();
        clock.advance(Duration.ofHours(5));                  // nobody looks for 5 hours
        assertEquals(0.0, etl.burnRate(Duration.ofHours(1)), "the failure was 4.5 hours ago, not in the last hour");
        // over 6 hours: 1 bad of 1 run: (1/1) / (1 - 0.95) = 20
        assertEquals(20.0, etl.burnRate(Duration.ofHours(6)), 1e-9);
        TimeBucket deadlineHour = etl.timeline(Duration.ofHours(1), Duration.ofHours(6)).get(0);
        assertEquals(MIDNIGHT, deadlineHour.start());
        assertEquals(1, deadlineHour.bad(), "the bad run sits in the hour of its deadline, 00:30");
    }

    @Test
    void aReportAfterTheDeadlineWasFoundPassedChangesNothing() {
        JobRun run = etl.startRun();
        clock.advance(Duration.ofHours(1));
        assertEquals(1, etl.errorBudget().bad());
        assertFalse(run.complete());
        assertEquals(1, etl.errorBudget().total(), "counted once");
    }

    @Test
    void aRunReportsOnce() {
        JobRun run = etl.startRun();
        run.complete();
        IllegalStateException e = assertThrows(IllegalStateException.class, run::fail);
        assertTrue(e.getMessage().contains("already completed"), e.getMessage());
        assertEquals(1, etl.errorBudget().total());
    }

    @Test
    void aMonthOfNightlyRunsWithTwoSilentFailures() {
        // 30 nights at 02:00; nights 10 and 20 never report, night 25 finishes in 45 minutes, the rest in 20.
        for (int night = 0; night < 30; night++) {
            clock.set(MIDNIGHT.plus(Duration.ofDays(night)).plus(Duration.ofHours(2)));
            JobRun run = etl.startRun();
            if (night != 10 && night != 20) {
                clock.advance(Duration.ofMinutes(night == 25 ? 45 : 20));
                run.complete();
            }
        }
        clock.set(MIDNIGHT.plus(Duration.ofDays(30)));      // the window (now - 30 d, now] holds every night
        ErrorBudget b = etl.errorBudget();
        assertEquals(30, b.total());
        assertEquals(3, b.bad());
        // allowed = 30 * 0.05 = 1.5 bad runs; consumed = 3 / 1.5 = 2.0
        assertEquals(2.0, b.consumed(), 1e-9);
    }

    @Test
    void startRunOnAnotherSliThrowsNamingIt() {
        Slo api = slos.define("api").internal("api answers").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .target(0.99).window(Window.rolling(Duration.ofHours(1))).register();
        IllegalStateException e = assertThrows(IllegalStateException.class, api::startRun);
        assertTrue(e.getMessage().contains("deadline") && e.getMessage().contains("\"api\""), e.getMessage());
    }

    @Test
    void aDeadlineSliWithTimeslicesIsRejected() {
        SloBuilder builder = slos.define("etl2").internal("x").ownedBy(Owner.team("t"))
                .sli(Sli.deadline(Duration.ofMinutes(30))).budgeting(Budgeting.timeslices(Duration.ofMinutes(1)))
                .target(0.95).window(Window.rolling(Duration.ofDays(1)));
        IllegalStateException e = assertThrows(IllegalStateException.class, builder::register);
        assertTrue(e.getMessage().contains("occurrences"), e.getMessage());
    }

    @Test
    void aDeadlineMustBePositiveAndAtMostAWeek() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sli.deadline(Duration.ofDays(8)));
        assertTrue(e.getMessage().contains("got 8d"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sli.deadline(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> Sli.deadline(null));
    }
}
