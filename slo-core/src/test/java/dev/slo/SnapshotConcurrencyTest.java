package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.engine.TierCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Snapshots taken while 4 writers record and a ticker advances the clock: each is consistent (good at most
 * total in every bucket, which every copy's constructor checks, and no bucket below what an earlier
 * snapshot held), and none loses an event: once the writers stop, the last snapshot restored into a new
 * registry holds every event recorded.
 */
final class SnapshotConcurrencyTest {
    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 200_000;

    private static SloRegistry registry(ManualClock clock) {
        SloRegistry slos = SloRegistry.create(clock);
        slos.define("api").internal("api answers").ownedBy(Owner.team("t")).sli(Sli.latency(Duration.ofMillis(100))).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).register();
        slos.define("search").internal("search answers").ownedBy(Owner.team("t")).sli(Sli.ratio()).target(0.99)
                .window(Window.rolling(Duration.ofDays(30))).budgeting(Budgeting.ratioTimeslices(Duration.ofSeconds(10))).register();
        return slos;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void snapshotsTakenWhileWritersRecordAreConsistentAndLoseNothing() throws Exception {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("SnapshotConcurrencyTest", seed);
        ManualClock clock = ManualClock.at(START);
        SloRegistry slos = registry(clock);
        Slo api = slos.find("api").orElseThrow();
        Slo search = slos.find("search").orElseThrow();
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LongAdder good = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            SplittableRandom random = new SplittableRandom(seed + w);
            threads.add(new Thread(() -> {
                TestThreads.await(go);
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    boolean ok = random.nextInt(50) != 0;
                    long latency = random.nextLong(150_000_000L);
                    api.record(ok, latency);
                    search.record(ok);
                    if (ok && latency <= 100_000_000L) {
                        good.increment();
                    }
                }
            }));
        }
        SplittableRandom tick = new SplittableRandom(seed - 1);
        Thread ticker = new Thread(() -> {
            TestThreads.await(go);
            Instant stop = START.plus(Duration.ofDays(2));           // well inside the window: no event ages out
            while (writing.get() && clock.instant().isBefore(stop)) {
                clock.advance(Duration.ofMillis(tick.nextLong(3_000)));   // across 10-second buckets and slices
                Thread.yield();
            }
        });
        List<Snapshot> taken = new ArrayList<>();
        Thread snapshotter = new Thread(() -> {
            TestThreads.await(go);
            try {
                while (writing.get()) {
                    taken.add(slos.snapshot());
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        threads.forEach(Thread::start);
        ticker.start();
        snapshotter.start();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        writing.set(false);
        ticker.join();
        snapshotter.join();
        assertEquals(null, failure.get(), "taking a snapshot failed" + replay);
        assertTrue(taken.size() >= 2, "snapshots taken while writing: " + taken.size() + replay);
        assertTrue(!taken.get(taken.size() - 1).takenAt().equals(taken.get(0).takenAt()), "the clock moved between snapshots" + replay);
        for (int i = 1; i < taken.size(); i++) {
            assertNoBucketShrank(taken.get(i - 1), taken.get(i), replay);
        }

        Snapshot last = slos.snapshot();
        SloRegistry fresh = registry(ManualClock.at(clock.instant()));
        fresh.restore(last);
        ErrorBudget restored = fresh.find("api").orElseThrow().errorBudget();
        assertEquals(WRITERS * (long) EVENTS_PER_WRITER, restored.total(), "every event is in the snapshot" + replay);
        assertEquals(good.sum(), restored.good(), "every good event is in the snapshot" + replay);
        assertEquals(api.errorBudget(), restored, replay);
        clock.advance(Duration.ofMinutes(1));           // the open slice closes in both
        ((ManualClock) fresh.clock()).advance(Duration.ofMinutes(1));
        assertEquals(search.errorBudget(), fresh.find("search").orElseThrow().errorBudget(), "the slices, open one included" + replay);
    }

    /** Every bucket held by both snapshots holds at least as many events (and good ones) in the later. */
    private static void assertNoBucketShrank(Snapshot earlier, Snapshot later, String replay) {
        for (int s = 0; s < earlier.states().size(); s++) {
            SloState a = earlier.states().get(s);
            SloState b = later.states().get(s);
            compareTiers(a.name() + " events", a.events().tiers(), b.events().tiers(), replay);
            if (a.slices() != null) {
                compareTiers(a.name() + " slices", a.slices().tiers(), b.slices().tiers(), replay);
            }
        }
    }

    private static void compareTiers(String what, List<TierCounts> earlier, List<TierCounts> later, String replay) {
        for (int t = 0; t < earlier.size(); t++) {
            TierCounts x = earlier.get(t);
            TierCounts y = later.get(t);
            for (long k = Math.max(x.firstIndex(), y.firstIndex()); k <= Math.min(x.lastIndex(), y.lastIndex()); k++) {
                if (y.total(k) < x.total(k) || y.good(k) < x.good(k)) {
                    throw new AssertionError(what + ", tier " + x.lengthMillis() + " ms, bucket " + k + " went from " + x.good(k) + " good of "
                            + x.total(k) + " to " + y.good(k) + " of " + y.total(k) + replay);
                }
            }
        }
    }
}
