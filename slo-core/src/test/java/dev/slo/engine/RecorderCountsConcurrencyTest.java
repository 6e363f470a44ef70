package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.ManualClock;
import dev.slo.TestSeeds;
import dev.slo.TestThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Copies taken while four writers record and a ticker moves a manual clock across bucket rolls: every copy
 * is consistent (good <= total in every bucket, checked as each copy is built), none holds fewer events
 * than an earlier one, and the last, taken once the writers stopped, holds every event exactly once.
 */
final class RecorderCountsConcurrencyTest {
    private static final int WRITERS = 4;
    private static final int EVENTS_PER_WRITER = 1_500_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void copiesTakenWhileWritersRecordAndTheClockMovesAreConsistentAndLoseNothing() throws Exception {
        long seed = TestSeeds.seed();
        String replay = TestSeeds.replay("RecorderCountsConcurrencyTest", seed);
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-01T00:00:00Z"));
        EventRecorder recorder = new EventRecorder(clock, Duration.ofDays(30));
        long[][] recorded = new long[WRITERS][2];
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int id = w;
            writers.add(new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed + id);
                TestThreads.await(start);
                for (int i = 0; i < EVENTS_PER_WRITER; i++) {
                    long now = clock.millis();
                    if (random.nextInt(8) == 0) {
                        long good = random.nextInt(10);
                        long bad = random.nextInt(3);
                        recorder.recordCounts(good, bad, now);
                        recorded[id][0] += good;
                        recorded[id][1] += good + bad;
                    } else {
                        boolean good = random.nextInt(100) != 0;
                        recorder.record(good, now);
                        recorded[id][0] += good ? 1 : 0;
                        recorded[id][1]++;
                    }
                }
            }));
        }
        Thread ticker = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(seed - 1);
            TestThreads.await(start);
            for (int tick = 0; tick < 5_000 && writing.get(); tick++) {   // at most 5,000 x 17 s: under a day
                clock.advance(Duration.ofMillis(1 + random.nextInt(17_000)));
                Thread.yield();
            }
        });
        writers.forEach(Thread::start);
        ticker.start();
        start.countDown();
        long[] previous = {0, 0};
        int copies = 0;
        while (writers.stream().anyMatch(Thread::isAlive)) {
            long[] sum = hourlySum(recorder.counts(clock.millis()));      // the constructor checked good <= total
            assertTrue(sum[0] >= previous[0] && sum[1] >= previous[1],
                    "copy " + copies + " holds " + sum[0] + "/" + sum[1] + ", fewer than an earlier " + previous[0] + "/" + previous[1] + replay);
            previous = sum;
            copies++;
        }
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        ticker.join();
        assertTrue(copies >= 10, "only " + copies + " copies overlapped the writers" + replay);
        long good = 0;
        long total = 0;
        for (long[] r : recorded) {
            good += r[0];
            total += r[1];
        }
        long now = clock.millis();
        RecorderCounts last = recorder.counts(now);
        assertArrayEquals(new long[] {good, total}, hourlySum(last), copies + " copies were taken" + replay);
        EventRecorder restored = new EventRecorder(ManualClock.at(Instant.ofEpochMilli(now)), Duration.ofDays(30));
        restored.add(last, now);
        long[] lookBacks = {60_000, 3_600_000, 86_400_000, 30 * 86_400_000L};
        assertArrayEquals(recorder.lookBacks(now, lookBacks), restored.lookBacks(now, lookBacks), replay);
    }

    private static long[] hourlySum(RecorderCounts counts) {
        TierCounts hours = counts.tiers().get(counts.tiers().size() - 1);
        long[] sum = new long[2];
        for (long k = hours.firstIndex(); k <= hours.lastIndex(); k++) {
            hours.addTo(k, sum);
        }
        return sum;
    }
}
