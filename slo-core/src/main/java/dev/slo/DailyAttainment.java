package dev.slo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How an SLO fared on one day, from {@link Slo#adherence()}.
 *
 * @param date       the day (UTC)
 * @param good       good events that day
 * @param total      all events that day (excluded events not among them)
 * @param attainment {@code good / total}; 1.0 when there were no events
 * @param met        true when the day had events and its attainment reached the target
 */
public record DailyAttainment(LocalDate date, long good, long total, double attainment, boolean met) {

    /**
     * @throws NullPointerException if {@code date} is null
     * @throws IllegalArgumentException if the counts are negative, {@code good > total}, or
     *     {@code attainment} is outside [0,1]
     */
    public DailyAttainment {
        Objects.requireNonNull(date, "date must not be null");
        if (total < 0 || good < 0 || good > total) {
            throw new IllegalArgumentException("counts must satisfy 0 <= good <= total, got good=" + good + ", total=" + total);
        }
        if (!(attainment >= 0 && attainment <= 1)) {
            throw new IllegalArgumentException("attainment must be in [0,1], got " + attainment);
        }
    }

    /**
     * The day of {@code good} out of {@code total} events, judged against {@code target}: met when
     * the bad events are at most {@code (1 - target) * total} (exact to floating error).
     *
     * @throws IllegalArgumentException if the counts are inconsistent or {@code target} is not in (0,1)
     */
    public static DailyAttainment of(LocalDate date, long good, long total, double target) {
        Targets.checkTarget(target);
        if (total < 0 || good < 0 || good > total) {
            throw new IllegalArgumentException("counts must satisfy 0 <= good <= total, got good=" + good + ", total=" + total);
        }
        double allowedBad = Targets.budgetFraction(target) * total;
        boolean met = total > 0 && (total - good) <= allowedBad * (1 + 1e-9);
        return new DailyAttainment(date, good, total, total == 0 ? 1.0 : (double) good / total, met);
    }

    /** Bad events that day. */
    public long bad() {
        return total - good;
    }

    /** True when the day had at least one event: a day without is neither met nor missed. */
    public boolean hasData() {
        return total > 0;
    }

    /** True when the day had events and missed the target. */
    public boolean missed() {
        return total > 0 && !met;
    }
}
