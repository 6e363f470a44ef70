package dev.slo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How an SLO fared on one day, from {@link Slo#adherence()}. The attainment and whether the target was
 * met are derived from the counts and the target, so no two of them can disagree.
 *
 * @param date   the day (UTC)
 * @param good   good events that day
 * @param total  all events that day (excluded events not among them)
 * @param target the target the day is judged against, a fraction in (0,1)
 */
public record DailyAttainment(LocalDate date, long good, long total, double target) {

    /**
     * Checks the day's date, counts and target.
     *
     * @param date   the day (UTC), not null
     * @param good   good events that day, in [0, total]
     * @param total  all events that day, at least 0
     * @param target the target the day is judged against, a fraction in (0,1)
     * @throws NullPointerException if {@code date} is null
     * @throws IllegalArgumentException if the counts are negative, {@code good > total}, or {@code target}
     *     is not a fraction in (0,1)
     */
    public DailyAttainment {
        Objects.requireNonNull(date, "date must not be null");
        if (total < 0 || good < 0 || good > total) {
            throw new IllegalArgumentException("counts must satisfy 0 <= good <= total, got good=" + good + ", total=" + total);
        }
        Targets.checkTarget(target);
    }

    /**
     * The day of {@code good} out of {@code total} events, judged against {@code target}: the same as the
     * constructor, in the order the arguments are usually at hand.
     *
     * @param date   the day (UTC), not null
     * @param good   good events that day, in [0, total]
     * @param total  all events that day, at least 0
     * @param target the target the day is judged against, a fraction in (0,1)
     * @return the day's attainment
     * @throws NullPointerException if {@code date} is null
     * @throws IllegalArgumentException if the counts are inconsistent or {@code target} is not in (0,1)
     */
    public static DailyAttainment of(LocalDate date, long good, long total, double target) {
        return new DailyAttainment(date, good, total, target);
    }

    /** {@return the day's attainment {@code good / total}, in [0,1]; 1.0 when there were no events} */
    public double attainment() {
        return total == 0 ? 1.0 : (double) good / total;
    }

    /**
     * True when the day had events and its bad events are at most {@code (1 - target) * total} (exact to floating error).
     *
     * @return whether the day met the target; false for a day without events
     */
    public boolean met() {
        return total > 0 && bad() <= Targets.budgetFraction(target) * total * (1 + 1e-9);
    }

    /** {@return the bad events that day, {@code total - good}} */
    public long bad() {
        return total - good;
    }

    /**
     * True when the day had at least one event: a day without is neither met nor missed.
     *
     * @return whether {@code total} is above 0
     */
    public boolean hasData() {
        return total > 0;
    }

    /**
     * True when the day had events and missed the target.
     *
     * @return whether the day missed the target; false for a day without events
     */
    public boolean missed() {
        return total > 0 && !met();
    }
}
