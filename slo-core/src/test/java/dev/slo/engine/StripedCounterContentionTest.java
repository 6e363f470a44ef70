package dev.slo.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.TestSeeds;
import dev.slo.TestThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The counter's lock-free path under real contention: one stripe (maxStripes 1, so it can never spread
 * the writers out), four writers adding to it and a reader draining it under the lock all the while.
 * Most adds then race another writer's CAS and take the contended path (getAndAdd after a failed CAS);
 * the drained totals must still be exact to the event.
 */
final class StripedCounterContentionTest {
    private static final int WRITERS = 4;
    private static final int ADDS_PER_WRITER = 4_000_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void oneStripeFourWriters_drainedConcurrently_losesAndDoublesNothing() throws Exception {
        long seed = TestSeeds.seed();
        StripedCounter counter = new StripedCounter(1);
        ReentrantLock lock = new ReentrantLock();
        StripedCounter.GrowLock growLock = new StripedCounter.GrowLock() {
            @Override
            public boolean tryAcquire() {
                return lock.tryLock();
            }

            @Override
            public void release() {
                lock.unlock();
            }
        };
        long[] drained = new long[2];                     // [0] good, [1] total; touched only under the lock
        long[][] expected = new long[WRITERS][2];
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int id = w;
            writers.add(new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed + id);
                long good = 0;
                long total = 0;
                TestThreads.await(start);
                for (int i = 0; i < ADDS_PER_WRITER; i++) {
                    int kind = random.nextInt(16);
                    if (kind == 0) {                      // one batch in 16: 1 to 15 events, any number of them good
                        long t = 1 + random.nextInt(15);
                        long g = random.nextLong(t + 1);
                        counter.addBatch(g, t, growLock);
                        good += g;
                        total += t;
                    } else {
                        boolean isGood = kind != 1;
                        counter.add(isGood ? StripedCounter.GOOD_EVENT : StripedCounter.BAD_EVENT, growLock);
                        good += isGood ? 1 : 0;
                        total += 1;
                    }
                }
                expected[id][0] = good;
                expected[id][1] = total;
            }, "writer-" + w));
        }
        Thread drainer = new Thread(() -> {
            TestThreads.await(start);
            long[] one = new long[2];
            while (writing.get()) {
                lock.lock();
                try {
                    one[0] = 0;
                    one[1] = 0;
                    counter.drainInto(one);
                    assertTrue(one[0] <= one[1], "a drain saw good " + one[0] + " > total " + one[1]);
                    drained[0] += one[0];
                    drained[1] += one[1];
                } finally {
                    lock.unlock();
                }
                Thread.onSpinWait();
            }
        }, "drainer");
        writers.forEach(Thread::start);
        drainer.start();
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        writing.set(false);
        drainer.join();
        lock.lock();
        try {
            counter.drainInto(drained);                   // what the writers added after the last concurrent drain
        } finally {
            lock.unlock();
        }
        long good = 0;
        long total = 0;
        for (long[] e : expected) {
            good += e[0];
            total += e[1];
        }
        String replay = TestSeeds.replay("StripedCounterContentionTest", seed);
        assertEquals(1, counter.stripeCount(), "maxStripes 1 must keep one stripe" + replay);
        assertEquals(total, drained[1], "total events" + replay);
        assertEquals(good, drained[0], "good events" + replay);
    }
}
