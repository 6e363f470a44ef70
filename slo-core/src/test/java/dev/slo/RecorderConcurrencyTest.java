package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.engine.EventRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writers racing each other and the clock: every event counted once, never lost, never twice.
 * The timeouts only guard against a hang; nothing here measures speed.
 */
final class RecorderConcurrencyTest {
    private static final int WRITERS = 4;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void writersRacingAClockThatRolls_countEveryEventExactlyOnce() throws Exception {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        int perWriter = 200_000;
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong advances = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        // The clock thread moves time 1 s at a time while writers run: a 10 s boundary every 10 steps,
        // for at most 20 days so that every event stays in the 30-day window.
        Thread ticker = new Thread(() -> {
            TestThreads.await(start);
            while (writing.get() && advances.get() < 20 * 86_400) {
                clock.advance(Duration.ofSeconds(1));
                advances.incrementAndGet();
            }
        });
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int id = w;
            writers.add(new Thread(() -> {
                TestThreads.await(start);
                for (int i = 0; i < perWriter; i++) {
                    if (i % 1000 == 999) {
                        slo.recordCounts(3, 2);            // the batch path too
                    } else {
                        slo.record((i + id) % 10 != 0);    // every 10th bad
                    }
                    if (i % 4096 == 0) {
                        Thread.yield();                    // let the ticker in on 2 cores
                    }
                }
            }));
        }
        ticker.start();
        writers.forEach(Thread::start);
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        ticker.join();

        // Per writer: 200 batches of 3 good + 2 bad, and 199,800 single events of which one in ten is bad.
        long expectedTotal = 0;
        long expectedGood = 0;
        for (int id = 0; id < WRITERS; id++) {
            for (int i = 0; i < perWriter; i++) {
                if (i % 1000 == 999) {
                    expectedTotal += 5;
                    expectedGood += 3;
                } else {
                    expectedTotal += 1;
                    expectedGood += (i + id) % 10 != 0 ? 1 : 0;
                }
            }
        }
        ErrorBudget b = slo.errorBudget();
        assertEquals(expectedTotal, b.total(), "total after " + advances.get() + " s of clock");
        assertEquals(expectedGood, b.good());
        // Every tier got every drained event exactly once: the hourly history agrees.
        long[] hours = Fixtures.sum(slo.timeline(Duration.ofHours(1), Duration.ofDays(30)));
        assertEquals(expectedTotal, hours[1]);
        assertEquals(expectedGood, hours[0]);
        assertTrue(advances.get() > 0);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void writersAndReaders_withTheClockCrossingManyBoundaries_agreeInEveryTier() throws Exception {
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        int perWriter = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        // Advances in 7-second steps, crossing 10 s, 1 min and 1 h boundaries, until the writers finish
        // or 5 hours pass (so the minute tier still holds everything).
        threads.add(new Thread(() -> {
            TestThreads.await(start);
            long moved = 0;
            while (writing.get() && moved < 5 * 3600) {
                clock.advance(Duration.ofSeconds(7));
                moved += 7;
            }
        }));
        AtomicBoolean readerSawGoodAboveTotal = new AtomicBoolean();
        threads.add(new Thread(() -> {                     // a reader querying throughout
            TestThreads.await(start);
            while (writing.get()) {
                ErrorBudget b = slo.errorBudget();
                if (b.good() > b.total()) {
                    readerSawGoodAboveTotal.set(true);
                }
                slo.burnRate(Duration.ofMinutes(5));
                Thread.yield();
            }
        }));
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(new Thread(() -> {
                TestThreads.await(start);
                for (int i = 0; i < perWriter; i++) {
                    slo.record(i % 2 == 0);
                    if (i % 2048 == 0) {
                        Thread.yield();
                    }
                }
            }));
        }
        threads.addAll(writers);
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        long total = (long) WRITERS * perWriter;
        assertEquals(total, slo.errorBudget().total());
        assertEquals(total / 2, slo.errorBudget().good());
        long[] minutes = Fixtures.sum(slo.timeline(Duration.ofMinutes(1), Duration.ofHours(6)));
        long[] hours = Fixtures.sum(slo.timeline(Duration.ofHours(1), Duration.ofDays(1)));
        assertEquals(total, minutes[1]);
        assertEquals(total, hours[1]);
        assertEquals(total / 2, minutes[0]);
        assertEquals(total / 2, hours[0]);
        assertTrue(!readerSawGoodAboveTotal.get(), "a reader saw good > total");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void anEventRacingARoll_landsInTheBucketOfItsReading_onceAndNeverWaits() throws Exception {
        // Hold the roll lock in another thread (as a reader or a rolling writer would) while a writer
        // crosses a boundary: the writer must not wait, and its events must be counted once, in the
        // bucket of their clock reading (not drained into the bucket that was open when the lock was taken).
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        EventRecorder recorder = slo.recorder();
        clock.set(Fixtures.START.plusSeconds(5));
        slo.record(true);                                  // bucket [0, 10 s)
        LockHolder holder = LockHolder.holding(recorder);
        clock.set(Fixtures.START.plusSeconds(12));         // bucket [10 s, 20 s), but no one can roll now
        slo.record(false);                                 // returns at once: the lock is not waited for
        slo.recordCounts(2, 0);
        holder.release();
        List<TimeBucket> timeline = slo.timeline(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertEquals(2, timeline.size());
        assertEquals(new TimeBucket(Fixtures.START, Duration.ofSeconds(10), 1, 1), timeline.get(0));
        assertEquals(new TimeBucket(Fixtures.START.plusSeconds(10), Duration.ofSeconds(10), 2, 3), timeline.get(1));
        assertEquals(4, slo.errorBudget().total());
        clock.set(Fixtures.START.plusSeconds(25));
        slo.record(true);                                  // the next boundary rolls normally again
        assertEquals(1, slo.timeline(Duration.ofSeconds(10), Duration.ofSeconds(10)).get(0).total());
        assertEquals(5, slo.errorBudget().total());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void badEventsRecordedHoursIntoALockHold_pageAsSoonAsTheLockIsReleased() throws Exception {
        // A query descheduled inside the lock for three hours: events recorded meanwhile belong to the
        // hour they were recorded in. 10 bad of 10 at 99.9% is a burn of (10/10) / 0.001 = 1000 over 5 m.
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        slo.recordCounts(1000, 0);                         // a quiet morning at START
        LockHolder holder = LockHolder.holding(slo.recorder());
        clock.advance(Duration.ofHours(3));
        for (int i = 0; i < 10; i++) {
            slo.record(false);
        }
        holder.release();
        assertEquals(1000.0, slo.burnRate(Duration.ofMinutes(5)), 1e-9);
        assertEquals(1000.0, slo.burnRate(Duration.ofHours(1)), 1e-9);
        assertEquals(10, slo.timeline(Duration.ofHours(1), Duration.ofHours(1)).get(0).total());
        assertTrue(slo.alerts().stream().anyMatch(a -> a.rule().severity() == Severity.PAGE), "no page fired");
        assertEquals(1010, slo.errorBudget().total());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void moreLateTenSecondBucketsInOneLockHoldThanCells_landInTheirMinute() throws Exception {
        // 100 ten-second steps in one lock hold, one bad event each: the first 32 park under their own
        // bucket, the other 68 under their minute. Step i is at i x 10 s: minute 0 holds steps 1-5,
        // minutes 1-15 six each, minute 16 steps 96-100.
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        LockHolder holder = LockHolder.holding(slo.recorder());
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(10));
            slo.recordCounts(0, 1);
        }
        holder.release();
        List<TimeBucket> minutes = slo.timeline(Duration.ofMinutes(1), Duration.ofMinutes(17));
        assertEquals(17, minutes.size());
        for (int m = 0; m < 17; m++) {
            assertEquals(m == 0 || m == 16 ? 5 : 6, minutes.get(m).total(), "minute " + m);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void moreLateBucketsInOneLockHoldThanCells_landInTheirMinuteOrHour() throws Exception {
        // One lock hold while the clock crosses 100 ten-second buckets (16 min 40 s) and then 10 hours,
        // one bad event in each step: more distinct buckets than the 32 late cells of 10 s hold. The
        // first 32 steps park under their own bucket; the rest fall back to their minute, then their hour.
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        LockHolder holder = LockHolder.holding(slo.recorder());
        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofSeconds(10));
            slo.recordCounts(0, 1);
        }
        for (int h = 0; h < 10; h++) {
            clock.advance(Duration.ofHours(1));
            slo.recordCounts(0, 1);
        }
        holder.release();
        assertEquals(110, slo.errorBudget().total());
        // Hour by hour: the 100 steps in hour 0, then one event in each later hour.
        List<TimeBucket> hours = slo.timeline(Duration.ofHours(1), Duration.ofHours(11));
        assertEquals(11, hours.size());
        assertEquals(100, hours.get(0).total());
        for (int h = 1; h <= 10; h++) {
            assertEquals(1, hours.get(h).total(), "hour " + h);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aBatchWriterWhileAReaderHoldsTheLock_neverWrapsItsStripe() throws Exception {
        // A stripe holds good and total in 32 bits each. A writer asks for a drain from 2^30 events on,
        // but while another thread holds the roll lock (a long query) nobody can drain. Four imports of
        // 2^30 good events on one thread put 4 x 2^30 = 2^32 events on one stripe: one past what a half
        // can hold. They must all be counted, not wrap to 0 good and 1 total.
        ManualClock clock = Fixtures.clock();
        Slo slo = Fixtures.checkout(clock);
        EventRecorder recorder = slo.recorder();
        LockHolder holder = LockHolder.holding(recorder);
        Thread importer = new Thread(() -> {
            for (int i = 0; i < 4; i++) {
                slo.recordCounts(Slo.MAX_COUNTS_PER_CALL, 0);
            }
        });
        importer.start();
        importer.join(20_000);
        // Writers never wait: the importer finishes while the lock is still held.
        assertFalse(importer.isAlive(), "the importer waited for the lock holder");
        holder.release();
        importer.join();
        assertEquals(4 * Slo.MAX_COUNTS_PER_CALL, slo.errorBudget().total());
        assertEquals(4 * Slo.MAX_COUNTS_PER_CALL, slo.errorBudget().good());
    }
}
