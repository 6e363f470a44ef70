package dev.slo.engine;

/**
 * One SLO's counts over one stretch of time, as its budget counts them: events, or with time-slice
 * budgeting slices. What a {@link Ledger} hands every reader (the SLO's own queries, cascades,
 * reports, lint), so no reader counts differently from the budget.
 *
 * @param good     good events (slice budgeting: good slices)
 * @param total    all events (slice budgeting: slices that had data)
 * @param ratioSum the sum of the good/total ratios of the slices ({@code good} for events and for
 *                 good/bad slices): attainment is {@code ratioSum / total}
 */
public record Tally(long good, long total, double ratioSum) {

    /**
     * Events counted one by one: the ratio sum is the good count.
     *
     * @param good  good events
     * @param total all events
     * @return the tally
     */
    public static Tally ofEvents(long good, long total) {
        return new Tally(good, total, good);
    }

    /**
     * The ratio sum, never above total (floating sums of ratios may overshoot by the last bits).
     *
     * @return the clamped ratio sum
     */
    public double clampedRatioSum() {
        return Math.min(ratioSum, total);
    }

    /**
     * {@code ratioSum / total}: good/total for events; 1.0 with nothing counted.
     *
     * @return the attainment in [0, 1]
     */
    public double attainment() {
        return total == 0 ? 1.0 : clampedRatioSum() / total;
    }

    /**
     * {@code 1 - attainment}, at least 0; 0.0 with nothing counted.
     *
     * @return the error ratio in [0, 1]
     */
    public double errorRatio() {
        return total == 0 ? 0.0 : Math.max(0.0, (total - ratioSum) / total);
    }
}
