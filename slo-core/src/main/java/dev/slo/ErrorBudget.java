package dev.slo;

import java.math.BigDecimal;

/**
 * An SLO's error budget over its window, as of one clock reading. Exact counts; derived figures
 * computed from them on demand.
 *
 * <pre>{@code
 * ErrorBudget b = checkout.errorBudget();
 * if (b.exhausted()) freezeReleases();
 * }</pre>
 *
 * <p>With time-slice budgeting the counts are of slices, not events. With ratio-timeslices budgeting
 * ({@link Budgeting#ratioTimeslices}) {@code good} counts the slices whose every event was good, and
 * {@link #attainment()} is the mean of the slices' ratios, {@code sliceRatioSum / total}; the budget
 * is spent by {@code total - sliceRatioSum}.
 *
 * @param total          events (or slices) in the window
 * @param good           good events (or slices) in the window, at most {@code total}
 * @param target         the SLO's target, a fraction in (0,1)
 * @param budgetFraction {@code 1 - target}, derived in decimal so that 0.999 gives exactly 0.001
 * @param sliceRatioSum  for ratio-timeslices budgeting, the sum of the slices' good/total ratios;
 *                       NaN otherwise
 */
public record ErrorBudget(long total, long good, double target, double budgetFraction, double sliceRatioSum) {

    /** A budget counted by events or by good/bad slices (no slice ratios). */
    public ErrorBudget(long total, long good, double target, double budgetFraction) {
        this(total, good, target, budgetFraction, Double.NaN);
    }

    /**
     * @throws IllegalArgumentException if the counts are negative, {@code good > total}, or
     *     {@code sliceRatioSum} is outside [0, total]
     */
    public ErrorBudget {
        if (!Double.isNaN(sliceRatioSum) && !(sliceRatioSum >= 0 && sliceRatioSum <= total * (1 + 1e-12))) {
            throw new IllegalArgumentException("sliceRatioSum must be in [0, total=" + total + "], got " + sliceRatioSum);
        }
        if (total < 0 || good < 0 || good > total) {
            throw new IllegalArgumentException("counts must satisfy 0 <= good <= total, got good=" + good + ", total=" + total);
        }
        Targets.checkTarget(target);
        if (!(budgetFraction > 0 && budgetFraction < 1)) {
            throw new IllegalArgumentException("budgetFraction must be in (0,1), got " + budgetFraction);
        }
    }

    /**
     * A budget of the given counts against {@code target}, with {@code 1 - target} derived exactly.
     *
     * @throws IllegalArgumentException if the counts are negative, {@code good > total}, or {@code target}
     *     is not a fraction in (0,1) (NaN and infinities included)
     */
    public static ErrorBudget of(long total, long good, double target) {
        Targets.checkTarget(target);
        return new ErrorBudget(total, good, target, Targets.budgetFraction(target));
    }

    /** Bad events (or slices): {@code total - good}. */
    public long bad() {
        return total - good;
    }

    /** {@code good / total} (ratio-timeslices: the mean slice ratio); 1.0 when there were no events. */
    public double attainment() {
        if (total == 0) {
            return 1.0;
        }
        return Double.isNaN(sliceRatioSum) ? (double) good / total : Math.min(1.0, sliceRatioSum / total);
    }

    /** The bad events the window may hold: {@code (1 - target) * total}. */
    public double allowedBad() {
        return budgetFraction * total;
    }

    /**
     * The share of the budget spent: {@code bad / allowedBad} (ratio-timeslices:
     * {@code (total - sliceRatioSum) / allowedBad}); 0.0 when there were no events.
     */
    public double consumed() {
        if (total == 0) {
            return 0.0;
        }
        double spent = Double.isNaN(sliceRatioSum) ? bad() : Math.max(0.0, total - sliceRatioSum);
        return spent / allowedBad();
    }

    /** {@code 1 - consumed()}; negative once the budget is overspent. */
    public double remaining() {
        return 1.0 - consumed();
    }

    /**
     * True when the budget is gone: at least one bad event, and the bad events reach the allowance
     * {@code (1 - target) * total}, compared exactly in decimal (so spending the allowance to the event,
     * 99 bad of 10,000 at 0.9901, exhausts it, though {@code remaining()} may round to 1e-16 above 0).
     *
     * @return whether the budget is spent
     */
    public boolean exhausted() {
        if (bad() == 0) {
            return false;
        }
        if (!Double.isNaN(sliceRatioSum)) {
            return remaining() <= 1e-12;                  // a sum of ratios carries no exact decimal
        }
        BigDecimal allowance = BigDecimal.valueOf(budgetFraction).multiply(BigDecimal.valueOf(total));
        return BigDecimal.valueOf(bad()).compareTo(allowance) >= 0;
    }

    /** True when the window holds no events: attainment 1.0 then means "no data", not "healthy". */
    public boolean insufficientData() {
        return total == 0;
    }
}
