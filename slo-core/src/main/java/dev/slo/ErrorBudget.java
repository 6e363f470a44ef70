package dev.slo;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalDouble;

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
 * is spent by {@code total - sliceRatioSum}. Such a budget is made by {@link #ofSliceRatios}; any other
 * has an empty {@link #sliceRatioSum()}.
 *
 * @param total          events (or slices) in the window
 * @param good           good events (or slices) in the window, at most {@code total}
 * @param target         the SLO's target, a fraction in (0,1)
 * @param budgetFraction {@code 1 - target}, derived in decimal so that 0.999 gives exactly 0.001; the
 *                       constructor refuses any other value
 * @param sliceRatioSum  for ratio-timeslices budgeting, the sum of the slices' good/total ratios, in
 *                       [0, total]; empty otherwise
 */
public record ErrorBudget(long total, long good, double target, double budgetFraction, OptionalDouble sliceRatioSum) {

    /**
     * A budget counted by events or by good/bad slices (no slice ratios).
     *
     * @param total          events (or slices) in the window, at least 0
     * @param good           good events (or slices) in the window, in [0, total]
     * @param target         the SLO's target, a fraction in (0,1)
     * @param budgetFraction exactly {@code 1 - target} in decimal (see {@link #of})
     * @throws IllegalArgumentException as the canonical constructor
     */
    public ErrorBudget(long total, long good, double target, double budgetFraction) {
        this(total, good, target, budgetFraction, OptionalDouble.empty());
    }

    /**
     * Checks the counts, the target and the derived budget fraction.
     *
     * @param total          events (or slices) in the window, at least 0
     * @param good           good events (or slices) in the window, in [0, total]
     * @param target         the SLO's target, a fraction in (0,1)
     * @param budgetFraction exactly {@code 1 - target} in decimal (see {@link #of})
     * @param sliceRatioSum  the sum of the slices' good/total ratios, in [0, total], for ratio-timeslices
     *                       budgeting; empty (never null) for any other budget
     * @throws NullPointerException if {@code sliceRatioSum} is null
     * @throws IllegalArgumentException if the counts are negative, {@code good > total}, {@code target} is
     *     not a fraction in (0,1), {@code budgetFraction} is not exactly {@code 1 - target} in decimal (see
     *     {@link #of}), or {@code sliceRatioSum} is outside [0, total]
     */
    public ErrorBudget {
        Objects.requireNonNull(sliceRatioSum, "sliceRatioSum must not be null (empty for budgets without slice ratios)");
        if (total < 0 || good < 0 || good > total) {
            throw new IllegalArgumentException("counts must satisfy 0 <= good <= total, got good=" + good + ", total=" + total);
        }
        Targets.checkTarget(target);
        double derived = Targets.budgetFraction(target);
        if (Double.compare(budgetFraction, derived) != 0) {
            throw new IllegalArgumentException("budgetFraction must be 1 - target = " + derived + " for target " + target
                    + " (exact in decimal; ErrorBudget.of derives it), got " + budgetFraction);
        }
        if (sliceRatioSum.isPresent()) {
            double sum = sliceRatioSum.getAsDouble();
            if (!(sum >= 0 && sum <= total * (1 + 1e-12))) {
                throw new IllegalArgumentException("sliceRatioSum must be in [0, total=" + total + "], got " + sum);
            }
        }
    }

    /**
     * A budget of the given counts against {@code target}, with {@code 1 - target} derived exactly.
     *
     * @param total  events (or slices) in the window, at least 0
     * @param good   good events (or slices) in the window, in [0, total]
     * @param target the SLO's target, a fraction in (0,1)
     * @return the budget, with an empty {@link #sliceRatioSum()}
     * @throws IllegalArgumentException if the counts are negative, {@code good > total}, or {@code target}
     *     is not a fraction in (0,1) (NaN and infinities included)
     */
    public static ErrorBudget of(long total, long good, double target) {
        Targets.checkTarget(target);
        return new ErrorBudget(total, good, target, Targets.budgetFraction(target));
    }

    /**
     * A ratio-timeslices budget: {@code total} slices with data, {@code good} of them wholly good, whose
     * good/total ratios sum to {@code sliceRatioSum}; attainment is their mean.
     *
     * @param total         slices that had data in the window, at least 0
     * @param good          slices whose every event was good, in [0, total]
     * @param target        the SLO's target, a fraction in (0,1)
     * @param sliceRatioSum the sum of the slices' good/total ratios, in [0, total]
     * @return the budget, with {@link #sliceRatioSum()} present
     * @throws IllegalArgumentException if the counts are inconsistent, {@code target} is not in (0,1), or
     *     {@code sliceRatioSum} is outside [0, total]
     */
    public static ErrorBudget ofSliceRatios(long total, long good, double target, double sliceRatioSum) {
        Targets.checkTarget(target);
        return new ErrorBudget(total, good, target, Targets.budgetFraction(target), OptionalDouble.of(sliceRatioSum));
    }

    /** {@return the bad events (or slices), {@code total - good}, at least 0} */
    public long bad() {
        return total - good;
    }

    /**
     * {@code good / total} (ratio-timeslices: the mean slice ratio); 1.0 when there were no events.
     *
     * @return the attainment, in [0,1]
     */
    public double attainment() {
        if (total == 0) {
            return 1.0;
        }
        return sliceRatioSum.isEmpty() ? (double) good / total : Math.min(1.0, sliceRatioSum.getAsDouble() / total);
    }

    /** {@return the bad events the window may hold, {@code (1 - target) * total}; 0.0 when there were none} */
    public double allowedBad() {
        return budgetFraction * total;
    }

    /**
     * The share of the budget spent: {@code bad / allowedBad} (ratio-timeslices:
     * {@code (total - sliceRatioSum) / allowedBad}); 0.0 when there were no events.
     *
     * @return the share spent, at least 0; above 1 once the budget is overspent
     */
    public double consumed() {
        if (total == 0) {
            return 0.0;
        }
        double spent = sliceRatioSum.isEmpty() ? bad() : Math.max(0.0, total - sliceRatioSum.getAsDouble());
        return spent / allowedBad();
    }

    /** {@return {@code 1 - consumed()}, at most 1; negative once the budget is overspent} */
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
        if (sliceRatioSum.isPresent()) {
            return remaining() <= 1e-12;                  // a sum of ratios carries no exact decimal
        }
        BigDecimal allowance = BigDecimal.valueOf(budgetFraction).multiply(BigDecimal.valueOf(total));
        return BigDecimal.valueOf(bad()).compareTo(allowance) >= 0;
    }

    /**
     * True when the window holds no events: attainment 1.0 then means "no data", not "healthy".
     *
     * @return whether {@code total} is 0
     */
    public boolean insufficientData() {
        return total == 0;
    }

    /** What a user reads: the counts, the target, the attainment and the budget remaining. */
    @Override
    public String toString() {
        return "ErrorBudget[total=" + total + ", good=" + good + ", bad=" + bad() + ", target=" + target
                + ", attainment=" + attainment() + ", remaining=" + remaining() + "]";
    }
}
