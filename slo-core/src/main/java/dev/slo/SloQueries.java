package dev.slo;

import dev.slo.engine.Buckets;
import dev.slo.engine.Durations;
import dev.slo.engine.EventRecorder;
import dev.slo.engine.Tally;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/*
 * The read side of one Slo: the one path every reader of its counts takes (its own queries, cascades,
 * reports, lint), and the answers of its queries, each as of one clock reading. Package-private.
 *
 * Assumptions and guarantees
 *  - Every tally first sweeps the runs of a deadline SLI whose deadline passed unreported, so every reader
 *    sees the same, swept state. Tallies count as the budget does: the ledger Intake picked (events, or
 *    slices under time-slice budgeting). Timelines and adherence show events in either case.
 *  - Look-backs and window starts beyond the history kept are clamped to it (a cascade may ask over a
 *    root's window longer than a dependency keeps); a user's look-back is checked, not clamped
 *    (lookBackMillis).
 *  - Each answer reads the spec once, so a concurrent revision is seen whole or not at all.
 */
final class SloQueries {
    private final Slo slo;
    private final Intake intake;
    /** The runs in flight of a deadline SLI; null otherwise. */
    private final RunTracker runs;

    SloQueries(Slo slo, Intake intake, RunTracker runs) {
        this.slo = slo;
        this.intake = intake;
        this.runs = runs;
    }

    // ---------------------------------------------------------------- the one read path

    /** The counts over {@code window} (this SLO's or another's, e.g. a cascade root's) as of {@code now}. */
    Tally tally(Window window, long now) {
        expireRuns(now);
        long history = intake.ledger.historyMillis();
        if (window instanceof Window.Rolling rolling) {
            return intake.ledger.lookBacks(now, Math.min(rolling.length().toMillis(), history))[0];
        }
        return intake.ledger.since(now, Math.max(window.start(Instant.ofEpochMilli(now)).toEpochMilli(), now - history));
    }

    /** The counts over each look-back, in ms, as of {@code now}, in one consistent view. */
    Tally[] tally(long now, long... lookBackMillis) {
        expireRuns(now);
        long history = intake.ledger.historyMillis();
        long[] clamped = new long[lookBackMillis.length];
        for (int i = 0; i < clamped.length; i++) {
            clamped[i] = Math.min(lookBackMillis[i], history);
        }
        return intake.ledger.lookBacks(now, clamped);
    }

    /** The event buckets of {@code resolutionMillis} over {@code (now - lookBack, now]}: events, also under slice budgeting. */
    Buckets eventBuckets(long now, long resolutionMillis, long lookBackMillis) {
        expireRuns(now);
        return intake.events.buckets(now, resolutionMillis, lookBackMillis);
    }

    /** The longest look-back the tallies answer without clamping. */
    long historyMillis() {
        return intake.ledger.historyMillis();
    }

    /** Sweeps the runs whose deadline passed unreported, so every reader sees them counted. */
    private void expireRuns(long now) {
        if (runs != null) {
            runs.sweep(now, true);
        }
    }

    /**
     * {@code lookBack} in ms, checked as a user's look-back (or resolution) named {@code name}: positive,
     * at least 1 ms, at most the history kept.
     */
    long lookBackMillis(Duration lookBack, String name) {
        Objects.requireNonNull(lookBack, name + " must not be null");
        if (lookBack.isNegative() || lookBack.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + Durations.format(lookBack));
        }
        long millis = Durations.saturatedMillis(lookBack);
        long history = intake.events.historyMillis();
        if (millis > history) {
            throw new IllegalArgumentException(name + " must be at most " + Durations.format(Duration.ofMillis(history))
                    + " (the history this SLO keeps), got " + Durations.format(lookBack));
        }
        if (millis == 0) {
            throw new IllegalArgumentException(name + " must be at least 1 ms, got " + Durations.format(lookBack));
        }
        return millis;
    }

    // ---------------------------------------------------------------- answers

    ErrorBudget errorBudget(long now) {
        SloSpec spec = slo.spec();
        return budget(spec, tally(spec.window(), now));
    }

    private static ErrorBudget budget(SloSpec spec, Tally t) {
        return spec.budgeting() instanceof Budgeting.RatioTimeslices
                ? ErrorBudget.ofSliceRatios(t.total(), t.good(), spec.target(), t.clampedRatioSum())
                : new ErrorBudget(t.total(), t.good(), spec.target(), spec.budgetFraction());
    }

    /**
     * The budget, burn rates, alerts and counters at {@code now}: for a rolling window the window and every
     * look-back of the policy in one pass of the ledger (a calendar window takes one more).
     */
    SloStatus status(long now) {
        SloSpec spec = slo.spec();
        AlertPolicy policy = spec.alertPolicy();
        TreeSet<Long> distinct = new TreeSet<>();
        for (long lookBack : RuleEvaluation.lookBacks(policy.rules())) {
            distinct.add(lookBack);
        }
        boolean rolling = spec.window() instanceof Window.Rolling;
        long[] lookBacks = new long[distinct.size() + (rolling ? 1 : 0)];
        int n = 0;
        for (long lookBack : distinct) {
            lookBacks[n++] = lookBack;
        }
        if (rolling) {
            lookBacks[n] = ((Window.Rolling) spec.window()).length().toMillis();
        }
        Tally[] tallies = tally(now, lookBacks);
        ErrorBudget budget = rolling ? budget(spec, tallies[n]) : errorBudget(now);
        Map<Long, Tally> byLookBack = new HashMap<>();
        Map<Duration, Double> burns = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            byLookBack.put(lookBacks[i], tallies[i]);
            burns.put(Duration.ofMillis(lookBacks[i]), tallies[i].errorRatio() / spec.budgetFraction());
        }
        long[] ruleLookBacks = RuleEvaluation.lookBacks(policy.rules());
        Tally[] ruleTallies = new Tally[ruleLookBacks.length];
        for (int i = 0; i < ruleLookBacks.length; i++) {
            ruleTallies[i] = byLookBack.get(ruleLookBacks[i]);
        }
        List<BurnRateAlert> alerts = new ArrayList<>();
        for (RuleEvaluation.Firing fired : RuleEvaluation.firing(policy, spec.window().length(Instant.ofEpochMilli(now)),
                spec.budgetFraction(), RuleEvaluation.Seen.of(ruleTallies))) {
            alerts.add(fired.alert(slo));
        }
        return new SloStatus(Instant.ofEpochMilli(now), budget, burns, alerts, counters(now));
    }

    double burnRate(long lookBackMillis, long now) {
        return tally(now, lookBackMillis)[0].errorRatio() / slo.spec().budgetFraction();
    }

    Optional<Duration> timeToExhaustion(long lookBackMillis, long now) {
        SloSpec spec = slo.spec();
        double burn = tally(now, lookBackMillis)[0].errorRatio() / spec.budgetFraction();
        ErrorBudget budget = errorBudget(now);
        if (burn <= 0 || budget.remaining() <= 0) {
            return Optional.empty();
        }
        Duration windowLength = spec.window().length(Instant.ofEpochMilli(now));
        return Optional.of(Durations.ofNanosSaturated(budget.remaining() * windowLength.toNanos() / burn));
    }

    /** The burn rate over each distinct look-back of the alert policy, shortest first, in one pass. */
    Map<Duration, Double> burnRates(long now) {
        TreeSet<Duration> distinct = new TreeSet<>();
        for (BurnRateRule rule : slo.spec().alertPolicy().rules()) {
            distinct.add(rule.longWindow());
            distinct.add(rule.shortWindow());
        }
        long[] lookBacks = distinct.stream().mapToLong(Duration::toMillis).toArray();
        Tally[] tallies = tally(now, lookBacks);
        double budget = slo.spec().budgetFraction();
        Map<Duration, Double> out = new LinkedHashMap<>();
        int i = 0;
        for (Duration lookBack : distinct) {
            out.put(lookBack, tallies[i++].errorRatio() / budget);
        }
        return Collections.unmodifiableMap(out);
    }

    List<BurnRateAlert> alerts(long now) {
        SloSpec spec = slo.spec();
        AlertPolicy policy = spec.alertPolicy();
        Tally[] tallies = tally(now, RuleEvaluation.lookBacks(policy.rules()));
        Duration windowLength = spec.window().length(Instant.ofEpochMilli(now));
        List<BurnRateAlert> firing = new ArrayList<>();
        for (RuleEvaluation.Firing fired : RuleEvaluation.firing(policy, windowLength, spec.budgetFraction(),
                RuleEvaluation.Seen.of(tallies))) {
            firing.add(fired.alert(slo));
        }
        return List.copyOf(firing);
    }

    List<TimeBucket> timeline(Duration resolution, Duration lookBack, long now) {
        long resolutionMillis = lookBackMillis(resolution, "resolution");
        Buckets counts = eventBuckets(now, resolutionMillis, lookBackMillis(lookBack, "lookBack"));
        List<TimeBucket> buckets = new ArrayList<>(counts.tallies().size());
        for (int i = 0; i < counts.tallies().size(); i++) {
            Tally t = counts.tallies().get(i);
            buckets.add(new TimeBucket(Instant.ofEpochMilli(counts.firstStartMillis() + i * resolutionMillis), resolution,
                    t.good(), t.total()));
        }
        return List.copyOf(buckets);
    }

    long excludedEvents(long now) {
        EventRecorder excluded = intake.excluded();
        if (excluded == null) {
            return 0;
        }
        expireRuns(now);                                  // a run may expire into an exclusion
        Window window = slo.spec().window();
        Tally counts = window instanceof Window.Rolling rolling
                ? excluded.lookBacks(now, rolling.length().toMillis())[0]
                : excluded.since(now, window.start(Instant.ofEpochMilli(now)).toEpochMilli());
        return counts.total();
    }

    Adherence adherence(long now) {
        SloSpec spec = slo.spec();
        long day = Duration.ofDays(1).toMillis();
        long firstDay = Math.floorDiv(now, day) - Adherence.DAYS;
        // buckets() covers (now - lookBack, now]: this look-back makes its first bucket firstDay exactly.
        Buckets counts = eventBuckets(now, day, now - (firstDay * day - 1));
        List<DailyAttainment> days = new ArrayList<>(Adherence.DAYS);
        for (int i = 0; i < Adherence.DAYS; i++) {                 // the last bucket, today, is not whole yet
            LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(counts.firstStartMillis(), day) + i);
            Tally t = counts.tallies().get(i);
            days.add(DailyAttainment.of(date, t.good(), t.total(), spec.target()));
        }
        return new Adherence(spec.name(), spec.target(), days);
    }

    LatencyDistribution latency(Duration lookBack, long now) {
        long millis = lookBackMillis(lookBack, "lookBack");
        if (!intake.events.keepsLatency()) {
            Sli sli = slo.spec().sli();
            throw new IllegalStateException("SLO " + slo.name() + " keeps no latency distribution: its SLI is "
                    + sli.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " (" + sli.describe()
                    + "); latency percentiles need Sli.latency(threshold)");
        }
        return new LatencyDistribution(intake.events.latencyCounts(now, millis));
    }

    /** {@return the SLO's live counters as of {@code now}} */
    SloCounters counters(long now) {
        expireRuns(now);                                  // a run whose deadline passed counts bad once found out
        long[] events = intake.events.liveCounts(now);
        EventRecorder excludedRecorder = intake.excluded();
        long excluded = excludedRecorder == null ? 0 : excludedRecorder.liveCounts(now)[1];
        Tally slices = intake.slices == null ? Tally.ofEvents(0, 0) : intake.slices.liveSlices(now);
        return new SloCounters(events[0], events[1] - events[0], excluded, slices.total(), slices.clampedRatioSum());
    }
}
