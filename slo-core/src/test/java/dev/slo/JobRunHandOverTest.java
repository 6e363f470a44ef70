package dev.slo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Runs in flight handed from one process to the next (the part of a snapshot a deadline SLI needs): nobody
 * can report them any more, so each counts bad at its own deadline, once, in the right bucket.
 */
final class JobRunHandOverTest {
    private static final Instant MIDNIGHT = Instant.parse("2026-01-05T00:00:00Z");
    private static final long MINUTE = 60_000;

    private static Slo etl(ManualClock clock) {
        return SloRegistry.create(clock).define("nightly-etl").internal("the nightly ETL completes in 30 minutes")
                .ownedBy(Owner.team("data")).sli(Sli.deadline(Duration.ofMinutes(30))).target(0.95)
                .window(Window.rolling(Duration.ofDays(30))).register();
    }

    @Test
    void runsInFlightCountBadAtTheirDeadlinesInTheNextProcess() {
        ManualClock old = ManualClock.at(MIDNIGHT);
        Slo before = etl(old);
        before.startRun();                                                  // deadline 00:30
        old.advance(Duration.ofMinutes(10));
        before.startRun().complete();                                       // good, reported
        before.startRun();                                                  // deadline 00:40
        long now = old.millis();
        long[] inFlight = before.runs.inFlight(now);
        long t0 = MIDNIGHT.toEpochMilli();
        assertArrayEquals(new long[] {t0, t0 + 30 * MINUTE, t0 + 10 * MINUTE, t0 + 40 * MINUTE}, sorted(inFlight));

        ManualClock clock = ManualClock.at(Instant.ofEpochMilli(now));
        Slo after = etl(clock);
        after.runs.adopt(after, inFlight, now);
        clock.advance(Duration.ofMinutes(25));                              // 00:35: the first deadline has passed
        assertEquals(ErrorBudget.of(1, 0, 0.95), after.errorBudget());
        clock.advance(Duration.ofMinutes(10));                              // 00:45: both
        assertEquals(ErrorBudget.of(2, 0, 0.95), after.errorBudget());
        long buckets = after.timeline(Duration.ofMinutes(1), Duration.ofHours(1)).stream()
                .filter(b -> b.bad() == 1).map(b -> b.start().toEpochMilli() - t0).filter(m -> m == 30 * MINUTE || m == 40 * MINUTE)
                .count();
        assertEquals(2, buckets, "each counted in its deadline's minute");
        assertEquals(0, after.runs.inFlight(clock.millis()).length);
    }

    @Test
    void runsWhoseDeadlinePassedDuringTheRestartCountAtOnceAtTheirDeadline() {
        ManualClock clock = ManualClock.at(MIDNIGHT.plus(Duration.ofHours(2)));
        Slo after = etl(clock);
        long t0 = MIDNIGHT.toEpochMilli();
        after.runs.adopt(after, new long[] {t0, t0 + 30 * MINUTE}, clock.millis());
        assertEquals(ErrorBudget.of(1, 0, 0.95), after.errorBudget());
        assertEquals(1, after.timeline(Duration.ofMinutes(1), Duration.ofHours(3)).stream()
                .filter(b -> b.start().toEpochMilli() == t0 + 30 * MINUTE).mapToLong(TimeBucket::bad).sum());
    }

    @Test
    void takingOverMoreRunsThanTheSlotsHeldGrowsThemAndKeepsEveryRun() {
        ManualClock clock = ManualClock.at(MIDNIGHT);
        Slo after = etl(clock);
        long[] runs = new long[2 * 100];                                    // more than the first array's slots
        for (int i = 0; i < 100; i++) {
            runs[2 * i] = clock.millis() - i * MINUTE / 10;
            runs[2 * i + 1] = runs[2 * i] + 30 * MINUTE;
        }
        after.runs.adopt(after, runs, clock.millis());
        assertArrayEquals(sorted(runs), sorted(after.runs.inFlight(clock.millis())));
        clock.advance(Duration.ofHours(1));
        assertEquals(ErrorBudget.of(100, 0, 0.95), after.errorBudget(), "each counts bad at its deadline");
    }

    @Test
    void takingOverMoreThanTheBoundIsRefusedWhole() {
        ManualClock clock = ManualClock.at(MIDNIGHT);
        Slo after = etl(clock);
        after.startRun();
        long[] many = new long[2 * RunTracker.MAX_RUNS];
        for (int i = 0; i < RunTracker.MAX_RUNS; i++) {
            many[2 * i] = clock.millis();
            many[2 * i + 1] = clock.millis() + 30 * MINUTE;
        }
        assertThrows(IllegalStateException.class, () -> after.runs.adopt(after, many, clock.millis()));
        assertEquals(1, after.runs.inFlight(clock.millis()).length / 2, "nothing was taken over");
    }

    private static long[] sorted(long[] pairs) {
        long[][] runs = new long[pairs.length / 2][];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = new long[] {pairs[2 * i], pairs[2 * i + 1]};
        }
        Arrays.sort(runs, (a, b) -> Long.compare(a[0], b[0]));
        return Arrays.stream(runs).flatMapToLong(Arrays::stream).toArray();
    }
}
