package dev.slo;

import dev.slo.engine.Durations;
import java.time.Duration;

/** The cross-field checks of {@link SloBuilder#register()} for budgeting by time slices. Package-private. */
final class SliceChecks {
    /** Gauge SLIs count one-minute slices unless told otherwise. */
    static final Duration DEFAULT_GAUGE_SLICE = Duration.ofMinutes(1);

    private SliceChecks() {}

    /**
     * The budgeting to register with: {@code chosen}, or the default for the SLI when null.
     *
     * @throws IllegalStateException if the combination cannot work; the message says why and what to do
     */
    static Budgeting budgetingFor(String name, Sli sli, Window window, AlertPolicy policy, Budgeting chosen) {
        Budgeting budgeting = chosen;
        if (budgeting == null) {
            budgeting = sli instanceof Sli.Gauge ? Budgeting.timeslices(DEFAULT_GAUGE_SLICE) : Budgeting.occurrences();
        }
        Duration slice = sliceOf(budgeting);
        if (sli instanceof Sli.Gauge && slice == null) {
            throw new IllegalStateException("budgeting must count time slices for the gauge SLI of \"" + name + "\" ("
                    + sli.describe() + "): a gauge has readings, not events; got " + budgeting
                    + "; use .budgeting(Budgeting.timeslices(...)) or leave it unset for 1-minute slices");
        }
        if (sli instanceof Sli.Deadline && slice != null) {
            throw new IllegalStateException("budgeting must be occurrences for the deadline SLI of \"" + name + "\" ("
                    + sli.describe() + "): runs count one by one, and a run found late counts at its deadline; got " + budgeting);
        }
        if (slice == null) {
            return budgeting;
        }
        if (window instanceof Window.Rolling rolling) {
            long windowMillis = rolling.length().toMillis();
            if (slice.toMillis() > windowMillis || windowMillis % slice.toMillis() != 0) {
                throw new IllegalStateException("slice must divide the window of \"" + name + "\" (" + Durations.format(rolling.length())
                        + ") into whole slices, got " + Durations.format(slice));
            }
        }
        return budgeting;
    }

    static Duration sliceOf(Budgeting budgeting) {
        if (budgeting instanceof Budgeting.Timeslices t) {
            return t.slice();
        }
        if (budgeting instanceof Budgeting.RatioTimeslices r) {
            return r.slice();
        }
        return null;
    }
}
