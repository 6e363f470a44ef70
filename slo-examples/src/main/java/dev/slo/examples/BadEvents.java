package dev.slo.examples;

import dev.slo.Slo;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Records a minute's traffic in bulk with {@link Slo#recordCounts(long, long)}, turning an expected
 * number of bad events (say 0.03 a minute) into whole ones spread evenly over time: the fraction left
 * over is carried to the next minute, so the long-run ratio is exact and no minute gets a burst by chance.
 */
final class BadEvents {
    private final Map<Slo, double[]> carried = new IdentityHashMap<>();

    /** Records {@code events} events into {@code slo}, of which about {@code badRatio} are bad. */
    void record(Slo slo, long events, double badRatio) {
        double[] carry = carried.computeIfAbsent(slo, s -> new double[1]);
        carry[0] += events * badRatio;
        long bad = Math.min(events, (long) carry[0]);
        carry[0] -= bad;
        slo.recordCounts(events - bad, bad);
    }
}
