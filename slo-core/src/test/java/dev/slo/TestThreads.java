package dev.slo;

import java.util.concurrent.CountDownLatch;

/** What the concurrency tests' threads share: waiting for the start signal. */
public final class TestThreads {
    private TestThreads() {}

    /** Waits for {@code latch}; an interrupted wait fails the thread loudly rather than starting it early. */
    public static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting to start", e);
        }
    }
}
