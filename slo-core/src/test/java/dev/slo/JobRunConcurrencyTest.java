package dev.slo;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Runs started and reported on many threads while the clock moves and queries sweep: each counts once. */
final class JobRunConcurrencyTest {
    private static final int WORKERS = 4;
    private static final int RUNS_PER_WORKER = 3_000;      // 12,000 runs in all: more than the bound of 10,000

    @Test
    void everyRunCountsExactlyOnceWhetherItReportsOrExpires() throws Exception {
        ManualClock clock = ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"));
        SloRegistry slos = SloRegistry.create(clock);
        Slo job = slos.define("job").internal("the job completes in a minute").ownedBy(Owner.team("t"))
                .sli(Sli.deadline(Duration.ofMinutes(1))).target(0.9).window(Window.rolling(Duration.ofDays(30)))
                .register();
        AtomicLong good = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < RUNS_PER_WORKER; i++) {
                        JobRun run = job.startRun();
                        if ((i + worker) % 3 == 0) {
                            Thread.yield();                  // give the sweeper a chance to expire it first
                        }
                        if (i % 5 == 0) {
                            run.fail();                      // after an expiry: changes nothing
                        } else if (run.complete()) {
                            good.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            workers.add(t);
            t.start();
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread sweeper = new Thread(() -> {
            for (int step = 0; step < 5_000 && !done.get(); step++) {
                clock.advance(Duration.ofSeconds(20));        // 5,000 steps: under 28 hours of clock
                job.errorBudget();
            }
        });
        go.countDown();
        sweeper.start();
        for (Thread t : workers) {
            t.join();
        }
        done.set(true);
        sweeper.join();
        assertEquals(List.of(), failures);

        clock.advance(Duration.ofMinutes(2));                // every run still in flight is now past its deadline
        ErrorBudget b = job.errorBudget();
        assertEquals(WORKERS * RUNS_PER_WORKER, b.total(), "each run counted once: by its report or by its expiry");
        assertEquals(good.get(), b.good(), "exactly the completions that returned true are good");
        assertTrue(job.startRun() != null, "nothing is left in flight to fill the bound");
    }
}
