package dev.slo.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable copy of an {@link EventRecorder}'s counts, as one consistent view: every tier's buckets,
 * finest first, and the head of a calendar period that starts inside an hour (the events from that start
 * to the end of its hour, kept once only hourly buckets remain; {@code Long.MIN_VALUE} when none).
 * Copies of recorders of the same definition add bucket by bucket ({@link #sum}).
 *
 * @param tiers          the tiers, finest first
 * @param headStartMillis the period start inside an hour last captured, or {@code Long.MIN_VALUE}
 * @param headGood       good events from that start to the end of its hour
 * @param headTotal      events from that start to the end of its hour
 * @param latency        the latency distribution of a latency SLO's recorder; null for one that keeps none
 */
public record RecorderCounts(List<TierCounts> tiers, long headStartMillis, long headGood, long headTotal, LatencyCounts latency) {
    private static final long HOUR = Tiers.HOUR;

    /**
     * Checks the copy.
     *
     * @throws NullPointerException if {@code tiers} or one of them is null
     * @throws IllegalArgumentException if there is no tier, or the head's counts are negative or hold more
     *     good than total events
     */
    public RecorderCounts {
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("tiers must not be empty");
        }
        if (headGood < 0 || headGood > headTotal) {
            throw new IllegalArgumentException("the head must have 0 <= good <= total, got good " + headGood + " of " + headTotal);
        }
    }

    /** {@return the end (epoch ms) of the newest bucket of the finest tier: the copy holds no later event} */
    public long endMillis() {
        TierCounts finest = tiers.get(0);
        return (finest.lastIndex() + 1) * finest.lengthMillis();
    }

    /**
     * The counts one recorder would hold had it seen the events of both copies, at the later copy's open
     * buckets: tiers add bucket by bucket; the head is the later captured period start's, each copy
     * contributing its own head for that start or, if it had not captured it yet, its finer buckets over
     * the head's stretch (a copy that keeps neither had no events there).
     *
     * @param a a copy
     * @param b a copy of a recorder of the same tiers
     * @return the sum
     * @throws IllegalArgumentException if the tiers do not line up
     */
    public static RecorderCounts sum(RecorderCounts a, RecorderCounts b) {
        if (a.tiers.size() != b.tiers.size()) {
            throw new IllegalArgumentException(a.tiers.size() + " tiers and " + b.tiers.size() + " do not line up");
        }
        List<TierCounts> tiers = new ArrayList<>(a.tiers.size());
        for (int i = 0; i < a.tiers.size(); i++) {
            tiers.add(TierCounts.sum(a.tiers.get(i), b.tiers.get(i)));
        }
        long start = Math.max(a.headStartMillis, b.headStartMillis);
        if ((a.latency == null) != (b.latency == null)) {
            throw new IllegalArgumentException("a copy with a latency distribution and one without do not line up");
        }
        LatencyCounts latency = a.latency == null ? null : LatencyCounts.sum(a.latency, b.latency);
        long[] head = new long[2];
        if (start != Long.MIN_VALUE) {
            a.headPart(start, head);
            b.headPart(start, head);
        }
        return new RecorderCounts(tiers, start, head[0], head[1], latency);
    }

    /** Adds this copy's events in {@code [start, end of its hour)} to {@code out}: its head, or its finer buckets. */
    private void headPart(long start, long[] out) {
        if (headStartMillis == start) {
            out[0] += headGood;
            out[1] += headTotal;
            return;
        }
        long end = -Math.floorDiv(-start, HOUR) * HOUR;
        for (TierCounts tier : tiers) {
            long length = tier.lengthMillis();
            if (start % length == 0 && tier.firstIndex() * length <= start) {   // buckets after the copy's last held no events
                for (long k = start / length; k < end / length; k++) {
                    tier.addTo(k, out);
                }
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "RecorderCounts[" + tiers + (headStartMillis == Long.MIN_VALUE ? "" : ", head from " + headStartMillis + ": "
                + headGood + " good of " + headTotal) + "]";
    }
}
