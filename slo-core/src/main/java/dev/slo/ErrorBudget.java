package dev.slo;

/**
 * An SLO's error budget over its window, as of one clock reading. Exact counts; derived figures
 * computed from them on demand.
 *
 * <pre>{@code
 * ErrorBudget b = checkout.errorBudget();
 * if (b.exhausted()) freezeReleases();
 * }</pre>
 *
 * <p>With time-slice budgeting the counts are of slices, not events.
 *
 * @param total          events (or slices) in the window
 * @param good           good events (or slices) in the window, at most {@code total}
 * @param target         the SLO's target, a fraction in (0,1)
 * @param budgetFraction {@code 1 - target}, derived in decimal so that 0.999 gives exactly 0.001
 */
public record ErrorBudget(long total, long good, double target, double budgetFraction) {

    /** @throws IllegalArgumentException if the counts are negative or {@code good > total} */
    public ErrorBudget {
        if (total < 0 || good < 0 || good > total) {
            throw new IllegalArgumentException("counts must satisfy 0 <= good <= total, got good=" + good + ", total=" + total);
        }
        Targets.checkTarget(target);
        if (!(budgetFraction > 0 && budgetFraction < 1)) {
            throw new IllegalArgumentException("budgetFraction must be in (0,1), got " + budgetFraction);
        }
    }

    /** A budget of the given counts against {@code target}, with {@code 1 - target} derived exactly. */
    public static ErrorBudget of(long total, long good, double target) {
        return new ErrorBudget(total, good, target, Targets.budgetFraction(target));
    }

    /** Bad events (or slices): {@code total - good}. */
    public long bad() {
        return total - good;
    }

    /** {@code good / total}; 1.0 when there were no events. */
    public double attainment() {
        return total == 0 ? 1.0 : (double) good / total;
    }

    /** The bad events the window may hold: {@code (1 - target) * total}. */
    public double allowedBad() {
        return budgetFraction * total;
    }

    /** The share of the budget spent: {@code bad / allowedBad}; 0.0 when there were no events. */
    public double consumed() {
        return total == 0 ? 0.0 : bad() / allowedBad();
    }

    /** {@code 1 - consumed()}; negative once the budget is overspent. */
    public double remaining() {
        return 1.0 - consumed();
    }

    /** True when the budget is gone: {@code remaining() <= 0} with at least one bad event. */
    public boolean exhausted() {
        return bad() > 0 && remaining() <= 0;
    }

    /** True when the window holds no events: attainment 1.0 then means "no data", not "healthy". */
    public boolean insufficientData() {
        return total == 0;
    }
}
