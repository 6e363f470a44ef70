package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * exclude() racing writers that refresh the exclusion gate. The writers move one shared clock among three
 * readings that no single gate covers (inside exclusion X1, in the open gap after it, inside X2), so nearly
 * every record rebuilds the gate and tries to publish it. Meanwhile several threads add exclusions. A writer
 * that publishes a gate built from the exclusions it read earlier must never undo an exclusion added since:
 * after each round every exclusion added so far still excludes an event recorded inside it, and at the end
 * good + bad + excluded = recorded.
 */
final class ExclusionConcurrencyTest {
    private static final Instant T0 = Instant.parse("2026-03-10T00:00:00Z");
    private static final int WRITERS = 4;
    private static final int EXCLUDERS = 3;
    /** Two declared exclusions plus 20 rounds of 3: 62, within SloSpec.MAX_EXCLUSIONS (64). */
    private static final int ROUNDS = 20;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void excludeWhileWritersRefreshTheGate_everyExclusionTakesEffect_andCountsAreConserved() throws Exception {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("ExclusionConcurrencyTest", seed);
        SplittableRandom random = new SplittableRandom(seed);
        ManualClock clock = ManualClock.at(T0);
        // X1 = [T0+1m, T0+2m), X2 = [T0+5m, T0+6m). Readings: 1m30s (in X1), 3m (open), 5m30s (in X2).
        Slo slo = SloRegistry.create(clock).define("gate-race").internal("answers").ownedBy(Owner.team("t"))
                .sli(Sli.ratio()).target(0.999).window(Window.rolling(Duration.ofDays(30)))
                .exclude(Exclusion.once(T0.plusSeconds(60), Duration.ofMinutes(1), "x1"),
                        Exclusion.once(T0.plusSeconds(300), Duration.ofMinutes(1), "x2"))
                .register();
        long[] readings = {T0.plusSeconds(90).toEpochMilli(), T0.plusSeconds(180).toEpochMilli(), T0.plusSeconds(330).toEpochMilli()};

        List<Instant> probes = new ArrayList<>();         // one instant inside each exclusion added, by definition
        long recorded = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // This round's exclusions: one-offs of 10 to 40 minutes starting on their own hour of day 1 onwards,
            // so they never touch one another or the writers' readings; probed 5 minutes after their start.
            List<Exclusion> added = new ArrayList<>();
            for (int j = 0; j < EXCLUDERS; j++) {
                Instant start = T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(round * EXCLUDERS + j))
                        .plusSeconds(random.nextInt(20 * 60));
                added.add(Exclusion.once(start, Duration.ofMinutes(10 + random.nextInt(31)), "round " + round + "/" + j));
                probes.add(start.plus(Duration.ofMinutes(5)));
            }
            recorded += raceOneRound(slo, clock, readings, added, seed + round, replay);
            for (int p = 0; p < probes.size(); p++) {
                clock.set(probes.get(p));
                long excludedBefore = slo.excludedEvents();
                long totalBefore = slo.errorBudget().total();
                slo.record(false);
                recorded++;
                assertEquals(excludedBefore + 1, slo.excludedEvents(), "after round " + round + ", the event at "
                        + probes.get(p) + " (exclusion " + p + " of the run-time ones) was not excluded" + replay);
                assertEquals(totalBefore, slo.errorBudget().total(), "the event at " + probes.get(p) + " counted" + replay);
            }
        }
        // Every reading lies within 3 days of T0, well inside the 30-day window.
        clock.set(T0.plus(Duration.ofDays(3)));
        ErrorBudget budget = slo.errorBudget();
        assertEquals(recorded, budget.total() + slo.excludedEvents(),
                "good " + budget.good() + " + bad " + budget.bad() + " + excluded " + slo.excludedEvents() + replay);
        assertEquals(2 + ROUNDS * EXCLUDERS, slo.spec().exclusions().size());
    }

    /** Writers record at the three readings while EXCLUDERS threads each add one exclusion; returns events recorded. */
    private static long raceOneRound(Slo slo, ManualClock clock, long[] readings, List<Exclusion> added,
                                     long seed, String replay) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong progress = new AtomicLong();
        long[] counts = new long[WRITERS];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int id = w;
            writers.add(new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed * 31 + id);
                long n = 0;
                while (!stop.get()) {
                    clock.set(Instant.ofEpochMilli(readings[random.nextInt(readings.length)]));
                    slo.record(random.nextInt(10) != 0);
                    n++;
                    progress.incrementAndGet();
                }
                counts[id] = n;
            }, "writer-" + w));
        }
        List<Thread> excluders = new ArrayList<>();
        for (Exclusion exclusion : added) {
            excluders.add(new Thread(() -> {
                TestThreads.await(go);
                slo.exclude(exclusion);
            }, "excluder"));
        }
        writers.forEach(Thread::start);
        awaitProgress(progress, 2_000);                   // writers are busy refreshing before anyone excludes
        excluders.forEach(Thread::start);
        go.countDown();
        for (Thread t : excluders) {
            t.join();
        }
        awaitProgress(progress, 20_000);                  // and stay busy for a while after the last exclude
        stop.set(true);
        long total = 0;
        for (int w = 0; w < WRITERS; w++) {
            writers.get(w).join();
            total += counts[w];
        }
        assertTrue(total > 0, "no writer recorded" + replay);
        return total;
    }

    private static void awaitProgress(AtomicLong progress, long more) {
        long target = progress.get() + more;
        while (progress.get() < target) {
            Thread.yield();
        }
    }
}
