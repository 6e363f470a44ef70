package dev.slo;

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

    /** {@code total - good}. */
    public long bad() {
        return total - good;
    }

    /** Where the bucket ends (exclusive). */
    public Instant end() {
        return start.plus(length);
    }

    /** {@code bad / total}; 0.0 when empty. */
    public double errorRatio() {
        return total == 0 ? 0.0 : (double) bad() / total;
    }

    @Override
    public String toString() {
        return "TimeBucket[start=" + start + ", length=" + Durations.format(length) + ", good=" + good + ", total=" + total + "]";
    }
}
