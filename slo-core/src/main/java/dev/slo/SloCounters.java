package dev.slo;

/**
 * What an SLO has counted since its registry was created, as monotonic counters for a metrics system
 * (see {@code dev.slo.export.Prometheus}): the events recorded live, and under time-slice budgeting the
 * slices judged. Restored snapshots and backfills ({@link Slo#recordCounts(long, long, java.time.Instant)})
 * are not in them: they never happened in this process, and a counter that jumped by them would read as
 * a burst of traffic. A deadline SLO's run whose deadline passed unreported counts bad when found out.
 *
 * @param goodEvents     good events recorded, excluded ones not among them
 * @param badEvents      bad events recorded, excluded ones not among them
 * @param excludedEvents events recorded during an exclusion (counted apart, never against the budget)
 * @param slices         slices with data judged (0 without time-slice budgeting)
 * @param goodSlices     good slices judged; under ratio-timeslices budgeting the sum of the slices'
 *     good ratios, so not a whole number
 */
public record SloCounters(long goodEvents, long badEvents, long excludedEvents, long slices, double goodSlices) {
    /**
     * Checks the counts.
     *
     * @param goodEvents     good events recorded, at least 0
     * @param badEvents      bad events recorded, at least 0
     * @param excludedEvents events recorded during an exclusion, at least 0
     * @param slices         slices with data judged, at least 0
     * @param goodSlices     good slices (or their ratio sum), in [0, slices]
     * @throws IllegalArgumentException if a count is negative or goodSlices is not in [0, slices]
     */
    public SloCounters {
        if (goodEvents < 0 || badEvents < 0 || excludedEvents < 0 || slices < 0) {
            throw new IllegalArgumentException("counts must be at least 0, got " + goodEvents + " good, " + badEvents + " bad, "
                    + excludedEvents + " excluded events and " + slices + " slices");
        }
        if (!(goodSlices >= 0 && goodSlices <= slices * (1 + 1e-12))) {
            throw new IllegalArgumentException("goodSlices must be in [0, " + slices + "], got " + goodSlices);
        }
    }

    /** {@return the slices judged not good (for ratio budgeting, {@code slices - goodSlices})} */
    public double badSlices() {
        return Math.max(0, slices - goodSlices);
    }
}
