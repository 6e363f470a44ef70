package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writers, a ticker moving a {@link ManualClock} and readers holding the roll lock, all at once: events
 * whose writer sees a boundary pass while another thread holds the lock, and batches split by a drain.
 * Each test draws its inputs (event kinds, batch sizes, clock steps) from a seed printed in every
 * failure message; replay with {@code -Dslo.test.seed=<seed>} (the thread interleaving itself cannot be
 * replayed, so each test runs long enough to meet the races it is about many times).
 */
final class LateEventConcurrencyTest {
    private static final int WRITERS = 4;

    private static long seed() {
        return TestSeeds.seed();
    }

    private static String replay(long seed) {
        return TestSeeds.replay("LateEventConcurrencyTest", seed);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void maximumSizeImportsRacingRollsAndQueries_keepGoodAtMostTotalInEveryBucket() throws Exception {
        // Two importers of up to 2^30 events a call fill their stripes past the early-drain mark within one
        // 10-second bucket, so their batches go to the spill while a reader holds the lock; a ticker rolls
        // the buckets under them. A drain between a batch's two spill adds once left phantom bad events in
        // one bucket and good > total in the next, and the queries threw.
        long seed = seed();
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        int calls = 150;
        long size = Slo.MAX_COUNTS_PER_CALL;
        SplittableRandom random = new SplittableRandom(seed);
        long[][] batches = new long[2][calls];                 // good count of each call; the rest bad
        long expectedGood = 0;
        for (long[] importer : batches) {
            for (int i = 0; i < calls; i++) {
                importer[i] = random.nextInt(8) == 0 ? random.nextLong(size) : size;
                expectedGood += importer[i];
            }
        }
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        List<Thread> importers = new ArrayList<>();
        for (long[] importer : batches) {
            importers.add(new Thread(() -> {
                TestThreads.await(start);
                for (long good : importer) {
                    slo.recordCounts(good, size - good);
                }
            }));
        }
        Thread ticker = new Thread(() -> {
            TestThreads.await(start);
            for (int step = 0; running.get() && step < 200_000; step++) {
                clock.advance(Duration.ofSeconds(10));
                if (step % 64 == 0) {
                    Thread.yield();
                }
            }
        });
        Thread reader = new Thread(() -> {
            TestThreads.await(start);
            while (running.get()) {
                try {
                    for (TimeBucket bucket : slo.timeline(Duration.ofSeconds(10), Duration.ofMinutes(6))) {
                        if (bucket.good() > bucket.total()) {
                            problems.add("bucket " + bucket);
                        }
                    }
                    double burn = slo.burnRate(Duration.ofSeconds(30));
                    if (burn < 0) {
                        problems.add("burn rate " + burn);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.toString());
                }
            }
        });
        List<Thread> all = new ArrayList<>(importers);
        all.add(ticker);
        all.add(reader);
        all.forEach(Thread::start);
        start.countDown();
        for (Thread importer : importers) {
            importer.join();
        }
        running.set(false);
        for (Thread thread : all) {
            thread.join();
        }
        assertTrue(problems.isEmpty(), problems.size() + " inconsistent reads, first: " + problems.peek() + replay(seed));
        // Every event is in the hourly history exactly once (the ticker moves at most 200,000 x 10 s = 23 days).
        long[] hours = Fixtures.sum(slo.timeline(Duration.ofHours(1), Duration.ofDays(30)));
        long total = 2L * calls * size;
        assertEquals(total, hours[1], "total" + replay(seed));
        assertEquals(expectedGood, hours[0], "good" + replay(seed));
        for (TimeBucket bucket : slo.timeline(Duration.ofHours(1), Duration.ofDays(30))) {
            assertTrue(bucket.good() <= bucket.total(), bucket + replay(seed));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eventsRacingLockHolds_landWithinTheMinutesOfTheirReadings() throws Exception {
        // Each writer reads the clock before and after each record: the event's own reading lies between,
        // so it must land in a minute from the first reading's to the second's. Readers hold the lock for
        // whole timelines while a ticker moves the clock, so writers keep seeing boundaries pass while the
        // lock is held. Such events were once drained into the bucket open when the lock was taken,
        // minutes or hours before their reading.
        long seed = seed();
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        long origin = Fixtures.START.toEpochMilli() / 60_000;
        int minutes = 5 * 60;                                  // the ticker stops after 5 h: the minute tier holds it all
        AtomicLongArray earliest = new AtomicLongArray(minutes + 2);   // events whose first reading is in minute m
        AtomicLongArray latest = new AtomicLongArray(minutes + 2);     // events whose second reading is in minute m
        int perWriter = 100_000;
        SplittableRandom seeds = new SplittableRandom(seed);
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            SplittableRandom random = seeds.split();
            writers.add(new Thread(() -> {
                TestThreads.await(start);
                for (int i = 0; i < perWriter; i++) {
                    boolean batch = random.nextInt(50) == 0;
                    long before = clock.millis() / 60_000 - origin;
                    if (batch) {
                        slo.recordCounts(2, 1);
                    } else {
                        slo.record(random.nextInt(10) != 0);
                    }
                    long after = clock.millis() / 60_000 - origin;
                    earliest.addAndGet((int) Math.min(before, minutes + 1), batch ? 3 : 1);
                    latest.addAndGet((int) Math.min(after, minutes + 1), batch ? 3 : 1);
                }
            }));
        }
        Thread ticker = new Thread(() -> {
            TestThreads.await(start);
            SplittableRandom random = seeds.split();
            long moved = 0;
            while (writing.get() && moved < minutes * 60_000L - 2_000) {
                long step = 1 + random.nextInt(1_000);          // up to 1 s at a time, some ten thousand times
                clock.advance(Duration.ofMillis(step));         // faster than real time: a lock held for 10 ms
                moved += step;                                  // sees the clock move about 10 buckets
                LockSupport.parkNanos(20_000);
            }
        });
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(new Thread(() -> {
                TestThreads.await(start);
                while (writing.get()) {
                    slo.timeline(Duration.ofMinutes(1), Duration.ofHours(6));
                    slo.burnRate(Duration.ofMinutes(5));
                }
            }));
        }
        List<Thread> all = new ArrayList<>(writers);
        all.add(ticker);
        all.addAll(readers);
        all.forEach(Thread::start);
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        for (Thread thread : all) {
            thread.join();
        }
        List<TimeBucket> timeline = slo.timeline(Duration.ofMinutes(1), Duration.ofHours(6));
        long[] landed = new long[minutes + 2];
        long counted = 0;
        for (TimeBucket bucket : timeline) {
            long m = bucket.start().toEpochMilli() / 60_000 - origin;
            if (bucket.total() > 0) {
                assertTrue(m >= 0 && m <= minutes, "events in minute " + m + " of a run of " + minutes + replay(seed));
                landed[(int) m] += bucket.total();
                counted += bucket.total();
            }
        }
        long recorded = 0;
        for (int m = 0; m < earliest.length(); m++) {
            recorded += earliest.get(m);
        }
        assertEquals(recorded, counted, "events counted" + replay(seed));
        // An event first read in minute a and last read in minute b lands in [a, b]: so, for every minute
        // y, the events landed in minutes <= y are at most those first read by y and at least those last read by y.
        long landedSoFar = 0;
        long firstReadSoFar = 0;
        long lastReadSoFar = 0;
        for (int y = 0; y <= minutes; y++) {
            landedSoFar += landed[y];
            firstReadSoFar += earliest.get(y);
            lastReadSoFar += latest.get(y);
            if (landedSoFar > firstReadSoFar) {
                fail((landedSoFar - firstReadSoFar) + " events landed by minute " + y + " before they were recorded" + replay(seed));
            }
            if (landedSoFar < lastReadSoFar) {
                fail((lastReadSoFar - landedSoFar) + " events recorded by minute " + y + " landed later" + replay(seed));
            }
        }
    }
}
