package dev.slo;

import dev.slo.engine.Durations;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/*
 * The runs of a deadline SLI that are in flight: started, not reported, deadline not yet found passed.
 * Package-private.
 *
 * Assumptions and guarantees
 *  - start (any thread) takes the lock: it sweeps, checks the bound and puts the run in a free slot.
 *    It allocates the run (and, rarely, a larger slot array); startRun is not a per-event hot path.
 *  - report (any thread, via JobRun) is lock-free and allocation-free: a CAS on the run's state and a
 *    decrement of inFlight. It never touches the slots: a slot whose run has finished is free, and the
 *    next start or sweep reuses or clears it.
 *  - sweep(now, wait) counts every unreported run whose deadline is before now bad, at its deadline,
 *    exactly once (the CAS on the run's state races its report; one of them wins). Report paths sweep
 *    with tryLock and never wait; queries and start sweep with lock.
 *  - Bounded: at most MAX_RUNS runs in flight. inFlight counts the runs not yet finished (it may lag a
 *    report by the instant between the report's CAS and its decrement, which errs toward refusing).
 *    Only start increments it, under the lock, so check-then-increment is exact. Finished runs, however
 *    many queue behind a long-running one, do not count. The slot array grows from 16 to at most
 *    MAX_RUNS: since fewer than MAX_RUNS runs are unfinished when start passes the check, MAX_RUNS slots
 *    always hold a free one.
 *  - The common sweep costs one volatile read: earliestDeadline is a lower bound on the deadlines of the
 *    unfinished runs (written under the lock by start and sweep; a report can only leave it lower than
 *    the true earliest, which costs one extra scan, never a missed expiry).
 */
final class RunTracker {
    /** The most runs that may be in flight (started, not reported, deadline not yet passed) at once. */
    static final int MAX_RUNS = 10_000;
    private static final int INITIAL_SLOTS = 16;

    /** Where a finished run's event goes: reported runs as live events, expired ones at their deadline. */
    private final Intake intake;
    private final long deadlineMillis;
    private final ReentrantLock lock = new ReentrantLock();
    /** Runs started and not yet finished: +1 by start under the lock, -1 by whoever finishes the run. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The runs started, in no order; null or a finished run marks a free slot. Under the lock. */
    private JobRun[] slots = new JobRun[INITIAL_SLOTS];
    /** Slots at or beyond this index are null. Under the lock. */
    private int used;
    /** No unfinished run has an earlier deadline (see the class notes). */
    private volatile long earliestDeadline = Long.MAX_VALUE;

    RunTracker(Intake intake, long deadlineMillis) {
        this.intake = intake;
        this.deadlineMillis = deadlineMillis;
    }

    JobRun start(Slo slo, long now) {
        lock.lock();
        try {
            sweepLocked(now);
            if (inFlight.get() >= MAX_RUNS) {
                throw new IllegalStateException("\"" + slo.name() + "\" has " + MAX_RUNS
                        + " runs in flight (started, not reported, deadline not yet passed): report runs with complete() or fail()");
            }
            JobRun run = new JobRun(slo, now, Durations.saturatedAdd(now, deadlineMillis));
            int slot = freeSlot();                        // first: it may replace the array
            slots[slot] = run;
            inFlight.incrementAndGet();
            if (run.deadlineMillis() < earliestDeadline) {
                earliestDeadline = run.deadlineMillis();
            }
            return run;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counts the report of {@code run} at clock reading {@code now}: good when completed by its deadline.
     * Lock-free, allocation-free (the sweep first never waits).
     *
     * @return whether the run counted good
     * @throws IllegalStateException if the run was already reported
     */
    boolean finish(JobRun run, boolean completed, long now) {
        sweep(now, false);
        if (report(run, completed ? JobRun.COMPLETED : JobRun.FAILED)) {
            boolean good = completed && now <= run.deadlineMillis();
            intake.record(good, now);
            return good;
        }
        if (run.state() == JobRun.EXPIRED) {
            return false;                                 // already counted bad when its deadline passed
        }
        throw new IllegalStateException(run + " was already " + (run.state() == JobRun.COMPLETED ? "completed" : "failed")
                + ": report a run once");
    }

    /**
     * Finishes {@code run} as reported ({@link JobRun#COMPLETED} or {@link JobRun#FAILED}). Lock-free,
     * allocation-free.
     *
     * @return false if another report or the expiry finished it first
     */
    private boolean report(JobRun run, int state) {
        if (!run.finish(state)) {
            return false;
        }
        inFlight.decrementAndGet();                       // after the CAS: inFlight never undercounts
        return true;
    }

    /** Counts every unreported run whose deadline is before {@code now} bad, at its deadline. */
    void sweep(long now, boolean wait) {
        if (earliestDeadline >= now) {
            return;                                       // nothing can have expired: the common case costs one volatile read
        }
        if (wait) {
            lock.lock();
        } else if (!lock.tryLock()) {
            return;                                       // another thread is sweeping or starting a run
        }
        try {
            sweepLocked(now);
        } finally {
            lock.unlock();
        }
    }

    private void sweepLocked(long now) {
        if (earliestDeadline >= now) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < used; i++) {
            JobRun run = slots[i];
            if (run == null) {
                continue;
            }
            if (run.deadlineMillis() < now && run.finish(JobRun.EXPIRED)) {
                inFlight.decrementAndGet();
                intake.recordAt(now, run.deadlineMillis(), 0, 1, true);   // never reported: bad, at its deadline, excluded if then
            }
            if (run.finished()) {
                slots[i] = null;                          // drop the reference; the slot is free
            } else {
                earliest = Math.min(earliest, run.deadlineMillis());
            }
        }
        while (used > 0 && slots[used - 1] == null) {
            used--;
        }
        earliestDeadline = earliest;
    }

    /**
     * {@return the runs in flight as of {@code now}, after sweeping the expired: start and deadline of each,
     * in pairs (a snapshot's part of a deadline SLO)}
     */
    long[] inFlight(long now) {
        lock.lock();
        try {
            sweepLocked(now);
            long[] out = new long[2 * used];
            int n = 0;
            for (int i = 0; i < used; i++) {
                JobRun run = slots[i];
                if (run != null && !run.finished()) {
                    out[n++] = run.started().toEpochMilli();
                    out[n++] = run.deadlineMillis();
                }
            }
            return Arrays.copyOf(out, n);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes over runs another process started ({@link #inFlight} pairs): nobody can report them now, so each
     * counts bad at its deadline, as an unreported run does (at once, at its deadline, if that has passed).
     * All or nothing.
     *
     * @throws IllegalStateException if they would take the runs in flight past {@link #MAX_RUNS}
     */
    void adopt(Slo slo, long[] runs, long now) {
        lock.lock();
        try {
            sweepLocked(now);
            checkAdopt(slo, runs.length / 2);
            for (int i = 0; i + 1 < runs.length; i += 2) {
                JobRun run = new JobRun(slo, runs[i], runs[i + 1]);
                int slot = freeSlot();                    // first: it may replace the array
                slots[slot] = run;
                inFlight.incrementAndGet();
                earliestDeadline = Math.min(earliestDeadline, run.deadlineMillis());
            }
            sweepLocked(now);                             // those whose deadline already passed count now
        } finally {
            lock.unlock();
        }
    }

    /**
     * Checks that {@code count} more runs fit.
     *
     * @throws IllegalStateException if they would take the runs in flight past {@link #MAX_RUNS}
     */
    void checkAdopt(Slo slo, int count) {
        if (inFlight.get() + count > MAX_RUNS) {
            throw new IllegalStateException("\"" + slo.name() + "\" has " + inFlight.get() + " runs in flight; "
                    + count + " more would pass " + MAX_RUNS);
        }
    }

    /** The lowest free slot, growing the array if every slot holds an unfinished run. Under the lock. */
    private int freeSlot() {
        for (int i = 0; i < used; i++) {
            if (slots[i] == null || slots[i].finished()) {
                return i;
            }
        }
        if (used == slots.length) {
            // Fewer than MAX_RUNS runs are unfinished (start checked), so a full array is shorter than MAX_RUNS.
            slots = Arrays.copyOf(slots, Math.min(2 * slots.length, MAX_RUNS));
        }
        return used++;
    }
}
