package dev.slo;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How well an SLO held over the last {@link #DAYS} whole days, from {@link Slo#adherence()}: the
 * daily attainments, and whether the SLO misses durably (then its target and the service disagree).
 *
 * <pre>{@code
 * Adherence a = auth.adherence();
 * if (a.durableGap()) log.warn(a.advice());   // "... achieves 99.7% on 90% of days ... rewrite the SLO to 99.7% or fix ..."
 * }</pre>
 *
 * <p>A day without events is neither met nor missed. A durable gap is a miss on more than half of the
 * days, or on {@link #DURABLE_RUN} days in a row. The achieved target is the attainment the service
 * reached on at least 90% of the days that had events, rounded down to a sensible target: the error
 * share {@code 1 - attainment} rounded up to one significant digit (0.99734 becomes 0.997).
 *
 * @param slo    the SLO's name
 * @param target its target when the adherence was taken
 * @param days   the days, oldest first
 */
public record Adherence(String slo, double target, List<DailyAttainment> days) {

    /** How many days adherence looks back over. */
    public static final int DAYS = 30;
    /** Missed days in a row that make a durable gap. */
    public static final int DURABLE_RUN = 7;
    /** The share of days with events on which the achieved target is reached. */
    public static final double ACHIEVED_ON_SHARE = 0.9;

    /**
     * Checks the fields and keeps an unmodifiable copy of {@code days}.
     *
     * @param slo    the SLO's name, not null
     * @param target its target when the adherence was taken, a fraction in (0,1)
     * @param days   the days, oldest first, usually {@link #DAYS} of them; may be empty
     * @throws NullPointerException if {@code slo} or {@code days} (or a day) is null
     * @throws IllegalArgumentException if {@code target} is not in (0,1)
     */
    public Adherence {
        Objects.requireNonNull(slo, "slo must not be null");
        Targets.checkTarget(target);
        days = List.copyOf(Objects.requireNonNull(days, "days must not be null"));
    }

    /** {@return the number of days that had at least one event, in [0, days().size()]} */
    public int daysWithData() {
        return (int) days.stream().filter(DailyAttainment::hasData).count();
    }

    /** {@return the number of days whose attainment reached the target (days without events excluded)} */
    public int daysMet() {
        return (int) days.stream().filter(DailyAttainment::met).count();
    }

    /** {@return the number of days that had events and missed the target} */
    public int daysMissed() {
        return (int) days.stream().filter(DailyAttainment::missed).count();
    }

    /** {@return the longest run of consecutive missed days, 0 when none was missed (a day without events ends a run)} */
    public int longestMissedRun() {
        int longest = 0;
        int run = 0;
        for (DailyAttainment day : days) {
            run = day.missed() ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * True when the SLO missed on more than half of the days, or on {@link #DURABLE_RUN} days in a row.
     *
     * @return whether the gap between the target and the service is durable
     */
    public boolean durableGap() {
        return 2 * daysMissed() > days.size() || longestMissedRun() >= DURABLE_RUN;
    }

    /**
     * The median daily attainment over the days with events; empty when none had events.
     *
     * @return the median, in [0,1] (the mean of the middle two for an even count), or empty
     */
    public OptionalDouble medianAttainment() {
        double[] sorted = sortedAttainments();
        if (sorted.length == 0) {
            return OptionalDouble.empty();
        }
        int n = sorted.length;
        return OptionalDouble.of(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
    }

    /**
     * The target the service actually achieves: the attainment reached on at least 90% of the days with
     * events, rounded down so that {@code 1 - target} has one significant digit (0.99734 gives 0.997).
     * Empty when no day had events.
     *
     * @return the achieved target, in [0,1], or empty
     */
    public OptionalDouble achievedTarget() {
        double[] sorted = sortedAttainments();
        if (sorted.length == 0) {
            return OptionalDouble.empty();
        }
        // At least n - k of the n days reach sorted[k]; k = floor(0.1 n) keeps that at 90% or more.
        int k = (int) Math.floor((1 - ACHIEVED_ON_SHARE) * sorted.length + 1e-9);
        return OptionalDouble.of(roundDownToTarget(sorted[k]));
    }

    /**
     * What to do, in one paragraph: with a durable gap, the achieved target next to the current one and
     * the choice between rewriting the SLO and fixing the service; otherwise how often the target was met.
     *
     * @return the advice, one paragraph of plain text naming the SLO; never empty
     */
    public String advice() {
        int withData = daysWithData();
        if (withData == 0) {
            return slo + ": no events in the last " + days.size() + " days, so nothing to judge;"
                    + " check that the service reports its events.";
        }
        String current = percent(target);
        if (!durableGap()) {
            return slo + " met its target of " + current + " on " + daysMet() + " of " + withData
                    + " days with events; no durable gap.";
        }
        String achieved = percent(achievedTarget().orElseThrow());
        return slo + " missed its target of " + current + " on " + daysMissed() + " of " + withData
                + " days with events (at most " + longestMissedRun() + " in a row): a durable gap."
                + " The service achieves " + achieved + " (reached on at least 90% of days) against the target of "
                + current + ". Either rewrite the SLO to " + achieved + ", the target the service actually achieves,"
                + " or fix the service to reach " + current + ".";
    }

    private double[] sortedAttainments() {
        double[] values = days.stream().filter(DailyAttainment::hasData).mapToDouble(DailyAttainment::attainment).toArray();
        Arrays.sort(values);
        return values;
    }

    /** 1 minus (1 - attainment) rounded up to one significant digit, in decimal; never below 0. */
    static double roundDownToTarget(double attainment) {
        BigDecimal gap = BigDecimal.ONE.subtract(BigDecimal.valueOf(attainment));
        if (gap.signum() <= 0) {
            return 1.0;
        }
        BigDecimal rounded = gap.round(new MathContext(1, RoundingMode.CEILING));
        return Math.max(0.0, BigDecimal.ONE.subtract(rounded).doubleValue());
    }

    /** 0.999 as "99.9%", from the shortest decimal form. */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
