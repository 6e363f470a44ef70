package dev.slo;

// The counts a cascade query reads: the SLOs' attainments, error ratios and the root's budget, through each SLO's one read path (SloQueries) at one clock reading.

import dev.slo.engine.Durations;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * What {@link Cascade}'s queries read from the SLOs, each figure at the clock reading the query took once.
 * Every read goes through {@link SloQueries#tally(Window, long)} or {@link SloQueries#tally(long, long...)}, so each SLO
 * is counted as its own budget counts it (events, or slices under time-slice budgeting) and the runs of
 * a deadline SLI whose deadline passed unreported are swept first, whether or not anyone asked that SLO.
 *
 * <p>Package-private; stateless, so thread-safe.
 */
final class CascadeReadings {

    private CascadeReadings() {}

    /**
     * Each SLO's attainment over {@code window} as of {@code now} (1.0 for one without counts in it).
     *
     * @param slos   the SLOs to read
     * @param window the window to read them over (the root's)
     * @param now    the query's clock reading, in epoch ms
     * @return the attainment of each of {@code slos}
     */
    static ToDoubleFunction<Slo> attainments(List<Slo> slos, Window window, long now) {
        Map<Slo, Double> attainment = new HashMap<>();
        for (Slo slo : slos) {
            attainment.put(slo, slo.queries().tally(window, now).attainment());
        }
        return attainment::get;
    }

    /**
     * Each SLO's {@code 1 - errorRatio} over the last {@code lookBackMillis} as of {@code now}.
     *
     * @param slos           the SLOs to read
     * @param lookBackMillis the look-back, checked by {@link #lookBackMillis}
     * @param now            the query's clock reading, in epoch ms
     * @return the success ratio of each of {@code slos}
     */
    static ToDoubleFunction<Slo> successes(List<Slo> slos, long lookBackMillis, long now) {
        Map<Slo, Double> success = new HashMap<>();
        for (Slo slo : slos) {
            success.put(slo, 1.0 - slo.queries().tally(now, lookBackMillis)[0].errorRatio());
        }
        return success::get;
    }

    /**
     * {@code lookBack} in ms, once checked against the history every one of {@code slos} keeps.
     *
     * @param lookBack the look-back a caller asked for
     * @param slos     the SLOs that will be read over it
     * @return the look-back in ms, at least 1
     * @throws NullPointerException if {@code lookBack} is null
     * @throws IllegalArgumentException if {@code lookBack} is shorter than 1 ms or longer than one of
     *     {@code slos} keeps history
     */
    static long lookBackMillis(Duration lookBack, List<Slo> slos) {
        Objects.requireNonNull(lookBack, "lookBack must not be null");
        long millis = lookBack.isNegative() ? 0 : Durations.saturatedMillis(lookBack);
        if (millis == 0) {
            throw new IllegalArgumentException("lookBack must be positive (at least 1 ms), got " + Durations.format(lookBack));
        }
        long history = Long.MAX_VALUE;
        for (Slo slo : slos) {
            history = Math.min(history, slo.queries().historyMillis());
        }
        if (millis > history) {
            throw new IllegalArgumentException("lookBack must be at most " + Durations.format(Duration.ofMillis(history))
                    + " (the history the dependencies keep), got " + Durations.format(lookBack));
        }
        return millis;
    }
}
