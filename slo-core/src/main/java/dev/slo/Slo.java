package dev.slo;

import dev.slo.engine.EventRecorder;
import dev.slo.engine.RecorderCounts;
import dev.slo.engine.SliceRecorder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * allocate nothing: one clock read, one volatile read and one atomic add in the common case (for a
 * latency SLI, one add both counts the event and bins its latency). Queries take a lock that writers never wait on, and cost
 * O(buckets in the window): microseconds.
 *
 * <p><b>Time.</b> An event counts at the reading of the registry's clock taken when it is recorded. A
 * window or look-back {@code w} queried at clock reading {@code now} covers the events recorded in
 * {@code (now - w, now]}; buckets may blur that edge by at most one bucket of the finest tier that
 * covers {@code w} (10 seconds up to 6 minutes, 1 minute up to 6 hours, 5 minutes up to a day, 1 hour
 * beyond). Under time-slice {@link Budgeting} the budget, burn rates and alerts count slices instead.
 *
 * <p><b>SLI kinds.</b> Gauges take readings with {@link #observe(long)}; {@link #startRun()},
 * {@link #recordAttempt}, {@link #recordFeedback} and {@link #recordIncidentReport()} serve the deadline,
 * retries and feedback SLIs. A method for another SLI kind throws {@link IllegalStateException} naming
 * the SLO and its SLI.
 */
public final class Slo extends SloRecording {
    /**
     * The most events one {@link #recordCounts} call may carry, good and bad together: 2^30
     * (1,073,741,824). Split larger imports into several calls. The bound keeps one call within the
     * headroom of the recorder's 32-bit striped cells (and a call from looping for ever on a huge count).
     */
    public static final long MAX_COUNTS_PER_CALL = 1L << 30;

    private final SloRegistry registry;
    /** Guards every change of the spec (revisions, exclusions): read-modify-write under it, readers need not take it. */
    private final Object specLock = new Object();
    /** The revisions and the decision rights that guard them; added to under specLock. */
    private final Revisions revisions = new Revisions();
    /** The one read path and the queries' answers. */
    private final SloQueries queries;
    /** The groups of a grouped SLO; null for an SLO that is not grouped, and for a group. */
    private final SloGroups groups;
    /** The whole SLO a group belongs to; null unless this is a group. */
    private final Slo whole;
    /** The label value of a group; null unless this is a group. */
    private final String groupValue;

    Slo(SloRegistry registry, Clock clock, SloSpec spec, Grouping grouping) {
        super(clock, registry.ticks(), spec, null);
        this.registry = registry;
        this.queries = new SloQueries(this, intake, runs);
        this.groups = grouping == null ? null : new SloGroups(this, grouping);
        this.whole = null;
        this.groupValue = null;
    }

    /** A group of {@code whole}: the whole's definition, its own recorders, every event counted in the whole too. */
    private Slo(Slo whole, String groupValue) {
        super(whole.clock, whole.registry.ticks(), whole.spec, whole.intake);
        this.registry = whole.registry;
        this.queries = new SloQueries(this, intake, runs);
        this.groups = null;
        this.whole = whole;
        this.groupValue = groupValue;
    }

    /** {@return the registry this SLO belongs to, whose clock it reads} */
    public SloRegistry registry() {
        return registry;
    }

    // ---------------------------------------------------------------- queries

    /** {@return the error budget over the SLO's window, as of the registry clock's current reading} */
    public ErrorBudget errorBudget() {
        return queries.errorBudget(now());
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
        return queries.burnRate(queries.lookBackMillis(lookBack, "lookBack"), now());
    }

    /**
     * How long until the budget is gone if the burn of the last {@code lookBack} goes on:
     * {@code remaining * windowLength / burnRate(lookBack)}. Empty when that burn rate is 0 or the
     * budget is already gone.
     *
     * @param lookBack the look-back whose burn rate is projected, as for {@link #burnRate}
     * @return the time left at that burn (saturating at the longest Duration), or empty
     * @throws NullPointerException if {@code lookBack} is null
     * @throws IllegalArgumentException if {@code lookBack} is not positive or longer than the history kept
     */
    public Optional<Duration> timeToExhaustion(Duration lookBack) {
        return queries.timeToExhaustion(queries.lookBackMillis(lookBack, "lookBack"), now());
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
        return queries.alerts(now());
    }

    /**
     * The SLO's history as buckets of {@code resolution} over the last {@code lookBack}, oldest first;
     * the last bucket is the one still open. Buckets are aligned to multiples of {@code resolution}
     * since the epoch.
     *
     * @param resolution a multiple of 10 s (up to 6 min of look-back), 1 min (up to 6 h), 5 min (up to a
     *     day) or 1 h (up to the history kept)
     * @param lookBack   positive, at most the history the SLO keeps
     * @return the buckets, oldest first, each {@code resolution} long; buckets without events have zero counts
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is not positive, {@code lookBack} is longer than the
     *     history kept, or no kept resolution fits
     */
    public List<TimeBucket> timeline(Duration resolution, Duration lookBack) {
        return queries.timeline(resolution, lookBack, now());
    }
    /**
     * Whether releases may go on, by the SLO's {@link ErrorBudgetPolicy} (by default the SRE Workbook's:
     * releases stop while the window's budget is spent, and resume once it is back above zero), as of now.
     *
     * <pre>{@code
     * ReleaseDecision d = checkout.releaseDecision();
     * if (!d.allowed()) log.warn(d.reason());   // "\"checkout\" stops releases: -20.0% of its rolling 30d error budget left, ..."
     * }</pre>
     *
     * @return the decision, with a reason naming the SLO, the budget left and the policy's rule
     */
    public ReleaseDecision releaseDecision() {
        long now = now();
        SloSpec s = spec;
        List<BurnRateAlert> firing = s.budgetPolicy().freezeWhilePaging() ? queries.alerts(now) : List.of();
        return s.budgetPolicy().decide(this, queries.errorBudget(now), firing);
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
        requireWhole("revise");
        Targets.checkTarget(newTarget, "newTarget");
        Objects.requireNonNull(actor, "actor must not be null");
        Args.requireWords(reason, "reason");
        synchronized (specLock) {
            SloSpec current = spec;
            Revision revision = revisions.add(current, newTarget, actor, reason, clock.instant());
            spec = current.withTarget(newTarget);
            for (Slo group : groups()) {
                group.spec = spec;
            }
            return revision;
        }
    }

    /** {@return every revision of this SLO (of a group: of its whole), oldest first: a snapshot, empty if its target never changed} */
    public List<Revision> revisions() {
        return whole != null ? whole.revisions() : revisions.log();
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
        requireWhole("exclude");
        Objects.requireNonNull(exclusion, "exclusion must not be null");
        synchronized (specLock) {
            SloSpec current = spec;
            long now = now();
            SloSpec revised = current.withExclusions(ExclusionGate.adding(current, exclusion, now - intake.events.historyMillis()));
            spec = revised;
            intake.exclude(revised.exclusions(), now);
            for (Slo group : groups()) {
                group.spec = revised;
                group.intake.exclude(revised.exclusions(), now);
            }
        }
    }

    // ---------------------------------------------------------------- groups

    /**
     * The SLO of one group of a grouped SLO ({@link SloBuilder#groupedBy}), created on first use: record into
     * it, and each event counts in the group and in this whole SLO, once each. For a value seen before the
     * lookup is lock-free and allocates nothing. Beyond the grouping's {@code maxGroups} named groups, every
     * new value gets the overflow group, {@link Grouping#OVERFLOW} ({@code "__overflow__"}), so memory stays
     * bounded whatever the values. A group shares this SLO's definition (target, window, policy,
     * exclusions; revise and exclude the whole), and answers every query about its own events.
     *
     * <pre>{@code
     * perEndpoint.group("/pay").record(true);
     * perEndpoint.group("/pay").errorBudget();      // the budget of /pay alone
     * }</pre>
     *
     * @param value the label's value, 1 to 128 characters without control characters
     * @return the group's SLO
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is empty, longer than 128 characters or holds a control character
     * @throws IllegalStateException if this SLO is not grouped (or is a group itself)
     */
    public Slo group(String value) {
        Objects.requireNonNull(value, "value must not be null");
        SloGroups g = groups;
        if (g == null) {
            throw new IllegalStateException("group needs an SLO grouped with groupedBy(label, maxGroups), but " + (whole != null
                    ? label() + " is a group of \"" + whole.name() + "\"" : "\"" + name() + "\" is not grouped"));
        }
        return g.get(value);
    }

    /** {@return the groups created so far, the named ones in creation order then the overflow group if created; empty if not grouped} */
    public List<Slo> groups() {
        return groups == null ? List.of() : groups.all();
    }

    /** {@return how this SLO is grouped, or empty if it is not (a group itself is not grouped)} */
    public Optional<Grouping> grouping() {
        return groups == null ? Optional.empty() : Optional.of(groups.grouping());
    }

    /** {@return the whole SLO this group belongs to; empty unless this is a group} */
    public Optional<Slo> whole() {
        return Optional.ofNullable(whole);
    }

    /** {@return this group's label value ({@link Grouping#OVERFLOW} for the overflow group); empty unless this is a group} */
    public Optional<String> groupValue() {
        return Optional.ofNullable(groupValue);
    }

    /** Creates the group of {@code value} under specLock, so that it starts from the current definition. */
    Slo createGroup(SloGroups of, String value) {
        synchronized (specLock) {
            return of.create(value, v -> new Slo(this, v));
        }
    }

    /**
     * {@return the name with the group, for messages, logs and pages: {@code api{endpoint="/pay"}} for a group
     * (the value quoted as Java would, control characters escaped), the name alone otherwise}
     */
    public String displayName() {
        return label();
    }

    /** The name with the group; see {@link #displayName()}. */
    String label() {
        if (whole == null) {
            return name();
        }
        return name() + "{" + whole.groups.grouping().label() + "=" + Text.quoted(groupValue) + "}";
    }

    private void requireWhole(String method) {
        if (whole != null) {
            throw new IllegalStateException(method + " applies to the whole SLO \"" + whole.name() + "\", not to its group "
                    + Text.quoted(groupValue) + ": a group shares the whole's definition");
        }
    }

    /**
     * The burn rate over each look-back of the SLO's alert policy (long and short windows, each once,
     * shortest first), as of now, in one reading: what a dashboard or an exporter shows beside
     * {@link #alerts()}. Each is {@link #burnRate(Duration)} of that look-back.
     *
     * @return look-back to burn rate, shortest first; unmodifiable
     */
    public Map<Duration, Double> burnRates() {
        return queries.burnRates(now());
    }

    /**
     * The budget, the burn rates, the alerts firing and the counters, all as of one clock reading (for a rolling
     * window, the budget and every look-back in one pass of the recorder): what a dashboard or a status page
     * shows side by side. Each part equals its own query at {@link SloStatus#at()}.
     *
     * @return the status, as of now
     */
    public SloStatus status() {
        return queries.status(now());
    }

    /**
     * What this SLO has counted since its registry was created: monotonic counters for a metrics system
     * (see {@link SloCounters} for what they hold and leave out). One consistent view per recorder.
     *
     * @return the counters, as of now
     */
    public SloCounters counters() {
        return queries.counters(now());
    }

    /** Adds a snapshot's excluded events (a restore, checked before); under specLock, as exclusions change. */
    void restoreExcluded(RecorderCounts counts, long now) {
        synchronized (whole != null ? whole.specLock : specLock) {      // a group's exclusions change under its whole's lock
            intake.restoreExcluded(spec.exclusions(), counts, now);
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
        return queries.excludedEvents(now());
    }

    /**
     * How the SLO fared on each of the last {@link Adherence#DAYS} whole days (UTC), and, when it missed
     * its target durably, the target it actually achieves. Excluded events do not count.
     *
     * @return the adherence, judged against the current target, its days oldest first
     */
    public Adherence adherence() {
        return queries.adherence(now());
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
        return queries.latency(lookBack, now());
    }

    /**
     * The latency at {@code quantile} over the last {@code lookBack}: {@code latencyPercentile(0.99,
     * Duration.ofHours(1))} is "p99 over the last hour", as {@link LatencyDistribution#percentile} gives it.
     *
     * @param quantile a fraction in (0,1]
     * @param lookBack as for {@link #latency}
     * @return the latency at that quantile, at least 0; {@link Duration#ZERO} when none was recorded
     * @throws IllegalArgumentException if {@code quantile} is not in (0,1]; else as {@link #latency}
     */
    public Duration latencyPercentile(double quantile, Duration lookBack) {
        LatencyDistribution.checkQuantile(quantile);
        return latency(lookBack).percentile(quantile);
    }

    /**
     * What-if: the attainment over the last {@code lookBack} had the SLI's threshold been {@code threshold},
     * as {@link LatencyDistribution#attainmentAt} gives it.
     *
     * @param threshold the hypothetical latency threshold, at least 0
     * @param lookBack  as for {@link #latency}
     * @return the attainment, in [0,1]; 1.0 when nothing was recorded with a latency
     * @throws NullPointerException if {@code threshold} is null
     * @throws IllegalArgumentException if {@code threshold} is negative; else as {@link #latency}
     */
    public double attainmentAt(Duration threshold, Duration lookBack) {
        LatencyDistribution.thresholdNanos(threshold);
        return latency(lookBack).attainmentAt(threshold);
    }

    /**
     * The latency threshold the service really met at {@code target} over the last {@code lookBack}, as
     * {@link LatencyDistribution#thresholdMet} gives it.
     *
     * @param target   a fraction in (0,1]
     * @param lookBack as for {@link #latency}
     * @return the threshold met, or empty
     * @throws IllegalArgumentException if {@code target} is not in (0,1]; else as {@link #latency}
     */
    public Optional<Duration> thresholdMet(double target, Duration lookBack) {
        Args.fractionUpToOne(target, "target");
        return latency(lookBack).thresholdMet(target);
    }

    /**
     * {@return how far back this SLO keeps its counts, the longest look-back it answers: the longer of its
     * window and its policy's longest alert window, at least 30 days, plus a day (31 days for a 30-day window)}
     */
    public Duration historyKept() {
        return Duration.ofMillis(intake.events.historyMillis());
    }

    /** {@return approximately how many bytes this SLO's recorders hold: bounded, whatever the traffic} */
    public long footprintBytes() {
        return intake.footprintBytes();
    }

    @Override
    public String toString() {
        SloSpec s = spec;
        return "Slo[" + label() + ", " + s.audience() + ", target " + s.target() + ", " + s.window() + "]";
    }

    // ---------------------------------------------------------------- for the package

    /** The read path and answers at one clock reading, for readers that answer a whole query at once (cascades). */
    SloQueries queries() {
        return queries;
    }

    /** The SLO's own event recorder, for tests of the recorder; readers go through {@link #queries()}. */
    EventRecorder recorder() {
        return intake.events;
    }

    /** The slice recorder of a time-slice SLO (null otherwise), for tests of the recorder. */
    SliceRecorder sliceRecorder() {
        return intake.slices;
    }
}
