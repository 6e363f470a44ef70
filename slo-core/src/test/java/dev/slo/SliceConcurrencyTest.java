package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

/**
 * Several observer threads read a gauge while another thread moves a shared ManualClock across
 * slice boundaries: every slice is counted once, with the right verdict, and no reading is lost.
 */
final class SliceConcurrencyTest {
    private static final int OBSERVERS = 4;
    private static final int SLICES = 300;

    @Test
    void sliceCountsAreExactUnderConcurrentObserversAndAMovingClock() throws Exception {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo backlog = slos.define("backlog").internal("short queue").ownedBy(Owner.team("t"))
                .sli(Sli.gaugeAtMost(100)).budgeting(Budgeting.timeslices(Duration.ofSeconds(10)))
                .target(0.99).window(Window.rolling(Duration.ofHours(1))).register();

        AtomicLongArray observed = new AtomicLongArray(OBSERVERS);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < OBSERVERS; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    backlog.observe(42);                     // always in bound
                    observed.incrementAndGet(me);
                }
            });
            threads.add(thread);
            thread.start();
        }

        long expectedBad = 0;
        awaitAnObservation(observed);                   // slice 0 has data
        for (int slice = 1; slice <= SLICES; slice++) {
            clock.advance(Duration.ofSeconds(10));
            if (slice % 7 == 0) {
                backlog.observe(1_000);                      // read after the advance: lands in this slice
                expectedBad++;
            }
            awaitAnObservation(observed);               // every slice has readings
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        clock.advance(Duration.ofSeconds(10));               // close the last slice

        ErrorBudget b = backlog.errorBudget();
        // slices 0..300 all had data: 301 slices; bad: the multiples of 7 in 1..300 = 42
        assertEquals(SLICES + 1, b.total());
        assertEquals(expectedBad, b.bad());
        assertEquals(42, expectedBad);

        long readings = expectedBad;
        for (int t = 0; t < OBSERVERS; t++) {
            readings += observed.get(t);
        }
        long counted = 0;
        for (TimeBucket bucket : backlog.timeline(Duration.ofMinutes(1), Duration.ofHours(1))) {
            counted += bucket.total();
        }
        assertEquals(readings, counted, "every reading counted once as an event too");
    }

    /**
     * Waits until some observer has finished an observation that began after this call: with n
     * observers, n + 1 more finished observations mean one of them finished two, the second begun later.
     */
    private static void awaitAnObservation(AtomicLongArray observed) {
        long seen = sum(observed);
        while (sum(observed) < seen + observed.length() + 1) {
            Thread.yield();                                  // 2 shared cores: let the observers run
        }
    }

    private static long sum(AtomicLongArray counts) {
        long sum = 0;
        for (int i = 0; i < counts.length(); i++) {
            sum += counts.get(i);
        }
        return sum;
    }

    @Test
    void concurrentEventWritersAcrossSliceBoundariesKeepSliceCountsConserved() throws Exception {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo api = slos.define("api").internal("api answers").ownedBy(Owner.team("t")).sli(Sli.ratio())
                .budgeting(Budgeting.ratioTimeslices(Duration.ofSeconds(1))).target(0.99)
                .window(Window.rolling(Duration.ofHours(1))).register();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLongArray recorded = new AtomicLongArray(OBSERVERS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < OBSERVERS; t++) {
            int me = t;
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    api.record(true);                        // every event good: every slice's ratio is 1
                    recorded.incrementAndGet(me);
                }
            });
            threads.add(thread);
            thread.start();
        }
        awaitAnObservation(recorded);
        for (int second = 1; second <= 500; second++) {
            clock.advance(Duration.ofSeconds(1));
            awaitAnObservation(recorded);
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        clock.advance(Duration.ofSeconds(1));
        ErrorBudget b = api.errorBudget();
        assertEquals(501, b.total(), "seconds 0..500 all had events");
        assertEquals(501, b.good());
        assertEquals(1.0, b.attainment(), 1e-9);
    }
}
