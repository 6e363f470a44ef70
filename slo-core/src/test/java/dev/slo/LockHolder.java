package dev.slo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slo.engine.EventRecorder;
import java.util.concurrent.CountDownLatch;

/** Another thread holding a recorder's roll lock, as a long query or a rolling writer would. */
final class LockHolder {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread thread;

    private LockHolder(EventRecorder recorder, CountDownLatch held) {
        thread = new Thread(() -> {
            assertTrue(recorder.tryAcquire());
            held.countDown();
            TestThreads.await(release);
            recorder.release();
        });
    }

    /** Returns once the lock is held. */
    static LockHolder holding(EventRecorder recorder) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        LockHolder holder = new LockHolder(recorder, held);
        holder.thread.start();
        held.await();
        return holder;
    }

    /** Lets the lock go and waits until it is released. */
    void release() throws InterruptedException {
        release.countDown();
        thread.join();
    }
}
