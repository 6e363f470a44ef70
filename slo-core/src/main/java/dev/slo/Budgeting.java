package dev.slo;

import dev.slo.engine.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How the error budget counts: by events ({@link #occurrences()}, the default) or by time slices.
 *
 * <p>The three methods are those of the OpenSLO specification: {@code Occurrences},
 * {@code Timeslices} and {@code RatioTimeslices}. With time slices, {@link ErrorBudget#total()} is the
 * number of slices that had data and {@link ErrorBudget#bad()} the bad ones. Slice {@code k} covers
 * {@code [k*len, (k+1)*len)} in epoch milliseconds and counts once the clock reaches its end; a window
 * or look-back {@code w} holds the slices whose start is at or after {@code now - w}, to within one
 * bucket of the finest tier that covers {@code w} (see {@link Slo}).
 *
 * <pre>{@code
 * Budgeting.timeslices(Duration.ofMinutes(1));          // a slice is good when all its events are (or its gauge stays in bound)
 * Budgeting.timeslices(Duration.ofMinutes(1), 0.95);    // a slice is good when 95% of its events are
 * }</pre>
 */
public sealed interface Budgeting permits Budgeting.Occurrences, Budgeting.Timeslices, Budgeting.RatioTimeslices {

    /**
     * Each event counts: the budget is {@code (1 - target) * events}. The default.
     *
     * @return the occurrences budgeting, always the same instance
     */
    static Budgeting occurrences() {
        return Occurrences.INSTANCE;
    }

    /**
     * Each slice of {@code slice} counts, good when all its events are good (or, for a gauge SLI,
     * when every reading in it is within bound).
     *
     * @param slice from 1 second to 1 hour, a whole number of seconds dividing a day evenly (1 min, 5 min, 1 h...)
     * @return time-slice budgeting with a slice target of 1.0
     * @throws NullPointerException if {@code slice} is null
     * @throws IllegalArgumentException if {@code slice} is not allowed
     */
    static Budgeting timeslices(Duration slice) {
        return new Timeslices(slice, 1.0);
    }

    /**
     * Each slice of {@code slice} counts, good when its good/total ratio reaches {@code sliceTarget}.
     *
     * @param slice       as for {@link #timeslices(Duration)}
     * @param sliceTarget the fraction of a slice's events that must be good, in (0,1]
     * @return time-slice budgeting with that slice target
     * @throws NullPointerException if {@code slice} is null
     * @throws IllegalArgumentException if {@code sliceTarget} is outside (0,1] or {@code slice} is not allowed
     */
    static Budgeting timeslices(Duration slice, double sliceTarget) {
        return new Timeslices(slice, sliceTarget);
    }

    /**
     * Each slice of {@code slice} counts by its good/total ratio: attainment is the mean of the slices' ratios.
     *
     * @param slice as for {@link #timeslices(Duration)}
     * @return ratio-timeslices budgeting
     * @throws NullPointerException if {@code slice} is null
     * @throws IllegalArgumentException if {@code slice} is not allowed
     */
    static Budgeting ratioTimeslices(Duration slice) {
        return new RatioTimeslices(slice);
    }

    /** Events count one by one. */
    record Occurrences() implements Budgeting {
        static final Occurrences INSTANCE = new Occurrences();
    }

    /**
     * Slices count, good when their ratio reaches {@code sliceTarget} (1.0: all events good).
     *
     * @param slice       from 1 second to 1 hour, a whole number of seconds dividing a day evenly
     * @param sliceTarget in (0,1]
     */
    record Timeslices(Duration slice, double sliceTarget) implements Budgeting {
        /**
         * Checks the slice length and the slice target.
         *
         * @param slice       from 1 second to 1 hour, a whole number of seconds dividing a day evenly
         * @param sliceTarget the fraction of a slice's events that must be good, in (0,1]
         * @throws NullPointerException if {@code slice} is null
         * @throws IllegalArgumentException if an argument is out of range
         */
        public Timeslices {
            checkSlice(slice);
            Args.fractionUpToOne(sliceTarget, "sliceTarget");
        }

        @Override
        public String toString() {
            return "Timeslices[slice=" + Durations.format(slice) + ", sliceTarget=" + sliceTarget + "]";
        }
    }

    /** @param slice from 1 second to 1 hour, a whole number of seconds dividing a day evenly */
    record RatioTimeslices(Duration slice) implements Budgeting {
        /**
         * Checks the slice length.
         *
         * @param slice from 1 second to 1 hour, a whole number of seconds dividing a day evenly
         * @throws NullPointerException if {@code slice} is null
         * @throws IllegalArgumentException if {@code slice} is out of range
         */
        public RatioTimeslices {
            checkSlice(slice);
        }

        @Override
        public String toString() {
            return "RatioTimeslices[slice=" + Durations.format(slice) + "]";
        }
    }

    private static void checkSlice(Duration slice) {
        Objects.requireNonNull(slice, "slice must not be null");
        if (slice.compareTo(Duration.ofSeconds(1)) < 0 || slice.compareTo(Duration.ofHours(1)) > 0
                || slice.getNano() != 0 || 86_400 % slice.getSeconds() != 0) {
            throw new IllegalArgumentException(
                    "slice must be whole seconds from 1 s to 1 h that divide a day evenly, got " + Durations.format(slice));
        }
    }
}
