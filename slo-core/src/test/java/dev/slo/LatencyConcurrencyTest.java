package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import dev.slo.engine.LatencyBins;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Writers on one latency SLO while other threads move the clock across many 5-minute, hour and day seals and read. */
final class LatencyConcurrencyTest {

    @Test
    void everyLatencyIsCountedOnceInItsBinUnderConcurrentWritersAndRolls() throws Exception {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Slo slo = SloRegistry.create(clock).define("api").internal("fast").ownedBy(Owner.team("t"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        int writers = 4;
        int perWriter = 200_000;
        long[] expected = new long[LatencyBins.SLOTS];
        for (int w = 0; w < writers; w++) {
            for (int i = 0; i < perWriter; i++) {
                expected[i % 101 == 0 ? LatencyBins.FAILED : LatencyBins.bin(latency(w, i))]++;
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            threads.add(new Thread(() -> {
                TestThreads.await(start);
                for (int i = 0; i < perWriter; i++) {
                    slo.record(i % 101 != 0, latency(writer, i));
                }
            }));
        }
        Thread mover = new Thread(() -> {
            TestThreads.await(start);
            // 37 s steps: about 8 five-minute seals per 65 steps; stops after at most 3 days of clock time.
            for (int step = 0; step < 7000 && !done.get(); step++) {
                clock.advance(Duration.ofSeconds(37));
                if (step % 50 == 0) {
                    slo.latency(Duration.ofHours(1));     // a reader too
                }
            }
        });
        threads.forEach(Thread::start);
        mover.start();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        done.set(true);
        mover.join();

        LatencyDistribution d = slo.latency(Duration.ofDays(30));
        assertEquals((long) writers * perWriter, d.total());
        assertEquals(slo.errorBudget().total(), d.total());
        // bin by bin: count the whole distribution back through countAtOrBelow at every bin's top edge
        long cumulative = 0;
        for (int bin = 0; bin < LatencyBins.OVERFLOW; bin++) {
            cumulative += expected[bin];
            if (expected[bin] != 0) {
                assertEquals(cumulative, d.countAtOrBelow(Duration.ofNanos(LatencyBins.upperBound(bin))), "through bin " + bin);
            }
        }
        assertEquals(expected[LatencyBins.FAILED], d.failed());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void timedEventsRacingRollsAndReaders_countOnceWithTheirVerdictAndLatency() throws Exception {
        // One add counts a timed event and bins its latency; readers drain the slots marked since the last drain
        // while writers add and mark. Four writers (latencies at, just over and around the threshold, some
        // failures), a ticker moving the clock 1 s a step and a reader draining all the while: every event must be
        // counted once with its verdict, in every tier, and its latency once; no reading may go backwards.
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("LatencyConcurrencyTest", seed);
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Duration threshold = Duration.ofMillis(300);
        Slo slo = SloRegistry.create(clock).define("api").internal("fast").ownedBy(Owner.team("t"))
                .sli(Sli.latency(threshold)).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        int writers = 4;
        int perWriter = 150_000;
        long[][] latencies = new long[writers][perWriter];  // -1: a failure
        long[] expected = new long[LatencyBins.SLOTS];
        long expectedGood = 0;
        SplittableRandom random = new SplittableRandom(seed);
        for (long[] own : latencies) {
            for (int i = 0; i < perWriter; i++) {
                int kind = random.nextInt(10);
                long latency = kind == 0 ? -1 : kind == 1 ? threshold.toNanos() : kind == 2 ? threshold.toNanos() + 1
                        : random.nextLong(2 * threshold.toNanos());
                own[i] = latency;
                expected[latency < 0 ? LatencyBins.FAILED : LatencyBins.bin(latency)]++;
                expectedGood += latency >= 0 && latency <= threshold.toNanos() ? 1 : 0;
            }
        }
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<String> readerSaw = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (long[] own : latencies) {
            threads.add(new Thread(() -> {
                TestThreads.await(start);
                for (int i = 0; i < own.length; i++) {
                    slo.record(own[i] >= 0, Math.max(0, own[i]));
                    if (i % 4096 == 0) {
                        Thread.yield();                    // let the ticker and the reader in on 2 cores
                    }
                }
            }));
        }
        Thread ticker = new Thread(() -> {
            TestThreads.await(start);
            for (int step = 0; writing.get() && step < 20 * 86_400; step++) {
                clock.advance(Duration.ofSeconds(1));
            }
        });
        Thread reader = new Thread(() -> {
            TestThreads.await(start);
            long previous = 0;
            while (writing.get()) {
                ErrorBudget b = slo.errorBudget();
                if (b.good() > b.total() || b.total() < previous) {
                    readerSaw.compareAndSet(null, b.good() + " good of " + b.total() + " after " + previous);
                }
                previous = b.total();
            }
        });
        threads.forEach(Thread::start);
        ticker.start();
        reader.start();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        writing.set(false);
        ticker.join();
        reader.join();

        long total = (long) writers * perWriter;
        assertNull(readerSaw.get(), "a reader saw " + readerSaw.get() + replay);
        ErrorBudget b = slo.errorBudget();
        assertEquals(total, b.total(), replay);
        assertEquals(expectedGood, b.good(), replay);
        long[] hours = Fixtures.sum(slo.timeline(Duration.ofHours(1), Duration.ofDays(30)));
        assertEquals(total, hours[1], replay);
        assertEquals(expectedGood, hours[0], replay);
        LatencyDistribution d = slo.latency(Duration.ofDays(30));
        assertEquals(total, d.total(), replay);
        assertEquals(expected[LatencyBins.FAILED], d.failed(), replay);
        long cumulative = 0;
        for (int bin = 0; bin < LatencyBins.OVERFLOW; bin++) {
            cumulative += expected[bin];
            if (expected[bin] != 0) {
                assertEquals(cumulative, d.countAtOrBelow(Duration.ofNanos(LatencyBins.upperBound(bin))), "through bin " + bin + replay);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aQueryAfterARecord_seesIt_whileAnotherThreadDrains() throws Exception {
        // A writer records and at once asks for the budget, while another thread drains the live slots without a
        // pause: the writer's own query must always see every event it recorded (the drain swaps a stripe's marks
        // before its slots, and a writer marks after its add, so no drain can take the mark and leave the count).
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        Slo slo = SloRegistry.create(clock).define("api").internal("fast").ownedBy(Owner.team("t"))
                .sli(Sli.latency(Duration.ofMillis(300))).target(0.999).window(Window.rolling(Duration.ofDays(30))).register();
        int events = 500_000;
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        Thread drainer = new Thread(() -> {
            TestThreads.await(start);
            while (writing.get()) {
                slo.errorBudget();
            }
        });
        drainer.start();
        start.countDown();
        try {
            for (int i = 1; i <= events; i++) {
                slo.record(i % 13 != 0, 1_000L << (i % 8));          // eight bins 1 µs to 128 µs apart
                long seen = slo.errorBudget().total();
                if (seen != i) {
                    assertEquals(i, seen, "the writer's query after its record number " + i);
                }
            }
        } finally {
            writing.set(false);
            drainer.join();
        }
    }

    /** A spread of latencies from 1 µs to about 4 s, different per writer. */
    private static long latency(int writer, int i) {
        return 1_000L + ((long) (i * 7919 + writer * 104_729) % 4_000_000L) * 997L;
    }
}
