package dev.slo;

import dev.slo.engine.Durations;
import dev.slo.engine.Buckets;
import dev.slo.engine.EventRecorder;
import dev.slo.engine.Ledger;
import dev.slo.engine.SliceRecorder;
import dev.slo.engine.Tally;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered SLO: record outcomes into it, ask it about its error budget.
 *
 * <pre>{@code
 * checkout.record(true);                          // one good event
 * auth.record(ok, System.nanoTime() - started);   // success flag and latency in nanoseconds
 * ErrorBudget budget = checkout.errorBudget();
 * double burn = checkout.burnRate(Duration.ofHours(1));
 * List<BurnRateAlert> firing = checkout.alerts();
 * Duration p99 = auth.latencyPercentile(0.99, Duration.ofHours(1));   // latency SLIs only
 * }</pre>
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe. The {@code record} methods are lock-free and
 * allocate nothing: one clock read, one volatile read and one atomic add in the common case (two for a
 * latency SLI: the count and the latency bin). Queries
 * take a lock that writers never wait on, and cost O(buckets in the window): microseconds.
 *
 * <p><b>Time.</b> An event counts at the reading of the registry's clock taken when it is recorded. A
 * window or look-back {@code w} queried at clock reading {@code now} covers the events recorded in
 * {@code (now - w, now]}; buckets may blur that edge by at most one bucket of the finest tier that
 * covers {@code w} (10 seconds up to 6 minutes, 1 minute up to 6 hours, 1 hour beyond).
 *
 * <p><b>Time slices.</b> With {@link Budgeting#timeslices} or {@link Budgeting#ratioTimeslices}
 * budgeting, {@link #errorBudget()}, {@link #burnRate}, {@link #timeToExhaustion} and {@link #alerts()}
 * count slices: total = slices that had data, bad = bad slices. Slice {@code k} covers
 * {@code [k*len, (k+1)*len)} in epoch milliseconds and counts once the clock reaches its end; a window
 * or look-back {@code w} holds the slices whose start is at or after {@code now - w}, to within one
 * bucket of the finest tier that covers {@code w}. Gauge SLIs take readings with {@link #observe(long)};
 * {@link #startRun()}, {@link #recordAttempt}, {@link #recordFeedback} and {@link #recordIncidentReport()}
 * serve the deadline, retries and feedback SLIs. A method for another SLI kind throws
 * {@link IllegalStateException} naming the SLO and its SLI.
 */
public final class Slo {
    /**
     * The most events one {@link #recordCounts} call may carry, good and bad together: 2^30
     * (1,073,741,824). Split larger imports into several calls. The bound keeps one call within the
     * headroom of the recorder's 32-bit striped cells (and a call from looping for ever on a huge count).
     */
    public static final long MAX_COUNTS_PER_CALL = 1L << 30;

    private final SloRegistry registry;
    private final Clock clock;
    private final EventRecorder recorder;
    /** Long.MAX_VALUE for SLIs without a latency threshold: every successful event is good. */
    private final long latencyThresholdNanos;
    private volatile SloSpec spec;
    /** Guards every change of {@link #spec} (revisions, exclusions): read-modify-write under it, readers need not take it. */
    private final Object specLock = new Object();
    /** The revisions and the decision rights that guard them; added to under specLock. */
    private final Revisions revisions = new Revisions();
    /** The longest look-back the recorders keep: sizes the excluded-events recorder too. */
    private final Duration longestLookBack;
    /** Decides which events fall in an exclusion: one volatile read on the hot path (see ExclusionGate). */
    private volatile ExclusionGate gate;

    private static final VarHandle GATE;

    static {
        try {
            GATE = MethodHandles.lookup().findVarHandle(Slo.class, "gate", ExclusionGate.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    /** The slice recorder for time-slice budgeting; null when events count one by one. */
    private final SliceRecorder slices;
    /** What the budget counts, picked once: the slice recorder under time-slice budgeting, else the events. */
    private final Ledger ledger;
    /** The gauge a reading is judged by; null unless the SLI is a gauge. */
    private final Sli.Gauge gauge;
    /** The runs in flight of a deadline SLI; null otherwise. */
    private final RunTracker runs;

    Slo(SloRegistry registry, Clock clock, SloSpec spec) {
        this.registry = registry;
        this.clock = clock;
        this.spec = spec;
        this.latencyThresholdNanos = spec.sli() instanceof Sli.Latency latency ? latency.thresholdNanos() : Long.MAX_VALUE;
        Duration longest = spec.window().maxLength();
        if (spec.alertPolicy().longestWindow().compareTo(longest) > 0) {
            longest = spec.alertPolicy().longestWindow();
        }
        this.recorder = spec.sli() instanceof Sli.Latency
                ? EventRecorder.keepingLatency(clock, longest)
                : new EventRecorder(clock, longest);
        this.longestLookBack = longest;
        Window window = spec.window();
        if (!(window instanceof Window.Rolling)) {        // calendar periods may start inside an hour (Asia/Kolkata)
            recorder.trackPeriodStarts(t -> window.start(Instant.ofEpochMilli(t)).toEpochMilli());
        }
        this.gate = spec.exclusions().isEmpty()
                ? ExclusionGate.open(null)
                : ExclusionGate.at(spec.exclusions(), EventRecorder.hourly(clock, longest), now());
        this.slices = sliceRecorder(clock, spec, longest);
        this.ledger = slices != null ? slices : recorder;
        this.gauge = spec.sli() instanceof Sli.Gauge g ? g : null;
        this.runs = spec.sli() instanceof Sli.Deadline d ? new RunTracker(this::countExpiredRun, d.deadline().toMillis()) : null;
    }

    private static SliceRecorder sliceRecorder(Clock clock, SloSpec spec, Duration longest) {
        if (spec.budgeting() instanceof Budgeting.Timeslices t) {
            return new SliceRecorder(clock, t.slice().toMillis(), t.sliceTarget(), false, longest);
        }
        if (spec.budgeting() instanceof Budgeting.RatioTimeslices r) {
            return new SliceRecorder(clock, r.slice().toMillis(), 1.0, true, longest);
        }
        return null;
    }

    /** {@return the current definition, immutable (a revision replaces it; see {@link #revise})} */
    public SloSpec spec() {
        return spec;
    }

    /** {@return the SLO's name, unique in its registry} */
    public String name() {
        return spec.name();
    }

    /** {@return the registry this SLO belongs to, whose clock it reads} */
    public SloRegistry registry() {
        return registry;
    }

    // ---------------------------------------------------------------- recording (the hot path)

    /**
     * Records one event, good or bad. For a latency SLI the flag alone decides.
     * Lock-free, allocation-free.
     *
     * @param good true for a good event, false for a bad one
     */
    public void record(boolean good) {
        long now = now();
        EventRecorder target = recorderAt(now);
        target.record(good, now);
        if (slices != null && target == recorder) {       // excluded events do not count in slices either
            slices.record(now, good ? 1 : 0, 1);
        }
    }

    /**
     * Records one event with its latency. For a latency SLI the event is good when {@code success}
     * and {@code latencyNanos <= threshold}, and the latency joins the SLO's latency distribution (see
     * {@link #latency(Duration)}); a ratio SLI ignores the latency. Lock-free, allocation-free.
     *
     * @param success      whether the event succeeded; a failed event is bad whatever its latency
     * @param latencyNanos how long the event took, in nanoseconds, {@code >= 0}
     * @throws IllegalArgumentException if {@code latencyNanos} is negative (nothing is recorded)
     */
    public void record(boolean success, long latencyNanos) {
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("latencyNanos must be >= 0, got " + latencyNanos);
        }
        long now = now();
        boolean good = success & latencyNanos <= latencyThresholdNanos;
        EventRecorder target = recorderAt(now);
        target.record(good, success, latencyNanos, now);
        if (slices != null && target == recorder) {       // excluded events do not count in slices either
            slices.record(now, good ? 1 : 0, 1);
        }
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
     * @param good good events, from 0 to {@link #MAX_COUNTS_PER_CALL}
     * @param bad  bad events, from 0 to {@link #MAX_COUNTS_PER_CALL}
     * @throws IllegalArgumentException if a count is negative, or {@code good + bad} exceeds
     *     {@link #MAX_COUNTS_PER_CALL} (nothing is recorded)
     */
    public void recordCounts(long good, long bad) {
        if (good < 0 || good > MAX_COUNTS_PER_CALL) {
            throw new IllegalArgumentException("good must be in [0, " + MAX_COUNTS_PER_CALL + "], got " + good);
        }
        if (bad < 0 || bad > MAX_COUNTS_PER_CALL) {
            throw new IllegalArgumentException("bad must be in [0, " + MAX_COUNTS_PER_CALL + "], got " + bad);
        }
        if (good + bad > MAX_COUNTS_PER_CALL) {
            throw new IllegalArgumentException("good + bad must be at most " + MAX_COUNTS_PER_CALL
                    + " per call (split larger imports), got " + (good + bad));
        }
        long now = now();
        EventRecorder target = recorderAt(now);
        target.recordCounts(good, bad, now);
        if (slices != null && target == recorder) {
            recordSliceCounts(good, bad, now);
        }
    }

    private void recordSliceCounts(long good, long bad, long now) {
        while (good > 0 || bad > 0) {
            long g = Math.min(good, SliceRecorder.MAX_BATCH / 2);
            long b = Math.min(bad, SliceRecorder.MAX_BATCH / 2);
            good -= g;
            bad -= b;
            slices.record(now, g, g + b);
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
        countReading(g.withinBound(reading));
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
        countReading(Durations.saturatedMillis(age) <= freshness.maxAgeMillis());
    }

    private void countReading(boolean good) {
        long now = now();
        EventRecorder target = recorderAt(now);
        target.record(good, now);                         // readings as events: timeline() shows them
        if (target == recorder) {
            slices.record(now, good ? 1 : 0, 1);          // a gauge SLO always has a slice recorder (SloBuilder)
        }
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
        record(success && retries <= within.maxRetries());
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
        record(satisfied);
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
        record(false);
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
        return runs.start(this, now());
    }

    /** Counts a run's report; see {@link JobRun#complete()}. */
    boolean reportRun(JobRun run, boolean completed) {
        long now = now();
        runs.sweep(now, false);
        if (runs.report(run, completed ? JobRun.COMPLETED : JobRun.FAILED)) {
            boolean good = completed && now <= run.deadlineMillis();
            record(good);
            return good;
        }
        if (run.state() == JobRun.EXPIRED) {
            return false;                                 // already counted bad when its deadline passed
        }
        throw new IllegalStateException(run + " was already " + (run.state() == JobRun.COMPLETED ? "completed" : "failed")
                + ": report a run once");
    }

    private IllegalStateException wrongSli(String method, String needed) {
        Sli sli = spec.sli();
        return new IllegalStateException(method + " needs " + needed + ", but \"" + name() + "\" has the "
                + sli.getClass().getSimpleName() + " SLI (" + sli.describe() + ")");
    }

    /**
     * Counts a run that never reported bad at its deadline, in the recorder a live event read at the
     * deadline goes to: excluded when an exclusion is active then. Called by the run tracker's sweep.
     */
    private void countExpiredRun(long now, long deadlineMillis) {
        // A deadline SLI always counts occurrences (SloBuilder), so there is no slice recorder to feed.
        routeAt(deadlineMillis).recordAt(now, deadlineMillis, 0, 1);
    }

    private void expireRuns(long now) {
        if (runs != null) {
            runs.sweep(now, true);
        }
    }

    // ---------------------------------------------------------------- queries

    /** {@return the error budget over the SLO's window, as of the registry clock's current reading} */
    public ErrorBudget errorBudget() {
        return errorBudget(now());
    }

    /** {@link #errorBudget()} as of {@code now}, for readers that answer a whole query at one clock reading. */
    ErrorBudget errorBudget(long now) {
        SloSpec current = spec;
        Tally t = tally(current.window(), now);
        boolean ratio = current.budgeting() instanceof Budgeting.RatioTimeslices;
        return ratio ? ErrorBudget.ofSliceRatios(t.total(), t.good(), current.target(), t.clampedRatioSum())
                : new ErrorBudget(t.total(), t.good(), current.target(), current.budgetFraction());
    }

    /**
     * The burn rate over the last {@code lookBack}: {@code (bad / total) / (1 - target)} among the events
     * of {@code (now - lookBack, now]}; 0.0 when there were none. 1.0 spends the budget exactly by the
     * window's end; 14.4 over 1 hour spends 2% of a 30-day budget.
     *
     * @param lookBack positive, at most the history the SLO keeps (its window plus a day, at least 31 days)
     * @return the burn rate, at least 0
     * @throws NullPointerException if {@code lookBack} is null
     * @throws IllegalArgumentException if {@code lookBack} is not positive or longer than the history kept
     */
    public double burnRate(Duration lookBack) {
        long lookBackMillis = lookBackMillis(lookBack, "lookBack");   // rejects before anything is counted
        return tally(now(), lookBackMillis)[0].errorRatio() / spec.budgetFraction();
    }

    /**
     * How long until the budget is gone if the burn of the last {@code lookBack} goes on:
     * {@code remaining * windowLength / burnRate(lookBack)}. Empty when that burn rate is 0 or the
     * budget is already gone.
     *
     * @param lookBack the look-back whose burn rate is projected; positive, at most the history the SLO keeps
     * @return the time left at that burn (saturating at the longest Duration), or empty
     * @throws NullPointerException if {@code lookBack} is null
     * @throws IllegalArgumentException if {@code lookBack} is not positive or longer than the history kept
     */
    public Optional<Duration> timeToExhaustion(Duration lookBack) {
        double burn = burnRate(lookBack);
        ErrorBudget budget = errorBudget();
        if (burn <= 0 || budget.remaining() <= 0) {
            return Optional.empty();
        }
        Duration windowLength = spec.window().length(clock.instant());
        double nanos = budget.remaining() * windowLength.toNanos() / burn;
        return Optional.of(Durations.ofNanosSaturated(nanos));
    }

    /**
     * The burn-rate rules of the SLO's {@link AlertPolicy} that fire now: the burn over the rule's long
     * window and over its short window both at or above {@link BurnRateRule#threshold(Duration)} for the
     * window's length (and the long window holding at least the policy's minimum of events), in the
     * policy's order.
     *
     * @return the alerts firing now, an unmodifiable list; empty when none fires
     */
    public List<BurnRateAlert> alerts() {
        return alerts(now());
    }

    /** {@link #alerts()} as of {@code now}, for readers that answer a whole query at one clock reading. */
    List<BurnRateAlert> alerts(long now) {
        SloSpec current = spec;
        AlertPolicy policy = current.alertPolicy();
        Tally[] tallies = tally(now, RuleEvaluation.lookBacks(policy.rules()));
        Duration windowLength = current.window().length(Instant.ofEpochMilli(now));
        List<BurnRateAlert> firing = new ArrayList<>();
        for (RuleEvaluation.Firing fired : RuleEvaluation.firing(policy, windowLength, current.budgetFraction(),
                RuleEvaluation.Seen.of(tallies))) {
            firing.add(fired.alert(this));
        }
        return List.copyOf(firing);
    }

    /**
     * The SLO's history as buckets of {@code resolution} over the last {@code lookBack}, oldest first;
     * the last bucket is the one still open. Buckets are aligned to multiples of {@code resolution}
     * since the epoch.
     *
     * @param resolution a multiple of 10 s (up to 6 min of look-back), 1 min (up to 6 h) or 1 h (up to the history kept)
     * @param lookBack   positive, at most the history the SLO keeps
     * @return the buckets, oldest first, each {@code resolution} long; buckets without events have zero counts
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is not positive, {@code lookBack} is longer than the
     *     history kept, or no kept resolution fits
     */
    public List<TimeBucket> timeline(Duration resolution, Duration lookBack) {
        return timeline(resolution, lookBack, now());
    }

    /** {@link #timeline(Duration, Duration)} as of {@code now}, for readers that answer a whole query at one clock reading. */
    List<TimeBucket> timeline(Duration resolution, Duration lookBack, long now) {
        long resolutionMillis = lookBackMillis(resolution, "resolution");
        long lookBackMillis = lookBackMillis(lookBack, "lookBack");
        Buckets counts = eventBuckets(now, resolutionMillis, lookBackMillis);
        List<TimeBucket> buckets = new ArrayList<>(counts.tallies().size());
        for (int i = 0; i < counts.tallies().size(); i++) {
            Tally t = counts.tallies().get(i);
            buckets.add(new TimeBucket(Instant.ofEpochMilli(counts.firstStartMillis() + i * resolutionMillis), resolution,
                    t.good(), t.total()));
        }
        return List.copyOf(buckets);
    }

    // ---------------------------------------------------------------- revisions and decision rights

    /**
     * Changes the target, under the decision rights below, and records who, when, from, to and why.
     * Every recorded event is kept; the budget, burn rates and alerts are computed against the new
     * target from the next query on.
     *
     * <pre>{@code
     * checkout.revise(0.995, Owner.engineering("payments-eng"), "too strict"); // throws DecisionRightsException
     * checkout.revise(0.995, Owner.product("payments-pm"), "agreed in review"); // allowed
     * }</pre>
     *
     * <p>Who may: an actor matches an owner when name and role are both equal
     * ({@code Owner.team(x)} equals {@code Owner.engineering(x)}). On a {@link Audience#CUSTOMER} SLO,
     * lowering the target needs a matching {@link Owner.Role#PRODUCT} owner, raising it any matching
     * owner. On an {@link Audience#INTERNAL} SLO, any matching owner. Thread-safe; revisions of one SLO
     * are applied one at a time, and never block recording.
     *
     * @param newTarget the new objective, a fraction in (0,1), different from the current one
     * @param actor     who makes the change
     * @param reason    why, in words a later reader understands; not blank, without control characters
     * @return the revision recorded
     * @throws NullPointerException if {@code actor} or {@code reason} is null
     * @throws IllegalArgumentException if {@code newTarget} is not in (0,1) or equals the current target,
     *     or {@code reason} is blank or holds a control character
     * @throws DecisionRightsException if {@code actor} may not make this change (nothing changes)
     */
    public Revision revise(double newTarget, Owner actor, String reason) {
        Targets.checkTarget(newTarget, "newTarget");
        Objects.requireNonNull(actor, "actor must not be null");
        Args.requireWords(reason, "reason");
        synchronized (specLock) {
            SloSpec current = spec;
            Revision revision = revisions.add(current, newTarget, actor, reason, clock.instant());
            spec = current.withTarget(newTarget);
            return revision;
        }
    }

    /** {@return every revision of this SLO, oldest first: a snapshot, empty if its target never changed} */
    public List<Revision> revisions() {
        return revisions.log();
    }

    /**
     * Adds a maintenance window while the SLO runs: events recorded from now on while it is active do
     * not count against the budget, burn rates or alerts (they count in {@link #excludedEvents()}).
     * Events already recorded keep counting as they did. Ended one-off exclusions older than the
     * history the SLO keeps are dropped from the spec.
     *
     * @param exclusion the maintenance window to add, one-off or weekly
     * @throws NullPointerException if {@code exclusion} is null
     * @throws IllegalArgumentException if the SLO already has this exclusion, or would hold more than
     *     {@link SloSpec#MAX_EXCLUSIONS}
     */
    public void exclude(Exclusion exclusion) {
        Objects.requireNonNull(exclusion, "exclusion must not be null");
        synchronized (specLock) {
            SloSpec current = spec;
            long now = now();
            SloSpec revised = current.withExclusions(ExclusionGate.adding(current, exclusion, now - recorder.historyMillis()));
            EventRecorder excluded = gate.excludedRecorder;
            if (excluded == null) {
                excluded = EventRecorder.hourly(clock, longestLookBack);
            }
            spec = revised;
            gate = ExclusionGate.at(revised.exclusions(), excluded, now);   // a writer's CAS from the old gate now fails
        }
    }

    /**
     * The events recorded during exclusions within the SLO's window, as of now: counted apart, never
     * in {@link #errorBudget()}. 0 when the SLO has no exclusions. Kept in hourly buckets (to keep the
     * SLO small), so the window's edge may blur by up to one hour.
     *
     * @return the excluded events in the window, at least 0
     */
    public long excludedEvents() {
        EventRecorder excluded = gate.excludedRecorder;
        if (excluded == null) {
            return 0;
        }
        long now = now();
        expireRuns(now);                                  // a run may expire into an exclusion
        Window window = spec.window();
        Tally counts = window instanceof Window.Rolling rolling
                ? excluded.lookBacks(now, rolling.length().toMillis())[0]
                : excluded.since(now, window.start(Instant.ofEpochMilli(now)).toEpochMilli());
        return counts.total();
    }

    /**
     * How the SLO fared on each of the last {@link Adherence#DAYS} whole days (UTC), and, when it missed
     * its target durably, the target it actually achieves. Excluded events do not count.
     *
     * @return the adherence, judged against the current target, its days oldest first
     */
    public Adherence adherence() {
        SloSpec current = spec;
        long now = now();
        long day = Duration.ofDays(1).toMillis();
        long firstDay = Math.floorDiv(now, day) - Adherence.DAYS;
        // buckets() covers (now - lookBack, now]: this look-back makes its first bucket firstDay exactly.
        Buckets counts = eventBuckets(now, day, now - (firstDay * day - 1));
        List<DailyAttainment> days = new ArrayList<>(Adherence.DAYS);
        for (int i = 0; i < Adherence.DAYS; i++) {                 // the last bucket, today, is not whole yet
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(counts.firstStartMillis(), day) + i);
            Tally t = counts.tallies().get(i);
            days.add(DailyAttainment.of(date, t.good(), t.total(), current.target()));
        }
        return new Adherence(current.name(), current.target(), days);
    }

    // ---------------------------------------------------------------- latency distribution (latency SLIs)

    /**
     * The latencies recorded over the last {@code lookBack}, from the SLO's log-linear latency histogram:
     * count, percentiles, what-if attainment. Look-backs up to 1 hour are resolved to 5 minutes, up to 1 day
     * to 1 hour, longer ones to 1 day (the far edge of the look-back may blur by one such bucket). Events
     * recorded during an exclusion are not part of it, as they are not part of the budget.
     *
     * <pre>{@code
     * Duration p99 = auth.latency(Duration.ofHours(1)).percentile(0.99);
     * }</pre>
     *
     * @param lookBack positive, at most the history the SLO keeps
     * @return the distribution of the look-back's latencies; its counts are 0 when none was recorded
     * @throws NullPointerException if {@code lookBack} is null
     * @throws IllegalArgumentException if {@code lookBack} is not positive or longer than the history kept
     * @throws IllegalStateException if the SLI is not a latency SLI (a ratio SLI keeps no latencies)
     */
    public LatencyDistribution latency(Duration lookBack) {
        long millis = lookBackMillis(lookBack, "lookBack");
        if (!recorder.keepsLatency()) {
            throw new IllegalStateException("SLO " + name() + " keeps no latency distribution: its SLI is "
                    + spec.sli().getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " (" + spec.sli().describe()
                    + "); latency percentiles need Sli.latency(threshold)");
        }
        return new LatencyDistribution(recorder.latencyCounts(now(), millis));
    }

    /**
     * The latency at {@code quantile} over the last {@code lookBack}, e.g. {@code latencyPercentile(0.99,
     * Duration.ofHours(1))} for "p99 over the last hour": within 1/64 (1.6%) of the true value, over the
     * successful events recorded with a latency; {@link Duration#ZERO} when there were none.
     *
     * @param quantile a fraction in (0,1]
     * @param lookBack positive, at most the history the SLO keeps
     * @return the latency at that quantile, at least 0
     * @throws IllegalArgumentException if {@code quantile} is not in (0,1] or {@code lookBack} is bad
     * @throws NullPointerException if {@code lookBack} is null
     * @throws IllegalStateException if the SLI is not a latency SLI
     * @see LatencyDistribution#percentile(double)
     */
    public Duration latencyPercentile(double quantile, Duration lookBack) {
        LatencyDistribution.checkQuantile(quantile);
        return latency(lookBack).percentile(quantile);
    }

    /**
     * What-if: the attainment over the last {@code lookBack} had the SLI's threshold been {@code threshold}
     * (successful events within it over all events recorded with a latency; 1.0 when there were none).
     *
     * @param threshold the hypothetical latency threshold, at least 0
     * @param lookBack  positive, at most the history the SLO keeps
     * @return the attainment, in [0,1]
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code threshold} is negative or {@code lookBack} is bad
     * @throws IllegalStateException if the SLI is not a latency SLI
     * @see LatencyDistribution#attainmentAt(Duration)
     */
    public double attainmentAt(Duration threshold, Duration lookBack) {
        LatencyDistribution.thresholdNanos(threshold);
        return latency(lookBack).attainmentAt(threshold);
    }

    /**
     * The latency threshold the service really met at {@code target} over the last {@code lookBack}:
     * conservative, at most 1/32 above the smallest threshold that would have met it. Empty when failures
     * alone exceed {@code 1 - target}, or nothing was recorded with a latency.
     *
     * @param target   a fraction in (0,1]
     * @param lookBack positive, at most the history the SLO keeps
     * @return the threshold met, or empty
     * @throws IllegalArgumentException if {@code target} is not in (0,1] or {@code lookBack} is bad
     * @throws NullPointerException if {@code lookBack} is null
     * @throws IllegalStateException if the SLI is not a latency SLI
     * @see LatencyDistribution#thresholdMet(double)
     */
    public Optional<Duration> thresholdMet(double target, Duration lookBack) {
        Args.fractionUpToOne(target, "target");
        return latency(lookBack).thresholdMet(target);
    }

    /** {@return approximately how many bytes this SLO's recorders hold: bounded, whatever the traffic} */
    public long footprintBytes() {
        EventRecorder excluded = gate.excludedRecorder;
        return recorder.footprintBytes() + (excluded == null ? 0 : excluded.footprintBytes())
                + (slices == null ? 0 : slices.footprintBytes());
    }

    @Override
    public String toString() {
        SloSpec s = spec;
        return "Slo[" + s.name() + ", " + s.audience() + ", target " + s.target() + ", " + s.window() + "]";
    }

    // ---------------------------------------------------------------- helpers

    /** The SLO's own event recorder, for tests of the recorder; readers go through the tally methods below. */
    EventRecorder recorder() {
        return recorder;
    }

    /** The slice recorder of a time-slice SLO (null otherwise), for tests of the recorder. */
    SliceRecorder sliceRecorder() {
        return slices;
    }

    // ---------------------------------------------------------------- the one read path

    /*
     * Every reader of this SLO's counts (its own queries, cascades, reports, lint) reads through the three
     * methods below. Each first sweeps the runs of a deadline SLI whose deadline has passed unreported, so
     * every reader sees the same, swept state; the tallies count as the budget does (events, or slices
     * for time-slice budgeting). Look-backs and window starts beyond the history kept are clamped to it.
     */

    /** The counts over {@code window} (this SLO's or another's, e.g. a cascade root's) as of {@code now}. */
    Tally tally(Window window, long now) {
        expireRuns(now);
        long history = ledger.historyMillis();
        if (window instanceof Window.Rolling rolling) {
            return ledger.lookBacks(now, Math.min(rolling.length().toMillis(), history))[0];
        }
        return ledger.since(now, Math.max(window.start(Instant.ofEpochMilli(now)).toEpochMilli(), now - history));
    }

    /** The counts over each look-back, in ms, as of {@code now}, in one consistent view. */
    Tally[] tally(long now, long... lookBackMillis) {
        expireRuns(now);
        long history = ledger.historyMillis();
        long[] clamped = new long[lookBackMillis.length];
        for (int i = 0; i < clamped.length; i++) {
            clamped[i] = Math.min(lookBackMillis[i], history);
        }
        return ledger.lookBacks(now, clamped);
    }

    /**
     * The event buckets of {@code resolutionMillis} over {@code (now - lookBack, now]} (see
     * {@link EventRecorder#buckets}): events, also under slice budgeting, as {@link #timeline} shows them.
     */
    Buckets eventBuckets(long now, long resolutionMillis, long lookBackMillis) {
        expireRuns(now);
        return recorder.buckets(now, resolutionMillis, lookBackMillis);
    }

    /** The longest look-back the tallies answer without clamping. */
    long historyMillis() {
        return ledger.historyMillis();
    }

    /** The recorder an event read at {@code now} goes to: the SLO's own, or the excluded one. Lock-free. */
    private EventRecorder recorderAt(long now) {
        ExclusionGate g = gate;                           // volatile read
        if (!g.covers(now)) {
            g = refreshGate(g, now);                      // only at the edges of exclusions: allocates then
        }
        return now >= g.start ? g.excludedRecorder : recorder;
    }

    /**
     * The recorder an event read at the earlier instant {@code at} would have gone to, decided by the
     * SLO's exclusions as {@link #recorderAt} decides a live event. Publishes no gate: the writers' gate
     * stays the one for now.
     */
    private EventRecorder routeAt(long at) {
        ExclusionGate g = gate;                           // volatile read
        if (!g.covers(at)) {
            g = ExclusionGate.at(g.exclusions, g.excludedRecorder, at);
        }
        return at >= g.start ? g.excludedRecorder : recorder;
    }

    /** Builds the gate for {@code now} from the exclusions of {@code seen}; publishes it unless the exclusions changed. */
    private ExclusionGate refreshGate(ExclusionGate seen, long now) {
        ExclusionGate fresh = ExclusionGate.at(seen.exclusions, seen.excludedRecorder, now);
        GATE.compareAndSet(this, seen, fresh);            // losing is fine: this event is decided by fresh
        return fresh;
    }

    /**
     * The clock's reading in epoch milliseconds, saturated at the last one the recorders can bucket
     * (about 292 million years from now), so that no reading is lost to an overflowing bucket end.
     */
    long now() {
        return Math.min(clock.millis(), EventRecorder.LAST_MILLIS);
    }

    static double burnRate(long good, long total, double budgetFraction) {
        return total == 0 ? 0.0 : ((double) (total - good) / total) / budgetFraction;
    }

    /** A burn "reaches" a threshold allowing for the last bits of floating error (14.399999... reaches 14.4). */
    static boolean reaches(double burn, double threshold) {
        return burn >= threshold * (1 - 1e-9);
    }

    private long lookBackMillis(Duration lookBack, String name) {
        Objects.requireNonNull(lookBack, name + " must not be null");
        if (lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + Durations.format(lookBack));
        }
        long millis = Durations.saturatedMillis(lookBack);
        if (millis > recorder.historyMillis()) {
            throw new IllegalArgumentException(name + " must be at most "
                    + Durations.format(Duration.ofMillis(recorder.historyMillis())) + " (the history this SLO keeps), got " + Durations.format(lookBack));
        }
        if (millis == 0) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + Durations.format(lookBack));
        }
        return millis;
    }
}
