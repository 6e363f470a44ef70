package dev.slo;

import dev.slo.engine.EventRecorder;
import dev.slo.engine.Ledger;
import dev.slo.engine.RecorderCounts;
import dev.slo.engine.SliceRecorder;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/*
 * Where an SLO's events go: the write side of one Slo, and its hot path. Package-private.
 *
 * Assumptions and guarantees
 *  - Every record method takes the clock reading its caller made (one per call) and decides, from the
 *    exclusion gate, whether the event counts (the SLO's own recorder, and its slice recorder under
 *    time-slice budgeting) or is excluded (the excluded-events recorder, never the slices). Lock-free and
 *    allocation-free: one volatile read of the gate and the recorders' atomic adds. A gate is rebuilt
 *    and published with a CAS only at the edges of exclusions (see ExclusionGate).
 *  - The ledger, the counts the budget is taken from, is picked once here: the slice recorder under
 *    time-slice budgeting, else the event recorder. Nothing else decides events-versus-slices.
 *  - exclude is called under the Slo's specLock, after the Slo published the revised spec; a writer's
 *    CAS from the gate it read then fails, so a stale gate never overwrites the new one.
 */
final class Intake {
    private static final VarHandle GATE;

    static {
        try {
            GATE = MethodHandles.lookup().findVarHandle(Intake.class, "gate", ExclusionGate.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Clock clock;
    /** The longest look-back the recorders keep: sizes the excluded-events recorder too. */
    private final Duration longestLookBack;
    /** Long.MAX_VALUE for SLIs without a latency threshold: every successful event is good. */
    private final long latencyThresholdNanos;
    /** Every event that counts, also under slice budgeting (timelines and adherence show events). */
    final EventRecorder events;
    /** The slices of time-slice budgeting; null when events count one by one. */
    final SliceRecorder slices;
    /** What the budget counts: {@link #slices} under time-slice budgeting, else {@link #events}. */
    final Ledger ledger;
    /** Decides which events fall in an exclusion: one volatile read per event. */
    private volatile ExclusionGate gate;
    /** The whole's intake when this is a group's: every event counts there too, once; null otherwise. */
    private final Intake whole;
    /** Whether a latency matters to this SLO: it has a latency threshold, or its recorder keeps latencies. */
    private final boolean usesLatency;
    /** {@link #events} when it keeps latencies, else null. */
    private final EventRecorder latencyRecorder;

    Intake(Clock clock, SloSpec spec, long now, Intake whole) {
        this.clock = clock;
        this.whole = whole;
        Duration longest = spec.window().maxLength();
        if (spec.alertPolicy().longestWindow().compareTo(longest) > 0) {
            longest = spec.alertPolicy().longestWindow();
        }
        this.longestLookBack = longest;
        this.latencyThresholdNanos = spec.sli() instanceof Sli.Latency latency ? latency.thresholdNanos() : Long.MAX_VALUE;
        this.events = spec.sli() instanceof Sli.Latency
                ? EventRecorder.keepingLatency(clock, longest, latencyThresholdNanos)
                : new EventRecorder(clock, longest);
        Window window = spec.window();
        if (!(window instanceof Window.Rolling)) {        // calendar periods may start inside an hour (Asia/Kolkata)
            events.trackPeriodStarts(t -> window.start(Instant.ofEpochMilli(t)).toEpochMilli());
        }
        this.slices = sliceRecorder(clock, spec, longest);
        this.ledger = slices != null ? slices : events;
        this.usesLatency = latencyThresholdNanos != Long.MAX_VALUE || events.keepsLatency();
        this.latencyRecorder = events.keepsLatency() ? events : null;
        this.gate = spec.exclusions().isEmpty()
                ? ExclusionGate.open(null)
                : ExclusionGate.at(spec.exclusions(), EventRecorder.hourly(clock, longest), now);
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

    /** Counts one event read at {@code now}. */
    void record(boolean good, long now) {
        EventRecorder target = recorderAt(now);
        target.record(good, now);
        if (slices != null && target == events) {         // excluded events do not count in slices either
            slices.record(now, good ? 1 : 0, 1);
        }
        if (whole != null) {
            whole.record(good, now);
        }
    }

    /**
     * Counts one timed event: with its latency for an SLI that judges or keeps latencies, else as
     * {@link #record(boolean, long)} (the latency says nothing there: a shorter path for timers).
     */
    void recordTimed(boolean success, long latencyNanos, long now) {
        if (usesLatency) {
            record(success, latencyNanos, now);
        } else {
            record(success, now);
        }
    }

    /** Counts one event with its latency ({@code >= 0}, checked by the caller) read at {@code now}. */
    void record(boolean success, long latencyNanos, long now) {
        boolean good = success & latencyNanos <= latencyThresholdNanos;
        EventRecorder target = recorderAt(now);
        if (target == latencyRecorder) {
            target.recordLatency(success, latencyNanos, now);   // the same verdict, from the latency's slot
        } else {
            target.record(good, now);                     // excluded events, and SLIs that keep no latency
        }
        if (slices != null && target == events) {
            slices.record(now, good ? 1 : 0, 1);
        }
        if (whole != null) {
            whole.record(success, latencyNanos, now);
        }
    }

    /** Counts a batch read at {@code now}; the caller checked each count and their sum against Slo.MAX_COUNTS_PER_CALL. */
    void recordCounts(long good, long bad, long now) {
        if (whole != null) {
            whole.recordCounts(good, bad, now);
        }
        EventRecorder target = recorderAt(now);
        target.recordCounts(good, bad, now);
        while (slices != null && target == events && (good > 0 || bad > 0)) {
            long g = Math.min(good, SliceRecorder.MAX_BATCH / 2);
            long b = Math.min(bad, SliceRecorder.MAX_BATCH / 2);
            good -= g;
            bad -= b;
            slices.record(now, g, g + b);
        }
    }

    /**
     * Counts events that happened at the earlier instant {@code at} (a backfill, or a job run whose
     * deadline passed unreported) in the buckets of {@code at} still kept, in the recorder a live event
     * read at {@code at} would have gone to. Takes the recorder's lock (not a hot path). Publishes no
     * gate: the writers' gate stays the one for now. Event ledgers only: the caller refuses slices,
     * whose closed slices were judged from counts no longer kept.
     */
    void recordAt(long now, long at, long good, long bad, boolean live) {
        ExclusionGate g = gate;                           // volatile read
        if (!g.covers(at)) {
            g = ExclusionGate.at(g.exclusions, g.excludedRecorder, at);
        }
        (at >= g.start ? g.excludedRecorder : events).recordAt(now, at, good, bad, live);
        if (whole != null) {
            whole.recordAt(now, at, good, bad, live);
        }
    }

    /** Starts excluding by {@code exclusions} (the revised spec's, already published); under the Slo's specLock. */
    void exclude(List<Exclusion> exclusions, long now) {
        EventRecorder excluded = gate.excludedRecorder;
        if (excluded == null) {
            excluded = EventRecorder.hourly(clock, longestLookBack);
        }
        gate = ExclusionGate.at(exclusions, excluded, now);    // a writer's CAS from the old gate now fails
    }

    /** {@return the recorder of excluded events, hourly; null until the SLO has an exclusion} */
    EventRecorder excluded() {
        return gate.excludedRecorder;
    }

    /** {@return the excluded events' counts as of {@code now}: empty ones, of the same tiers, before the first exclusion} */
    RecorderCounts excludedCounts(long now) {
        EventRecorder excluded = gate.excludedRecorder;
        return (excluded != null ? excluded : EventRecorder.hourly(clock, longestLookBack)).counts(now);
    }

    /**
     * Adds a snapshot's excluded events (checked against {@link #excludedCounts}), making the recorder of
     * excluded events if the SLO has none yet; under the Slo's specLock, as {@link #exclude} is.
     */
    void restoreExcluded(List<Exclusion> exclusions, RecorderCounts counts, long now) {
        EventRecorder excluded = gate.excludedRecorder;
        if (excluded == null) {
            excluded = EventRecorder.hourly(clock, longestLookBack);
            gate = ExclusionGate.at(exclusions, excluded, now);
        }
        excluded.add(counts, now);
    }

    /** {@return approximately how many bytes the recorders hold} */
    long footprintBytes() {
        EventRecorder excluded = gate.excludedRecorder;
        return events.footprintBytes() + (excluded == null ? 0 : excluded.footprintBytes())
                + (slices == null ? 0 : slices.footprintBytes());
    }

    /** The recorder an event read at {@code now} goes to: the SLO's own, or the excluded one. Lock-free. */
    private EventRecorder recorderAt(long now) {
        ExclusionGate g = gate;                           // volatile read
        if (!g.covers(now)) {
            g = refreshGate(g, now);                      // only at the edges of exclusions: allocates then
        }
        return now >= g.start ? g.excludedRecorder : events;
    }

    /** Builds the gate for {@code now} from the exclusions of {@code seen}; publishes it unless the exclusions changed. */
    private ExclusionGate refreshGate(ExclusionGate seen, long now) {
        ExclusionGate fresh = ExclusionGate.at(seen.exclusions, seen.excludedRecorder, now);
        GATE.compareAndSet(this, seen, fresh);            // losing is fine: this event is decided by fresh
        return fresh;
    }
}
