package dev.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.engine.SliceRecorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hand-offs of closed and spilled slices while the slice lock is held or a hand-off is still in
 * flight: no writer waits, every slice is judged once with all its readings, and a far jump of the
 * clock never files readings in a slice 2^16 slices away.
 */
final class SliceHandOffTest {
    private static Slo sliceSlo(ManualClock clock, Duration slice, Duration window) {
        return SloRegistry.create(clock).define("sliced").internal("answers").ownedBy(Owner.team("t"))
                .sli(Sli.ratio()).budgeting(Budgeting.timeslices(slice))
                .target(0.99).window(Window.rolling(window)).register();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aMaximumImportWhileAQueryHoldsTheSliceLock_finishesWithoutWaiting() throws Exception {
        // 2^30 readings in one call: 1,024 adds of 2^20, spilling every 16 into the hand-off cells (64
        // spills of one slice). The 64-slot mailbox once filled and the writer spun until the lock was free.
        ManualClock clock = Fixtures.clock();
        Slo slo = sliceSlo(clock, Duration.ofMinutes(1), Duration.ofDays(1));
        SliceRecorder slices = slo.sliceRecorder();
        assertTrue(slices.tryAcquire());
        try {
            Thread importer = new Thread(() -> slo.recordCounts(Slo.MAX_COUNTS_PER_CALL, 0));
            importer.start();
            importer.join(20_000);
            assertFalse(importer.isAlive(), "the importer waited for the slice lock");
        } finally {
            slices.release();
        }
        clock.advance(Duration.ofMinutes(1));              // the slice closes
        ErrorBudget budget = slo.errorBudget();
        assertEquals(1, budget.total());                   // one slice with data
        assertEquals(1, budget.good());                    // all 2^30 readings good
        assertEquals(Slo.MAX_COUNTS_PER_CALL, slo.timeline(Duration.ofHours(1), Duration.ofHours(1)).get(0).total());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aHundredSlicesClosedWhileAQueryHoldsTheLock_eachKeepItsVerdict() throws Exception {
        // The lock is held (a descheduled query) while the clock crosses 100 one-minute slices, each with
        // one reading, every 7th bad. Verdicts are parked by the closers: 32 cells of 10 s, then coarser
        // ones, merging per bucket, so none is lost however many slices pass. 100 slices, 14 bad.
        ManualClock clock = Fixtures.clock();
        Slo slo = sliceSlo(clock, Duration.ofMinutes(1), Duration.ofDays(1));
        SliceRecorder slices = slo.sliceRecorder();
        AtomicBoolean held = new AtomicBoolean();
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            held.set(slices.tryAcquire());
            taken.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (held.get()) {
                    slices.release();
                }
            }
        });
        holder.start();
        taken.await();
        assertTrue(held.get());
        for (int m = 1; m <= 100; m++) {
            slo.record(m % 7 != 0);                        // slice m - 1 gets reading m
            clock.advance(Duration.ofMinutes(1));
        }
        slo.record(true);                                  // closes slice 99 while the lock is still held
        done.countDown();
        holder.join();
        ErrorBudget budget = slo.errorBudget();
        assertEquals(100, budget.total());
        assertEquals(86, budget.good());
    }

    @Test
    void aSliceWhoseSpillIsStillInFlight_isJudgedOnceWithAllItsReadings() {
        // Slice 0: 3 bad readings spilled by a writer descheduled before it publishes them, then 1 good
        // reading in the word. Then 20 more slices close, each with one good reading, and queries run.
        // The pending table once filled after 16 slices and judged slice 0 from its partial counts (good),
        // then judged it again when the hand-off landed (bad): one slice too many.
        ManualClock clock = Fixtures.clock();
        Slo slo = sliceSlo(clock, Duration.ofMinutes(1), Duration.ofDays(1));
        SliceRecorder slices = slo.sliceRecorder();
        slo.recordCounts(0, 3);
        Runnable stuck = slices.beginSpill();
        slo.record(true);
        for (int m = 1; m <= 20; m++) {
            clock.advance(Duration.ofMinutes(1));
            slo.record(true);
            slo.errorBudget();                             // a query absorbs what it can
        }
        // Slices 0 to 19 have closed: all but slice 0 are judged, each good.
        ErrorBudget meanwhile = slo.errorBudget();
        assertEquals(19, meanwhile.total(), "slice 0 was judged while a spill of it was in flight");
        assertEquals(19, meanwhile.good());
        stuck.run();
        clock.advance(Duration.ofMinutes(1));              // slices 0 to 20 have closed
        ErrorBudget budget = slo.errorBudget();
        assertEquals(21, budget.total());
        assertEquals(20, budget.good());                   // slice 0: 1 good of 4 readings, bad
    }

    @Test
    void aFarJumpOfTheClock_closesInSteps_andFilesReadingsInTheirOwnSlice() {
        // 1-second slices, a jump of 200,000 slices (over three times the 16-bit tag's range), then readings.
        ManualClock clock = Fixtures.clock();
        Slo slo = sliceSlo(clock, Duration.ofSeconds(1), Duration.ofDays(30));
        slo.record(true);
        clock.advance(Duration.ofSeconds(200_000));
        slo.recordCounts(0, 3);                            // 3 bad readings in slice 200,000
        clock.advance(Duration.ofSeconds(1));
        ErrorBudget budget = slo.errorBudget();
        assertEquals(2, budget.total());
        assertEquals(1, budget.good());
        assertEquals(1.0, slo.burnRate(Duration.ofMinutes(5)) * 0.01, 1e-9);  // the one slice of the last 5 min is bad
    }

    @Test
    void aWriterMeetingAFarCloseNotYetPublished_filesItsReadingsInItsOwnSlice() {
        // 70,000 one-second slices after slice 0, a writer closes the word with 3 bad readings and is
        // descheduled before it publishes openSlice; another writer then records 1 good reading in the
        // same slice. It once read the 16-bit tag against the stale openSlice, took the word for slice
        // 70,000 - 65,536 = 4,464 and handed the 3 bad readings off there, 18 h early, leaving slice
        // 70,000 good. Right: slice 0 good, slice 70,000 bad (1 good of 4).
        ManualClock clock = Fixtures.clock();
        Slo slo = sliceSlo(clock, Duration.ofSeconds(1), Duration.ofDays(30));
        slo.record(true);
        clock.advance(Duration.ofSeconds(70_000));
        Runnable descheduled = slo.sliceRecorder().beginClose(clock.millis(), 0, 3);
        slo.record(true);
        descheduled.run();
        clock.advance(Duration.ofSeconds(1));
        ErrorBudget budget = slo.errorBudget();
        assertEquals(2, budget.total());
        assertEquals(1, budget.good());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void writersRacingFarJumpsOfTheClock_neverFileReadingsInASliceNobodyWrote() throws Exception {
        // The ticker jumps 70,000 one-second slices at a time (past the 16-bit tag's 65,536). A writer that
        // read a stale openSlice once recovered the wrong full index and filed the word 65,536 slices early.
        // Every slice the budget counts must be one that some writer's reading fell in.
        long seed = TestSeeds.seed();
        ManualClock clock = Fixtures.clock();
        Slo slo = sliceSlo(clock, Duration.ofSeconds(1), Duration.ofDays(30));
        long origin = Fixtures.START.toEpochMilli() / 1000;
        ConcurrentHashMap<Long, Boolean> written = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int w = 0; w < 4; w++) {
            SplittableRandom random = seeds.split();
            threads.add(new Thread(() -> {
                while (running.get()) {
                    long before = clock.millis() / 1000 - origin;
                    slo.record(random.nextInt(4) != 0);
                    long after = clock.millis() / 1000 - origin;
                    for (long s = before; s <= after; s += 70_000) {
                        written.put(s, true);
                    }
                    written.put(after, true);
                }
            }));
        }
        threads.forEach(Thread::start);
        SplittableRandom random = seeds.split();
        for (int jump = 0; jump < 30; jump++) {             // 30 x 70,000 s = 24.3 days: all in the window
            Thread.sleep(5);
            clock.advance(Duration.ofSeconds(70_000 + random.nextInt(3)));
            slo.errorBudget();
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        clock.advance(Duration.ofSeconds(1));
        long counted = slo.errorBudget().total();
        assertTrue(counted <= written.size(), counted + " slices counted but readings fell in only "
                + written.size() + TestSeeds.replay("SliceHandOffTest", seed));
        assertTrue(counted > 0, "no slice counted");
    }
}
