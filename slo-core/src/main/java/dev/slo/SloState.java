package dev.slo;

import dev.slo.engine.EventRecorder;
import dev.slo.engine.RecorderCounts;
import dev.slo.engine.SliceCounts;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/*
 * One SLO's part of a Snapshot: the definition facts a restore or merge checks (name, SLI, window,
 * budgeting) and copies of its recorders (events, excluded events, slices) and of its runs in flight.
 * Immutable. Package-private; Snapshot is the public face, SnapshotCodec its bytes.
 *
 * Assumptions and guarantees
 *  - Taken by capture() while writers record: each recorder's copy is one consistent view of it
 *    (EventRecorder.counts, SliceRecorder.counts), never blocking a writer.
 *  - sum() adds copies bucket by bucket; it refuses states of different definitions, naming the SLO.
 *  - restoreInto() is called only after checkInto() passed for the same target and clock reading, so it
 *    cannot fail half-way.
 */
record SloState(String name, Sli sli, Window window, Budgeting budgeting, RecorderCounts events,
        RecorderCounts excluded, SliceCounts slices, long[] runs, Group group) {

    /** Which group of the SLO named {@code name} a state is of: its grouping's label and the group's value. */
    record Group(String label, String value) {
        Group {
            new Grouping(label, 1);                       // the label's checks
            Grouping.checkValue(value);
        }
    }

    /** The state of an SLO that is not a group. */
    SloState(String name, Sli sli, Window window, Budgeting budgeting, RecorderCounts events, RecorderCounts excluded,
            SliceCounts slices, long[] runs) {
        this(name, sli, window, budgeting, events, excluded, slices, runs, null);
    }

    SloState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sli, "sli");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(budgeting, "budgeting");
        Objects.requireNonNull(events, "events");
        if (runs.length % 2 != 0) {
            throw new IllegalArgumentException("runs must hold (start, deadline) pairs, got " + runs.length + " values");
        }
        runs = sortedPairs(runs);
        if ((slices != null) != !(budgeting instanceof Budgeting.Occurrences)) {
            throw new IllegalArgumentException(Text.quoted(name) + " is budgeted by " + budgeting + " but its state "
                    + (slices == null ? "holds no" : "holds") + " slices");
        }
        if (runs.length > 0 && !(sli instanceof Sli.Deadline)) {
            throw new IllegalArgumentException(Text.quoted(name) + " has runs in flight but its SLI is " + sli);
        }
    }

    /** {@return the state of {@code slo} (an SLO or a group) as of clock reading {@code now}} */
    static SloState capture(Slo slo, long now) {
        SloSpec spec = slo.spec();
        Intake intake = slo.intake;
        long[] runs = slo.runs == null ? new long[0] : slo.runs.inFlight(now);   // first: it counts the runs that expired
        EventRecorder excluded = intake.excluded();
        Group group = slo.whole().map(w -> new Group(w.grouping().orElseThrow().label(), slo.groupValue().orElseThrow())).orElse(null);
        return new SloState(spec.name(), spec.sli(), spec.window(), spec.budgeting(), intake.events.counts(now),
                excluded == null ? null : excluded.counts(now), intake.slices == null ? null : intake.slices.counts(now), runs, group);
    }

    /** {@return what a merge matches states by: the name, and for a group its label and value (no name holds a NUL)} */
    String key() {
        return group == null ? name : name + '\0' + group.label() + '\0' + group.value();
    }

    /** {@return the SLO quoted, for messages, and for a group its value: {@code "api" group "/pay"}} */
    private String what() {
        return Text.quoted(name) + (group == null ? "" : " group " + Text.quoted(group.value()));
    }

    /** {@return the name, and for a group its label and value: {@code api{endpoint="/pay"}}} */
    String label() {
        return group == null ? name : name + "{" + group.label() + "=" + Text.quoted(group.value()) + "}";
    }

    /** The (start, deadline) pairs in increasing order: the same runs give the same state, however listed. */
    private static long[] sortedPairs(long[] pairs) {
        long[][] split = new long[pairs.length / 2][];
        for (int i = 0; i < split.length; i++) {
            split[i] = new long[] {pairs[2 * i], pairs[2 * i + 1]};
        }
        Arrays.sort(split, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        long[] out = new long[pairs.length];
        for (int i = 0; i < split.length; i++) {
            out[2 * i] = split[i][0];
            out[2 * i + 1] = split[i][1];
        }
        return out;
    }

    @Override
    public long[] runs() {
        return runs.clone();
    }

    /** {@return whether {@code other} has the same SLI, window and budgeting} */
    boolean sameDefinition(Sli otherSli, Window otherWindow, Budgeting otherBudgeting) {
        return sli.equals(otherSli) && window.equals(otherWindow) && budgeting.equals(otherBudgeting);
    }

    /**
     * The state of one SLO that had seen the events of both: counts add bucket by bucket, runs in flight
     * are those of both.
     *
     * @throws IllegalArgumentException if the two differ in SLI, window or budgeting, or their buckets do
     *     not line up (message names the SLO)
     */
    static SloState sum(SloState a, SloState b) {
        if (!a.sameDefinition(b.sli, b.window, b.budgeting)) {
            throw new IllegalArgumentException("snapshots must agree on " + a.what() + ": one has " + a.describe()
                    + ", another " + b.describe());
        }
        try {
            long[] runs = Arrays.copyOf(a.runs, a.runs.length + b.runs.length);
            System.arraycopy(b.runs, 0, runs, a.runs.length, b.runs.length);
            return new SloState(a.name, a.sli, a.window, a.budgeting, RecorderCounts.sum(a.events, b.events),
                    a.excluded == null ? b.excluded : b.excluded == null ? a.excluded : RecorderCounts.sum(a.excluded, b.excluded),
                    a.slices == null ? null : SliceCounts.sum(a.slices, b.slices), runs, a.group);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("snapshots must agree on " + a.what() + ": their buckets do not line up ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Checks that {@link #restoreInto} of {@code slo} at clock reading {@code now} would succeed, changing
     * nothing.
     *
     * @throws IllegalArgumentException if {@code slo} has another SLI, window or budgeting, or its buckets
     *     do not line up (message names the SLO)
     * @throws IllegalStateException if the runs in flight would pass the most a deadline SLO tracks
     */
    void checkInto(Slo slo, long now) {
        SloSpec spec = slo.spec();
        if (!sameDefinition(spec.sli(), spec.window(), spec.budgeting())) {
            throw new IllegalArgumentException("snapshot must match the definition of " + what() + " to restore it: the snapshot has "
                    + describe() + ", the registry " + describe(spec.sli(), spec.window(), spec.budgeting()));
        }
        Intake intake = slo.intake;
        RecorderCounts own = intake.events.counts(now);
        if (events.endMillis() > own.endMillis()) {
            throw new IllegalArgumentException("snapshot must not be later than the registry's clock, but \"" + name
                    + "\" holds buckets up to " + Instant.ofEpochMilli(events.endMillis()) + ", past the one open now (until "
                    + Instant.ofEpochMilli(own.endMillis()) + "): did the clock go back?");
        }
        try {
            RecorderCounts.sum(own, events);                                 // a dry run: the same checks as the add
            if (excluded != null) {
                RecorderCounts.sum(intake.excludedCounts(now), excluded);
            }
            if (slices != null) {
                intake.slices.checkAdd(slices, now);
            }
        } catch (IllegalArgumentException e) {       // tiers of another history (a longer alert look-back), or slices ahead
            throw new IllegalArgumentException("snapshot must line up with " + what() + " to restore it, but " + e.getMessage()
                    + " (the registry keeps " + slo.historyKept() + " of history)", e);
        }
        if (runs.length > 0) {
            slo.runs.checkAdopt(slo, runs.length / 2);
        }
    }

    /** Adds this state to {@code slo}, after {@link #checkInto} passed at the same {@code now}. */
    void restoreInto(Slo slo, long now) {
        Intake intake = slo.intake;
        intake.events.add(events, now);
        if (excluded != null) {
            slo.restoreExcluded(excluded, now);
        }
        if (slices != null) {
            intake.slices.add(slices, now);
        }
        if (runs.length > 0) {
            slo.runs.adopt(slo, runs, now);
        }
    }

    private String describe() {
        return describe(sli, window, budgeting);
    }

    private static String describe(Sli sli, Window window, Budgeting budgeting) {
        return sli + " over " + window + " by " + budgeting;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SloState s && s.name.equals(name) && Objects.equals(s.group, group) && s.sli.equals(sli) && s.window.equals(window)
                && s.budgeting.equals(budgeting) && s.events.equals(events) && Objects.equals(s.excluded, excluded)
                && Objects.equals(s.slices, slices) && Arrays.equals(s.runs, runs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, group, sli, window, budgeting, events, excluded, slices) * 31 + Arrays.hashCode(runs);
    }

    @Override
    public String toString() {
        return "SloState[" + label() + ", " + describe() + ", events " + events + (excluded == null ? "" : ", excluded " + excluded)
                + (slices == null ? "" : ", slices " + slices) + ", " + runs.length / 2 + " runs in flight]";
    }
}
