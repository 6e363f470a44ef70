package dev.slo;

import dev.slo.engine.Durations;
import dev.slo.engine.EventRecorder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/*
 * The recording half of Slo: the record methods of every SLI kind and the fields their hot paths read.
 * Package-private; Slo, its only subclass, adds the queries, revisions and exclusions. The split follows
 * the two faces of an SLO, not a layout trick: what a request thread calls, and what a reader asks. The
 * public methods here are documented (by javadoc) and reached (by javac's public bridge methods, so also
 * by reflection) as Slo's own.
 */
abstract sealed class SloRecording permits Slo {
    final Clock clock;
    /** The registry's timer readings: one per stopTimer serves the latency and the bucket. */
    private final Ticks ticks;
    /** The current definition; replaced (never changed) under Slo's specLock. */
    volatile SloSpec spec;
    /** Where events go: the recorders and the exclusion gate (the hot path). */
    final Intake intake;
    /** The gauge a reading is judged by; null unless the SLI is a gauge. */
    private final Sli.Gauge gauge;
    /** The runs in flight of a deadline SLI; null otherwise. */
    final RunTracker runs;
    /** Whether the SLI counts events one by one (not a gauge's readings or a deadline SLI's runs): what timers need. */
    private final boolean countsEvents;
    /**
     * The last gauge reading, as the raw bits of a double in the gauge's unit (freshness: seconds of age);
     * NO_READING before the first. Written with release semantics (a plain store on x86), read by exporters.
     */
    private long lastReading = NO_READING;
    /** No double has these bits: a NaN payload the library never writes. */
    static final long NO_READING = 0x7FF8_DEAD_0000_0001L;
    private static final java.lang.invoke.VarHandle LAST_READING;

    static {
        try {
            LAST_READING = java.lang.invoke.MethodHandles.lookup().findVarHandle(SloRecording.class, "lastReading", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    SloRecording(Clock clock, Ticks ticks, SloSpec spec, Intake whole) {
        this.clock = clock;
        this.ticks = ticks;
        this.spec = spec;
        this.intake = new Intake(clock, spec, now(), whole);
        this.gauge = spec.sli() instanceof Sli.Gauge g ? g : null;
        this.runs = spec.sli() instanceof Sli.Deadline d ? new RunTracker(intake, d.deadline().toMillis()) : null;
        this.countsEvents = gauge == null && runs == null;
    }

    /** {@return the current definition, immutable (a revision replaces it; see {@link Slo#revise})} */
    public SloSpec spec() {
        return spec;
    }

    /** {@return the SLO's name, unique in its registry} */
    public String name() {
        return spec.name();
    }

    // ---------------------------------------------------------------- recording (the hot path)

    /**
     * Records one event, good or bad. For a latency SLI the flag alone decides.
     * Lock-free, allocation-free.
     *
     * @param good true for a good event, false for a bad one
     */
    public void record(boolean good) {
        intake.record(good, now());
    }

    /**
     * Records one event with its latency. For a latency SLI the event is good when {@code success}
     * and {@code latencyNanos <= threshold}, and the latency joins the SLO's latency distribution (see
     * {@link Slo#latency(Duration)}); a ratio SLI ignores the latency. Lock-free, allocation-free.
     *
     * @param success      whether the event succeeded; a failed event is bad whatever its latency
     * @param latencyNanos how long the event took, in nanoseconds, {@code >= 0}
     * @throws IllegalArgumentException if {@code latencyNanos} is negative (nothing is recorded)
     */
    public void record(boolean success, long latencyNanos) {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("latencyNanos must be >= 0, got " + latencyNanos);
        }
        intake.record(success, latencyNanos, now());
    }

    /**
     * Records one event with its latency as a {@link Duration}: a convenience that is not allocation-free
     * for the caller who builds the Duration; prefer {@link #record(boolean, long)} on hot paths.
     *
     * @param success whether the event succeeded; a failed event is bad whatever its latency
     * @param latency how long the event took, {@code >= 0}; counted to the nanosecond
     * @throws NullPointerException if {@code latency} is null
     * @throws IllegalArgumentException if {@code latency} is negative
     */
    public void record(boolean success, Duration latency) {
        Objects.requireNonNull(latency, "latency must not be null");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be >= 0, got " + Durations.format(latency));
        }
        record(success, Durations.saturatedNanos(latency));
    }

    /**
     * Records {@code good} good and {@code bad} bad events at once, all at the current clock reading:
     * for imports, aggregated feedback and fast simulations. Lock-free, allocation-free.
     *
     * @param good good events, from 0 to {@link Slo#MAX_COUNTS_PER_CALL}
     * @param bad  bad events, from 0 to {@link Slo#MAX_COUNTS_PER_CALL}
     * @throws IllegalArgumentException if a count is negative, or {@code good + bad} exceeds
     *     {@link Slo#MAX_COUNTS_PER_CALL} (nothing is recorded)
     */
    public void recordCounts(long good, long bad) {
        checkCounts(good, bad);
        intake.recordCounts(good, bad, now());
    }

    /**
     * Backfills {@code good} good and {@code bad} bad events that happened at {@code at}, from logs or
     * another system: they land in the buckets of {@code at} that are still kept (to the millisecond in
     * the finest tier that still holds {@code at}), as if recorded then, and in the excluded events when
     * an exclusion was active at {@code at}. Exact, thread-safe, not lock-free: it takes the lock the
     * queries take (writers still never wait). Not for time-slice budgeting: a closed slice was judged
     * from counts that are no longer kept.
     *
     * <pre>{@code
     * checkout.recordCounts(9_950, 50, Instant.parse("2026-03-01T10:15:00Z"));   // an hour the service did not see
     * }</pre>
     *
     * @param good good events, from 0 to {@link Slo#MAX_COUNTS_PER_CALL}
     * @param bad  bad events, from 0 to {@link Slo#MAX_COUNTS_PER_CALL}
     * @param at   when they happened: not later than the clock's reading, and within the history the SLO
     *     keeps: at or after the start of the oldest bucket a look-back of {@link Slo#historyKept()}
     *     covers (now minus the history kept, rounded up to the hour)
     * @throws NullPointerException if {@code at} is null
     * @throws IllegalArgumentException if a count is bad as for {@link #recordCounts(long, long)}, or
     *     {@code at} is later than now or not within the history kept (nothing is recorded)
     * @throws IllegalStateException if the SLO is budgeted by time slices (gauge SLIs always are)
     */
    public void recordCounts(long good, long bad, Instant at) {
        checkCounts(good, bad);
        Objects.requireNonNull(at, "at must not be null");
        long now = now();
        Instant nowInstant = Instant.ofEpochMilli(now);
        if (at.isAfter(nowInstant)) {
            throw new IllegalArgumentException("at must not be later than the clock's reading " + nowInstant
                    + " (backfill counts what already happened), got " + at);
        }
        Instant oldest = Instant.ofEpochMilli(intake.events.oldestCoveredMillis(now));
        if (at.isBefore(oldest)) {
            throw new IllegalArgumentException("at must be within the " + Durations.format(Duration.ofMillis(intake.events.historyMillis()))
                    + " of history this SLO keeps (at or after " + oldest + "), got " + at);
        }
        if (intake.slices != null) {
            throw new IllegalStateException("recordCounts(good, bad, at) needs budgeting by occurrences, but \""
                    + spec.name() + "\" is budgeted by " + spec.budgeting()
                    + ": its closed slices were judged from counts no longer kept");
        }
        intake.recordAt(now, at.toEpochMilli(), good, bad, false);
    }

    private static void checkCounts(long good, long bad) {
        Args.count(good, Slo.MAX_COUNTS_PER_CALL, "good");
        Args.count(bad, Slo.MAX_COUNTS_PER_CALL, "bad");
        if (good + bad > Slo.MAX_COUNTS_PER_CALL) {
            throw new IllegalArgumentException("good + bad must be at most " + Slo.MAX_COUNTS_PER_CALL
                    + " per call (split larger imports), got " + (good + bad));
        }
    }

    // ---------------------------------------------------------------- timing

    /**
     * Starts timing one event: pass the reading to {@link #stopTimer}. Allocation-free, lock-free.
     *
     * <pre>{@code
     * long started = auth.startTimer();
     * boolean ok = authenticate(request);
     * auth.stopTimer(started, ok);          // latency and bucket from one clock read
     * }</pre>
     *
     * @return a reading in nanoseconds, meaningful only to {@code stopTimer} of an SLO of the same registry
     *     (on the system clock, {@link System#nanoTime()}; under a {@link ManualClock}, its epoch nanoseconds)
     * @throws IllegalStateException if the SLI is a gauge or a deadline SLI, which count readings or runs, not events
     */
    public long startTimer() {
        requireEvents("startTimer");
        return ticks.read();
    }

    /**
     * Records one event timed from {@code started}: its latency is the time since then, and it counts at the
     * same reading, as {@link #record(boolean, long)} would count it. One clock read serves both: on the system
     * clock a {@link System#nanoTime()} anchored to the clock (renewed once a second), under a
     * {@link ManualClock} the clock itself, so the latency is exactly the time it advanced. Allocation-free,
     * lock-free.
     *
     * @param started what {@link #startTimer()} of an SLO of this registry returned
     * @param success whether the work succeeded; for a latency SLI the event is good when it did and the
     *     latency is within the threshold
     * @throws IllegalArgumentException if {@code started} is later than now (a reading of another clock, or a
     *     clock set back); nothing is recorded
     * @throws IllegalStateException if the SLI is a gauge or a deadline SLI (nothing is recorded)
     */
    public void stopTimer(long started, boolean success) {
        requireEvents("stopTimer");
        long end = ticks.read();
        long latency = end - started;
        if (latency < 0) {
            throw new IllegalArgumentException("started must be a startTimer() reading of this registry, not later than now ("
                    + end + "), got " + started);
        }
        intake.recordTimed(success, latency, ticks.millisOf(end));
    }

    /** Records work timed here from {@code started}: a clock set back meanwhile gives a latency of 0, never a lost outcome. */
    private void stopWork(long started, boolean success) {
        long end = ticks.read();
        intake.recordTimed(success, Math.max(0, end - started), ticks.millisOf(end));
    }

    /** Timers count events: a gauge takes readings and a deadline SLI counts runs. */
    private void requireEvents(String method) {
        if (!countsEvents) {
            throw wrongSli(method, "an SLI that counts events (ratio, latency, retries or feedback)");
        }
    }

    /**
     * Runs {@code work}, timed, and records it: good when it returns, bad when it throws (and rethrows
     * what it threw, unchanged).
     *
     * @param work the work to time
     * @param <T>  the type of its result
     * @return what {@code work} returned
     * @throws Exception what {@code work} threw, after counting it bad
     * @throws NullPointerException if {@code work} is null (nothing is recorded)
     * @throws IllegalStateException if the SLI is a gauge or a deadline SLI (the work does not run)
     */
    public <T> T call(Callable<T> work) throws Exception {
        return call(work, OutcomeClassifier.standard());
    }

    /**
     * Runs {@code work}, timed, and records it as {@code classifier} judges the result or the exception
     * (which is rethrown unchanged; an outcome it does not count is not recorded).
     *
     * <pre>{@code
     * Response r = checkout.call(() -> client.send(request), OutcomeClassifier.<Response>standard().badWhen(x -> x.status() >= 500));
     * }</pre>
     *
     * @param work       the work to time
     * @param classifier which results and exceptions count good, bad or not at all
     * @param <T>        the type of its result
     * @return what {@code work} returned
     * @throws Exception what {@code work} threw, after counting it as {@code classifier} says
     * @throws NullPointerException if an argument is null (nothing is recorded)
     * @throws IllegalStateException if the SLI is a gauge or a deadline SLI (the work does not run)
     */
    public <T> T call(Callable<T> work, OutcomeClassifier<? super T> classifier) throws Exception {
        Objects.requireNonNull(work, "work must not be null");
        Objects.requireNonNull(classifier, "classifier must not be null");
        requireEvents("call");
        long started = ticks.read();
        T result;
        try {
            result = work.call();
        } catch (Throwable thrown) {
            stop(started, classifier.ofException(thrown));
            throw thrown;
        }
        OutcomeClassifier.Verdict verdict;
        try {
            verdict = classifier.ofResult(result);
        } catch (RuntimeException | Error e) {
            stop(started, OutcomeClassifier.Verdict.BAD);
            throw e;
        }
        stop(started, verdict);
        return result;
    }

    /**
     * Runs {@code work}, timed, and records it: good when it returns, bad when it throws (and rethrows).
     *
     * <pre>{@code
     * nightlyExport.run(() -> exporter.export(day));
     * }</pre>
     *
     * @param work the work to time
     * @throws NullPointerException if {@code work} is null (nothing is recorded)
     * @throws IllegalStateException if the SLI is a gauge or a deadline SLI (the work does not run)
     */
    public void run(Runnable work) {
        Objects.requireNonNull(work, "work must not be null");
        requireEvents("run");
        long started = ticks.read();
        try {
            work.run();
        } catch (RuntimeException | Error thrown) {
            stopWork(started, false);
            throw thrown;
        }
        stopWork(started, true);
    }

    private void stop(long started, OutcomeClassifier.Verdict verdict) {
        if (verdict != OutcomeClassifier.Verdict.NOT_COUNTED) {
            stopWork(started, verdict == OutcomeClassifier.Verdict.GOOD);
        }
    }

    // ---------------------------------------------------------------- recording: other SLI kinds

    /**
     * Records one gauge reading (queue depth, backlog, processing rate; for a freshness SLI, the data's
     * age in seconds). The slice it falls in is good when every reading in it stays within the
     * gauge's bound. Lock-free, allocation-free.
     *
     * @param reading the gauge's value now, in its own unit (seconds of age for freshness, then {@code >= 0})
     * @throws IllegalStateException if the SLI is not a gauge ({@link Sli#gaugeAtMost},
     *     {@link Sli#gaugeAtLeast}, {@link Sli#freshness})
     * @throws IllegalArgumentException if the SLI is freshness and {@code reading} is negative
     */
    public void observe(long reading) {
        Sli.Gauge g = gauge;
        if (g == null) {
            throw wrongSli("observe", "a gauge SLI (gaugeAtMost, gaugeAtLeast or freshness)");
        }
        if (reading < 0 && g instanceof Sli.Freshness) {
            throw new IllegalArgumentException("reading must be an age in seconds >= 0, got " + reading);
        }
        intake.record(g.withinBound(reading), now());     // readings count as events too: timeline() shows them
        LAST_READING.setRelease(this, Double.doubleToRawLongBits(reading));
    }

    /**
     * Records one data-age reading for a freshness SLI: good when {@code age <= maxAge}, to the
     * millisecond. Allocation-free for the callee.
     *
     * @param age how old the data is now, {@code >= 0}
     * @throws IllegalStateException if the SLI is not {@link Sli#freshness}
     * @throws NullPointerException if {@code age} is null
     * @throws IllegalArgumentException if {@code age} is negative
     */
    public void observeAge(Duration age) {
        if (!(gauge instanceof Sli.Freshness freshness)) {
            throw wrongSli("observeAge", "a freshness SLI");
        }
        Objects.requireNonNull(age, "age must not be null");
        if (age.isNegative()) {
            throw new IllegalArgumentException("age must be >= 0, got " + Durations.format(age));
        }
        long millis = Durations.saturatedMillis(age);
        intake.record(millis <= freshness.maxAgeMillis(), now());
        LAST_READING.setRelease(this, Double.doubleToRawLongBits(millis / 1000.0));
    }

    /**
     * The last reading of a gauge SLI, in the gauge's own unit (for freshness, the data's age in seconds),
     * as recorded by {@link #observe(long)} or {@link #observeAge(Duration)}: what an exporter shows beside
     * the budget. Not part of a snapshot: a restored SLO has none until its next reading.
     *
     * @return the last reading; empty before the first, and for SLIs that are not gauges
     */
    public OptionalDouble lastReading() {
        long bits = (long) LAST_READING.getAcquire(this);
        return bits == NO_READING ? OptionalDouble.empty() : OptionalDouble.of(Double.longBitsToDouble(bits));
    }


    /**
     * Records one operation of a {@link Sli#withinRetries} SLI: good when it succeeded after at most
     * the SLI's number of retries. Lock-free, allocation-free.
     *
     * @param success whether the operation finally succeeded; a failure is bad whatever the retries
     * @param retries how many times it was retried before the outcome, {@code >= 0} (0: first try)
     * @throws IllegalStateException if the SLI is not withinRetries
     * @throws IllegalArgumentException if {@code retries} is negative
     */
    public void recordAttempt(boolean success, int retries) {
        if (!(spec.sli() instanceof Sli.WithinRetries within)) {
            throw wrongSli("recordAttempt", "a withinRetries SLI");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
        intake.record(success && retries <= within.maxRetries(), now());
    }

    /**
     * Records one survey answer from a consuming team: satisfied is good. Lock-free, allocation-free.
     *
     * @param satisfied true when the team was satisfied (a good event), false otherwise (a bad one)
     * @throws IllegalStateException if the SLI is not {@link Sli#feedback}
     */
    public void recordFeedback(boolean satisfied) {
        if (!(spec.sli() instanceof Sli.Feedback)) {
            throw wrongSli("recordFeedback", "a feedback SLI");
        }
        intake.record(satisfied, now());
    }

    /**
     * Records one incident report from a consuming team: a bad event. Lock-free, allocation-free.
     *
     * @throws IllegalStateException if the SLI is not {@link Sli#feedback}
     */
    public void recordIncidentReport() {
        if (!(spec.sli() instanceof Sli.Feedback)) {
            throw wrongSli("recordIncidentReport", "a feedback SLI");
        }
        intake.record(false, now());
    }

    /**
     * Starts one run of a scheduled job under a {@link Sli#deadline} SLI; report it with
     * {@link JobRun#complete()} or {@link JobRun#fail()}. A run that has not reported when its
     * deadline passes counts bad. Allocates the run (not a per-event hot path).
     *
     * @return the run, started at the current clock reading, to be reported once
     * @throws IllegalStateException if the SLI is not a deadline SLI, or {@value RunTracker#MAX_RUNS}
     *     runs are already in flight
     */
    public JobRun startRun() {
        if (runs == null) {
            throw wrongSli("startRun", "a deadline SLI");
        }
        return runs.start((Slo) this, now());      // sealed: this is a Slo
    }

    /** Counts a run's report; see {@link JobRun#complete()}. */
    boolean reportRun(JobRun run, boolean completed) {
        return runs.finish(run, completed, now());
    }

    private IllegalStateException wrongSli(String method, String needed) {
        Sli sli = spec.sli();
        return new IllegalStateException(method + " needs " + needed + ", but \"" + name() + "\" has the "
                + sli.getClass().getSimpleName() + " SLI (" + sli.describe() + ")");
    }

    /**
     * The clock's reading in epoch milliseconds, saturated at the last one the recorders can bucket
     * (about 292 million years from now), so that no reading is lost to an overflowing bucket end.
     */
    final long now() {
        return Math.min(clock.millis(), EventRecorder.LAST_MILLIS);
    }
}
