package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.AlertTransition.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Concurrent {@code evaluate()} calls while a driver records bursts of bad events and advances the clock:
 * every transition reaches the listener exactly once and is returned by exactly one call; per SLO and rule,
 * FIRING and RESOLVED alternate, starting with FIRING, in time order; and once all stops, the rules last
 * reported FIRING are exactly those {@code alerts()} shows. A doubled transition breaks the alternation, a
 * lost one the alternation or the final state.
 */
final class AlertTransitionConcurrencyTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int EVALUATORS = 3;
    private static final int STEPS = 3_000;
    /** Fast rules, so that alerts start and stop many times within the test. */
    private static final AlertPolicy FLAPPING = AlertPolicy.of(
            new BurnRateRule(Severity.PAGE, 0.02, Duration.ofMinutes(1), Duration.ofSeconds(10)),
            new BurnRateRule(Severity.TICKET, 0.01, Duration.ofMinutes(5), Duration.ofSeconds(30)));

    private record Key(Slo slo, BurnRateRule rule) {}

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentEvaluations_reportEveryTransitionOnce_inAlternation() throws Exception {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("AlertTransitionConcurrencyTest", seed);
        ManualClock clock = ManualClock.at(START);
        SloRegistry slos = SloRegistry.create(clock);
        List<Slo> all = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            all.add(Fixtures.ratioSlo(slos, name, 0.99, Window.rolling(Duration.ofDays(1)), FLAPPING));
        }
        List<AlertTransition> heard = Collections.synchronizedList(new ArrayList<>());
        slos.onAlert(heard::add);
        List<List<AlertTransition>> returned = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean driving = new AtomicBoolean(true);
        AtomicLong evaluations = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int e = 0; e < EVALUATORS; e++) {
            threads.add(new Thread(() -> {
                TestThreads.await(go);
                while (driving.get()) {
                    returned.add(slos.evaluate());
                    evaluations.incrementAndGet();
                }
            }, "evaluator-" + e));
        }
        SplittableRandom random = new SplittableRandom(seed);
        threads.add(new Thread(() -> {
            TestThreads.await(go);
            for (int step = 0; step < STEPS; step++) {
                for (Slo slo : all) {
                    boolean burst = random.nextInt(4) == 0;
                    slo.recordCounts(burst ? 10 : 100, burst ? 90 : random.nextInt(3));
                }
                clock.advance(Duration.ofSeconds(1 + random.nextInt(10)));
                long seen = evaluations.get() + 1;       // every step is seen by an evaluation, however the threads run
                while (evaluations.get() < seen && failure.get() == null) {
                    Thread.onSpinWait();
                }
            }
            driving.set(false);
        }, "driver"));
        for (Thread t : threads) {
            t.setUncaughtExceptionHandler((thread, x) -> failure.compareAndSet(null, x));
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(null, failure.get(), "a thread failed" + replay);
        returned.add(slos.evaluate());

        Map<AlertTransition, Boolean> seen = new IdentityHashMap<>();
        for (List<AlertTransition> call : returned) {
            for (AlertTransition t : call) {
                assertEquals(null, seen.put(t, true), "one transition returned by two calls: " + t + replay);
            }
        }
        assertEquals(seen.size(), heard.size(), "the listener hears what the calls return" + replay);
        for (AlertTransition t : heard) {
            assertTrue(seen.containsKey(t), "heard but never returned: " + t + replay);
        }
        System.out.println("AlertTransitionConcurrencyTest: " + heard.size() + " transitions in " + returned.size() + " evaluations");
        assertTrue(heard.size() > 20, "the scenario should flap: " + heard.size() + " transitions" + replay);

        Map<Key, AlertTransition> last = new HashMap<>();
        for (AlertTransition t : heard) {
            Key key = new Key(t.slo(), t.rule());
            AlertTransition before = last.put(key, t);
            State expected = before == null || before.state() == State.RESOLVED ? State.FIRING : State.RESOLVED;
            assertEquals(expected, t.state(), "after " + before + " came " + t + replay);
            assertTrue(before == null || !t.at().isBefore(before.at()), "out of time order: " + before + " then " + t + replay);
        }
        Set<Key> firingNow = new HashSet<>();
        for (Slo slo : all) {
            for (BurnRateAlert alert : slo.alerts()) {
                firingNow.add(new Key(slo, alert.rule()));
            }
        }
        Set<Key> lastFiring = new HashSet<>();
        last.forEach((key, t) -> {
            if (t.state() == State.FIRING) {
                lastFiring.add(key);
            }
        });
        assertEquals(firingNow, lastFiring, "the rules last reported firing are those firing now" + replay);
    }
}
