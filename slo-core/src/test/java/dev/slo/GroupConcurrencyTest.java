package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writers record into groups (named and, beyond the cap, overflow) that they create concurrently, while a
 * ticker advances the clock across bucket rolls: every group holds exactly the events recorded through it,
 * the whole exactly the sum of them all, no value creates a second group, and at most the cap of named
 * groups exist.
 */
final class GroupConcurrencyTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 100_000;
    private static final int CAP = 8;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentWritersAndGroupCreation_loseNothing_doubleNothing() throws Exception {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("GroupConcurrencyTest", seed);
        ManualClock clock = ManualClock.at(START);
        SloRegistry slos = SloRegistry.create(clock);
        Slo api = slos.define("api").internal("api answers").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).groupedBy("endpoint", CAP).register();
        ConcurrentHashMap<String, LongAdder> good = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, LongAdder> total = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, Slo> seen = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong ticks = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            SplittableRandom random = new SplittableRandom(seed + w);
            threads.add(new Thread(() -> {
                TestThreads.await(go);
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    if (i % 5_000 == 0) {                                  // the clock moves on during every writer's run
                        long tick = ticks.get() + 1;
                        while (ticks.get() < tick && writing.get()) {
                            Thread.onSpinWait();
                        }
                    }
                    String value = "/e" + random.nextInt(20);              // 20 values, a cap of 8: most spill over
                    boolean ok = random.nextInt(10) != 0;
                    Slo group = api.group(value);
                    Slo before = seen.putIfAbsent(value, group);
                    if (before != null && before != group) {
                        throw new AssertionError(value + " got two groups");
                    }
                    group.record(ok);
                    String key = group.groupValue().orElseThrow();
                    total.computeIfAbsent(key, k -> new LongAdder()).increment();
                    if (ok) {
                        good.computeIfAbsent(key, k -> new LongAdder()).increment();
                    }
                }
            }, "writer-" + w));
        }
        Thread ticker = new Thread(() -> {
            TestThreads.await(go);
            Instant last = START.plus(Duration.ofDays(20));          // every event stays within the 30-day window
            while (writing.get()) {
                if (clock.instant().isBefore(last)) {
                    clock.advance(Duration.ofSeconds(7));
                }
                ticks.incrementAndGet();
                Thread.yield();
            }
        }, "ticker");
        for (Thread t : threads) {
            t.setUncaughtExceptionHandler((thread, x) -> failure.compareAndSet(null, x));
            t.start();
        }
        ticker.start();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        writing.set(false);
        ticker.join();
        assertEquals(null, failure.get(), "a writer failed" + replay);

        List<Slo> groups = api.groups();
        assertEquals(CAP + 1, groups.size(), "the cap of named groups, then the overflow group" + replay);
        long sum = 0;
        for (Slo group : groups) {
            String key = group.groupValue().orElseThrow();
            ErrorBudget budget = group.errorBudget();
            assertEquals(total.get(key).sum(), budget.total(), key + replay);
            assertEquals(good.get(key).sum(), budget.good(), key + replay);
            sum += budget.total();
        }
        assertEquals((long) WRITERS * EVENTS_PER_WRITER, sum, replay);
        assertEquals(sum, api.errorBudget().total(), "the whole holds every event once" + replay);
        assertEquals(good.values().stream().mapToLong(LongAdder::sum).sum(), api.errorBudget().good(), replay);
        assertTrue(clock.instant().isAfter(START.plusSeconds(60)), "the clock should have rolled buckets" + replay);
    }
}
