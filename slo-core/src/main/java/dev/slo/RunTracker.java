package dev.slo;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/*
 * The runs of a deadline SLI that have not been swept yet, oldest first. Package-private.
 *
 * Assumptions and guarantees
 *  - startRun (any thread) appends a run: lock-free (a ConcurrentLinkedQueue offer).
 *  - sweep(now, wait) removes runs from the head while they are finished or past their deadline,
 *    counting each unreported one bad exactly once (a CAS on the run's state races its report).
 *    Report paths sweep with tryLock and never wait; queries sweep with lock.
 *  - Bounded: the queue holds only runs started within the last deadline (older ones are swept once
 *    anything notices), and at most MAX_RUNS of them; startRun beyond that is refused.
 */
final class RunTracker {
    /** The most runs that may be in flight (started and not swept) at once. */
    static final int MAX_RUNS = 10_000;

    private final EventRecorder recorder;
    private final long deadlineMillis;
    private final ConcurrentLinkedQueue<JobRun> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();

    RunTracker(EventRecorder recorder, long deadlineMillis) {
        this.recorder = recorder;
        this.deadlineMillis = deadlineMillis;
    }

    JobRun start(Slo slo, long now) {
        sweep(now, true);
        // Benign race: check-then-increment, so starters racing past the check at MAX_RUNS - 1 may each
        // add a run; the bound is exceeded by at most the number of threads starting runs at once.
        if (queued.get() >= MAX_RUNS) {
            throw new IllegalStateException("\"" + slo.name() + "\" has " + MAX_RUNS
                    + " runs in flight (started, not reported, deadline not yet passed): report runs with complete() or fail()");
        }
        JobRun run = new JobRun(slo, now, saturatedAdd(now, deadlineMillis));
        queued.incrementAndGet();
        queue.offer(run);
        return run;
    }

    /** Counts every unreported run whose deadline is before {@code now} bad, at its deadline. */
    void sweep(long now, boolean wait) {
        JobRun head = queue.peek();
        if (head == null || (!head.finished() && head.deadlineMillis() >= now)) {
            return;                                       // nothing to do: the common case costs one peek
        }
        if (wait) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return;                                       // another thread is sweeping
        }
        try {
            for (JobRun run = queue.peek(); run != null; run = queue.peek()) {
                if (!run.finished() && run.deadlineMillis() >= now) {
                    break;
                }
                if (run.finish(JobRun.EXPIRED)) {         // never reported: bad, in the bucket of its deadline
                    recorder.recordAt(now, run.deadlineMillis(), 0, 1);
                }
                queue.poll();
                queued.decrementAndGet();
            }
        } finally {
            lock.unlock();
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
