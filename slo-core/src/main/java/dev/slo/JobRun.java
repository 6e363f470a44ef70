package dev.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of a scheduled job under a {@link Sli#deadline(Duration) deadline SLI}, from
 * {@link Slo#startRun()}: report it once with {@link #complete()} or {@link #fail()}.
 *
 * <pre>{@code
 * Slo etl = slos.define("nightly-etl").internal("the nightly ETL completes in 30 minutes")
 *         .ownedBy(Owner.team("data")).sli(Sli.deadline(Duration.ofMinutes(30)))
 *         .target(0.95).window(Window.rolling(Duration.ofDays(30))).register();
 * JobRun run = etl.startRun();
 * try { load(); run.complete(); } catch (Exception e) { run.fail(); }
 * }</pre>
 *
 * <p>A run is good when it completes at most {@code deadline} after it started. A run that fails, or
 * completes late, counts bad when it reports. A run that has not reported once its deadline has
 * passed counts bad, in the time bucket of its deadline, as soon as the SLO notices (at its next
 * {@code startRun}, report or query); a report after that changes nothing.
 *
 * <p>Thread-safe: any thread may report the run; exactly one report counts. Reporting is lock-free
 * and allocation-free. Only runs in flight (not yet reported, deadline not yet passed) count toward
 * the bound of 10,000 that {@link Slo#startRun()} enforces.
 */
public final class JobRun {
    static final int RUNNING = 0;
    static final int COMPLETED = 1;
    static final int FAILED = 2;
    static final int EXPIRED = 3;

    private final Slo slo;
    private final long startMillis;
    private final long deadlineMillis;
    private final AtomicInteger state = new AtomicInteger(RUNNING);

    JobRun(Slo slo, long startMillis, long deadlineMillis) {
        this.slo = slo;
        this.startMillis = startMillis;
        this.deadlineMillis = deadlineMillis;
    }

    /** {@return when the run started, by the registry's clock, to the millisecond} */
    public Instant started() {
        return Instant.ofEpochMilli(startMillis);
    }

    /** {@return the latest completion that counts good: {@code started() + deadline}} */
    public Instant deadline() {
        return Instant.ofEpochMilli(deadlineMillis);
    }

    /**
     * Reports that the run completed: good when the clock is at or before {@link #deadline()}.
     *
     * @return true when this counted a good run; false when it was late (counted bad now) or its
     *     deadline had already been found passed (counted bad then; nothing changes)
     * @throws IllegalStateException if the run was already completed or failed
     */
    public boolean complete() {
        return slo.reportRun(this, true);
    }

    /**
     * Reports that the run failed: one bad event.
     *
     * @throws IllegalStateException if the run was already completed or failed
     */
    public void fail() {
        slo.reportRun(this, false);
    }

    /**
     * True once the run has reported or its deadline was found passed.
     *
     * @return whether the run has counted, good or bad; false while it is in flight
     */
    public boolean finished() {
        return state.get() != RUNNING;
    }

    long deadlineMillis() {
        return deadlineMillis;
    }

    /** Moves RUNNING to {@code to}; false if another report or the expiry came first. */
    boolean finish(int to) {
        return state.compareAndSet(RUNNING, to);
    }

    int state() {
        return state.get();
    }

    @Override
    public String toString() {
        return "JobRun[" + slo.name() + ", started " + started() + ", deadline " + deadline() + "]";
    }
}
