package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import dev.slo.engine.LatencyBins;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Writers on one latency SLO while another thread moves the clock across many 5-minute, hour and day seals. */
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

    /** A spread of latencies from 1 µs to about 4 s, different per writer. */
    private static long latency(int writer, int i) {
        return 1_000L + ((long) (i * 7919 + writer * 104_729) % 4_000_000L) * 997L;
    }
}
