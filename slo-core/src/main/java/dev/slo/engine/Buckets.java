package dev.slo.engine;

import java.util.List;

/**
 * Consecutive buckets of one length from an {@link EventRecorder}'s history, oldest first.
 *
 * @param firstStartMillis the start of the first bucket, epoch milliseconds
 * @param lengthMillis     the length of each bucket
 * @param tallies          the buckets' counts, oldest first
 */
public record Buckets(long firstStartMillis, long lengthMillis, List<Tally> tallies) {
    /**
     * @param firstStartMillis the start of the first bucket
     * @param lengthMillis     the length of each bucket
     * @param tallies          the buckets' counts, oldest first
     */
    public Buckets(long firstStartMillis, long lengthMillis, Tally[] tallies) {
        this(firstStartMillis, lengthMillis, List.of(tallies));
    }

    /** Copies the list. */
    public Buckets {
        tallies = List.copyOf(tallies);
    }
}
