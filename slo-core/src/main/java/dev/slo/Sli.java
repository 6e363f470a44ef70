package dev.slo;

import dev.slo.engine.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * What makes one event good: the service level indicator.
 *
 * <pre>{@code
 * Sli.ratio();                             // the caller says good or bad per event
 * Sli.latency(Duration.ofMillis(300));     // good = success and latency <= 300 ms
 * Sli.gaugeAtMost(1_000);                  // a queue depth or backlog at most 1000, judged per time slice
 * Sli.gaugeAtLeast(50);                    // a processing rate at least 50 per second, judged per time slice
 * Sli.freshness(Duration.ofMinutes(15));   // data at most 15 minutes old, judged per time slice
 * Sli.deadline(Duration.ofMinutes(30));    // a scheduled run completes within 30 minutes of its start
 * Sli.withinRetries(2);                    // an operation succeeds within 2 retries
 * Sli.feedback();                          // survey answers and incident reports from consuming teams
 * }</pre>
 *
 * <p>The gauge kinds ({@link Gauge}) take readings with {@link Slo#observe(long)} and need time-slice
 * budgeting ({@link Budgeting#timeslices(Duration)}; one-minute slices when none is given).
 */
public sealed interface Sli permits Sli.Ratio, Sli.Latency, Sli.Gauge, Sli.Deadline, Sli.WithinRetries, Sli.Feedback {

    /**
     * An SLI where the caller says, per event, whether it was good: success rate, completion rate.
     *
     * @return the ratio SLI, always the same instance
     */
    static Sli ratio() {
        return Ratio.INSTANCE;
    }

    /**
     * An SLI where an event is good when it succeeded and took at most {@code threshold}.
     *
     * @param threshold positive, at most one hour
     * @return a {@link Latency} SLI with that threshold
     * @throws NullPointerException if {@code threshold} is null
     * @throws IllegalArgumentException if {@code threshold} is not positive or longer than one hour
     */
    static Sli latency(Duration threshold) {
        return new Latency(threshold);
    }

    /**
     * A gauge SLI: a slice is good when every reading in it is at most {@code bound} (queue depth,
     * backlog, lag). Readings come from {@link Slo#observe(long)}.
     *
     * @param bound the highest good reading, in the gauge's own unit; any long
     * @return a {@link GaugeAtMost} SLI with that bound
     */
    static Sli gaugeAtMost(long bound) {
        return new GaugeAtMost(bound);
    }

    /**
     * A gauge SLI: a slice is good when every reading in it is at least {@code bound} (processing
     * rate, free capacity). Readings come from {@link Slo#observe(long)}.
     *
     * @param bound the lowest good reading, in the gauge's own unit; any long
     * @return a {@link GaugeAtLeast} SLI with that bound
     */
    static Sli gaugeAtLeast(long bound) {
        return new GaugeAtLeast(bound);
    }

    /**
     * A gauge SLI on data age: a slice is good when every age read in it is at most {@code maxAge}.
     * Readings come from {@link Slo#observeAge(Duration)} or {@link Slo#observe(long)} in seconds.
     *
     * @param maxAge positive, at most 90 days, a whole number of milliseconds
     * @return a {@link Freshness} SLI with that bound
     * @throws NullPointerException if {@code maxAge} is null
     * @throws IllegalArgumentException if {@code maxAge} is not positive, longer than 90 days, or has a
     *     sub-millisecond part (it would be cut to the millisecond)
     */
    static Sli freshness(Duration maxAge) {
        return new Freshness(maxAge);
    }

    /**
     * An SLI for scheduled jobs: a run ({@link Slo#startRun()}) is good when it completes within
     * {@code deadline} of its start; a run that fails, completes late or never reports counts bad.
     *
     * @param deadline positive, at most 7 days, a whole number of milliseconds
     * @return a {@link Deadline} SLI with that deadline
     * @throws NullPointerException if {@code deadline} is null
     * @throws IllegalArgumentException if {@code deadline} is not positive, longer than 7 days, or has a
     *     sub-millisecond part (runs are timed to the millisecond)
     */
    static Sli deadline(Duration deadline) {
        return new Deadline(deadline);
    }

    /**
     * An SLI where an operation is good when it succeeded within {@code maxRetries} retries; recorded
     * with {@link Slo#recordAttempt(boolean, int)}.
     *
     * @param maxRetries the most retries a good operation may take, {@code >= 0} (0: it must succeed at the first attempt)
     * @return a {@link WithinRetries} SLI with that bound
     * @throws IllegalArgumentException if {@code maxRetries} is negative
     */
    static Sli withinRetries(int maxRetries) {
        return new WithinRetries(maxRetries);
    }

    /**
     * An SLI fed by consuming teams: survey answers ({@link Slo#recordFeedback(boolean)}) and incident
     * reports ({@link Slo#recordIncidentReport()}, each a bad event).
     *
     * @return the feedback SLI, always the same instance
     */
    static Sli feedback() {
        return Feedback.INSTANCE;
    }

    /** {@return a short human description, e.g. {@code "latency <= PT0.3S"}; never empty} */
    String describe();

    /** The caller decides good or bad; latency, if given, is ignored. */
    record Ratio() implements Sli {
        static final Ratio INSTANCE = new Ratio();

        @Override
        public String describe() {
            return "ratio of good events";
        }
    }

    /**
     * Good when the event succeeded within {@code threshold}.
     *
     * @param threshold positive, at most 1 hour
     */
    record Latency(Duration threshold) implements Sli {
        /**
         * Checks the threshold.
         *
         * @param threshold positive, at most 1 hour
         * @throws NullPointerException if {@code threshold} is null
         * @throws IllegalArgumentException if {@code threshold} is not positive or longer than one hour
         */
        public Latency {
            Objects.requireNonNull(threshold, "threshold must not be null");
            if (threshold.isZero() || threshold.isNegative() || threshold.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("threshold must be positive and at most 1 hour, got " + Durations.format(threshold));
            }
        }

        /** {@return the threshold in nanoseconds, positive, at most 3.6e12} */
        public long thresholdNanos() {
            return threshold.toNanos();
        }

        @Override
        public String describe() {
            return "success within " + threshold.toMillis() + " ms";
        }

        @Override
        public String toString() {
            return "Latency[threshold=" + Durations.format(threshold) + "]";
        }
    }

    /**
     * The gauge kinds: judged per time slice by whether every reading stays within bound.
     */
    sealed interface Gauge extends Sli permits GaugeAtMost, GaugeAtLeast, Freshness {
        /**
         * True when {@code reading} (in the gauge's unit; seconds for freshness) is within bound.
         *
         * @param reading one gauge reading, as given to {@link Slo#observe(long)}
         * @return whether a slice holding only this reading would be good
         */
        boolean withinBound(long reading);
    }

    /**
     * Good slices hold only readings {@code <= bound}.
     *
     * @param bound the highest good reading
     */
    record GaugeAtMost(long bound) implements Gauge {
        @Override
        public boolean withinBound(long reading) {
            return reading <= bound;
        }

        @Override
        public String describe() {
            return "every reading <= " + bound;
        }
    }

    /**
     * Good slices hold only readings {@code >= bound}.
     *
     * @param bound the lowest good reading
     */
    record GaugeAtLeast(long bound) implements Gauge {
        @Override
        public boolean withinBound(long reading) {
            return reading >= bound;
        }

        @Override
        public String describe() {
            return "every reading >= " + bound;
        }
    }

    /**
     * Good slices hold only data ages {@code <= maxAge}.
     *
     * @param maxAge positive, at most 90 days, a whole number of milliseconds
     */
    record Freshness(Duration maxAge) implements Gauge {
        /**
         * Checks the bound.
         *
         * @param maxAge positive, at most 90 days, a whole number of milliseconds
         * @throws NullPointerException if {@code maxAge} is null
         * @throws IllegalArgumentException if {@code maxAge} is not positive, longer than 90 days, or has a
         *     sub-millisecond part
         */
        public Freshness {
            Objects.requireNonNull(maxAge, "maxAge must not be null");
            if (maxAge.isZero() || maxAge.isNegative() || maxAge.compareTo(Duration.ofDays(90)) > 0) {
                throw new IllegalArgumentException("maxAge must be positive and at most 90 days, got " + Durations.format(maxAge));
            }
            requireWholeMillis(maxAge, "maxAge");
        }

        /** {@return the bound in milliseconds, positive} */
        public long maxAgeMillis() {
            return maxAge.toMillis();
        }

        /**
         * True when an age of {@code ageSeconds} seconds is at most {@code maxAge}.
         *
         * @param ageSeconds a data age in whole seconds
         * @return whether that age is within {@code maxAge}
         */
        @Override
        public boolean withinBound(long ageSeconds) {
            return ageSeconds <= maxAgeMillis() / 1000;     // s * 1000 <= max  <=>  s <= floor(max / 1000)
        }

        @Override
        public String describe() {
            return "data at most " + Durations.format(maxAge) + " old";
        }

        @Override
        public String toString() {
            return "Freshness[maxAge=" + Durations.format(maxAge) + "]";
        }
    }

    /**
     * A run is good when it completes within {@code deadline}.
     *
     * @param deadline positive, at most 7 days, a whole number of milliseconds
     */
    record Deadline(Duration deadline) implements Sli {
        /**
         * Checks the deadline.
         *
         * @param deadline positive, at most 7 days, a whole number of milliseconds
         * @throws NullPointerException if {@code deadline} is null
         * @throws IllegalArgumentException if {@code deadline} is not positive, longer than 7 days, or has a
         *     sub-millisecond part
         */
        public Deadline {
            Objects.requireNonNull(deadline, "deadline must not be null");
            if (deadline.isZero() || deadline.isNegative() || deadline.compareTo(Duration.ofDays(7)) > 0) {
                throw new IllegalArgumentException("deadline must be positive and at most 7 days, got " + Durations.format(deadline));
            }
            requireWholeMillis(deadline, "deadline");
        }

        @Override
        public String describe() {
            return "run completes within " + Durations.format(deadline);
        }

        @Override
        public String toString() {
            return "Deadline[deadline=" + Durations.format(deadline) + "]";
        }
    }

    /**
     * Good when the operation succeeded within {@code maxRetries} retries.
     *
     * @param maxRetries {@code >= 0}
     */
    record WithinRetries(int maxRetries) implements Sli {
        /**
         * Checks the bound.
         *
         * @param maxRetries the most retries a good operation may take, {@code >= 0}
         * @throws IllegalArgumentException if {@code maxRetries} is negative
         */
        public WithinRetries {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be >= 0, got " + maxRetries);
            }
        }

        @Override
        public String describe() {
            return "success within " + maxRetries + (maxRetries == 1 ? " retry" : " retries");
        }
    }

    /** Refuses a duration that {@code toMillis()} would cut: these SLIs count time in milliseconds. */
    private static void requireWholeMillis(Duration d, String parameter) {
        if (d.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(parameter + " must be a whole number of milliseconds, got " + Durations.format(d));
        }
    }

    /** Satisfied survey answers are good; unsatisfied answers and incident reports are bad. */
    record Feedback() implements Sli {
        static final Feedback INSTANCE = new Feedback();

        @Override
        public String describe() {
            return "consumer feedback and incident reports";
        }
    }
}
