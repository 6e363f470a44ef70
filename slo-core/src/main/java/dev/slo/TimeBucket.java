package dev.slo;

import dev.slo.engine.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The counts of one stretch of an SLO's history, from {@link Slo#timeline(Duration, Duration)}.
 *
 * @param start  where the bucket begins (inclusive)
 * @param length how long it is
 * @param good   good events in it
 * @param total  all events in it
 */
public record TimeBucket(Instant start, Duration length, long good, long total) {

    /**
     * Checks the bucket's bounds and counts.
     *
     * @param start  where the bucket begins (inclusive), not null
     * @param length how long it is, not null
     * @param good   good events in it, in [0, total]
     * @param total  all events in it, at least 0
     * @throws NullPointerException if {@code start} or {@code length} is null
     * @throws IllegalArgumentException if the counts are negative or {@code good > total}
     */
    public TimeBucket {
        Objects.requireNonNull(start, "start must not be null");
        Objects.requireNonNull(length, "length must not be null");
        if (total < 0 || good < 0 || good > total) {
            throw new IllegalArgumentException("counts must satisfy 0 <= good <= total, got good=" + good + ", total=" + total);
        }
    }

    /** {@return the bad events in the bucket, {@code total - good}} */
    public long bad() {
        return total - good;
    }

    /** {@return where the bucket ends (exclusive): {@code start + length}} */
    public Instant end() {
        return start.plus(length);
    }

    /** {@return the error ratio {@code bad / total}, in [0,1]; 0.0 when the bucket is empty} */
    public double errorRatio() {
        return total == 0 ? 0.0 : (double) bad() / total;
    }

    @Override
    public String toString() {
        return "TimeBucket[start=" + start + ", length=" + Durations.format(length) + ", good=" + good + ", total=" + total + "]";
    }
}
