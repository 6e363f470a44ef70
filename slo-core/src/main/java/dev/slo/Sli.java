package dev.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * What makes one event good: the service level indicator.
 *
 * <pre>{@code
 * Sli.ratio();                             // the caller says good or bad per event
 * Sli.latency(Duration.ofMillis(300));     // good = success and latency <= 300 ms
 * }</pre>
 */
public sealed interface Sli permits Sli.Ratio, Sli.Latency {

    /** An SLI where the caller says, per event, whether it was good: success rate, completion rate. */
    static Sli ratio() {
        return Ratio.INSTANCE;
    }

    /**
     * An SLI where an event is good when it succeeded and took at most {@code threshold}.
     *
     * @param threshold positive, at most one hour
     * @throws NullPointerException if {@code threshold} is null
     * @throws IllegalArgumentException if {@code threshold} is not positive or longer than one hour
     */
    static Sli latency(Duration threshold) {
        return new Latency(threshold);
    }

    /** A short human description, e.g. {@code "latency <= PT0.3S"}. */
    String describe();

    /** The caller decides good or bad; latency, if given, is ignored. */
    record Ratio() implements Sli {
        static final Ratio INSTANCE = new Ratio();

        @Override
        public String describe() {
            return "ratio of good events";
        }
    }

    /** Good when the event succeeded within {@code threshold}. @param threshold positive, at most 1 hour */
    record Latency(Duration threshold) implements Sli {
        /** @throws IllegalArgumentException if {@code threshold} is not positive or longer than one hour */
        public Latency {
            Objects.requireNonNull(threshold, "threshold must not be null");
            if (threshold.isZero() || threshold.isNegative() || threshold.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("threshold must be positive and at most 1 hour, got " + threshold);
            }
        }

        /** The threshold in nanoseconds. */
        public long thresholdNanos() {
            return threshold.toNanos();
        }

        @Override
        public String describe() {
            return "success within " + threshold.toMillis() + " ms";
        }
    }
}
